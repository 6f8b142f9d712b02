/**
 * *Beantwoording starten* (Start answering) as code actions (core/startAnswering.ts): a source action of
 * its own kind, which the client's command `kamervraag.startAnswering` applies, and a quick fix on the note
 * `unanswered-document` ("Not answered yet") where an author sees it. One edit, the cursor on the first
 * answer line (a snippet edit for a client that takes them).
 */
import type { CodeActionParams } from 'vscode-languageserver';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { startAnswering } from '../core/startAnswering';
import { fixEdit, wants } from './workspaceEdits';
import type { FeatureContext } from './context';
import { SOURCE } from './diagnostics';
import { t } from './i18n';

/** The kind of the action: `editor.action.sourceAction` with `{ kind: 'source.startAnswering.kamervraag' }`. */
export const START_ANSWERING_KIND = `${CodeActionKind.Source}.startAnswering.kamervraag`;

export function startAnsweringActions(analysis: Analysis, params: CodeActionParams, context: FeatureContext): CodeAction[] {
  const only: unknown = params.context?.only;
  const sent: unknown = params.context?.diagnostics;
  const note = (Array.isArray(sent) ? (sent as Diagnostic[]) : []).find((d) => d?.source === SOURCE && d.code === 'unanswered-document');
  const asQuickFix = note !== undefined && wants(only, CodeActionKind.QuickFix);
  // Asked for (not on every cursor move): by its kind, or when the user opens the menu of source actions.
  const asSource = Array.isArray(only) ? wants(only, START_ANSWERING_KIND) : params.context?.triggerKind === 1;
  if (!asQuickFix && !asSource) return [];
  const edits = startAnswering(analysis, context.clock());
  if (!edits) return [];
  const uri = params.textDocument.uri;
  const title = t(context.locale, 'startAnswering');
  const actions: CodeAction[] = [];
  if (asQuickFix) actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [note], edit: fixEdit(uri, edits, context) });
  if (asSource) actions.push({ title, kind: START_ANSWERING_KIND, edit: fixEdit(uri, edits, context) });
  return actions;
}
