/** Small helpers on LSP positions and ranges (0-based lines, UTF-16 characters). */
import type { Position, Range } from 'vscode-languageserver-types';


export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/** True when `pos` lies in `range`, both ends included (a cursor just after a word still touches it). */
export function touches(range: Range, pos: Position): boolean {
  return comparePositions(range.start, pos) <= 0 && comparePositions(pos, range.end) <= 0;
}

/** The same as `touches`: `pos` in `range`, both ends included. */
export const contains = touches;

/** True when `pos` lies in `range`, the end excluded. */
export function strictlyContains(range: Range, pos: Position): boolean {
  return comparePositions(range.start, pos) <= 0 && comparePositions(pos, range.end) < 0;
}

/** True when `inner` lies completely inside `outer`. */
export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

/** The smallest range covering both. */
export function union(a: Range, b: Range): Range {
  return {
    start: comparePositions(a.start, b.start) <= 0 ? a.start : b.start,
    end: comparePositions(a.end, b.end) >= 0 ? a.end : b.end,
  };
}

/** The range from the first span's start to the last span's end, or null when there are none. */
export function spansRange(spans: readonly { readonly range: Range }[]): Range | null {
  return spans.length === 0 ? null : union(spans[0]!.range, spans[spans.length - 1]!.range);
}

/** The width of a one-line range; a range over several lines counts as wider than any one-line range. */
export function width(r: Range): number {
  return r.start.line === r.end.line ? r.end.character - r.start.character : Number.MAX_SAFE_INTEGER;
}

/** A key for a range, to deduplicate. */
export function rangeKey(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** True for a well-formed position (non-negative integers). */
export function isPosition(p: unknown): p is Position {
  if (typeof p !== 'object' || p === null) return false;
  const { line, character } = p as { line: unknown; character: unknown };
  return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0;
}
