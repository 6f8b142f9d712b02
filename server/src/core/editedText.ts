/**
 * `EditedText`: a text with replacements applied, made whole or a stretch at a time. The formatter writes
 * its result as one (format.ts), the check of a large formatted text reads it in parts (formatCheck.ts),
 * and fix-all applies each round's fixes with it (fixAll.ts).
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { LineTable } from './lines';

/** One replacement of the text `[start, end)` (offsets) by `newText`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/**
 * A text with replacements applied: the original's `[start, end)` stretches, in text order and not
 * overlapping, each replaced by its text. Made whole (`toString`) or a stretch of the original at a time
 * (`between`), so that a large formatted text can be checked in parts without ever being made as one string.
 */
export class EditedText {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly texts: string[] = [];

  constructor(readonly original: string) {}

  /** Replaces `[start, end)` of the original, after every replacement before (touching is fine). */
  replace(start: number, end: number, text: string): void {
    this.starts.push(start);
    this.ends.push(end);
    this.texts.push(text);
  }

  /** `original` with `changes` (in text order, not overlapping) applied. */
  static of(original: string, changes: readonly TextChange[]): EditedText {
    const edited = new EditedText(original);
    for (const c of changes) edited.replace(c.start, c.end, c.newText);
    return edited;
  }

  /** The text of `lines` with `edits` (in text order, not overlapping) applied. */
  static fromEdits(lines: LineTable, edits: readonly TextEdit[]): EditedText {
    const edited = new EditedText(lines.text);
    for (const e of edits) edited.replace(lines.offsetAt(e.range.start), lines.offsetAt(e.range.end), e.newText);
    return edited;
  }

  /** `rest`'s replacements, made on `original` from `from` on, after `[0, from)` is removed. */
  static afterRemoved(original: string, from: number, rest: EditedText): EditedText {
    const edited = new EditedText(original);
    edited.replace(0, from, '');
    for (let r = 0; r < rest.starts.length; r++) edited.replace(rest.starts[r]! + from, rest.ends[r]! + from, rest.texts[r]!);
    return edited;
  }

  /**
   * The edited text of the original's `[from, to)`, or null when a replacement crosses `from` or `to`. Text
   * inserted at `to` belongs to the stretch after it, but at the end of the original to this one.
   */
  between(from: number, to: number): string | null {
    const { starts, ends, texts, original } = this;
    // The first replacement that starts at `from` or after.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && ends[lo - 1]! > from) return null;
    const parts: string[] = [];
    let at = from;
    const last = to === original.length ? to + 1 : to;
    for (let r = lo; r < starts.length && starts[r]! < last; r++) {
      if (ends[r]! > to) return null;
      parts.push(original.slice(at, starts[r]), texts[r]!);
      at = ends[r]!;
    }
    parts.push(original.slice(at, to));
    return parts.join('');
  }

  /** The whole edited text. */
  toString(): string {
    return this.starts.length === 0 ? this.original : this.between(0, this.original.length)!;
  }
}
