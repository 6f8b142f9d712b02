/**
 * The two searches the parser starts a text with, made apart from the parse: where the lines start
 * (`LineTable`) and the anchors of mentions (`AnchorReader`). `kamervraag check` of a folder has them
 * made by its reading thread, beside the decoding of each file (cli/readAhead.ts): they are a fifth of
 * what the parsing thread would do per document otherwise, and that thread is the one the run waits for.
 */
import { anchorsOf } from './anchors';
import { lineStartsOf } from './lines';

/** What `parse(text, scans)` takes instead of searching `text` itself. */
export interface TextScans {
  /** `lineStartsOf(text)`. */
  readonly lineStarts: Int32Array;
  /** `anchorsOf(text)`. */
  readonly anchors: Int32Array;
}

/**
 * The scans of `text`, or null for a text `LineTable` reads a slice at a time (larger than `SLICE`, or
 * with a `\r`): the parser searches those itself. The arrays are views of kept lists, valid until the
 * next call: copy them before.
 */
export function scanText(text: string): TextScans | null {
  const lineStarts = lineStartsOf(text);
  return lineStarts === null ? null : { lineStarts, anchors: anchorsOf(text) };
}
