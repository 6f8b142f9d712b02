/**
 * Go to definition: from a question number in a reference ("zie antwoord vraag 6", each number of
 * "vraag 3, 8 en 9", every number of "1 t/m 4") to the answer of that question, or to its heading when it
 * has no answer. From a heading number: to the question's own answer. From a zaaknummer or "vraag 4 van …
 * (2024Z12345)": to that Kamervraag, or its question 4, when it is in the workspace (crossReferences.ts).
 */
import type { DefinitionParams } from 'vscode-languageserver';
import type { Location, LocationLink } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { numbersOf, objectAt } from '../core/cursor';
import type { Question, Range } from '../core/model';
import type { FeatureContext } from './context';
import { crossReferenceAt } from './crossReferences';

/** Where a jump to `question` lands: the whole answer (or the heading) and the spot to select. */
export function answerTarget(question: Question): { range: Range; selectionRange: Range } {
  if (question.answerRange && question.answer.length > 0) {
    return { range: question.answerRange, selectionRange: question.answer[0]!.range };
  }
  return { range: question.range, selectionRange: question.heading.range };
}

export function definition(analysis: Analysis, params: DefinitionParams, context: FeatureContext): Location[] | LocationLink[] {
  const { graph } = analysis;
  const uri = params.textDocument.uri;
  const cross = crossReferenceAt(analysis, uri, params.position, context);
  if (cross) {
    const link: LocationLink = { originSelectionRange: cross.reference.range, targetUri: cross.uri, targetRange: cross.targetRange, targetSelectionRange: cross.targetRange };
    return context.linkSupport ? [link] : [{ uri: cross.uri, range: cross.targetRange }];
  }
  const symbol = objectAt(analysis.document, params.position);
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
  if (context.linkSupport) return links;
  return links.map((l) => ({ uri, range: l.targetRange }));
}
