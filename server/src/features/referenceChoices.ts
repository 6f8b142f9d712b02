/**
 * Quick fixes for a reference that names the wrong question (`reference-unknown-question`: "zie antwoord
 * vraag 16" in a document of ten; `reference-self`: an answer that sends the reader to itself): one per
 * question it probably meant (core/numberChoices.ts), titled with that question's first words so that the
 * author chooses by its text, each replacing only the digits. A guess, so never preferred and never part
 * of fix-all; a number inside a range (`2 t/m 15`) gets none, as a range's meaning is the author's. The
 * same for a question named in another Kamervraag of the workspace that it does not have
 * (`cross-reference-unknown-question`), from that document's questions.
 */
import type { CodeActionParams } from 'vscode-languageserver';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { crossReferences } from '../core/crossReferences';
import { objectAt } from '../core/cursor';
import { isRangeEnd } from '../core/mentions';
import { numberChoices } from '../core/numberChoices';
import { isPosition, sameRange } from '../core/ranges';
import type { FeatureContext } from './context';
import { SOURCE } from './diagnostics';
import { t } from './i18n';
import { shorten } from './inlayHints';
import { questionText } from './questionText';
import { fixEdit, wants } from './workspaceEdits';
import { otherKamervragen } from './crossReferences';
import { uriKey } from '../service/uris';

/** The codes whose diagnostic stands on the digits of a reference that may mean another question of this document. */
const CODES: ReadonlySet<unknown> = new Set(['reference-unknown-question', 'reference-self']);
/** The code whose diagnostic stands on the digits of a question of another Kamervraag of the workspace. */
const CROSS = 'cross-reference-unknown-question';

/** How much of a question's text a title shows. */
const TITLE_CHARS = 60;

export function referenceChoiceActions(analysis: Analysis, params: CodeActionParams, context: FeatureContext): CodeAction[] {
  if (!wants(params.context?.only, CodeActionKind.QuickFix)) return [];
  const sent: unknown = params.context?.diagnostics;
  if (!Array.isArray(sent)) return [];
  const uri = params.textDocument.uri;
  const actions: CodeAction[] = [];
  for (const d of sent as Diagnostic[]) {
    if (d?.source !== SOURCE || !isPosition(d.range?.start) || !isPosition(d.range?.end)) continue;
    if (d.code === CROSS) {
      actions.push(...crossChoices(analysis, uri, d, context));
      continue;
    }
    if (!CODES.has(d.code)) continue;
    const on = objectAt(analysis.document, d.range.start, 'number');
    // The written digits themselves, in a mention that is no range.
    if (on?.kind !== 'reference' || !sameRange(on.range, d.range)) continue;
    const line = analysis.lineText(on.range.start.line);
    if (isRangeEnd(line, on.range.start.character, on.range.end.character)) continue;
    const { reference } = on;
    const exclude = reference.inPart === 'answer' ? reference.fromQuestion : null;
    const graph = analysis.graph;
    for (const n of numberChoices(analysis.textOf(on.range), graph, exclude)) {
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

/**
 * "vraag 12 van de leden … (2024Z16988)" where Kamervraag 2024Z16988 of the workspace has no question 12:
 * the questions of that document it probably meant, each titled with its number, the zaaknummer and its
 * first words (from the workspace index); only the digits change.
 */
function crossChoices(analysis: Analysis, uri: string, d: Diagnostic, context: FeatureContext): CodeAction[] {
  const reference = context.workspace
    ? crossReferences(analysis.document, (line) => analysis.lineText(line)).find((r) => r.question !== null && sameRange(r.range, d.range))
    : undefined;
  if (!reference || !context.workspace) return [];
  const z = reference.zaaknummer;
  // As the check has them: every copy of that Kamervraag in the workspace but this document.
  const questions = new Map<number, string>();
  for (const other of otherKamervragen(context.workspace, z, uriKey(uri))) {
    for (const s of other.symbols) {
      // A question's symbol is named "Vraag 4: the start of its text".
      if (s.level === 2 && s.number !== null && !questions.has(s.number)) questions.set(s.number, /^[^:]*:\s*(.*)$/s.exec(s.name)?.[1] ?? '');
    }
  }
  return numberChoices(analysis.textOf(d.range), questions).map((n) => {
    const text = questions.get(n) ?? '';
    return {
      title: t(context.locale, text ? 'referToOtherQuestion' : 'referToOtherQuestionBare', { n: String(n), z, text: shorten(text, TITLE_CHARS) }),
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: fixEdit(uri, [{ range: d.range, newText: String(n) }], context),
    };
  });
}
