/**
 * Splitting text into lines the way LSP counts them: `\n`, `\r\n` and a lone `\r` each end a line;
 * characters are UTF-16 code units (JavaScript string indices).
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { smallInt32Array } from './smallArrays';

/** The lines of `text`, without their line ends. An empty text has one empty line. */
export function splitLines(text: string): string[] {
  if (text.indexOf('\r') === -1) return text.split('\n');
  const lines: string[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lines.push(text.slice(start, i));
      start = i + 1;
    } else if (c === 13 /* \r */) {
      lines.push(text.slice(start, i));
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  return lines;
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

/** A range on one line. */
export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** True for a space, tab, no-break space or another Unicode space character. */
export function isSpace(c: number): boolean {
  if (c === 32) return true;
  if (c < 0xa0) return c === 9 || c === 11 || c === 12;
  return c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000;
}

/** Index of the first non-space character of `s` from `from`, or `s.length`. */
export function skipSpaces(s: string, from = 0): number {
  let i = from;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Index just after the last non-space character of `s`, or 0. */
export function trimEnd(s: string, to = s.length): number {
  let i = to;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
  return i;
}

/** `s` without the spaces (`isSpace`) at its ends: the format's trim (JavaScript's `trim` knows other spaces). */
export function trimSpaces(s: string): string {
  const start = skipSpaces(s);
  return start === s.length ? '' : s.slice(start, trimEnd(s));
}

export function isBlank(s: string): boolean {
  return skipSpaces(s) === s.length;
}

/**
 * Where every line of a text starts, found without cutting the text into line strings: the parser reads
 * the text in place and cuts out only what it keeps. Lines end as in `splitLines`.
 *
 * The line ends are found with `indexOf`, a slice of the text at a time: `\r` and `\n` are searched in
 * one slice while it is still in the processor's cache, so a 72 MB text is read from memory once.
 */
export class LineTable {
  /** Offset of each line's first character; `count` entries are used. */
  private readonly starts: Int32Array;
  readonly count: number;
  private readonly hasCR: boolean;

  /** `found`: `lineStartsOf(text)`, found before (textScans.ts); else the text is searched here. */
  constructor(readonly text: string, found: Int32Array | null = lineStartsOf(text)) {
    if (found !== null) {
      // The common case, a document of ordinary size with `\n` line ends only: one search, its offsets
      // written straight into the kept list (`kamervraag check` of 10,000 files: 32-48 → 17 ms warm,
      // and less code for V8 to run unoptimized while it compiles the rest).
      this.hasCR = false;
      this.starts = found;
      this.count = found.length;
      return;
    }
    // indexOf runs as a fast memory scan; a loop over every character would take several times longer.
    const [cr, lf] = searchKept(text, ['\r', '\n']) as [Int32Array, Int32Array];
    this.hasCR = cr.length > 0;
    // A line starts at 0, after each \n and after each \r that no \n follows: the two lists, merged.
    const starts = smallInt32Array(lf.length + cr.length + 1);
    let n = 1;
    if (cr.length === 0) {
      for (let a = 0; a < lf.length; a++) starts[n++] = lf[a]! + 1;
    } else {
      for (let a = 0, b = 0; a < lf.length || b < cr.length;) {
        if (b >= cr.length || (a < lf.length && lf[a]! < cr[b]!)) starts[n++] = lf[a++]! + 1;
        else if (text.charCodeAt(cr[b]! + 1) !== 10) starts[n++] = cr[b++]! + 1;
        else b++;
      }
    }
    letGoOfLargeLists();
    this.starts = starts;
    this.count = n;
  }

  /** Offset of the first character of `line`. */
  start(line: number): number {
    return this.starts[line]!;
  }

  /** Offset just after the last character of `line`, its line end excluded. */
  end(line: number): number {
    if (line + 1 >= this.count) return this.text.length;
    let e = this.starts[line + 1]! - 1;
    if (this.hasCR && this.text.charCodeAt(e) === 10 && e > this.starts[line]! && this.text.charCodeAt(e - 1) === 13) e--;
    return e;
  }

  /** The text of `line`, without its line end. */
  line(line: number): string {
    return this.text.slice(this.starts[line]!, this.end(line));
  }

  /**
   * The offset of position `p`, as LSP reads a position: a character past the end of its line is the line's
   * end (before its line end), a line before the first is the text's start, a line after the last its end.
   */
  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.count) return this.text.length;
    const start = this.starts[p.line]!;
    return Math.min(start + Math.max(0, p.character), this.end(p.line));
  }

  /** The position of `offset`; an offset inside a line end (between `\r` and `\n`) is the end of its line. */
  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(Math.max(offset, 0), this.end(lo)) - this.starts[lo]! };
  }
}

/** The line end the document uses most: `\n`, `\r\n` or `\r` (LF on a tie or when there is none). */
export function dominantLineEnd(lines: LineTable): string {
  const text = lines.text;
  if (text.indexOf('\r') === -1) return '\n';
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  // Each line but the first starts after a line end: look at the one or two characters before it.
  for (let i = 1; i < lines.count; i++) {
    const at = lines.start(i);
    if (text.charCodeAt(at - 1) === 13) cr++;
    else if (text.charCodeAt(at - 2) === 13) crlf++;
    else lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/**
 * The line end to write at the end of `line`: the one that line has, so that what is written there meets
 * its own kind (a `\r` written before the line's `\n` would make one `\r\n` of two line ends); the
 * last line, which has none, takes the one the document uses most.
 */
export function lineEndAfter(lines: LineTable, line: number): string {
  return line + 1 < lines.count ? lines.text.slice(lines.end(line), lines.start(line + 1)) : dominantLineEnd(lines);
}

/** Characters searched per slice of the text: 128 KB of a two-byte string, well inside a processor cache. */
export const SLICE = 1 << 16;

/**
 * The lists the search fills, one per pattern, kept from call to call: `LineTable` reads the line ends
 * where they stand and keeps only the line starts it makes of them. Thousands of small texts are searched
 * in a row (a workspace, `kamervraag check` of a folder), and a large one again at every edit. Lists made
 * per call were several arrays outside the JavaScript heap per text, all of them garbage at once, and new
 * memory from the system costs more than its size says: it is handed out page by page, and on some
 * machines a page costs as much as copying it many times over (13 µs a page measured on an AMD EPYC
 * virtual machine: 47 ms for a new 14 MB array, 0.4 ms to fill it again). The lists of a pasted
 * collection of 100,000 questions (2.2 million lines, 9 MB) are kept too; a list grown past `KEEP`
 * entries (16 MB) is let go after the call rather than held for the rest of the session.
 */
const scratch: Int32Array[] = [];
const KEEP = 1 << 22;

/** The list `lineFeedStarts` fills, kept from call to call (as `scratch`; its texts are at most `SLICE` long). */
let feeds: Int32Array = new Int32Array(256);

/**
 * Where each line of `text` starts, for the common case: a text of at most `SLICE` characters whose lines
 * all end with `\n`; null for any other text (`LineTable` searches it a slice at a time).
 */
export function lineStartsOf(text: string): Int32Array | null {
  return text.length <= SLICE && text.indexOf('\r') === -1 ? lineFeedStarts(text) : null;
}

/**
 * Where each line of `text` starts, for a text whose lines all end with `\n`: 0, then after each `\n`. Found
 * into the kept list, then copied into an array of the right size (`smallInt32Array`).
 */
function lineFeedStarts(text: string): Int32Array {
  let list = feeds;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (n === list.length) list = feeds = grow(list);
    list[n++] = i + 1;
  }
  list[0] = 0;
  const starts = smallInt32Array(n);
  starts.set(list.subarray(0, n));
  return starts;
}

function letGoOfLargeLists(): void {
  for (let k = 0; k < scratch.length; k++) if (scratch[k]!.length > KEEP) scratch[k] = new Int32Array(256);
}

/**
 * Every offset of each of `patterns` in `text`, ascending, left in the kept lists: views that the next
 * search overwrites.
 * The text is searched a slice at a time (`slice` makes no copy), all patterns in one slice before the
 * next, so that a large text is read from memory once rather than once per pattern; a pattern that does
 * not occur costs one pass, not a search to the end of the text from every slice.
 */
function searchKept(text: string, patterns: readonly string[]): Int32Array[] {
  const counts = patterns.map(() => 0);
  // Where the next search of each pattern starts: after its last occurrence, which may overlap a slice end.
  const from = patterns.map(() => 0);
  for (let k = 0; k < patterns.length; k++) {
    // A large text: room at once for a line every 32 characters (or another pattern every 512), rather
    // than growing by doubling.
    const room = text.length <= SLICE ? 256 : text.length >> (patterns[k] === '\n' ? 5 : 9);
    if (!(scratch[k] && scratch[k]!.length >= room)) scratch[k] = new Int32Array(room);
  }
  if (text.length <= SLICE) {
    for (let k = 0; k < patterns.length; k++) searchSlice(text, patterns[k]!, 0, text.length, scratch, counts, from, k);
  } else {
    const overlap = Math.max(0, ...patterns.map((p) => p.length - 1));
    for (let start = 0; start < text.length; start += SLICE) {
      const end = Math.min(text.length, start + SLICE);
      const part = text.slice(start, Math.min(text.length, end + overlap));
      for (let k = 0; k < patterns.length; k++) searchSlice(part, patterns[k]!, start, end, scratch, counts, from, k);
    }
  }
  return patterns.map((_, k) => scratch[k]!.subarray(0, counts[k]));
}

/**
 * The offsets of `pattern` in one slice of a text (`part`, which starts at `start` of the text) that start
 * before `end`, appended to `lists[k]` from `counts[k]` on (the list grows as needed); the search starts at
 * `from[k]`, which is then where the next slice's search starts (after the last occurrence, which may lie
 * past `end`). The line ends of `LineTable` and the anchors of `AnchorReader` are found with it. A function
 * of its own, called for every slice, so that V8 optimizes it as a whole from its own feedback: as a loop
 * inside the function that runs once per text, it was optimized in the middle of a run and thrown away
 * again at the first line that run had not reached yet, a dozen times before it stayed.
 */
export function searchSlice(
  part: string, pattern: string, start: number, end: number, lists: Int32Array[], counts: number[], from: number[], k: number,
): void {
  let list = lists[k]!;
  let n = counts[k]!;
  let next = from[k]!;
  for (let i = part.indexOf(pattern, next - start); i !== -1 && start + i < end; i = part.indexOf(pattern, i + 1)) {
    if (n === list.length) list = lists[k] = grow(list);
    list[n++] = start + i;
    next = start + i + 1;
  }
  from[k] = Math.max(next, end);
  counts[k] = n;
}

/** A copy of `a` with twice the room (16 for an empty one). */
export function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(Math.max(16, a.length * 2));
  b.set(a);
  return b;
}
