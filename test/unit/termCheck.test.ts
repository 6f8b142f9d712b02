/** The checks that depend on the day and the term: `answer-overdue` (told `today`), `late-answer` with another term. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, parse, readIsoDate } from '../../server/src/core';

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
    assert.equal(overdue!.message.en, 'Not answered: the term of 21 days ended on 5 december 2024, 1 day ago, and no Mededeling (postponement notice) was sent.');
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

describe('late-answer with another term', () => {
  it('2014Z19222 (answered after 25 days): late under 21 or 20 days, not under 30', () => {
    assert.deepEqual(codes('2014Z19222.txt', undefined, 30), []);
    const [d] = check(example('2014Z19222.txt'), undefined, { answerTermDays: 20 });
    assert.equal(d!.message.en, 'Answered after 25 days, later than the term of 20 days, and no Mededeling (postponement notice) was sent.');
    assert.match(check(example('2014Z19222.txt'))[0]!.message.en, /the three weeks of the Reglement van Orde/);
  });
});
