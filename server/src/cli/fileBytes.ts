/**
 * A file's bytes, and the common case of decoding them, for the `kamervraag` command's main thread
 * (inputs.ts `read`) and its reading thread (readerThread.ts), which loads nothing else.
 */
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';

/**
 * The text of bytes that are UTF-8 without a NUL, decoded by Node (a byte order mark kept, as U+FEFF), or
 * null for any other bytes. What inputs.ts `read` makes of such a text is `fromPlainUtf8`'s.
 */
export function plainUtf8(bytes: Uint8Array): string | null {
  if (bytes.indexOf(0) !== -1 || !isUtf8(bytes)) return null;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/**
 * Room for the bytes of one file, kept from file to file (one per thread): thousands of small files are
 * read in a row, and a buffer made for each, with the call that asks each file's size, cost more than
 * reading them. A file that does not fit is read on into a buffer of its own; the room does not grow.
 */
const room = Buffer.allocUnsafe(1 << 16);

/**
 * The bytes of a file: a view of `room` (valid until the next call) or, for a larger file, a buffer of
 * its own. Throws what `fs` throws.
 */
export function readFile(name: string): Uint8Array {
  const fd = fs.openSync(name, 'r');
  try {
    let n = fs.readSync(fd, room, 0, room.length, null);
    if (n < room.length) return room.subarray(0, n);
    // Larger than the room: on from there, in pieces that double.
    const parts: Buffer[] = [Buffer.from(room)];
    let total = n;
    for (let size = room.length * 2; ; size *= 2) {
      const part = Buffer.allocUnsafe(size);
      n = fs.readSync(fd, part, 0, size, null);
      if (n === 0) break;
      parts.push(part.subarray(0, n));
      total += n;
    }
    return Buffer.concat(parts, total);
  } finally {
    fs.closeSync(fd);
  }
}
