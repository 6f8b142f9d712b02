/**
 * The rows of the Kamervragen view as the language server sends them, and the view as a table to paste
 * ("Copy as Table"): tab-separated text, a header row and a row per document in the view's order, in
 * VS Code's display language. Pasted into a spreadsheet it makes columns; into an e-mail, lines a team
 * lead can send on. The columns are those of `kamervraag list`. No `vscode` import (as status.ts): the
 * extension passes `vscode.l10n`, the unit tests a translator of their own.
 */
import { spreadsheetText } from '../../server/src/service/spreadsheet';
import type { L10n } from './status';

export type TermState = 'te laat' | 'te beantwoorden' | 'uitgesteld' | 'beantwoord';

/** The groups of the view, in its order. */
export const STATES: readonly TermState[] = ['te laat', 'te beantwoorden', 'uitgesteld', 'beantwoord'];

/** One document of the server's answer (server/src/features/overview.ts). */
export interface OverviewDocument {
  uri: string;
  zaaknummer: string | null;
  title: string | null;
  indieners: string[];
  ingediend: string | null;
  state: TermState;
  deadline: string | null;
  /** The term in days the deadline was counted with (the document's `answerTermDays`). */
  answerTermDays: number;
  days: number | null;
  questions: number;
  unanswered: number;
  beantwoord: string | null;
  postponedOn: string | null;
}

/** "Overdue" ("Te laat"), as the view's group says it without its count. */
export function stateName(state: TermState, l10n: L10n): string {
  switch (state) {
    case 'te laat':
      return l10n.t('Overdue');
    case 'te beantwoorden':
      return l10n.t('To be answered');
    case 'uitgesteld':
      return l10n.t('Postponed');
    default:
      return l10n.t('Answered');
  }
}

/**
 * A cell: a tab or line end in a value (a title is one line, but a document may be anything) would start
 * another cell or row, so it is written as a space; every word stays. A text a spreadsheet would take for a
 * formula (`=HYPERLINK(…)`) gets the `'` that makes it text (`spreadsheetText`).
 */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return spreadsheetText(value.replace(/[\t\r\n\u2028\u2029]+/g, ' '));
}

/**
 * The table of `documents` (in the order given): zaaknummer, title, indieners, submitted, state, deadline,
 * days left (negative once past), questions, without answer, answered, postponed (the last Mededeling);
 * dates as `YYYY-MM-DD`, which spreadsheets read as dates. Lines end with `\n`; the last one too.
 */
export function overviewTable(documents: readonly OverviewDocument[], l10n: L10n): string {
  const header = [
    l10n.t('Zaaknummer'), l10n.t('Title'), l10n.t('Submitted by'), l10n.t('Submitted'), l10n.t('State'), l10n.t('Deadline'),
    l10n.t('Days left'), l10n.t('Questions'), l10n.t('Without answer'), l10n.t('Answered on'), l10n.t('Postponed on'),
  ];
  const rows = documents.map((d) => [
    d.zaaknummer, d.title, d.indieners.join(', '), d.ingediend, stateName(d.state, l10n), d.deadline,
    d.days, d.questions, d.unanswered, d.beantwoord, d.postponedOn,
  ].map(cell));
  return [header.map(cell), ...rows].map((r) => `${r.join('\t')}\n`).join('');
}
