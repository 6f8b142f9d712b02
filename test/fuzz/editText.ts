/**
 * Text helpers of the edit-safety checks (editSafety.ts, fixOracle.ts, fixAllSafety.ts), independent of the
 * server: edits applied as an editor applies them, words, line spans.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';

const URI = 'file:///edit-safety.kvr';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'kamervraag', 1, text), [...edits]);
}

/** `applyEdits`, or the error that says why the edits do not apply (for a check to report, not throw). */
export function tryApplyEdits(text: string, edits: readonly TextEdit[]): string | Error {
  try {
    return applyEdits(text, edits);
  } catch (err) {
    return err as Error;
  }
}

/**
 * Throws when a property found `violations` (fast-check then shrinks the case and reports it): how many
 * `what`, the first eight, what was done to the text (`how`) and the text (as `show` writes it).
 */
export function assertNoViolations(what: string, violations: readonly string[], text: string, how = '', show: (text: string) => string = (t) => t): void {
  if (violations.length > 0) {
    throw new Error(`${violations.length} ${what}${how ? ` (${how})` : ''}:\n  ${violations.slice(0, 8).join('\n  ')}\n--- text ---\n${show(text)}`);
  }
}

/** The spacing of the format (core/lines.ts isSpace) and of JavaScript: not part of any word. */
const SPACING = /[\s\u200b]+/gu;
/** Words: runs of letters (with their marks), runs of digits; every other character is a word of its own.
 * Digits apart from letters, so that a number an edit replaces does not glue to a letter beside it. */
// A number is a run of ASCII digits (what a rename writes); another numeric character (a superscript
// footnote marker `²`, `½`) is a word of its own, so that `Vraag 1²` renamed to `Vraag 23²` keeps its `²`.
const WORD = /\p{L}[\p{L}\p{M}]*|[0-9]+|[^\p{L}0-9]/gu;

export function words(text: string): string[] {
  return text.replace(SPACING, ' ').match(WORD)?.filter((w) => w !== ' ') ?? [];
}

/** The words of `a` that `b` lacks, as a multiset difference. */
export function missing(a: readonly string[], b: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const w of b) count.set(w, (count.get(w) ?? 0) + 1);
  const out: string[] = [];
  for (const w of a) {
    const n = count.get(w) ?? 0;
    if (n > 0) count.set(w, n - 1);
    else out.push(w);
  }
  return out;
}

/** `t` with each of `ranges` (offsets) replaced by a space. */
export function blank(t: string, ranges: Array<[number, number]>): string {
  let s = '';
  let from = 0;
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    s += `${t.slice(from, a)} `;
    from = b;
  }
  return s + t.slice(from);
}

/** [start, end) offsets of each LSP line (\n, \r\n, \r), line ends excluded. */
export function lineSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([start, m.index]);
    start = m.index + m[0].length;
  }
  out.push([start, text.length]);
  return out;
}
