/**
 * The symbol graph of one document (in the manner of texlab): question number → the question blocks
 * that carry it (several when a number is duplicated) and every reference target that names it.
 * Definition, references, highlights and hover all answer from it.
 */
import type { KamervraagDocument, Position, Question, Range, Reference, ReferenceTarget } from '../core/model';
import { strictlyContains, touches } from './ranges';

/** One number inside one mention. */
export interface TargetUse {
  readonly reference: Reference;
  readonly target: ReferenceTarget;
}

export interface QuestionNode {
  readonly number: number;
  /** The question blocks with this number, in document order (usually one; none when only referenced). */
  readonly blocks: Question[];
  /** Every reference target naming this number, in document order. */
  readonly uses: TargetUse[];
}

export interface QuestionGraph {
  readonly doc: KamervraagDocument;
  readonly byNumber: ReadonlyMap<number, QuestionNode>;
}

export function buildGraph(doc: KamervraagDocument): QuestionGraph {
  const byNumber = new Map<number, QuestionNode>();
  const node = (n: number): QuestionNode => {
    let found = byNumber.get(n);
    if (!found) {
      found = { number: n, blocks: [], uses: [] };
      byNumber.set(n, found);
    }
    return found;
  };
  for (const q of doc.questions) if (q.number !== null) node(q.number).blocks.push(q);
  for (const reference of doc.references) {
    for (const target of reference.targets) node(target.number).uses.push({ reference, target });
  }
  return { doc, byNumber };
}

/** What stands under the cursor. */
export type SymbolAt =
  | {
      readonly kind: 'heading';
      readonly number: number;
      readonly question: Question;
      /** The number digits in the heading. */
      readonly range: Range;
    }
  | {
      readonly kind: 'reference';
      /** The question numbers meant at this spot: one for a written number, every number of a range on `t/m`. */
      readonly numbers: readonly number[];
      readonly reference: Reference;
      /** The origin: the digits, or the whole `2 t/m 5` for a range. */
      readonly range: Range;
    };

/**
 * Finds a heading number or a reference target under the cursor. A written number wins over the range it
 * belongs to; on `t/m` of `2 t/m 5` every number from 2 to 5 is meant. A cursor just after a number still
 * finds it.
 */
export function symbolAt(doc: KamervraagDocument, pos: Position): SymbolAt | null {
  for (const question of doc.questions) {
    if (question.number !== null && question.numberRange && touches(question.numberRange, pos)) {
      return { kind: 'heading', number: question.number, question, range: question.numberRange };
    }
    if (pos.line < question.range.start.line) break;
  }
  const reference = referenceAt(doc.references, pos);
  if (!reference) return null;
  const written = reference.targets.filter((t) => !t.implied);
  const onWritten =
    written.find((t) => strictlyContains(t.range, pos)) ?? written.find((t) => touches(t.range, pos));
  if (onWritten) return { kind: 'reference', numbers: [onWritten.number], reference, range: onWritten.range };
  const implied = reference.targets.find((t) => t.implied && touches(t.range, pos));
  if (implied) {
    const span = implied.range;
    const numbers = reference.targets
      .filter((t) => touches(span, t.range.start) && touches(span, t.range.end))
      .map((t) => t.number);
    return { kind: 'reference', numbers: unique(numbers), reference, range: span };
  }
  return null;
}

/** The reference whose range holds `pos` (binary search: references are in document order). */
function referenceAt(references: readonly Reference[], pos: Position): Reference | null {
  let lo = 0;
  let hi = references.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = references[mid]!.range;
    if (pos.line < r.start.line || (pos.line === r.start.line && pos.character < r.start.character)) hi = mid - 1;
    else if (pos.line > r.end.line || (pos.line === r.end.line && pos.character > r.end.character)) lo = mid + 1;
    else {
      // Adjacent references may touch at one position: prefer the one that strictly contains it.
      const next = references[mid + 1];
      if (!strictlyContains(r, pos) && next && strictlyContains(next.range, pos)) return next;
      return references[mid]!;
    }
  }
  return null;
}

function unique(numbers: number[]): number[] {
  return [...new Set(numbers)];
}

/** The numbers a symbol stands for. */
export function numbersOf(symbol: SymbolAt): readonly number[] {
  return symbol.kind === 'heading' ? [symbol.number] : symbol.numbers;
}
