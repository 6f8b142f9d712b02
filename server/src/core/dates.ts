/** Dutch dates as the format writes them: `30 oktober 2014`. */
import type { Locale } from './diagnostic';
import type { DutchDate } from './model';

export const MONTHS = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
] as const;

export type DateReading =
  | { readonly kind: 'ok'; readonly date: DutchDate }
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'unknown-month'; readonly month: string }
  | { readonly kind: 'no-such-day'; readonly day: number; readonly month: number; readonly year: number };

const DATE = /^(\d{1,2})\s+(\p{L}+)\s+(\d{4})$/u;

/** Days in `month` (1–12) of `year`, in the Gregorian calendar (also before 1582, as `Date` counts). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads `30 oktober 2014` (the month in any case). */
export function readDutchDate(text: string): DateReading {
  return readPlainDate(text) ?? readDateExpression(text);
}

const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * `readDutchDate` of the common spelling, read by hand (a date is read for every document, and checked
 * again): a day of one or two digits, one space, a month of the list in any case, one space, four digits,
 * nothing else; null for anything else, which `readDateExpression` reads (the same result where both read).
 */
function readPlainDate(text: string): DateReading | null {
  const n = text.length;
  let i = 0;
  let day = 0;
  for (; i < n && i < 2 && isAsciiDigit(text.charCodeAt(i)); i++) day = day * 10 + text.charCodeAt(i) - 48;
  if (i === 0 || text.charCodeAt(i) !== 32) return null;
  const monthStart = ++i;
  while (i < n && ((text.charCodeAt(i) | 32) >= 97 && (text.charCodeAt(i) | 32) <= 122)) i++;
  const month = MONTHS.indexOf(text.slice(monthStart, i).toLowerCase() as (typeof MONTHS)[number]) + 1;
  if (month === 0 || i + 5 !== n || text.charCodeAt(i) !== 32) return null;
  let year = 0;
  for (i++; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!isAsciiDigit(c)) return null;
    year = year * 10 + c - 48;
  }
  if (day < 1 || day > daysInMonth(year, month)) return { kind: 'no-such-day', day, month, year };
  return { kind: 'ok', date: { year, month, day } };
}

function readDateExpression(text: string): DateReading {
  const m = DATE.exec(text.trim());
  if (!m) return { kind: 'unreadable' };
  const day = Number(m[1]);
  const monthName = m[2]!.toLowerCase();
  const year = Number(m[3]);
  const month = MONTHS.indexOf(monthName as (typeof MONTHS)[number]) + 1;
  if (month === 0) return { kind: 'unknown-month', month: m[2]! };
  if (day < 1 || day > daysInMonth(year, month)) return { kind: 'no-such-day', day, month, year };
  return { kind: 'ok', date: { year, month, day } };
}

/**
 * The value of `Beantwoord` for an answer of `today`: `20 november 2024 (na 7 dagen)`, the days counted from
 * Ingediend when it can be read and does not lie after today; else the date alone.
 */
export function beantwoordValue(ingediend: DutchDate | null, today: DutchDate): string {
  const days = ingediend ? daysBetween(ingediend, today) : -1;
  return days >= 0 ? `${formatDutchDate(today)} (na ${days} dagen)` : formatDutchDate(today);
}

/** Days from `a` to `b` (negative when `b` lies before `a`). */
export function daysBetween(a: DutchDate, b: DutchDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

export function formatDutchDate(d: DutchDate): string {
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** A date in the words of a message: `19 november 2024` in Dutch, `19 November 2024` in English. */
export function formatDate(d: DutchDate, locale: Locale): string {
  return locale === 'nl' ? formatDutchDate(d) : `${d.day} ${MONTHS_EN[d.month - 1]} ${d.year}`;
}

/** `1 dag`, `5 dagen` / `1 day`, `5 days`. */
export const days = (n: number, locale: Locale): string =>
  (locale === 'nl' ? `${n} ${n === 1 ? 'dag' : 'dagen'}` : `${n} ${n === 1 ? 'day' : 'days'}`);

/** The ISO form `2014-10-30`, for JSON output. */
export function isoDate(d: DutchDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
