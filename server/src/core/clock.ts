/**
 * Today's date, from a clock that tests can set. The answer term ("nog 5 dagen", "te laat") and the
 * completion of today's date read it; nothing else in the core knows what day it is.
 */
import type { DutchDate } from './model';
import { daysInMonth } from './dates';

/** Gives today's date (a calendar day, no time). */
export type Clock = () => DutchDate;

/** The calendar day of the machine's local time zone. */
export const systemClock: Clock = () => {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
};

/** A clock that always says `date`. */
export function fixedClock(date: DutchDate): Clock {
  const copy = { ...date };
  return () => copy;
}

/** Reads an ISO date `2024-11-14`; null for anything else, or a day that does not exist. */
export function readIsoDate(text: string): DutchDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * The clock a session uses: a fixed day when `today` is an ISO date (the server's `initializationOptions.today`,
 * the `KAMERVRAAG_TODAY` environment variable of the server and the CLI; for tests and for looking at a
 * folder "as of" a day), otherwise the system's.
 */
export function clockFrom(today: unknown): Clock {
  const fixed = typeof today === 'string' ? readIsoDate(today) : null;
  return fixed ? fixedClock(fixed) : systemClock;
}

/** `date` plus `days` calendar days. */
export function addDays(date: DutchDate, days: number): DutchDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
