/** Dutch dates as the format writes them: `30 oktober 2014`. */
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

/** Days from `a` to `b` (negative when `b` lies before `a`). */
export function daysBetween(a: DutchDate, b: DutchDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

export function formatDutchDate(d: DutchDate): string {
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** The ISO form `2014-10-30`, for JSON output. */
export function isoDate(d: DutchDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
