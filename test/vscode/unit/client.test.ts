// Plain-Node unit tests of the client's pure parts: the language status texts and first-line detection.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusDetail, statusSeverity, statusText, type KamervraagStatus } from '../../../client/src/status';
import { dutch } from './dutch';
import { isKamervraagFirstLine } from '../../../client/src/detect';

const base: KamervraagStatus = {
  zaaknummer: '2014Z19222',
  title: 'Te weinig capaciteit',
  questions: 10,
  unanswered: 2,
  answered: true,
  diagnostics: { errors: 0, warnings: 0 },
};

test('status text of an answered document counts the questions without answer, in the display language', () => {
  assert.equal(statusText(base), '10 questions · 2 without answer');
  assert.equal(statusText({ ...base, unanswered: 0 }), '10 questions · 0 without answer');
  assert.equal(statusText({ ...base, questions: 1, unanswered: 1 }), '1 question · 1 without answer');
  assert.equal(statusText(base, dutch), '10 vragen · 2 zonder antwoord');
  assert.equal(statusText({ ...base, unanswered: 0 }, dutch), '10 vragen · 0 zonder antwoord');
  assert.equal(statusText({ ...base, questions: 1, unanswered: 1 }, dutch), '1 vraag · 1 zonder antwoord');
});

test('status text of a document not answered yet', () => {
  const open = { ...base, answered: false, unanswered: 22, questions: 22 };
  assert.equal(statusText(open), '22 questions · not answered yet');
  assert.equal(statusText(open, dutch), '22 vragen · nog niet beantwoord');
});

test('status text of a text that is no Kamervraag at all', () => {
  const alien = { ...base, zaaknummer: null, title: null, questions: 0, unanswered: 0, answered: false, diagnostics: { errors: 1, warnings: 0 }, notAKamervraag: true };
  assert.equal(statusText(alien), 'not a Kamervraag');
  assert.equal(statusText(alien, dutch), 'geen Kamervraag');
  assert.equal(statusDetail(alien), '1 error');
  assert.equal(statusSeverity(alien), 2);
});

test('status detail names the zaaknummer and the problems', () => {
  assert.equal(statusDetail(base), '2014Z19222 · no problems');
  assert.equal(statusDetail({ ...base, diagnostics: { errors: 1, warnings: 2 } }), '2014Z19222 · 1 error, 2 warnings');
  assert.equal(statusDetail({ ...base, zaaknummer: null, diagnostics: { errors: 3, warnings: 0 } }), '3 errors');
  assert.equal(statusDetail({ ...base, diagnostics: { errors: 0, warnings: 1 } }), '2014Z19222 · 1 warning');
  assert.equal(statusDetail(base, dutch), '2014Z19222 · geen problemen');
  assert.equal(statusDetail({ ...base, diagnostics: { errors: 1, warnings: 2 } }, dutch), '2014Z19222 · 1 fout, 2 waarschuwingen');
  assert.equal(statusDetail({ ...base, zaaknummer: null, diagnostics: { errors: 3, warnings: 0 } }, dutch), '3 fouten');
  assert.equal(statusDetail({ ...base, diagnostics: { errors: 0, warnings: 1 } }, dutch), '2014Z19222 · 1 waarschuwing');
});

test('status detail: a header that is no zaaknummer is left out, so that it cannot make a link or an icon there', () => {
  // VS Code reads `[…](command:…)` and `$(…)` in a language status detail, and renders it as trusted Markdown once pinned.
  for (const header of [
    '[2024Z30000](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%22%7D)',
    '2024Z30000 [x](https://example.org)', '$(alert) 2024Z30000', '2024Z30000**', '<img src=x>', '2024 Z30000', '',
  ]) {
    assert.equal(statusDetail({ ...base, zaaknummer: header }), 'no problems', header);
  }
  assert.equal(statusDetail({ ...base, zaaknummer: '2024Z1234' }), '2024Z1234 · no problems');
  assert.equal(statusDetail({ ...base, zaaknummer: '2024z30000' }), '2024z30000 · no problems');
});

test('status severity: errors > warnings or unanswered questions > information', () => {
  assert.equal(statusSeverity({ ...base, diagnostics: { errors: 1, warnings: 5 } }), 2);
  assert.equal(statusSeverity({ ...base, diagnostics: { errors: 0, warnings: 1 }, unanswered: 0 }), 1);
  assert.equal(statusSeverity(base), 1);
  assert.equal(statusSeverity({ ...base, unanswered: 0 }), 0);
  assert.equal(statusSeverity({ ...base, answered: false, unanswered: 10 }), 0);
});

test('first-line detection', () => {
  assert.ok(isKamervraagFirstLine('Kamervraag 2014Z19222'));
  assert.ok(isKamervraagFirstLine('\uFEFFKamervraag 2024Z18439'));
  assert.ok(!isKamervraagFirstLine('Kamervraag over de politie'));
  assert.ok(!isKamervraagFirstLine(' Kamervraag 2014Z19222'));
  assert.ok(!isKamervraagFirstLine('Kamervraag 2014Z1922'));
  assert.ok(!isKamervraagFirstLine('Kamervraag 2014Z192223'));
});
