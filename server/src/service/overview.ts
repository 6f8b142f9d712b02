/**
 * The overview of many Kamervragen: one row per document with its answer term against today
 * (`core/term.ts`). The `kamervraag/overview` request (features/overview.ts) makes the rows from the
 * workspace index, `kamervraag list` (cli/list.ts) from the files it reads; both through `overviewRow`,
 * so the tree view in the editor and the CLI say the same.
 */
import { isoDate } from '../core/dates';
import { answerTerm, type TermState } from '../core/term';
import type { DutchDate } from '../core/model';
import type { IndexedDocument } from './summaries';

/** One document of the overview. Dates are ISO (`2024-11-15`). */
export interface OverviewRow {
  readonly zaaknummer: string | null;
  readonly title: string | null;
  readonly indieners: readonly string[];
  readonly ingediend: string | null;
  readonly state: TermState;
  /** Ingediend plus the answer term. */
  readonly deadline: string | null;
  /** Days from today to the deadline (negative once past); null when answered, postponed or without a deadline. */
  readonly days: number | null;
  readonly questions: number;
  /** Questions without an answer. */
  readonly unanswered: number;
  /** The `Beantwoord` date of an answered document. */
  readonly beantwoord: string | null;
  /** The date of the last Mededeling (postponement), when one was sent. */
  readonly postponedOn: string | null;
}

/** The states in the order a team looks at them: what is late first. */
export const STATE_ORDER: readonly TermState[] = ['te laat', 'te beantwoorden', 'uitgesteld', 'beantwoord'];

const iso = (d: DutchDate | null): string | null => (d ? isoDate(d) : null);

/** The row of one index entry on `today`, with an answer term of `termDays` days. */
export function overviewRow(entry: IndexedDocument, today: DutchDate, termDays: number): OverviewRow {
  const term = answerTerm(entry, today, termDays);
  return {
    zaaknummer: entry.zaaknummer,
    title: entry.title,
    indieners: entry.indieners,
    ingediend: iso(term.ingediend),
    state: term.state,
    deadline: iso(term.deadline),
    days: term.daysLeft,
    questions: entry.symbols.length - 1,
    unanswered: entry.unanswered,
    beantwoord: iso(term.beantwoord),
    postponedOn: iso(term.postponedOn),
  };
}

/** ISO dates compare as strings; a missing one goes last. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * The overview's order: by state (`STATE_ORDER`); the open ones (te laat, te beantwoorden, uitgesteld)
 * by deadline, the first due first; the answered ones the latest answer first; then by zaaknummer.
 */
export function compareRows(a: OverviewRow, b: OverviewRow): number {
  const byState = STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state);
  if (byState !== 0) return byState;
  const byDate = a.state === 'beantwoord' ? compareDates(b.beantwoord, a.beantwoord) : compareDates(a.deadline, b.deadline);
  if (byDate !== 0) return byDate;
  return (a.zaaknummer ?? '\uffff').localeCompare(b.zaaknummer ?? '\uffff');
}
