/**
 * The hover on a date: Ingediend, Beantwoord or a Mededeling's. Its weekday, where it stands against the
 * answer term (Ingediend: the term's last day; Beantwoord and a Mededeling: how many days after Ingediend,
 * within the term or past it) and against today. Only for a date that exists (one that does not has its
 * diagnostic). The term is `context.settings.answerTermDays`, today `context.clock()`.
 */
import type { HoverParams } from 'vscode-languageserver';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { addDays } from '../core/clock';
import { daysBetween, days, formatDate } from '../core/dates';
import type { Locale } from '../core/diagnostic';
import type { DutchDate, Range } from '../core/model';
import { touches } from '../core/ranges';
import type { FeatureContext } from './context';

const WEEKDAYS = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  nl: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
} as const;

/** `vrijdag 25 oktober 2024` / `Friday 25 October 2024`. */
export function formatWithWeekday(d: DutchDate, locale: Locale): string {
  return `${WEEKDAYS[locale][new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()]} ${formatDate(d, locale)}`;
}

/** `vandaag`, `gisteren`, `over 5 dagen`, `12 dagen geleden` (and in English), from `today` to `d`. */
function fromToday(d: DutchDate, today: DutchDate, locale: Locale): string {
  const n = daysBetween(today, d);
  const nl = locale === 'nl';
  if (n === 0) return nl ? 'Vandaag.' : 'Today.';
  if (n === -1) return nl ? 'Gisteren.' : 'Yesterday.';
  if (n === 1) return nl ? 'Morgen.' : 'Tomorrow.';
  return n < 0 ? (nl ? `${days(-n, locale)} geleden.` : `${days(-n, locale)} ago.`) : (nl ? `Over ${days(n, locale)}.` : `In ${days(n, locale)}.`);
}

/** "24 dagen na Ingediend, 3 dagen na de termijn van 21 dagen." and the like. */
function afterIngediend(d: DutchDate, ingediend: DutchDate, termDays: number, locale: Locale): string | null {
  const n = daysBetween(ingediend, d);
  // Before Ingediend: `date-order` says what is wrong.
  if (n < 0) return null;
  const nl = locale === 'nl';
  const term = nl ? `de termijn van ${days(termDays, locale)}` : `the term of ${days(termDays, locale)}`;
  const since = nl ? `${days(n, locale)} na Ingediend` : `${days(n, locale)} after Ingediend`;
  if (n <= termDays) return nl ? `${since}, binnen ${term}.` : `${since}, within ${term}.`;
  return nl ? `${since}, ${days(n - termDays, locale)} na ${term}.` : `${since}, ${days(n - termDays, locale)} past ${term}.`;
}

export function dateHover(analysis: Analysis, params: HoverParams, context: FeatureContext): Hover | null {
  const { metadata, mededelingen } = analysis.document;
  const locale = context.locale;
  const nl = locale === 'nl';
  const termDays = context.settings.answerTermDays;
  const ingediend = metadata.ingediend?.date ?? null;
  const at = (range: Range | null | undefined) => !!range && range.start.line === params.position.line && touches(range, params.position);
  let date: DutchDate;
  let range: Range;
  let relation: string | null;
  if (metadata.ingediend?.date && at(metadata.ingediend.dateRange)) {
    date = metadata.ingediend.date;
    range = metadata.ingediend.dateRange;
    const last = formatWithWeekday(addDays(date, termDays), locale);
    relation = nl ? `De termijn van ${days(termDays, locale)} loopt tot en met ${last}.` : `The term of ${days(termDays, locale)} runs until ${last}.`;
  } else if (metadata.beantwoord?.date && at(metadata.beantwoord.dateRange)) {
    date = metadata.beantwoord.date;
    range = metadata.beantwoord.dateRange;
    relation = ingediend ? afterIngediend(date, ingediend, termDays, locale) : null;
  } else {
    const m = mededelingen.find((x) => x.date && at(x.dateRange));
    if (!m) return null;
    date = m.date!;
    range = m.dateRange!;
    relation = ingediend ? afterIngediend(date, ingediend, termDays, locale) : null;
  }
  // Words and numbers of our own, nothing of the text: no Markdown to escape.
  const lines = [`**${formatWithWeekday(date, locale)}**`];
  if (relation) lines.push(relation);
  lines.push(fromToday(date, context.clock(), locale));
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range };
}
