/**
 * Splitting text into lines the way LSP counts them: `\n`, `\r\n` and a lone `\r` each end a line;
 * characters are UTF-16 code units (JavaScript string indices).
 */
import type { Range } from 'vscode-languageserver-types';

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

export function isBlank(s: string): boolean {
  return skipSpaces(s) === s.length;
}

/**
 * The offset in `text` of each line's first character (`lines` from `splitLines(text)`). `hasCR` says
 * whether the text holds a `\r` (when the caller knows; saves a scan of the text).
 */
export function lineStarts(text: string, lines: readonly string[], hasCR = text.indexOf('\r') !== -1): Int32Array {
  const starts = new Int32Array(lines.length);
  if (!hasCR) {
    let offset = 0;
    for (let i = 0; i < lines.length; i++) {
      starts[i] = offset;
      offset += lines[i]!.length + 1;
    }
    return starts;
  }
  let line = 1;
  for (let i = 0; i < text.length && line < lines.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts[line++] = i + 1;
  }
  return starts;
}
