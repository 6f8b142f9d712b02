/**
 * The answer terms of the overview as a calendar (iCalendar, RFC 5545): one all-day event on the deadline
 * of each Kamervraag still to be answered (te beantwoorden, te laat), for a team's agenda (Outlook, Google
 * Calendar, Apple Calendar import an `.ics` file or subscribe to one). `kamervraag list --format ics`
 * writes it, and the VS Code command *Export Deadlines as Calendar* from the rows of the Kamervragen view.
 *
 * Each event's UID is the zaaknummer's, so importing a newer export updates an event instead of adding a
 * second; it does not block time (`TRANSP:TRANSPARENT`). Text is escaped and lines are folded at 75 octets
 * as the RFC asks; control characters a title may carry become spaces. Imports only a type and the dates,
 * so the VS Code client bundles it without the parser.
 */
import { formatDate } from '../core/dates';
import type { Locale } from '../core/diagnostic';
import type { OverviewRow } from './overview';

/** What an event is made of: the overview's row. */
export type CalendarRow = Pick<OverviewRow, 'zaaknummer' | 'title' | 'indieners' | 'ingediend' | 'state' | 'deadline' | 'questions' | 'unanswered'>;

const TEXT = {
  name: { en: 'Kamervragen: deadlines', nl: 'Kamervragen: termijnen' },
  summary: { en: 'Deadline Kamervraag', nl: 'Termijn Kamervraag' },
  indiener: { en: 'Indiener', nl: 'Indiener' },
  indieners: { en: 'Indieners', nl: 'Indieners' },
  ingediend: { en: 'Submitted', nl: 'Ingediend' },
  open: { en: 'Questions without an answer: {n} of {m}', nl: 'Vragen zonder antwoord: {n} van {m}' },
  file: { en: 'File', nl: 'Bestand' },
  late: { en: 'overdue', nl: 'te laat' },
} as const;

/** Whether `row` gets an event: a document still to be answered, with a deadline. */
export function hasDeadlineEvent(row: CalendarRow): boolean {
  return (row.state === 'te beantwoorden' || row.state === 'te laat') && row.deadline !== null && ISO.test(row.deadline);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `20241205` for `2024-12-05`, `days` later. */
function dateValue(iso: string, days = 0): string {
  const [, y, m, d] = ISO.exec(iso)!;
  const at = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + days));
  return `${String(at.getUTCFullYear()).padStart(4, '0')}${String(at.getUTCMonth() + 1).padStart(2, '0')}${String(at.getUTCDate()).padStart(2, '0')}`;
}

/** `20261204T230512Z`. */
function stampValue(stamp: Date): string {
  return stamp.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** `14 november 2024` / `14 November 2024` for `2024-11-14`. */
function written(iso: string, locale: Locale): string {
  const m = ISO.exec(iso);
  return m ? formatDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, locale) : iso;
}

/** A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line ends escaped; other control characters a space. */
export function escapeText(text: string): string {
  return text
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ' ');
}

/** UTF-8 octets of the code point `c`. */
function octets(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/** One content line, folded (RFC 5545, 3.1): no line longer than 75 octets, a code point never split; ends in CRLF. */
export function contentLine(line: string): string {
  let out = '';
  let used = 0;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0)!);
    if (used + n > 75) {
      out += '\r\n ';
      used = 1;
    }
    out += ch;
    used += n;
  }
  return `${out}\r\n`;
}

/** The calendar's start: the lines before the first event. */
export function calendarStart(locale: Locale): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kamervraag for VS Code//Kamervraag//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(TEXT.name[locale])}`,
  ].map(contentLine).join('');
}

export const CALENDAR_END = 'END:VCALENDAR\r\n';

/**
 * The event of `row` (where `hasDeadlineEvent`; else ''): on its deadline, with the zaaknummer and title,
 * the Indieners, the day it was submitted, the questions still open and `location` (the file).
 */
export function calendarEvent(row: CalendarRow, location: string | null, locale: Locale, stamp: Date): string {
  if (!hasDeadlineEvent(row)) return '';
  const z = row.zaaknummer;
  const summary = `${TEXT.summary[locale]}${z ? ` ${z}` : ''}${row.title ? `: ${row.title}` : ''}${row.state === 'te laat' ? ` (${TEXT.late[locale]})` : ''}`;
  const description = [
    row.indieners.length > 0 ? `${TEXT[row.indieners.length === 1 ? 'indiener' : 'indieners'][locale]}: ${row.indieners.join(', ')}` : null,
    row.ingediend ? `${TEXT.ingediend[locale]}: ${written(row.ingediend, locale)}` : null,
    TEXT.open[locale].replace('{n}', String(row.unanswered)).replace('{m}', String(row.questions)),
    location ? `${TEXT.file[locale]}: ${location}` : null,
  ].filter((x): x is string => x !== null).join('\n');
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${z ?? `file-${location ?? ''}`}-termijn@kamervraag`)}`,
    `DTSTAMP:${stampValue(stamp)}`,
    `DTSTART;VALUE=DATE:${dateValue(row.deadline!)}`,
    `DTEND;VALUE=DATE:${dateValue(row.deadline!, 1)}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(z && /^\d{4}Z\d{5}$/.test(z) ? [`URL:https://zoek.officielebekendmakingen.nl/kv-tk-${z}.html`] : []),
    `CATEGORIES:Kamervraag,${escapeText(row.state)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
  return lines.map(contentLine).join('');
}

/** The whole calendar of `entries` (rows without a deadline to meet are left out). */
export function deadlineCalendar(entries: Iterable<{ readonly row: CalendarRow; readonly location: string | null }>, locale: Locale, stamp: Date): string {
  let out = calendarStart(locale);
  for (const { row, location } of entries) out += calendarEvent(row, location, locale, stamp);
  return out + CALENDAR_END;
}
