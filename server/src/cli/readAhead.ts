/**
 * Reading ahead: while the main thread parses and checks one file, a second thread opens, reads and
 * decodes the next ones. `kamervraag check` of a folder in one thread spends about a third of its time
 * on the system calls of reading and on decoding UTF-8 (bench/README.md, "Many small documents"); on a
 * second core that time is taken off the run.
 *
 * The reader writes each text, as UTF-16, into a ring in a `SharedArrayBuffer` and says where in a
 * shared table; the main thread copies it out (one `toString` of the bytes) in the order it needs the
 * files. No messages, no event loop. The main thread never waits: a file whose text is not in the ring
 * when its turn comes (the reader has not got to it, or is still reading it) it reads itself, and the
 * reader, which claims each file before it reads it, leaves it. So the main thread works from the first
 * file on while the thread starts, and a reader that falls behind (its thread runs at a lower priority,
 * on what the main thread and V8's compiler leave of the cores) only means more of the reading is done
 * as without it. The reader hands over only the common case, UTF-8 without a NUL (`plainUtf8`); any
 * other file, one that cannot be opened or one too large for the ring, the main thread reads with
 * `read`, which says what is wrong with it. What the main thread gets is thus always what `read` would
 * have given.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { smallInt32Array } from '../core/smallArrays';
import type { TextScans } from '../core/textScans';

/** The ring's size in bytes: some 170 documents of 6 KB as UTF-16, more than the reader needs to be ahead. */
export const RING_BYTES = 2 << 20;
/** A text larger than this is read by the main thread itself (`read`). */
export const MAX_TEXT_BYTES = RING_BYTES >> 2;

// A file's state in the shared table.
/** Nobody has it yet. */
export const FREE = 0;
/** The reader is reading it. */
export const READING = 1;
/** Its text is in the ring. */
export const IN_RING = 2;
/** The main thread has taken it (its text, or to read it itself), or the reader left it to it. */
export const OWN = 3;

// The control words.
/** How many files the main thread has taken (their room in the ring may be written over). */
export const TAKEN = 0;
/** Set by the main thread: stop reading. */
export const STOP = 1;
/** Set by the reader once its thread has started (Node's modules loaded, its script running). */
export const STARTED = 2;

/** What the two threads share: the reader thread gets it as its `workerData`. */
export interface Shared {
  readonly names: readonly string[];
  /** Whether the reader scans each text for the parser too (`scanText`: `check`, not `list`). */
  readonly scan: boolean;
  readonly ring: SharedArrayBuffer;
  /** Per file: its state. */
  readonly states: SharedArrayBuffer;
  /** Per file, `PLACE` numbers: see `AT`. */
  readonly places: SharedArrayBuffer;
  readonly control: SharedArrayBuffer;
}

// A file's numbers in the table of places: where its part of the ring starts (a multiple of 4), the
// length of its text in bytes, and the lengths of its scans (textScans.ts: 0 and 0 when it has none),
// which follow the text (from the next multiple of 4) as 32-bit numbers.
export const AT = 0;
export const TEXT_BYTES = 1;
export const LINE_STARTS = 2;
export const ANCHORS = 3;
export const PLACE = 4;

/** What the main thread takes of a file: its text, and the text's scans when the reader made them. */
export interface Taken {
  readonly text: string;
  readonly scans: TextScans | null;
}

const READER_SCRIPT = path.join(__dirname, 'readerThread.js');

/** The thread `ReadAhead.startEarly` started, until `start` takes it. */
let early: Worker | null = null;

/**
 * A reader's thread, given its `Shared` (or null: it waits for them in a message). The main thread does
 * not wait for it (`stop` ends it): an error there only means that the main thread reads the files the
 * reader did not get to.
 */
function spawn(script: string, shared: Shared | null): Worker | null {
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: shared });
  } catch {
    return null;
  }
  worker.on('error', () => {});
  worker.unref();
  return worker;
}

/** The main thread's side: the texts of `names`, taken in their order. */
export class ReadAhead {
  private readonly ring: Buffer;
  private readonly ring32: Int32Array;
  private readonly states: Int32Array;
  private readonly places: Int32Array;
  private readonly control: Int32Array;
  private next = 0;

  private constructor(shared: Shared, private readonly worker: Worker) {
    this.ring = Buffer.from(shared.ring);
    this.ring32 = new Int32Array(shared.ring);
    this.states = new Int32Array(shared.states);
    this.places = new Int32Array(shared.places);
    this.control = new Int32Array(shared.control);
  }

  /**
   * Starts the reader's thread before its files are known: Node's modules load in it (some 35 ms) on the
   * other core while this thread searches the folders. `start` hands it the files; `dismissEarly` ends
   * it when the run reads no files ahead.
   */
  static startEarly(script = READER_SCRIPT): void {
    early ??= spawn(script, null);
  }

  /** Ends a thread `startEarly` started that no `start` has taken; settles once it has ended. */
  static async dismissEarly(): Promise<void> {
    const worker = early;
    early = null;
    await worker?.terminate();
  }

  /**
   * A reader thread for `names` (file paths), or null when no thread could be started: the one
   * `startEarly` started, else a new one. `scan`: the reader scans each text for the parser too
   * (textScans.ts). `script`: the reader's script, its own small file beside this one
   * (dist/readerThread.js in the bundle): no parser to load. A script that fails to load or run leaves
   * every file to the main thread.
   */
  static start(names: readonly string[], { scan = false, script = READER_SCRIPT } = {}): ReadAhead | null {
    const shared: Shared = {
      names,
      scan,
      ring: new SharedArrayBuffer(RING_BYTES),
      states: new SharedArrayBuffer(4 * names.length),
      places: new SharedArrayBuffer(4 * PLACE * names.length),
      control: new SharedArrayBuffer(4 * 3),
    };
    let worker = early;
    early = null;
    // (The buffers are shared with the thread, not copied; the names are.)
    if (worker !== null) worker.postMessage(shared);
    else worker = spawn(script, shared);
    return worker === null ? null : new ReadAhead(shared, worker);
  }

  /**
   * The text of the next file (in the order of `names`), decoded as `plainUtf8` decodes it, and its scans
   * if the reader made them (copied out of the ring); null when the caller must read that file itself
   * (with `read`).
   */
  take(): Taken | null {
    const i = this.next++;
    // Whatever the file's state, it is this thread's from now on: a file the reader has not begun, or is
    // still reading, is read here (the reader's work on it is lost), so the main thread never waits.
    const state = Atomics.exchange(this.states, i, OWN);
    let taken: Taken | null = null;
    if (state === IN_RING) {
      const place = PLACE * i;
      const places = this.places;
      const at = places[place + AT]!;
      const bytes = places[place + TEXT_BYTES]!;
      const text = this.ring.toString('utf16le', at, at + bytes);
      const lines = places[place + LINE_STARTS]!;
      let scans: TextScans | null = null;
      if (lines > 0) {
        // Copied before the room is given back below: the reader may write over it at once.
        const from = (at + scansOffset(bytes)) >> 2;
        const lineStarts = smallInt32Array(lines);
        lineStarts.set(this.ring32.subarray(from, from + lines));
        const anchors = smallInt32Array(places[place + ANCHORS]!);
        anchors.set(this.ring32.subarray(from + lines, from + lines + anchors.length));
        scans = { lineStarts, anchors };
      }
      taken = { text, scans };
    }
    Atomics.store(this.control, TAKEN, i + 1);
    Atomics.notify(this.control, TAKEN);
    return taken;
  }

  /** Whether the reader's thread has started (it may still be behind the main thread). */
  get started(): boolean {
    return Atomics.load(this.control, STARTED) === 1;
  }

  /** Ends the reader (at once: the files it has not read are not needed). */
  stop(): void {
    Atomics.store(this.control, STOP, 1);
    Atomics.notify(this.control, TAKEN);
    void this.worker.terminate();
  }
}

/** Where a file's scans start in its part of the ring: after its text of `textBytes`, at a multiple of 4. */
export function scansOffset(textBytes: number): number {
  return (textBytes + 3) & ~3;
}
