/**
 * Where the `kamervraag` command writes, with the failures of writing handled: a reader that goes
 * away (`kamervraag rules | head -1`: EPIPE) ends the output quietly, any other write error (a full
 * disk: ENOSPC) is said in one line on standard error and makes the exit code 2.
 */
import type { Locale } from '../core';
import { describeError, errorCode } from './errors';

export interface Output {
  /** Writes to standard output; does nothing once that has closed or failed. */
  out(text: string): void;
  /** Writes bytes to standard output as they are (a text in another encoding than UTF-8), after what came before. */
  outBytes(bytes: Uint8Array): void;
  /** Writes to standard error; does nothing once that has closed or failed. */
  err(text: string): void;
  /** Resolves when what was written so far has been handed on: true while standard output is still open. */
  drain(): Promise<boolean>;
  /**
   * Whether `drain()` has anything to wait for or to say: a piece on its way or due to be written, or
   * standard output closed. When false, `drain()` would resolve to true at once, and a caller that
   * writes thousands of small results need not wait for it.
   */
  mustDrain(): boolean;
}

/** The code a stream reports when written to after it closed: the reason, if any, comes with its 'error' event. */
const DESTROYED = 'ERR_STREAM_DESTROYED';

/** Standard output is written in pieces of about this many characters… */
const FLUSH_CHARACTERS = 16_384;
/** …or when this many milliseconds have passed since the last piece, so that a slow run still streams. */
const FLUSH_MS = 50;

/**
 * Standard output and standard error of the process (or two other streams, to test). Standard output is
 * gathered into pieces (`FLUSH_CHARACTERS`, `FLUSH_MS`): `check` of 10,000 files prints thousands of
 * lines, and a write per line (a system call each on a pipe) took 8 % of the run. Standard error is
 * written at once, after what standard output gathered, so that the two keep their order on a terminal.
 */
export class StreamOutput implements Output {
  private failure: unknown;
  private failed = false;
  private pending: Promise<void> = Promise.resolve();
  /** Pieces handed to standard output whose write has not called back yet. */
  private writing = 0;
  private gathered = '';
  private flushedAt = performance.now();

  constructor(private readonly stdout: NodeJS.WritableStream & { destroyed?: boolean }, private readonly stderr: NodeJS.WritableStream & { destroyed?: boolean }) {
    stdout.on('error', (e: unknown) => this.fail(e));
    // A standard error that cannot be written leaves nowhere to say so; the exit code still tells.
    stderr.on('error', () => undefined);
  }

  out(text: string): void {
    if (this.failed || this.stdout.destroyed || text === '') return;
    this.gathered += text;
    if (this.gathered.length >= FLUSH_CHARACTERS) this.flush();
  }

  outBytes(bytes: Uint8Array): void {
    this.flush();
    if (this.failed || this.stdout.destroyed || bytes.length === 0) return;
    this.send(bytes);
  }

  err(text: string): void {
    this.flush();
    if (this.stderr.destroyed || text === '') return;
    try {
      this.stderr.write(text);
    } catch {
      // As above: nowhere left to report it.
    }
  }

  /** Writes what was gathered, when there is any; `pending` then resolves once it has been handed on. */
  private flush(): void {
    this.flushedAt = performance.now();
    const text = this.gathered;
    if (text === '') return;
    this.gathered = '';
    if (this.failed || this.stdout.destroyed) return;
    this.send(text);
  }

  /** Hands `chunk` to standard output; `pending` then resolves once it has been handed on. */
  private send(chunk: string | Uint8Array): void {
    this.writing++;
    this.pending = new Promise((resolve) => {
      try {
        this.stdout.write(chunk, (e) => {
          this.writing--;
          if (e) this.fail(e);
          resolve();
        });
      } catch (e) {
        this.writing--;
        this.fail(e);
        resolve();
      }
    });
  }

  mustDrain(): boolean {
    return this.writing > 0 || this.failed || this.stdout.destroyed === true || performance.now() - this.flushedAt >= FLUSH_MS;
  }

  async drain(): Promise<boolean> {
    if (performance.now() - this.flushedAt >= FLUSH_MS) this.flush();
    await this.pending;
    return !this.failed && !this.stdout.destroyed;
  }

  /**
   * Waits for the output to be written and gives the exit code: `code` when it was written or its reader
   * went away, 2 (after one line on standard error) when writing failed.
   */
  async finish(code: number, locale: Locale): Promise<number> {
    this.flush();
    await this.pending;
    // The stream's 'error' event, with the reason of a failure, follows the write's callback.
    await new Promise((resolve) => setImmediate(resolve));
    if (!this.failed) return code;
    const reason = errorCode(this.failure);
    if (reason === 'EPIPE' || reason === DESTROYED) return code;
    const why = describeError(this.failure)[locale];
    const suffix = reason ? ` (${reason})` : '';
    this.err(locale === 'nl' ? `kamervraag: de uitvoer kan niet worden geschreven: ${why}${suffix}.\n` : `kamervraag: cannot write the output: ${why}${suffix}.\n`);
    return 2;
  }

  private fail(e: unknown): void {
    // The first failure with a reason wins over "written after it closed".
    if (!this.failed || (errorCode(this.failure) === DESTROYED && errorCode(e) !== DESTROYED)) this.failure = e;
    this.failed = true;
  }
}

/**
 * Whether to colour what goes to `stream`: a terminal that shows colours (Node reads `NO_COLOR`,
 * `FORCE_COLOR`, `NODE_DISABLE_COLORS` and `TERM` for it), or, for a pipe or file, `FORCE_COLOR` set to
 * anything but `0` or `false` (as Node reads it: it wins over `NO_COLOR`).
 */
export function wantsColor(stream: { isTTY?: boolean; hasColors?: () => boolean }, env: NodeJS.ProcessEnv): boolean {
  if (stream.isTTY) return stream.hasColors?.() ?? false;
  const force = env.FORCE_COLOR;
  return force !== undefined && force !== '0' && force !== 'false';
}

/** Characters a terminal acts on instead of showing them: C0 controls (a tab aside), DEL, and C1 controls. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/**
 * Text from a file (its name, its words, a message that quotes them) as a line on a terminal shows it: a
 * control character as `\x1b`, so that an escape sequence in a title cannot clear the screen, colour the
 * lines after it or hide a link's target, and a line end in a file name cannot start a line of its own.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The line on standard error that says what became of one file: `kamervraag: NAME: MESSAGE.`, printable. */
export function fileLine(name: string, message: string): string {
  return `kamervraag: ${printable(`${name}: ${message}`)}.\n`;
}

/** The colours the tool uses, as ANSI select-graphic-rendition codes (on, off). */
const SGR = { red: [31, 39], yellow: [33, 39], cyan: [36, 39], dim: [2, 22] } as const;
export type Colour = keyof typeof SGR;

/** `text` in `colour` when `on`, else as it is. */
export function paint(on: boolean, colour: Colour, text: string): string {
  return on ? `\x1b[${SGR[colour][0]}m${text}\x1b[${SGR[colour][1]}m` : text;
}

