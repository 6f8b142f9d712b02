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
  readonly ring: SharedArrayBuffer;
  /** Per file: its state. */
  readonly states: SharedArrayBuffer;
  /** Per file: where its text starts in the ring and its length in bytes. */
  readonly places: SharedArrayBuffer;
  readonly control: SharedArrayBuffer;
}

/** The main thread's side: the texts of `names`, taken in their order. */
export class ReadAhead {
  private readonly ring: Buffer;
  private readonly states: Int32Array;
  private readonly places: Int32Array;
  private readonly control: Int32Array;
  private next = 0;

  private constructor(shared: Shared, private readonly worker: Worker) {
    this.ring = Buffer.from(shared.ring);
    this.states = new Int32Array(shared.states);
    this.places = new Int32Array(shared.places);
    this.control = new Int32Array(shared.control);
  }

  /**
   * A reader thread for `names` (file paths), or null when no thread could be started. `script`: the
   * reader's script, its own small file beside this one (dist/readerThread.js in the bundle): no parser
   * to load. A script that fails to load or run leaves every file to the main thread.
   */
  static start(names: readonly string[], script = path.join(__dirname, 'readerThread.js')): ReadAhead | null {
    const shared: Shared = {
      names,
      ring: new SharedArrayBuffer(RING_BYTES),
      states: new SharedArrayBuffer(4 * names.length),
      places: new SharedArrayBuffer(8 * names.length),
      control: new SharedArrayBuffer(4 * 3),
    };
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: shared });
    } catch {
      return null;
    }
    // The main thread does not wait for the reader (stop() ends it): an error there only means that the
    // main thread reads the files the reader did not get to.
    worker.on('error', () => {});
    worker.unref();
    return new ReadAhead(shared, worker);
  }

  /**
   * The text of the next file (in the order of `names`), decoded as `plainUtf8` decodes it; null when the
   * caller must read that file itself (with `read`).
   */
  take(): string | null {
    const i = this.next++;
    // Whatever the file's state, it is this thread's from now on: a file the reader has not begun, or is
    // still reading, is read here (the reader's work on it is lost), so the main thread never waits.
    const state = Atomics.exchange(this.states, i, OWN);
    let text: string | null = null;
    if (state === IN_RING) {
      const at = this.places[2 * i]!;
      text = this.ring.toString('utf16le', at, at + this.places[2 * i + 1]!);
    }
    Atomics.store(this.control, TAKEN, i + 1);
    Atomics.notify(this.control, TAKEN);
    return text;
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
