/**
 * Code actions. A quick fix for `days-wrong`: replace N of `(na N dagen)` by the number of days from
 * Ingediend to Beantwoord.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { Locale } from '../core/diagnostic';
import { daysBetween } from '../core/dates';
import type { KamervraagDocument } from '../core/model';
import { t } from './i18n';
import { SOURCE } from './diagnostics';

/** The right N of `(na N dagen)`, or null when the dates cannot be read. */
export function rightDays(doc: KamervraagDocument): number | null {
  const from = doc.metadata.ingediend?.date;
  const to = doc.metadata.beantwoord?.date;
  if (!from || !to) return null;
  const days = daysBetween(from, to);
  return days >= 0 ? days : null;
}

export function codeActions(doc: KamervraagDocument, uri: string, diagnostics: readonly Diagnostic[], locale: Locale): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== SOURCE || d.code !== 'days-wrong') continue;
    const days = rightDays(doc);
    const range = doc.metadata.beantwoord?.daysRange;
    if (days === null || !range) continue;
    actions.push({
      title: t(locale, 'fixDays', { n: days }),
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range, newText: String(days) }] } },
    });
  }
  return actions;
}
