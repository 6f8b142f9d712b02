/**
 * Code actions: a quick fix for every diagnostic of the core that carries a fix (`KvDiagnostic.fix`:
 * `(na N dagen)` with the right N, a misspelt metadata key, a heading written the canonical way, …).
 */
import type { CodeActionParams } from 'vscode-languageserver';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import type { FeatureContext } from './context';
import { findings } from './findings';
import { SOURCE } from './diagnostics';
import { isPosition, sameRange } from '../core/ranges';

function isRange(r: unknown): boolean {
  const range = r as { start?: unknown; end?: unknown } | null;
  return typeof range === 'object' && range !== null && isPosition(range.start) && isPosition(range.end);
}

/**
 * The quick fixes for the client's diagnostics (from the request's context), matched by code and range
 * to the core's diagnostics of the current text.
 */
export function codeActions(analysis: Analysis, params: CodeActionParams, context: FeatureContext): CodeAction[] {
  const ours = findings(analysis, context);
  const uri = params.textDocument.uri;
  const locale = context.locale;
  const sent: unknown = params.context?.diagnostics;
  const diagnostics: readonly Diagnostic[] = Array.isArray(sent) ? sent : [];
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d?.source !== SOURCE || !isRange(d.range)) continue;
    const match = ours.find((k) => k.fix && k.code === d.code && sameRange(k.range, d.range));
    const fix = match?.fix;
    if (!fix) continue;
    actions.push({
      title: fix.title[locale],
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: fix.range, newText: fix.newText }] } },
    });
  }
  return actions;
}
