/**
 * The deadlines as a calendar (service/calendar.ts), read back with a real iCalendar parser (Mozilla's
 * ical.js): one all-day event on each deadline still to be met, its text as written (escaped, folded at 75
 * octets, never a code point split), a stable UID per zaaknummer; and `kamervraag list --format ics`
 * through its bin on the examples.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import { calendarEvent, contentLine, deadlineCalendar, escapeText, type CalendarRow } from '../../server/src/service/calendar';
import { run } from '../support/cli';

// ical.js is an ES module with a CommonJS build, which `require` takes (its types are the module's).
const ICAL = require('ical.js') as typeof ICALModule;

const STAMP = new Date(Date.UTC(2024, 10, 20, 9, 30, 0));

const row = (over: Partial<CalendarRow> = {}): CalendarRow => ({
  zaaknummer: '2024Z18439',
  title: 'Het verdwijnen van de restitutiepolis en de gevolgen voor ggz-patiënten',
  indieners: ['Westerveld (GroenLinks-PvdA)', 'Bushoff (GroenLinks-PvdA)'],
  ingediend: '2024-11-14',
  state: 'te beantwoorden',
  deadline: '2024-12-05',
  questions: 22,
  unanswered: 22,
  ...over,
});

interface ReadEvent { uid: string; summary: string; description: string; start: string; end: string; allDay: boolean; url: string | null; categories: string[] }

/** The events of `text` as an iCalendar reader sees them; fails when it is no valid calendar. */
function read(text: string): ReadEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.name, 'vcalendar');
  assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
  assert.ok(calendar.getFirstPropertyValue('prodid'));
  return calendar.getAllSubcomponents('vevent').map((c) => {
    const event = new ICAL.Event(c);
    assert.ok(c.getFirstPropertyValue('dtstamp'), 'DTSTAMP, which RFC 5545 requires');
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      url: (c.getFirstPropertyValue('url') as string | null) ?? null,
      categories: c.getAllProperties('categories').flatMap((p) => p.getValues() as string[]),
    };
  });
}

describe('the deadlines as a calendar', () => {
  it('one all-day event on the deadline, with zaaknummer, title, Indieners, Ingediend, the open questions and the file', () => {
    const [event, ...rest] = read(deadlineCalendar([{ row: row(), location: 'kamervragen/2024Z18439.txt' }], 'nl', STAMP));
    assert.equal(rest.length, 0);
    assert.deepEqual(event, {
      uid: '2024Z18439-termijn@kamervraag',
      summary: 'Termijn Kamervraag 2024Z18439: Het verdwijnen van de restitutiepolis en de gevolgen voor ggz-patiënten',
      description: 'Indieners: Westerveld (GroenLinks-PvdA), Bushoff (GroenLinks-PvdA)\nIngediend: 14 november 2024\nVragen zonder antwoord: 22 van 22\nBestand: kamervragen/2024Z18439.txt',
      start: '2024-12-05',
      end: '2024-12-06',
      allDay: true,
      url: 'https://zoek.officielebekendmakingen.nl/kv-tk-2024Z18439.html',
      categories: ['Kamervraag', 'te beantwoorden'],
    });
  });

  it('in English; an overdue one says so; the day after the last of a year is in the next', () => {
    const [event] = read(deadlineCalendar([{ row: row({ state: 'te laat', deadline: '2024-12-31', indieners: ['Mutluer (GroenLinks-PvdA)'], unanswered: 3 }), location: null }], 'en', STAMP));
    assert.equal(event!.summary, 'Deadline Kamervraag 2024Z18439: Het verdwijnen van de restitutiepolis en de gevolgen voor ggz-patiënten (overdue)');
    assert.equal(event!.description, 'Indiener: Mutluer (GroenLinks-PvdA)\nSubmitted: 14 November 2024\nQuestions without an answer: 3 of 22');
    assert.deepEqual([event!.start, event!.end], ['2024-12-31', '2025-01-01']);
  });

  it('only what is still to be answered: not what is answered or postponed, nor a row without a deadline', () => {
    const events = read(deadlineCalendar([
      { row: row({ state: 'beantwoord', zaaknummer: '2024Z00001' }), location: null },
      { row: row({ state: 'uitgesteld', zaaknummer: '2024Z00002' }), location: null },
      { row: row({ deadline: null, zaaknummer: '2024Z00003' }), location: null },
      { row: row({ zaaknummer: '2024Z00004' }), location: null },
    ], 'nl', STAMP));
    assert.deepEqual(events.map((e) => e.uid), ['2024Z00004-termijn@kamervraag']);
    assert.equal(calendarEvent(row({ state: 'beantwoord' }), null, 'nl', STAMP), '');
  });

  it('a hostile title: separators, line ends, control characters and wide characters read back as written (control characters as spaces)', () => {
    const BELL = String.fromCharCode(7);
    const title = `Vragen; over, «dit»\\dat\r\nen${BELL} dit 😀`.repeat(9);
    const text = deadlineCalendar([{ row: row({ title, zaaknummer: null }), location: 'map, met; tekens/2024Z1.kvr' }], 'nl', STAMP);
    for (const line of text.split('\r\n').slice(0, -1)) assert.ok(Buffer.byteLength(line) <= 75, `a line of ${Buffer.byteLength(line)} octets`);
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
    assert.doesNotMatch(text, /[\ud800-\udbff](?:\r\n )/, 'no surrogate pair split by a fold');
    const [event] = read(text);
    assert.equal(event!.summary, `Termijn Kamervraag: ${title.replace(/\r\n/g, '\n').replaceAll(BELL, ' ')}`);
    assert.equal(event!.url, null, 'no zaaknummer, no link');
    assert.match(event!.description, /\nBestand: map, met; tekens\/2024Z1\.kvr$/);
    assert.equal(event!.uid, 'file-map, met; tekens/2024Z1.kvr-termijn@kamervraag');
  });

  it('escaping and folding as RFC 5545 writes them', () => {
    assert.equal(escapeText('a;b,c\\d\ne'), 'a\\;b\\,c\\\\d\\ne');
    assert.equal(contentLine('x'.repeat(75)), `${'x'.repeat(75)}\r\n`);
    assert.equal(contentLine('x'.repeat(76)), `${'x'.repeat(75)}\r\n x\r\n`);
    // Three octets each: 25 fit on the first line (75), 24 on a folded one (1 + 72).
    assert.equal(contentLine('€'.repeat(50)), `${'€'.repeat(25)}\r\n ${'€'.repeat(24)}\r\n ${'€'}\r\n`);
  });
});

describe('kamervraag list --format ics', () => {
  it('the examples on a fixed day: the one still to be answered, in Dutch with --lang nl', () => {
    const r = run(['list', '--format', 'ics', '--lang', 'nl', 'test/fixtures/examples'], undefined, { KAMERVRAAG_TODAY: '2024-11-20' });
    assert.equal(r.code, 0, r.err);
    const events = read(r.out);
    assert.deepEqual(events.map((e) => [e.uid, e.start, e.summary.split(':')[0]]), [['2024Z18439-termijn@kamervraag', '2024-12-05', 'Termijn Kamervraag 2024Z18439']]);
    assert.match(events[0]!.description, /Bestand: test\/fixtures\/examples\/2024Z18439\.txt$/);
    // Overdue by the day after the term: the same event, marked so.
    const late = read(run(['list', '--format', 'ics', 'test/fixtures/examples'], undefined, { KAMERVRAAG_TODAY: '2024-12-06' }).out);
    assert.deepEqual(late.map((e) => [e.start, e.categories[1], e.summary.endsWith('(overdue)')]), [['2024-12-05', 'te laat', true]]);
  });

  it('no Kamervraag to answer: an empty calendar, still one', () => {
    const r = run(['list', '--format', 'ics', 'test/fixtures/examples/2014Z19222.txt'], undefined, { KAMERVRAAG_TODAY: '2024-11-20' });
    assert.equal(r.code, 0);
    assert.deepEqual(read(r.out), []);
  });
});
