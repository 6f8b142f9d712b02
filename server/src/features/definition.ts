/**
 * Go to definition: from a question number in a reference ("zie antwoord vraag 6", each number of
 * "vraag 3, 8 en 9", every number of "1 t/m 4") to the answer of that question, or to its heading when it
 * has no answer. From a heading number: to the question's own answer.
 */
import type { Location, LocationLink } from 'vscode-languageserver-types';
import type { KamervraagDocument, Position, Question, Range } from '../core/model';
import { QuestionGraph } from '../core/graph';
import { numbersOf, objectAt } from '../core/cursor';

/** Where a jump to `question` lands: the whole answer (or the heading) and the spot to select. */
export function answerTarget(question: Question): { range: Range; selectionRange: Range } {
  if (question.answerRange && question.answer.length > 0) {
    return { range: question.answerRange, selectionRange: question.answer[0]!.range };
  }
  return { range: question.range, selectionRange: question.heading.range };
}

export function definition(
  doc: KamervraagDocument,
  uri: string,
  pos: Position,
  linkSupport: boolean,
  graph: QuestionGraph = new QuestionGraph(doc),
): Location[] | LocationLink[] {
  const symbol = objectAt(graph.doc, pos);
  if (!symbol) return [];
  const links: LocationLink[] = [];
  for (const n of numbersOf(symbol)) {
    for (const question of graph.questionsNumbered(n)) {
      const target = answerTarget(question);
      links.push({
        originSelectionRange: symbol.range,
        targetUri: uri,
        targetRange: target.range,
        targetSelectionRange: target.selectionRange,
      });
    }
  }
  if (linkSupport) return links;
  return links.map((l) => ({ uri, range: l.targetRange }));
}
