/** The dates: readable and existing, Beantwoord after Ingediend and each Mededeling between them, the days counted, the answering term. */
import { diagnostic, replaceFix, type Fix, type KvDiagnostic } from '../diagnostic';
import { days, daysBetween, formatDate, MONTHS, readDutchDate } from '../dates';
import { suggestMonth } from '../monthSuggestion';
import { lineRange } from '../lines';
import type { DutchDate, KamervraagDocument, Range } from '../model';
import { msg, rel } from './messages';

/** The minister's term for answering: three weeks (Reglement van Orde, art. 135). */
export const ANSWER_TERM_DAYS = 21;
/** A diagnostic for a date that cannot be read or does not exist; null when the date is fine. */
function dateProblem(text: string, range: Range): KvDiagnostic | null {
  const r = readDutchDate(text);
  switch (r.kind) {
    case 'ok':
      return null;
    case 'unknown-month': {
      const fix = monthFix(text, range, r.month);
      return diagnostic('date-invalid', range, msg(
        `'${r.month}' is not a month: write it in Dutch, in lower case (${MONTHS.join(', ')}).`,
        `'${r.month}' is geen maand: schrijf die in het Nederlands, met kleine letters (${MONTHS.join(', ')}).`,
      ), undefined, fix);
    }
    case 'no-such-day':
      return diagnostic('date-invalid', range, msg(
        `${r.day} ${MONTHS[r.month - 1]} ${r.year} does not exist.`,
        `${r.day} ${MONTHS[r.month - 1]} ${r.year} bestaat niet.`,
      ));
    case 'unreadable':
      return diagnostic('date-invalid', range, msg(
        `'${text.trim()}' is not a date like '30 oktober 2014'.`,
        `'${text.trim()}' is geen datum zoals '30 oktober 2014'.`,
      ));
  }
}
/**
 * The fix of a month that is no Dutch month but plainly means one (`october`, `okt`, `febuari`: core/dates.ts
 * `suggestMonth`): that month's Dutch name over the word, only where the date then exists. `text` is the date
 * as written at `range` (one line).
 */
function monthFix(text: string, range: Range, word: string): Fix | undefined {
  const month = suggestMonth(word);
  if (month === null) return undefined;
  const at = /^\s*\d{1,2}\s+/.exec(text)?.[0].length ?? -1;
  if (at < 0 || !text.startsWith(word, at)) return undefined;
  const name = MONTHS[month - 1]!;
  if (readDutchDate(text.slice(0, at) + name + text.slice(at + word.length)).kind !== 'ok') return undefined;
  const start = range.start.character + at;
  return replaceFix(msg(`Change to '${name}'`, `Wijzig in '${name}'`), lineRange(range.start.line, start, start + word.length), name);
}

/** The dates' checks; `termDays` is the answering term (`kamervraag.answerTermDays`, default three weeks). */
export function checkDates(doc: KamervraagDocument, out: KvDiagnostic[], termDays: number = ANSWER_TERM_DAYS): void {
  const { ingediend, beantwoord } = doc.metadata;
  if (ingediend && ingediend.field.value !== '') {
    const p = dateProblem(ingediend.field.value, ingediend.dateRange);
    if (p) out.push(p);
  }
  if (beantwoord && beantwoord.field.value !== '') {
    const text = textOfRange(beantwoord.field.value, beantwoord.field.valueRange, beantwoord.dateRange);
    const p = dateProblem(text, beantwoord.dateRange);
    if (p) out.push(p);
  }
  for (const m of doc.mededelingen) {
    if (m.dateRange && !m.date) {
      const p = dateProblem(textOfRange(m.heading.text, m.heading.range, m.dateRange), m.dateRange);
      if (p) out.push(p);
    }
  }
  const from: DutchDate | null = ingediend?.date ?? null;
  const to: DutchDate | null = beantwoord?.date ?? null;
  // A Mededeling is sent between Ingediend and Beantwoord (a wrong year, mostly).
  for (const m of doc.mededelingen) {
    if (!m.date || !m.dateRange) continue;
    if (from && daysBetween(from, m.date) < 0) {
      out.push(diagnostic('date-order', m.dateRange, msg(
        `The Mededeling (${formatDate(m.date, 'en')}) lies before Ingediend (${formatDate(from, 'en')}).`,
        `De Mededeling (${formatDate(m.date, 'nl')}) ligt vóór Ingediend (${formatDate(from, 'nl')}).`,
      ), [rel(ingediend!.dateRange, 'Ingediend', 'Ingediend')]));
    } else if (to && beantwoord && daysBetween(m.date, to) < 0) {
      out.push(diagnostic('date-order', m.dateRange, msg(
        `The Mededeling (${formatDate(m.date, 'en')}) lies after Beantwoord (${formatDate(to, 'en')}).`,
        `De Mededeling (${formatDate(m.date, 'nl')}) ligt na Beantwoord (${formatDate(to, 'nl')}).`,
      ), [rel(beantwoord.dateRange, 'Beantwoord', 'Beantwoord')]));
    }
  }
  if (from && to && beantwoord) {
    const elapsed = daysBetween(from, to);
    if (elapsed < 0) {
      out.push(diagnostic('date-order', beantwoord.dateRange, msg(
        `Beantwoord (${formatDate(to, 'en')}) lies before Ingediend (${formatDate(from, 'en')}).`,
        `Beantwoord (${formatDate(to, 'nl')}) ligt vóór Ingediend (${formatDate(from, 'nl')}).`,
      ), [rel(ingediend!.dateRange, 'Ingediend', 'Ingediend')]));
    } else {
      if (beantwoord.days !== null && beantwoord.daysRange && beantwoord.days !== elapsed) {
        out.push(diagnostic('days-wrong', beantwoord.daysRange, msg(
          `From ${formatDate(from, 'en')} to ${formatDate(to, 'en')} is ${days(elapsed, 'en')}, not ${beantwoord.days}.`,
          `Van ${formatDate(from, 'nl')} tot ${formatDate(to, 'nl')} is ${days(elapsed, 'nl')}, niet ${beantwoord.days}.`,
        ), [rel(ingediend!.dateRange, 'Ingediend', 'Ingediend')],
        replaceFix(msg(`Change to ${days(elapsed, 'en')}`, `Wijzig in ${days(elapsed, 'nl')}`), beantwoord.daysRange, String(elapsed))));
      }
      if (elapsed > termDays && doc.mededelingen.length === 0) {
        const [en, nl] = termDays === ANSWER_TERM_DAYS
          ? ['the three weeks of the Reglement van Orde', 'de drie weken van het Reglement van Orde']
          : [`the term of ${days(termDays, 'en')}`, `de termijn van ${days(termDays, 'nl')}`];
        out.push(diagnostic('late-answer', beantwoord.dateRange, msg(
          `Answered after ${days(elapsed, 'en')}, later than ${en}, and no Mededeling (postponement notice) was sent.`,
          `Beantwoord na ${days(elapsed, 'nl')}, later dan ${nl}, en zonder Mededeling (uitstelbericht).`,
        ), [rel(ingediend!.dateRange, 'Ingediend', 'Ingediend')]));
      }
    }
  }
}

/** The text of `inner`, a part of the span (`outerText`, `outer`) on one line. */
function textOfRange(outerText: string, outer: Range, inner: Range): string {
  const a = inner.start.character - outer.start.character;
  return outerText.slice(Math.max(0, a), Math.max(0, a + inner.end.character - inner.start.character));
}
