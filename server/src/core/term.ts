/**
 * The answer term of a Kamervraag against today: a minister answers within three weeks of Ingediend
 * (Reglement van Orde, art. 135) or sends a Mededeling (postponement notice). One function gives the
 * state that the header hover, the language status, the `answer-overdue` check, the workspace overview
 * and `kamervraag list` all show.
 */
import { ANSWER_TERM_DAYS } from './checks/dates';
import { addDays } from './clock';
import { daysBetween } from './dates';
import type { DutchDate } from './model';

/** The states a team sorts its Kamervragen by, in Dutch as the overview and `kamervraag list --format json` name them. */
export type TermState = 'beantwoord' | 'uitgesteld' | 'te beantwoorden' | 'te laat';

/** The default answer term in days (`kamervraag.answerTermDays`). */
export const DEFAULT_ANSWER_TERM_DAYS = ANSWER_TERM_DAYS;

export interface AnswerTerm {
  readonly state: TermState;
  /** The date of `Ingediend`, when it can be read. */
  readonly ingediend: DutchDate | null;
  /** Ingediend plus the term: the last day to answer; null without a readable Ingediend. */
  readonly deadline: DutchDate | null;
  /** Days from today to the deadline: 0 on the last day, negative once it has passed ("12 dagen geleden").
   * Null when the document is answered or postponed (a Mededeling sets no new day), or has no deadline. */
  readonly daysLeft: number | null;
  /** The date of `Beantwoord`, when the document is answered and the date can be read. */
  readonly beantwoord: DutchDate | null;
  /** The date of the last Mededeling, when one was sent (and its date can be read). */
  readonly postponedOn: DutchDate | null;
}

/** What the term reads of a document: a `KamervraagDocument` is one, and so is the workspace index's summary. */
export interface TermSource {
  readonly metadata: { readonly ingediend: { readonly date: DutchDate | null } | null; readonly beantwoord: { readonly date: DutchDate | null } | null };
  readonly mededelingen: readonly { readonly date: DutchDate | null }[];
}

/**
 * The term of `doc` on `today`. A document with a `Beantwoord` line is `beantwoord`; else one with a
 * Mededeling is `uitgesteld`; else it is `te laat` once the deadline has passed, `te beantwoorden` before.
 */
export function answerTerm(doc: TermSource, today: DutchDate, termDays: number = DEFAULT_ANSWER_TERM_DAYS): AnswerTerm {
  const ingediend = doc.metadata.ingediend?.date ?? null;
  const deadline = ingediend ? addDays(ingediend, termDays) : null;
  const mededelingen = doc.mededelingen;
  let postponedOn: DutchDate | null = null;
  for (let i = mededelingen.length - 1; i >= 0 && !postponedOn; i--) postponedOn = mededelingen[i]!.date;
  if (doc.metadata.beantwoord) {
    return { state: 'beantwoord', ingediend, deadline, daysLeft: null, beantwoord: doc.metadata.beantwoord.date, postponedOn };
  }
  if (mededelingen.length > 0) return { state: 'uitgesteld', ingediend, deadline, daysLeft: null, beantwoord: null, postponedOn };
  const daysLeft = deadline ? daysBetween(today, deadline) : null;
  const state: TermState = daysLeft !== null && daysLeft < 0 ? 'te laat' : 'te beantwoorden';
  return { state, ingediend, deadline, daysLeft, beantwoord: null, postponedOn };
}
