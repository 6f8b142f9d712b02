/**
 * Writing a changed text back into the file it was read from (`kamervraag format`, `kamervraag check
 * --fix`): in the encoding it was read in, with its permissions, through a temporary file in its folder
 * that is flushed to disk and renamed over it (the file is never half written), and only when the file
 * has not changed since it was read (an editor saving it meanwhile wins).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Message } from '../core';
import { describeError, msg } from './errors';
import { decode, encode, type TextEncoding } from './inputs';

/** Why `bytesOf` gives nothing. */
export const NOT_ENCODABLE = msg('the text would not read back the same once written in its encoding', 'de tekst zou na het schrijven in zijn codering niet hetzelfde teruggelezen worden');

/**
 * `text` as the bytes of a file in `encoding`, or null when reading them back (`decode`, as `read` does)
 * would not give `text`: a lone surrogate (in UTF-8 and UTF-16 alike), or a text starting with U+FEFF
 * written as UTF-8 without a byte order mark (it would be read as one, and dropped).
 */
export function bytesOf(text: string, encoding: TextEncoding): Buffer | null {
  const bytes = encode(text, encoding);
  return decode(bytes) === text ? bytes : null;
}

/** The size and time of last change of a file, to see whether it changed after it was read. */
export function stamp(name: string): { size: number; mtimeNs: bigint } | null {
  try {
    const s = fs.statSync(name, { bigint: true });
    return { size: Number(s.size), mtimeNs: s.mtimeNs };
  } catch {
    return null;
  }
}

/**
 * Writes `bytes` over the file `name` (a symbolic link: over its target) through a temporary file in the
 * same folder, flushed to disk and renamed over it, with the file's permissions and owner; nothing when
 * the file changed since `before` (its stamp when it was read), may not be written, or has other names
 * (hard links, which a new file would leave with the old text). Returns why it was not written, or null.
 */
export function writeOver(name: string, bytes: Buffer, before: ReturnType<typeof stamp>): Message | null {
  let target: string;
  let now: fs.BigIntStats;
  try {
    target = fs.realpathSync(name);
    now = fs.statSync(target, { bigint: true });
  } catch (e) {
    return describeError(e);
  }
  if (!before || Number(now.size) !== before.size || now.mtimeNs !== before.mtimeNs) {
    return msg('changed since it was read', 'gewijzigd sinds het werd gelezen');
  }
  const mode = Number(now.mode) & 0o7777;
  // A file the user may not write stays as it is, though its folder would take a new one.
  try {
    fs.accessSync(target, fs.constants.W_OK);
  } catch (e) {
    return describeError(e);
  }
  // A new file would take this name only: the file's other names (hard links) would keep the old text.
  if (now.nlink > 1n) return msg('it has other names (hard links), which would keep the old text', 'het heeft andere namen (harde koppelingen), die de oude tekst zouden houden');
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.kamervraag-tmp`);
  let created = false;
  try {
    // `wx`: a file of that name that is there already is not ours to write over, nor to remove.
    const fd = fs.openSync(temp, 'wx', mode);
    created = true;
    try {
      fs.writeFileSync(fd, bytes);
      fs.fchmodSync(fd, mode);
      try {
        fs.fchownSync(fd, Number(now.uid), Number(now.gid));
      } catch {
        // Only the owner may be kept who may be given: as another user the new file is the writer's.
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    return null;
  } catch (e) {
    if (created) fs.rmSync(temp, { force: true });
    return describeError(e);
  }
}
