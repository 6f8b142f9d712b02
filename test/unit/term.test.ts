/** The answer term against a clock that the test sets (`core/term.ts`, `core/clock.ts`). */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addDays, answerTerm, clockFrom, parse, readIsoDate, systemClock } from '../../server/src/core';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'examples');
const example = (name: string) => parse(fs.readFileSync(path.join(EXAMPLES, name), 'utf8'));
const day = (iso: string) => readIsoDate(iso)!;

describe('clock', () => {
  it('reads ISO dates and refuses days that do not exist', () => {
    assert.deepEqual(readIsoDate('2024-11-14'), { year: 2024, month: 11, day: 14 });
    assert.deepEqual(readIsoDate(' 2024-02-29 '), { year: 2024, month: 2, day: 29 });
    for (const bad of ['2023-02-29', '2024-13-01', '2024-11-4', '14-11-2024', '', 'vandaag']) assert.equal(readIsoDate(bad), null, bad);
  });
  it('is fixed by an ISO date and the system clock otherwise', () => {
    assert.deepEqual(clockFrom('2024-11-14')(), { year: 2024, month: 11, day: 14 });
    assert.equal(clockFrom(undefined), systemClock);
    assert.equal(clockFrom('morgen'), systemClock);
    assert.equal(clockFrom(20241114), systemClock);
  });
  it('adds days across months and leap years', () => {
    assert.deepEqual(addDays(day('2024-02-20'), 21), day('2024-03-12'));
    assert.deepEqual(addDays(day('2023-12-20'), 21), day('2024-01-10'));
    assert.deepEqual(addDays(day('2024-01-10'), -21), day('2023-12-20'));
  });
});

describe('answerTerm', () => {
  it('an answered document is beantwoord, with its dates', () => {
    const t = answerTerm(example('2014Z19222.txt'), day('2026-12-02'));
    assert.equal(t.state, 'beantwoord');
    assert.deepEqual(t.ingediend, day('2014-10-30'));
    assert.deepEqual(t.deadline, day('2014-11-20'));
    assert.deepEqual(t.beantwoord, day('2014-11-24'));
    assert.equal(t.daysLeft, null);
  });
  it('an unanswered document with a Mededeling is uitgesteld, with the date of the notice', () => {
    const t = answerTerm(example('2024Z16988.txt'), day('2026-12-02'));
    assert.equal(t.state, 'uitgesteld');
    assert.deepEqual(t.postponedOn, day('2024-11-15'));
    assert.equal(t.daysLeft, null, 'a Mededeling sets no new day to count to');
    assert.deepEqual(t.deadline, day('2024-11-15'), 'the first deadline stays known');
  });
  it('an unanswered document is te beantwoorden up to and on its last day, te laat the day after', () => {
    const doc = example('2024Z18439.txt');
    const deadline = answerTerm(doc, day('2024-01-01')).deadline!;
    const before = answerTerm(doc, addDays(deadline, -5));
    assert.equal(before.state, 'te beantwoorden');
    assert.equal(before.daysLeft, 5);
    assert.equal(answerTerm(doc, deadline).state, 'te beantwoorden');
    assert.equal(answerTerm(doc, deadline).daysLeft, 0);
    const late = answerTerm(doc, addDays(deadline, 12));
    assert.equal(late.state, 'te laat');
    assert.equal(late.daysLeft, -12);
  });
  it('takes the term from its argument', () => {
    const doc = example('2024Z18439.txt');
    const t21 = answerTerm(doc, day('2024-01-01'));
    const t42 = answerTerm(doc, day('2024-01-01'), 42);
    assert.deepEqual(t42.deadline, addDays(t21.deadline!, 21));
  });
  it('without a readable Ingediend there is no deadline and nothing is late', () => {
    const t = answerTerm(parse('Kamervraag 2024Z12345\n\nTitel\n\nIngediend 31 februari 2024\n • Vraag 1\n  Waarom?\n'), day('2030-01-01'));
    assert.equal(t.state, 'te beantwoorden');
    assert.equal(t.deadline, null);
    assert.equal(t.daysLeft, null);
  });
});
