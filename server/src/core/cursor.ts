/**
 * What stands under the cursor — the one query behind definition, references, highlights, hover, rename
 * and everything later (texlab's `object_at_cursor`): a heading's number, a number of a mention, the
 * `t/m` of a range, or (in `full` mode) the words of a mention ("Zie antwoord vraag 6").
 *
 * Fast on any document: the question whose heading stands on the cursor's line and the mentions of that
 * line are found by binary search over the rows of `doc.blocks`, and only those become objects.
 */
import type { KamervraagDocument, Position, Question, Range, Reference, ReferenceTarget } from './model';
import { comparePositions, rangeContains, touches, width } from './ranges';

/** `number`: only on digits (and the `t/m` of a range), as rename asks; `full`: also on the words of a mention. */
export type CursorMode = 'number' | 'full';

export type CursorObject =
  | {
      readonly kind: 'heading';
      readonly number: number;
      /** The block under the cursor (two blocks may share a number) and its index in `doc.blocks`. */
      readonly question: Question;
      readonly index: number;
      /** The number digits in the heading. */
      readonly range: Range;
    }
  | {
      readonly kind: 'reference';
      /** The numbers meant here: one for a written number; on `t/m` of `2 t/m 5`, every number from 2 to 5. */
      readonly numbers: readonly number[];
      readonly reference: Reference;
      /** The origin: the digits, the whole `2 t/m 5`, or the whole phrase. */
      readonly range: Range;
      /** True when the cursor stands on the words of the phrase ("Zie antwoord"), not on a number. */
      readonly onPhrase: boolean;
    };

/** The numbers an object names: a heading's own, or those of a mention. */
export function numbersOf(object: CursorObject): readonly number[] {
  return object.kind === 'heading' ? [object.number] : object.numbers;
}

/** What stands at `pos` in `doc`, or null. */
export function objectAt(doc: KamervraagDocument, pos: Position, mode: CursorMode = 'full'): CursorObject | null {
  return headingAt(doc, pos) ?? numberAt(doc, pos) ?? (mode === 'full' ? phraseAt(doc, pos) : null);
}

/** The index of the last question block whose heading is at or above `line` (in `doc.blocks`), or -1: the block `line` may lie in. */
export function blockIndexAt(doc: KamervraagDocument, line: number): number {
  const blocks = doc.blocks;
  return firstAtLine(blocks.questionCount, (k) => blocks.headingLine(k), line + 1) - 1;
}

/** The first index in `[0, count)` whose line is at least `line` (lines ascending), or `count`. */
function firstAtLine(count: number, lineOf: (i: number) => number, line: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lineOf(mid) < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function headingAt(doc: KamervraagDocument, pos: Position): CursorObject | null {
  const blocks = doc.blocks;
  const i = firstAtLine(blocks.questionCount, (k) => blocks.headingLine(k), pos.line);
  if (i >= blocks.questionCount || blocks.headingLine(i) !== pos.line) return null;
  const question = blocks.question(i);
  if (question.number === null || !question.numberRange || !touches(question.numberRange, pos)) return null;
  return { kind: 'heading', number: question.number, question, index: i, range: question.numberRange };
}

/** The mentions that start on `line`, in document order. */
function referencesOnLine(doc: KamervraagDocument, line: number): Reference[] {
  const blocks = doc.blocks;
  const out: Reference[] = [];
  for (let r = firstAtLine(blocks.referenceCount, (k) => blocks.referenceLine(k), line); r < blocks.referenceCount; r++) {
    if (blocks.referenceLine(r) !== line) break;
    out.push(blocks.reference(r));
  }
  return out;
}

/** On a number of a mention (the narrowest), or on the `t/m` of a range: the numbers meant there. */
function numberAt(doc: KamervraagDocument, pos: Position): CursorObject | null {
  const on: { reference: Reference; target: ReferenceTarget }[] = [];
  for (const reference of referencesOnLine(doc, pos.line)) {
    for (const target of reference.targets) if (touches(target.range, pos)) on.push({ reference, target });
  }
  let best = on[0];
  for (const use of on) if (width(use.target.range) < width(best!.target.range)) best = use;
  if (!best) return null;
  // Inside a range, the first number touching the cursor speaks for it.
  const { reference, target } = best.target.implied ? on[0]! : best;
  if (!target.implied) return { kind: 'reference', numbers: [target.number], reference, range: target.range, onPhrase: false };
  // On the `t/m` of a range: the implied numbers and the written ends inside the same span.
  const span = target.range;
  const numbers = reference.targets.filter((t) => rangeContains(span, t.range)).map((t) => t.number);
  return { kind: 'reference', numbers: [...new Set(numbers)], reference, range: span, onPhrase: false };
}

/** On the words of a mention ("Zie antwoord vraag 6"): every question it names, the phrase as origin. */
function phraseAt(doc: KamervraagDocument, pos: Position): CursorObject | null {
  let reference: Reference | undefined;
  // The last mention of the line starting at or before `pos` (a mention stands on one line).
  for (const r of referencesOnLine(doc, pos.line)) {
    if (comparePositions(r.range.start, pos) <= 0) reference = r;
    else break;
  }
  if (!reference || !touches(reference.range, pos) || reference.targets.length === 0) return null;
  const numbers = [...new Set(reference.targets.map((t) => t.number))];
  return { kind: 'reference', numbers, reference, range: reference.range, onPhrase: true };
}
