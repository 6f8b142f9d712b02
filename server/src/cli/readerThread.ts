/**
 * The reading thread of readAhead.ts (a script of its own: it loads only what reading needs). It claims
 * each file in turn that the main thread has not taken, and puts its text into the ring, or leaves the
 * file to the main thread. A text takes the room after the previous one, from the ring's start again
 * where it would not fit before its end; the reader waits while that room still holds a text the main
 * thread has not taken.
 */
import * as os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { plainUtf8, readFile } from './fileBytes';
import { scanText } from '../core/textScans';
import { ANCHORS, AT, FREE, IN_RING, LINE_STARTS, MAX_TEXT_BYTES, OWN, PLACE, READING, RING_BYTES, scansOffset, STARTED, STOP, TAKEN, TEXT_BYTES, type Shared } from './readAhead';

function readAhead(shared: Shared): void {
  const control = new Int32Array(shared.control);
  // Node's modules are loaded: the main thread may now change V8's flags (cli/compilerFlags.ts).
  Atomics.store(control, STARTED, 1);
  // Below the main thread and V8's compiler threads: the reading is worth only the time they leave. On
  // Linux the call sets the priority of the calling thread alone; elsewhere it would set the process's.
  if (process.platform === 'linux') {
    try {
      os.setPriority(0, 10);
    } catch {
      // Not allowed: read at the same priority.
    }
  }
  const { names, scan } = shared;
  const ring = Buffer.from(shared.ring);
  const ring32 = new Int32Array(shared.ring);
  const states = new Int32Array(shared.states);
  const places = new Int32Array(shared.places);
  // Positions counted from the first byte ever written (they never go back): where the next text may
  // start, and where the texts of files 0…k end (`ends[k]`: the room the main thread frees by taking them).
  let head = 0;
  const ends = new Float64Array(names.length);
  for (let k = 0; k < names.length; k++) {
    if (Atomics.load(control, STOP) === 1) return;
    ends[k] = head;
    if (Atomics.compareExchange(states, k, FREE, READING) !== FREE) continue;
    let text: string | null = null;
    try {
      text = plainUtf8(readFile(names[k]!));
    } catch {
      // The main thread reads it again and says why it cannot.
    }
    // The parser's scans of the text (not of one that starts with a byte order mark: the text parsed is
    // the one after it, inputs.ts `fromPlainUtf8`), written after it.
    const scans = scan && text !== null && text.charCodeAt(0) !== 0xfeff ? scanText(text) : null;
    const textBytes = text === null ? 0 : 2 * text.length;
    const lines = scans === null ? 0 : scans.lineStarts.length;
    const bytes = scans === null ? textBytes : scansOffset(textBytes) + 4 * (lines + scans.anchors.length);
    if (text === null || bytes > MAX_TEXT_BYTES) {
      Atomics.compareExchange(states, k, READING, OWN);
      continue;
    }
    let start = head;
    if ((start % RING_BYTES) + bytes > RING_BYTES) start += RING_BYTES - (start % RING_BYTES);
    // Wait for the room: the texts of the files the main thread has taken (0…taken - 1) are done with.
    for (;;) {
      const taken = Atomics.load(control, TAKEN);
      if (taken > k) break; // It has taken this one too (and read it itself).
      const used = taken === 0 ? 0 : ends[taken - 1]!;
      if (start + bytes - used <= RING_BYTES) break;
      if (Atomics.load(control, STOP) === 1) return;
      Atomics.wait(control, TAKEN, taken, 100);
    }
    if (Atomics.load(states, k) !== READING) continue;
    const at = start % RING_BYTES;
    ring.write(text, at, 'utf16le');
    if (scans !== null) {
      const from = (at + scansOffset(textBytes)) >> 2;
      ring32.set(scans.lineStarts, from);
      ring32.set(scans.anchors, from + lines);
    }
    const place = PLACE * k;
    places[place + AT] = at;
    places[place + TEXT_BYTES] = textBytes;
    places[place + LINE_STARTS] = lines;
    places[place + ANCHORS] = scans === null ? 0 : scans.anchors.length;
    head = start + scansOffset(bytes);
    ends[k] = head;
    // Unless the main thread took the file meanwhile (then nobody reads what was written).
    Atomics.compareExchange(states, k, READING, IN_RING);
  }
}

// Started before its files were known (`ReadAhead.startEarly`), the thread waits for them in a message.
if (workerData !== null) readAhead(workerData as Shared);
else parentPort?.once('message', (shared: Shared) => readAhead(shared));
