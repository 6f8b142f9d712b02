/**
 * The answer term against today, in words: "antwoord verwacht uiterlijk 19 november 2024 (nog 5 dagen)",
 * "termijn verstreken op … (12 dagen geleden)", "uitstel gemeld op …". The hover on the header line
 * shows it (`termHover`), and the `kamervraag/status` answer carries it (`termStatus`) for the
 * language status item. Today comes from `context.clock()`, the term from `context.settings`.
 */
import type { HoverParams } from 'vscode-languageserver';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { days, formatDate, isoDate } from '../core/dates';
import type { Locale } from '../core/diagnostic';
import type { KamervraagDocument } from '../core/model';
import { touches } from '../core/ranges';
import { answerTerm, type AnswerTerm, type TermState } from '../core/term';
import type { FeatureContext } from './context';
import { escapeMarkdown } from './markdown';

/** The term in one phrase, or null when there is nothing to say (an answered document without dates). */
export function termText(term: AnswerTerm, locale: Locale): string | null {
  const nl = locale === 'nl';
  switch (term.state) {
    case 'beantwoord':
      if (!term.beantwoord) return null;
      return nl ? `beantwoord op ${formatDate(term.beantwoord, locale)}` : `answered on ${formatDate(term.beantwoord, locale)}`;
    case 'uitgesteld':
      if (!term.postponedOn) return nl ? 'uitstel gemeld' : 'postponement announced';
      return nl ? `uitstel gemeld op ${formatDate(term.postponedOn, locale)}` : `postponement announced on ${formatDate(term.postponedOn, locale)}`;
    case 'te beantwoorden':
    case 'te laat': {
      if (!term.deadline || term.daysLeft === null) {
        return nl ? 'geen leesbare datum Ingediend: de termijn is onbekend' : 'no readable Ingediend date: the term is unknown';
      }
      const due = formatDate(term.deadline, locale);
      const left = term.daysLeft;
      if (left < 0) return nl ? `termijn verstreken op ${due} (${days(-left, locale)} geleden)` : `term expired on ${due} (${days(-left, locale)} ago)`;
      if (left === 0) return nl ? `antwoord verwacht uiterlijk ${due} (vandaag)` : `answer due by ${due} (today)`;
      return nl ? `antwoord verwacht uiterlijk ${due} (nog ${days(left, locale)})` : `answer due by ${due} (${days(left, locale)} left)`;
    }
  }
}

/** The term as the `kamervraag/status` answer carries it. Dates are ISO (`2024-11-19`). */
export interface TermStatus {
  readonly state: TermState;
  readonly deadline: string | null;
  /** Days to the deadline (negative: past it), only while the document waits for its answer without a Mededeling. */
  readonly daysLeft: number | null;
  readonly postponedOn: string | null;
  /** The phrase in the session's language, or null. */
  readonly text: string | null;
}

export function termOf(doc: KamervraagDocument, context: FeatureContext): AnswerTerm {
  return answerTerm(doc, context.clock(), context.settings.answerTermDays);
}

export function termStatus(doc: KamervraagDocument, context: FeatureContext): TermStatus {
  const term = termOf(doc, context);
  return {
    state: term.state,
    deadline: term.deadline ? isoDate(term.deadline) : null,
    daysLeft: term.daysLeft,
    postponedOn: term.postponedOn ? isoDate(term.postponedOn) : null,
    text: termText(term, context.locale),
  };
}

/** The term as a sentence of a hover (its first letter a capital), or null as `termText`. */
export function termSentence(term: AnswerTerm, locale: Locale): string | null {
  const text = termText(term, locale);
  return text && text.charAt(0).toUpperCase() + text.slice(1);
}

/** The hover on the header line: the zaaknummer, the term in words, and where the term comes from. */
export function termHover(analysis: Analysis, params: HoverParams, context: FeatureContext): Hover | null {
  const doc = analysis.document;
  const header = doc.header;
  if (!header || !touches(header.range, params.position)) return null;
  const term = termOf(doc, context);
  const text = termSentence(term, context.locale);
  if (!text) return null;
  const nl = context.locale === 'nl';
  const lines = [`**Kamervraag${header.zaaknummer ? ` ${escapeMarkdown(header.zaaknummer.text)}` : ''}**`, escapeMarkdown(text)];
  if (term.ingediend && term.state !== 'beantwoord' && term.state !== 'uitgesteld') {
    const termDays = context.settings.answerTermDays;
    lines.push(escapeMarkdown(nl
      ? `Ingediend ${formatDate(term.ingediend, 'nl')}, termijn ${days(termDays, 'nl')} (Reglement van Orde, art. 135).`
      : `Submitted (Ingediend) ${formatDate(term.ingediend, 'en')}, term ${days(termDays, 'en')} (Reglement van Orde, art. 135).`));
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: header.range };
}
