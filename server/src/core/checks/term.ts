/** The answer term against today: `answer-overdue` for an unanswered document past its term without a Mededeling. */
import { diagnostic, type KvDiagnostic } from '../diagnostic';
import { formatDutchDate } from '../dates';
import type { DutchDate, KamervraagDocument } from '../model';
import { answerTerm } from '../term';
import { ANSWER_TERM_DAYS } from './dates';
import { msg } from './messages';

/** What the checks may be told besides the document: the day to judge the term on, and the term. */
export interface CheckOptions {
  /** Today's date; without it the checks that depend on the day do not run. */
  readonly today?: DutchDate;
  /** The answering term in days (`kamervraag.answerTermDays`); default three weeks. */
  readonly answerTermDays?: number;
}

export function checkTerm(doc: KamervraagDocument, out: KvDiagnostic[], options: CheckOptions): void {
  if (!options.today) return;
  const termDays = options.answerTermDays ?? ANSWER_TERM_DAYS;
  const term = answerTerm(doc, options.today, termDays);
  const ingediend = doc.metadata.ingediend;
  if (term.state !== 'te laat' || !term.deadline || term.daysLeft === null || !ingediend) return;
  const late = -term.daysLeft;
  const due = formatDutchDate(term.deadline);
  out.push(diagnostic('answer-overdue', ingediend.dateRange, msg(
    `Not answered: the term of ${termDays} days ended on ${due}, ${late} ${late === 1 ? 'day' : 'days'} ago, and no Mededeling (postponement notice) was sent.`,
    `Niet beantwoord: de termijn van ${termDays} dagen is op ${due} verstreken, ${late} ${late === 1 ? 'dag' : 'dagen'} geleden, en er is geen Mededeling (uitstelbericht) gestuurd.`,
  )));
}
