/**
 * Quick fixes for a reference that names the wrong question (`reference-unknown-question`: "zie antwoord
 * vraag 16" in a document of ten; `reference-self`: an answer that sends the reader to itself): one per
 * question it probably meant (core/numberChoices.ts), titled with that question's first words so that the
 * author chooses by its text, each replacing only the digits. A guess, so never preferred and never part
 * of fix-all; a number inside a range (`2 t/m 15`) gets none, as a range's meaning is the author's.
 */
import type { CodeActionParams } from 'vscode-languageserver';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { objectAt } from '../core/cursor';
import { isRangeEnd } from '../core/mentions';
import { numberChoices } from '../core/numberChoices';
import { isPosition, sameRange } from '../core/ranges';
import type { FeatureContext } from './context';
import { SOURCE } from './diagnostics';
import { t } from './i18n';
import { questionText, shorten } from './inlayHints';
import { fixEdit, wants } from './workspaceEdits';

/** The codes whose diagnostic stands on the digits of a reference that may mean another question. */
const CODES: ReadonlySet<unknown> = new Set(['reference-unknown-question', 'reference-self']);

/** How much of a question's text a title shows. */
const TITLE_CHARS = 60;

export function referenceChoiceActions(analysis: Analysis, params: CodeActionParams, context: FeatureContext): CodeAction[] {
  if (!wants(params.context?.only, CodeActionKind.QuickFix)) return [];
  const sent: unknown = params.context?.diagnostics;
  if (!Array.isArray(sent)) return [];
  const uri = params.textDocument.uri;
  const actions: CodeAction[] = [];
  for (const d of sent as Diagnostic[]) {
    if (d?.source !== SOURCE || !CODES.has(d.code) || !isPosition(d.range?.start) || !isPosition(d.range?.end)) continue;
    const on = objectAt(analysis.document, d.range.start, 'number');
    // The written digits themselves, in a mention that is no range.
    if (on?.kind !== 'reference' || !sameRange(on.range, d.range)) continue;
    const line = analysis.lineText(on.range.start.line);
    if (isRangeEnd(line, on.range.start.character, on.range.end.character)) continue;
    const { reference } = on;
    const exclude = reference.inPart === 'answer' ? reference.fromQuestion : null;
    const graph = analysis.graph;
    for (const n of numberChoices(analysis.textOf(on.range), graph.numbers(), exclude)) {
      const question = analysis.document.blocks.question(graph.indexOf(n));
      const text = questionText(question);
      actions.push({
        title: t(context.locale, text ? 'referToQuestion' : 'referToQuestionBare', { n: String(n), text: shorten(text, TITLE_CHARS) }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: fixEdit(uri, [{ range: on.range, newText: String(n) }], context),
      });
    }
  }
  return actions;
}
