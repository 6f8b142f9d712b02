/**
 * Code actions: a quick fix for every diagnostic of the core that carries a fix (`KvDiagnostic.fix`:
 * `(na N dagen)` with the right N, a misspelt metadata key, a heading written the canonical way, an answer
 * line, a missing key, the metadata in order, …), and `source.fixAll.kamervraag`, every fix that needs no
 * input at once (core/fixAll.ts), so that `editor.codeActionsOnSave` can run it. Beside them, the actions
 * of the features that offer a choice or a larger edit: the question a wrong reference meant
 * (referenceChoices.ts), *Beantwoording starten* (startAnswering.ts), the question structure (structure.ts).
 *
 * A fix that puts the cursor somewhere (an answer line, a key whose value the author types) is sent as an
 * LSP 3.18 snippet edit (`$0` where the cursor goes) to a client that takes them
 * (`workspace.workspaceEdit.snippetEditSupport` and `documentChanges`); other clients get the plain edit.
 */
import type { CodeActionParams } from 'vscode-languageserver';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import type { KvDiagnostic } from '../core/diagnostic';
import { fixAll } from '../core/fixAll';
import { ignoredCodes } from '../core/config';
import type { FeatureContext } from './context';
import { findings } from './findings';
import { t } from './i18n';
import { SOURCE } from './diagnostics';
import { isPosition, rangeKey } from '../core/ranges';
import type { Range } from '../core/model';
import { referenceChoiceActions } from './referenceChoices';
import { startAnsweringActions } from './startAnswering';
import { fixEdit, wants } from './workspaceEdits';
import { structureActions } from './structure';

/** The kind of the fix-all action: `editor.codeActionsOnSave: { "source.fixAll.kamervraag": "explicit" }`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kamervraag`;

function isRange(r: unknown): boolean {
  const range = r as { start?: unknown; end?: unknown } | null;
  return typeof range === 'object' && range !== null && isPosition(range.start) && isPosition(range.end);
}

/** The core diagnostic the client's diagnostic stands for: the same code, range and message (two diagnostics
 * of one code may share a range: the missing fields, all on the first metadata line). */
function ourDiagnostic(ours: ReadonlyMap<string, readonly KvDiagnostic[]>, d: Diagnostic): KvDiagnostic | undefined {
  const same = ours.get(diagnosticKey(d.code, d.range)) ?? [];
  return same.find((k) => k.message.en === d.message || k.message.nl === d.message) ?? same.find((k) => k.fix);
}

const diagnosticKey = (code: unknown, range: Range) => `${String(code)} ${rangeKey(range)}`;

/** The core's diagnostics by code and range, once per request: the client may send a thousand. */
function byCodeAndRange(ours: readonly KvDiagnostic[]): Map<string, KvDiagnostic[]> {
  const map = new Map<string, KvDiagnostic[]>();
  for (const k of ours) {
    const key = diagnosticKey(k.code, k.range);
    const list = map.get(key);
    if (list) list.push(k);
    else map.set(key, [k]);
  }
  return map;
}

/**
 * The quick fixes for the client's diagnostics (from the request's context), matched to the core's
 * diagnostics of the current text; and the fix-all action when there is anything it fixes.
 */
export function codeActions(analysis: Analysis, params: CodeActionParams, context: FeatureContext): CodeAction[] {
  const ours = findings(analysis, params.textDocument.uri, context);
  const uri = params.textDocument.uri;
  const locale = context.locale;
  const only: unknown = params.context?.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const sent: unknown = params.context?.diagnostics;
    const diagnostics: readonly Diagnostic[] = Array.isArray(sent) ? sent : [];
    const index = diagnostics.length > 0 ? byCodeAndRange(ours) : new Map<string, KvDiagnostic[]>();
    for (const d of diagnostics) {
      if (d?.source !== SOURCE || !isRange(d.range)) continue;
      const fix = ourDiagnostic(index, d)?.fix;
      if (!fix) continue;
      actions.push({
        title: fix.title[locale],
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: fixEdit(uri, fix.edits, context),
      });
    }
  }
  if (wants(only, FIX_ALL_KIND) && ours.some((d) => d.fix && !d.fix.needsInput)) {
    // The checks the user set to `ignore` are not fixed either.
    const { edits } = fixAll(analysis, ignoredCodes(context.settings));
    if (edits.length > 0) {
      actions.push({
        title: t(locale, 'fixAll'),
        kind: FIX_ALL_KIND,
        edit: { changes: { [uri]: edits } },
      });
    }
  }
  return [...actions, ...referenceChoiceActions(analysis, params, context), ...startAnsweringActions(analysis, params, context), ...structureActions(analysis, params, context)];
}
