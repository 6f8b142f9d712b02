/** The checks that depend on the day and the term: `answer-overdue` (told `today`), `late-answer` with another term. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { answerTerm, check, parse, readIsoDate } from '../../server/src/core';
import { USUAL_REASON } from '../../server/src/core/checks/term';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'examples');
const example = (name: string) => parse(fs.readFileSync(path.join(EXAMPLES, name), 'utf8'));
const day = (iso: string) => readIsoDate(iso)!;
const codes = (name: string, today?: string, answerTermDays?: number) =>
  check(example(name), undefined, { today: today ? day(today) : undefined, answerTermDays }).map((d) => d.code);

describe('answer-overdue', () => {
  it('2024Z18439 (Ingediend 14 november 2024): due 5 december; overdue from the 6th, on the Ingediend date', () => {
    assert.deepEqual(codes('2024Z18439.txt', '2024-12-05'), ['unanswered-document']);
    const doc = example('2024Z18439.txt');
    const [overdue, ...rest] = check(doc, undefined, { today: day('2024-12-06') }).filter((d) => d.code === 'answer-overdue');
    assert.equal(rest.length, 0);
    assert.deepEqual(overdue!.range, doc.metadata.ingediend!.dateRange);
    assert.equal(overdue!.message.en, 'Not answered: the term of 21 days ended on 5 December 2024, 1 day ago, and no Mededeling (postponement notice) was sent.');
    assert.equal(overdue!.message.nl, 'Niet beantwoord: de termijn van 21 dagen is op 5 december 2024 verstreken, 1 dag geleden, en er is geen Mededeling (uitstelbericht) gestuurd.');
    assert.match(check(doc, undefined, { today: day('2024-12-17') }).find((d) => d.code === 'answer-overdue')!.message.en, /, 12 days ago,/);
  });

  it('without today the check does not run: check reads no clock', () => {
    assert.deepEqual(codes('2024Z18439.txt'), ['unanswered-document']);
  });

  it('a longer term moves the deadline', () => {
    assert.ok(codes('2024Z18439.txt', '2024-12-10').includes('answer-overdue'));
    assert.ok(!codes('2024Z18439.txt', '2024-12-10', 30).includes('answer-overdue'));
    assert.ok(codes('2024Z18439.txt', '2024-12-15', 30).includes('answer-overdue'));
  });

  it('not after a Mededeling (2024Z16988), nor for answered documents, however late', () => {
    assert.deepEqual(codes('2024Z16988.txt', '2030-01-01'), ['unanswered-document']);
    assert.deepEqual(codes('2024Z18294.txt', '2030-01-01'), []);
    assert.deepEqual(codes('2014Z19222.txt', '2030-01-01'), ['late-answer']);
  });
});

describe('answer-overdue: its quick fix, a Mededeling of today', () => {
  const apply = (text: string, edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]) =>
    TextDocument.applyEdits(TextDocument.create('file:///x.kvr', 'kamervraag', 1, text), [...edits]);
  const overdueFix = (text: string, today: string) => check(parse(text), undefined, { today: day(today) }).find((d) => d.code === 'answer-overdue')?.fix;
  const text = fs.readFileSync(path.join(EXAMPLES, '2024Z18439.txt'), 'utf8');

  it('2024Z18439: the notice after the last question, in its indentation, with the Indieners, title and zaaknummer; the term then postponed', () => {
    const fix = overdueFix(text, '2024-12-17')!;
    assert.equal(fix.title.nl, 'Voeg een Mededeling (uitstelbericht) van vandaag toe');
    assert.equal(fix.needsInput, true, 'text for the author to read: never part of fix-all');
    const after = apply(text, fix.edits);
    const lastQuestion = parse(text).questions.at(-1)!.range.end.line;
    assert.equal(text.split('\n')[lastQuestion], '  Kunt u deze vragen afzonderlijk beantwoorden?');
    const lines = after.split('\n');
    assert.equal(lines[lastQuestion + 1], ' • Mededeling - 17 december 2024');
    assert.equal(lines[lastQuestion + 2], '  De vragen van de leden Westerveld (GroenLinks-PvdA) en Bushoff (GroenLinks-PvdA) over het verdwijnen van de restitutiepolis en de gevolgen voor ggz-patiënten (2024Z18439) kunnen tot mijn spijt niet binnen de gebruikelijke termijn worden beantwoord. '
      + `De reden van het uitstel is dat ${USUAL_REASON}. Ik zal u zo spoedig mogelijk de antwoorden op de Kamervragen doen toekomen.`);
    // Only new lines, at the start of the line after the question (where VS Code indents no snippet line):
    // the text before and after them is the document's, byte for byte.
    assert.deepEqual(fix.edits[0]!.range, { start: { line: lastQuestion + 1, character: 0 }, end: { line: lastQuestion + 1, character: 0 } });
    const at = text.split('\n').slice(0, lastQuestion + 1).join('\n').length + 1;
    assert.equal(after.slice(0, at), text.slice(0, at));
    assert.equal(after.slice(at + fix.edits[0]!.newText.length), text.slice(at));
    // The cursor before the reason, for the author to keep it or write another.
    const edit = fix.edits[0]!;
    assert.equal(edit.newText.slice(edit.cursor!, edit.cursor! + USUAL_REASON.length), USUAL_REASON);
    const doc = parse(after);
    assert.equal(doc.mededelingen.length, 1);
    assert.deepEqual(doc.mededelingen[0]!.date, day('2024-12-17'));
    assert.equal(doc.questions.length, parse(text).questions.length);
    assert.deepEqual(check(doc, undefined, { today: day('2024-12-17') }).map((d) => d.code), ['unanswered-document']);
    assert.equal(answerTerm(doc, day('2024-12-17'), 21).state, 'uitgesteld');
  });

  it('one Indiener, a title that starts with a name, no zaaknummer; blank lines between blocks and CRLF kept', () => {
    const small = ['Kamervraag', '', 'Defensie in Mali', '', 'Ingediend 1 oktober 2024', 'Indiener Jansen (SP)', '', ' • Vraag 1', '  Waarom?', '', ' • Vraag 2', '  Wanneer?', '', '', 'Kamervraag document nummer: kv-tk-2024Z10000'].join('\r\n');
    const fix = overdueFix(small, '2025-01-01')!;
    const after = apply(small, fix.edits);
    assert.equal(after.split('\r\n').slice(11, 15).join('|'), '  Wanneer?||'
      + ' • Mededeling - 1 januari 2025|  De vragen van het lid Jansen (SP) over Defensie in Mali kunnen tot mijn spijt niet binnen de gebruikelijke termijn worden beantwoord. '
      + `De reden van het uitstel is dat ${USUAL_REASON}. Ik zal u zo spoedig mogelijk de antwoorden op de Kamervragen doen toekomen.`);
    assert.ok(!/[^\r]\n/.test(after), 'CRLF throughout');
    assert.equal(parse(after).footer?.kamervraagNummer?.value.text, 'kv-tk-2024Z10000', 'the footer stays the footer');
  });

  it('a title or Indieners that would read as a reference stay out of the notice: the references are the author\'s', () => {
    const doc = ['Kamervraag 2024Z10000', '', 'Het antwoord op vraag 3', '', 'Ingediend 1 oktober 2024', 'Indiener Jansen (SP)', ' • Vraag 1', '  Waarom?', ' • Vraag 3', '  Hoe?'].join('\n');
    const fix = overdueFix(doc, '2025-01-01')!;
    const after = apply(doc, fix.edits);
    assert.match(after, /\n {2}De vragen van het lid Jansen \(SP\) \(2024Z10000\) kunnen tot mijn spijt/);
    assert.deepEqual(parse(after).references, parse(doc).references);
    // At the end of the text (no line after the last question): after it, without a cursor.
    assert.deepEqual(fix.edits[0]!.range.start, { line: 9, character: 6 });
    assert.equal(fix.edits[0]!.cursor, undefined);
    assert.equal(parse(after).mededelingen.length, 1);
    // A number that names no question stays: "De begroting 2025" is a title, not a reference.
    const budget = apply(doc.replace('Het antwoord op vraag 3', 'De begroting 2025'), overdueFix(doc.replace('Het antwoord op vraag 3', 'De begroting 2025'), '2025-01-01')!.edits);
    assert.match(budget, /\n {2}De vragen van het lid Jansen \(SP\) over de begroting 2025 \(2024Z10000\) kunnen/);
  });

  it('the notice takes the indentation the parser reads as spaces: no line or paragraph separator copied into it (found by fuzzing)', () => {
    // The question's first line of text starts with two spaces, then U+2028 and U+2029: `\s` took all four.
    const doc = ['Kamervraag 2024Z10000', '', 'Titel', '', 'Ingediend 1 oktober 2024', 'Indiener Jansen (SP)', ' • Vraag 1', '  \u2028\u2029\u0085x', '  Hoe?'].join('\n');
    const fix = overdueFix(doc, '2025-01-01')!;
    const written = fix.edits[0]!.newText;
    assert.ok(!/[\u2028\u2029\u0085]/.test(written), JSON.stringify(written));
    assert.match(written, /\n {2}De vragen van het lid Jansen/);
  });

  it('a heading written `•Vraag 1` (no space after the bullet) gives a notice heading with the space (found by fuzzing)', () => {
    const doc = ['Kamervraag 2024Z10000', '', 'Titel', '', 'Ingediend 1 oktober 2024', 'Indiener Jansen (SP)', ' •Vraag 1', '  Waarom?'].join('\n');
    const written = overdueFix(doc, '2025-01-01')!.edits[0]!.newText;
    assert.match(written, /^\n? • Mededeling - 1 januari 2025\n/);
  });

  it('left out when asked (`kamervraag check`, which shows no fixes): the diagnostic stays, without its notice', () => {
    const [without] = check(parse(text), undefined, { today: day('2024-12-17'), mededelingFix: false }).filter((d) => d.code === 'answer-overdue');
    assert.ok(without);
    assert.equal(without.fix, undefined);
    assert.ok(overdueFix(text, '2024-12-17'), 'by default it is there');
  });

  it('no fix where there is nothing to put it after, and no answer-overdue after a Mededeling', () => {
    assert.equal(overdueFix('Kamervraag 2024Z10000\n\nTitel\n\nIngediend 1 oktober 2024\n', '2025-01-01'), undefined);
    assert.deepEqual(codes('2024Z16988.txt', '2030-01-01'), ['unanswered-document']);
  });
});

describe('late-answer with another term', () => {
  it('2014Z19222 (answered after 25 days): late under 21 or 20 days, not under 30', () => {
    assert.deepEqual(codes('2014Z19222.txt', undefined, 30), []);
    const [d] = check(example('2014Z19222.txt'), undefined, { answerTermDays: 20 });
    assert.equal(d!.message.en, 'Answered after 25 days, later than the term of 20 days, and no Mededeling (postponement notice) was sent.');
    assert.match(check(example('2014Z19222.txt'))[0]!.message.en, /the three weeks of the Reglement van Orde/);
  });
});
