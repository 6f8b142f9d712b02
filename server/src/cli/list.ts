/**
 * `kamervraag list [--format text|json|csv|ics] [--config FILE] PATH|GLOB|- …`: the overview of many
 * Kamervragen, one row per document — zaaknummer, title, indieners, ingediend, state (beantwoord,
 * uitgesteld, te beantwoorden, te laat), deadline, days left, questions, questions without an answer, and
 * in JSON and CSV the dates of the answer and of the last Mededeling —
 * the same rows as the editor's "Kamervragen" view (service/overview.ts); or, `--format ics`, the deadlines
 * of the documents still to be answered as a calendar (service/calendar.ts). Today is the system's date
 * or `KAMERVRAAG_TODAY`; the term is `answerTermDays` of the `.kamervraag.json` above each file (or
 * `--config FILE`). Rows are written in the order of the input as they come (pool.ts).
 */
import * as path from 'node:path';
import type { Locale } from '../core';
import { clockFrom } from '../core/clock';
import { CALENDAR_END, calendarEvent, calendarStart } from '../service/calendar';
import type { OverviewRow } from '../service/overview';
import { spreadsheetText } from '../service/spreadsheet';
import { ConfigLookup, loadConfigFile, warnOnce } from './config';
import { expand, isStdin, type Problem } from './inputs';
import { readOptions } from './options';
import { fileLine, paint, printable, type Colour, type Output } from './output';
import { readAheadEarly, runInOrder } from './pool';

/**
 * The fields of a row in `--format json` and `csv`, in this order (after `file`): the overview's, then the
 * dates a researcher counts with, the answer's (`beantwoord`) and the last Mededeling's (`postponedOn`).
 */
export const LIST_FIELDS = ['zaaknummer', 'title', 'indieners', 'ingediend', 'state', 'deadline', 'days', 'questions', 'unanswered', 'beantwoord', 'postponedOn'] as const;

/** A field as RFC 4180 writes it: a string always quoted (quotes doubled), a number bare, null empty. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return `"${spreadsheetText(value).replace(/"/g, '""')}"`;
}

function csvLine(file: string, row: OverviewRow): string {
  const values = [file, ...LIST_FIELDS.map((f) => (f === 'indieners' ? row.indieners.join('; ') : row[f]))];
  return values.map(csvField).join(',') + '\r\n';
}

/** The colour of each state in `list`'s lines on a terminal: what is late red, what is due yellow. */
const STATE_COLOUR: Record<OverviewRow['state'], Colour> = { 'te laat': 'red', 'te beantwoorden': 'yellow', uitgesteld: 'cyan', beantwoord: 'dim' };

/**
 * `2024Z18439  te laat          2024-12-05    -3  22/22  Het verdwijnen …`: days left (negative: late; empty when answered or postponed),
 * unanswered/questions; the state coloured when `colour` (its padding outside the colour). A document
 * whose header gives no zaaknummer (a `.kvr` of notes) is named by its file, as in the editor's view.
 */
function textLine(file: string, row: OverviewRow, colour: boolean): string {
  const days = row.days === null ? '' : String(row.days);
  const state = paint(colour, STATE_COLOUR[row.state], row.state) + ' '.repeat(Math.max(0, 15 - row.state.length));
  return `${printable(row.zaaknummer ?? path.basename(file)).padEnd(10)}  ${state}  ${(row.deadline ?? '').padEnd(10)}  ${days.padStart(5)}  ${`${row.unanswered}/${row.questions}`.padStart(7)}  ${printable(row.title ?? '')}\n`;
}

function textHeader(locale: Locale): string {
  const [z, s, d, n, u, t] = locale === 'nl'
    ? ['zaaknummer', 'stand', 'termijn', 'dagen', 'open', 'titel']
    : ['zaaknummer', 'state', 'deadline', 'days', 'open', 'title'];
  return `${z.padEnd(10)}  ${s.padEnd(15)}  ${d.padEnd(10)}  ${n.padStart(5)}  ${u.padStart(7)}  ${t}\n`;
}

/**
 * Lists the documents; one that cannot be read, or is no Kamervraag, is named on standard error and
 * the others are still listed. Exit code 2 when a file could not be read, else 1 when one was no
 * Kamervraag, else 0.
 */
export async function runList(args: readonly string[], io: Output, locale: Locale, colour = false): Promise<number> {
  const { values, paths } = readOptions('list', args);
  const o = { format: values.format ?? 'text', config: values.config ?? null };
  const configs = new ConfigLookup(o.config === null ? null : loadConfigFile(o.config));
  const warned = new Set<string | null>();
  const options = { kind: 'list', config: o.config, today: clockFrom(process.env.KAMERVRAAG_TODAY)() } as const;
  readAheadEarly(paths, options);
  const { sources } = await expand(paths);
  const problems: Problem[] = [];
  let skipped = 0;
  let listed = 0;
  if (o.format === 'text') io.out(textHeader(locale));
  else if (o.format === 'csv') io.out(['file', ...LIST_FIELDS].map(csvField).join(',') + '\r\n');
  else if (o.format === 'ics') io.out(calendarStart(locale));
  else io.out('[');
  const stamp = new Date();
  let open = true;
  await runInOrder(sources, options, (result, source) => {
    if (result.kind === 'problem') {
      problems.push(result.problem);
      io.err(fileLine(result.problem.name, result.problem.problem[locale]));
      return true;
    }
    if (result.kind === 'skipped') {
      skipped++;
      io.err(fileLine(result.name, result.reason[locale]));
      return true;
    }
    if (result.kind !== 'listed') return true;
    const config = configs.forFile(isStdin(source) ? null : result.name);
    warnOnce(config, warned, io, locale);
    const row = result.row;
    if (o.format === 'text') io.out(textLine(result.name, row, colour));
    else if (o.format === 'csv') io.out(csvLine(result.name, row));
    else if (o.format === 'ics') io.out(calendarEvent(row, result.name, locale, stamp));
    else {
      const fields = Object.fromEntries(LIST_FIELDS.map((f) => [f, row[f]]));
      io.out((listed === 0 ? '\n  ' : ',\n  ') + JSON.stringify({ file: result.name, ...fields }));
    }
    listed++;
    // A reader that went away (`| head -3`) had what it wanted: end quietly.
    return io.mustDrain() ? io.drain().then((still) => (open = still)) : true;
  });
  if (open && o.format === 'json') io.out(listed === 0 ? ']\n' : '\n]\n');
  if (open && o.format === 'ics') io.out(CALENDAR_END);
  return problems.length > 0 ? 2 : skipped > 0 ? 1 : 0;
}
