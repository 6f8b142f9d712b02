/** The answer term in words: the header hover and the status, against a fixed clock and the chosen term. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { analyze } from '../../../server/src/core/analysis';
import { fixedClock, readIsoDate } from '../../../server/src/core/clock';
import { readSettings } from '../../../server/src/core/config';
import { answerTerm } from '../../../server/src/core/term';
import { termHover, termStatus, termText } from '../../../server/src/features/term';
import { status } from '../../../server/src/features/status';
import { context, example, fixture } from '../../support/features';

const on = (iso: string, extra: Parameters<typeof context>[0] = {}) => context({ clock: fixedClock(readIsoDate(iso)!), ...extra });
const unanswered = analyze(example('2024Z18439.txt')); // Ingediend 14 november 2024: due 5 december 2024
const postponed = analyze(example('2024Z16988.txt')); // Mededeling of 15 november 2024
const answered = analyze(example('2014Z19222.txt'));

describe('the answer term in words', () => {
  it('before the deadline: due by …, days left (Dutch and English)', () => {
    const term = answerTerm(unanswered.document, readIsoDate('2024-11-30')!);
    assert.equal(termText(term, 'nl'), 'antwoord verwacht uiterlijk 5 december 2024 (nog 5 dagen)');
    assert.equal(termText(term, 'en'), 'answer due by 5 December 2024 (5 days left)');
    assert.equal(termText(answerTerm(unanswered.document, readIsoDate('2024-12-04')!), 'nl'), 'antwoord verwacht uiterlijk 5 december 2024 (nog 1 dag)');
    assert.equal(termText(answerTerm(unanswered.document, readIsoDate('2024-12-05')!), 'en'), 'answer due by 5 December 2024 (today)');
  });

  it('after it: expired on …, days ago', () => {
    assert.equal(termText(answerTerm(unanswered.document, readIsoDate('2024-12-17')!), 'nl'), 'termijn verstreken op 5 december 2024 (12 dagen geleden)');
    assert.equal(termText(answerTerm(unanswered.document, readIsoDate('2024-12-06')!), 'en'), 'term expired on 5 December 2024 (1 day ago)');
  });

  it('after a Mededeling: postponement announced on …; answered: answered on …', () => {
    assert.equal(termText(answerTerm(postponed.document, readIsoDate('2025-01-01')!), 'nl'), 'uitstel gemeld op 15 november 2024');
    assert.equal(termText(answerTerm(answered.document, readIsoDate('2025-01-01')!), 'en'), 'answered on 24 November 2014');
  });

  it('without a readable Ingediend: the term is unknown', () => {
    const f = fixture('Kamervraag 2024Z12345\n\nTitel\n\nIngediend ergens\n • Vraag 1\n  V?\n');
    assert.equal(termText(answerTerm(f.analysis.document, readIsoDate('2025-01-01')!), 'en'), 'no readable Ingediend date: the term is unknown');
  });
});

describe('the header hover', () => {
  const atHeader = { textDocument: { uri: 'file:///x.kvr' }, position: { line: 0, character: 14 } };

  it('on the header line: zaaknummer, the term, Ingediend and the term in days', () => {
    const h = termHover(unanswered, atHeader, on('2024-11-30', { locale: 'nl' }))!;
    assert.deepEqual(h.range, unanswered.document.header!.range);
    assert.equal((h.contents as MarkupContent).value,
      '**Kamervraag 2024Z18439**\n\nAntwoord verwacht uiterlijk 5 december 2024 \\(nog 5 dagen\\)\n\nIngediend 14 november 2024, termijn 21 dagen \\(Reglement van Orde, art\\. 135\\)\\.');
  });

  it('kamervraag.answerTermDays moves the deadline', () => {
    const h = termHover(unanswered, atHeader, on('2024-11-30', { settings: readSettings({ answerTermDays: 28 }).settings }))!;
    assert.match((h.contents as MarkupContent).value, /answer due by 12 December 2024 \\\(12 days left\\\)[\s\S]*term 28 days/i);
  });

  it('not off the header line', () => {
    assert.equal(termHover(unanswered, { ...atHeader, position: { line: 2, character: 0 } }, on('2024-11-30')), null);
  });
});

describe('the status', () => {
  it('carries the term: state, ISO dates, days left while waiting, the phrase', () => {
    assert.deepEqual(termStatus(unanswered.document, on('2024-12-17')), {
      state: 'te laat', deadline: '2024-12-05', daysLeft: -12, postponedOn: null, text: 'term expired on 5 December 2024 (12 days ago)',
    });
    assert.deepEqual(termStatus(postponed.document, on('2024-12-17', { locale: 'nl' })), {
      state: 'uitgesteld', deadline: '2024-11-15', daysLeft: null, postponedOn: '2024-11-15', text: 'uitstel gemeld op 15 november 2024',
    });
  });

  it('counts what the settings leave: answer-overdue is information, an error raised by the settings counts', () => {
    const params = { textDocument: { uri: 'file:///x.kvr' } };
    assert.deepEqual(status(unanswered, params, on('2024-12-17')).diagnostics, { errors: 0, warnings: 0 });
    const strict = readSettings({ diagnostics: { severity: { 'answer-overdue': 'error' } } }).settings;
    assert.deepEqual(status(unanswered, params, on('2024-12-17', { settings: strict })).diagnostics, { errors: 1, warnings: 0 });
    assert.deepEqual(status(unanswered, params, on('2024-11-30', { settings: strict })).diagnostics, { errors: 0, warnings: 0 });
  });
});
