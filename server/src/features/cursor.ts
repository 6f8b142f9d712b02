/**
 * What stands under the cursor, for definition, references, highlights and hover: a heading number or the
 * question numbers of a reference, found through the core's question graph (`core/graph.ts`, the one
 * symbol graph of a document).
 */
import type { QuestionGraph } from '../core/graph';
import type { Position, Question, Range, Reference } from '../core/model';
import { rangeContains, touches } from '../core/ranges';

export type CursorSymbol =
  | {
      readonly kind: 'heading';
      readonly number: number;
      readonly question: Question;
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

export function symbolAt(graph: QuestionGraph, pos: Position): CursorSymbol | null {
  const found = graph.symbolsAt(pos);
  const first = found[0];
  if (!first) return phraseAt(graph, pos);
  if (first.kind === 'heading') return { kind: 'heading', number: first.number, question: first.question, range: first.range };
  const { reference, target } = first.use;
  if (!target.implied) return { kind: 'reference', numbers: [target.number], reference, range: target.range, onPhrase: false };
  // On the `t/m` of a range: the implied numbers and the written ends inside the same span.
  const span = target.range;
  const numbers = reference.targets.filter((t) => rangeContains(span, t.range)).map((t) => t.number);
  return { kind: 'reference', numbers: [...new Set(numbers)], reference, range: span, onPhrase: false };
}

/** On the words of a mention ("Zie antwoord vraag 6"): every question it names, the phrase as origin. */
function phraseAt(graph: QuestionGraph, pos: Position): CursorSymbol | null {
  const references = graph.doc.references;
  // References are in document order: binary search for the last one starting at or before `pos`.
  let lo = 0;
  let hi = references.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = references[mid]!.range.start;
    if (start.line < pos.line || (start.line === pos.line && start.character <= pos.character)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const reference = found >= 0 ? references[found] : undefined;
  if (!reference || !touches(reference.range, pos) || reference.targets.length === 0) return null;
  const numbers = [...new Set(reference.targets.map((t) => t.number))];
  return { kind: 'reference', numbers, reference, range: reference.range, onPhrase: true };
}

export function numbersOf(symbol: CursorSymbol): readonly number[] {
  return symbol.kind === 'heading' ? [symbol.number] : symbol.numbers;
}
