/**
 * What stands under the cursor, for definition, references, highlights and hover: a heading number or the
 * question numbers of a reference, found through the core's question graph (`core/graph.ts`, the one
 * symbol graph of a document).
 */
import type { QuestionGraph } from '../core/graph';
import type { Position, Question, Range, Reference } from '../core/model';
import { rangeContains } from './ranges';

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
      /** The origin: the digits, or the whole `2 t/m 5`. */
      readonly range: Range;
    };

export function symbolAt(graph: QuestionGraph, pos: Position): CursorSymbol | null {
  const found = graph.symbolsAt(pos);
  const first = found[0];
  if (!first) return null;
  if (first.kind === 'heading') return { kind: 'heading', number: first.number, question: first.question, range: first.range };
  const { reference, target } = first.use;
  if (!target.implied) return { kind: 'reference', numbers: [target.number], reference, range: target.range };
  // On the `t/m` of a range: the implied numbers and the written ends inside the same span.
  const span = target.range;
  const numbers = reference.targets.filter((t) => rangeContains(span, t.range)).map((t) => t.number);
  return { kind: 'reference', numbers: [...new Set(numbers)], reference, range: span };
}

export function numbersOf(symbol: CursorSymbol): readonly number[] {
  return symbol.kind === 'heading' ? [symbol.number] : symbol.numbers;
}
