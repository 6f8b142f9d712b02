/**
 * Negative controls for the edit-safety checker (test/fuzz/editSafety.ts): it catches the edits of issue
 * 10 that lost text — the old whole-line heading fix, the old whole-value footer fix, the old rename that
 * renumbered both duplicates — and an edit that drops or changes a word elsewhere. The real edits pass.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { TextEdit } from 'vscode-languageserver-types';
import { parse } from '../../server/src/core/parse';
import { check } from '../../server/src/core/checks';
import { analyze } from '../../server/src/core/analysis';
import { splitLines } from '../../server/src/core/lines';
import type { RuleCode } from '../../server/src/core/diagnostic';
import { featureContext } from '../../server/src/features/context';
import { rename } from '../../server/src/features/rename';
import { checkFixes, checkRenames, fixViolations, missing, referenceChoiceViolations, renameViolations, words } from '../fuzz/editSafety';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const VALID = readFileSync(path.join(ROOT, 'test', 'fixtures', 'checks', 'valid.kvr'), 'utf8');

const diagnosticOf = (text: string, code: RuleCode) => {
  const d = check(parse(text)).find((x) => x.code === code);
  assert.ok(d, `${code} reported`);
  return d;
};

describe('edit-safety checker', () => {
  it('words: letters, digits and other characters apart; spacing is no word', () => {
    assert.deepEqual(words(' • Vraag 2: Kunt u?\u00a0😀 kv-tk-2014Z19222'), ['•', 'Vraag', '2', ':', 'Kunt', 'u', '?', '😀', 'kv', '-', 'tk', '-', '2014', 'Z', '19222']);
    assert.deepEqual(missing(['a', 'b', 'b', 'c'], ['b', 'a']), ['b', 'c']);
  });

  it('catches the old whole-line heading fix, which dropped the text after the number', () => {
    const text = VALID.replace(' • Vraag 2\n', ' • Vraag 2: Kunt u dit toelichten?\n');
    const d = diagnosticOf(text, 'malformed-heading');
    const old: TextEdit[] = [{ range: d.range, newText: '• Vraag 2' }];
    const found = fixViolations(text, d, old);
    assert.ok(found.some((v) => v.includes('loses ["Kunt","u","dit","toelichten","?"]')), found.join('\n'));
    assert.deepEqual(fixViolations(text, d, [{ range: d.fix!.edits[0]!.range, newText: d.fix!.edits[0]!.newText }]), [], 'the real fix passes');
    assert.deepEqual(checkFixes(text), []);
  });

  it('catches the old whole-value footer fix, which dropped "(herdruk)"', () => {
    const text = VALID.replace('nummer: kv-tk-2024Z12345', 'nummer: kv-tk-2024Z12346 (herdruk)');
    const d = diagnosticOf(text, 'zaaknummer-mismatch');
    const line = d.range.start.line;
    const valueStart = 'Kamervraag document nummer: '.length;
    const old: TextEdit[] = [{ range: { start: { line, character: valueStart }, end: { line, character: valueStart + 'kv-tk-2024Z12346 (herdruk)'.length } }, newText: 'kv-tk-2024Z12345' }];
    assert.deepEqual(fixViolations(text, d, old), ['changes text outside the place it means to change']);
    assert.deepEqual(checkFixes(text), []);
  });

  it('catches a fix that writes what it does not mean to, or does not mend', () => {
    const text = VALID.replace('(na 14 dagen)', '(na 41 dagen)');
    const d = diagnosticOf(text, 'days-wrong');
    assert.ok(fixViolations(text, d, [{ range: d.fix!.edits[0]!.range, newText: 'veertien' }]).some((v) => v.startsWith('adds ["veertien"]')));
    assert.deepEqual(fixViolations(text, d, [{ range: d.fix!.edits[0]!.range, newText: '40' }]), ['does not mend the days-wrong']);
    assert.deepEqual(fixViolations(text, d, [{ range: d.fix!.edits[0]!.range, newText: '14' }]), []);
  });

  it('the answer line: catches one that writes a word, one a line further down, one with another indentation', () => {
    const text = VALID.replace('  Is dat genoeg?\n\n  Zie antwoord vraag 1.\n', '  Is dat genoeg?\n');
    const d = diagnosticOf(text, 'missing-answer');
    const at = d.fix!.edits[0]!.range;
    assert.deepEqual(fixViolations(text, d, [{ range: at, newText: '\n  \n' }]), [], 'the real fix passes');
    assert.ok(fixViolations(text, d, [{ range: at, newText: '\n  Ja.\n' }]).some((v) => v.includes('writes')));
    const elsewhere = { start: { line: at.start.line + 1, character: 0 }, end: { line: at.start.line + 1, character: 0 } };
    assert.ok(fixViolations(text, d, [{ range: elsewhere, newText: '\n  \n' }]).some((v) => v.startsWith('writes')), 'after the blank line');
    assert.ok(fixViolations(text, d, [{ range: at, newText: '\n      \n' }]).some((v) => v.includes('expected a blank line and "  "')));
  });

  it('the missing key: catches a fix that invents the value, and one at the wrong place', () => {
    const text = VALID.replace(/Onderwerpen [^\n]*\n/, '');
    const d = diagnosticOf(text, 'metadata-missing-field');
    const at = d.fix!.edits[0]!.range;
    assert.deepEqual(fixViolations(text, d, [{ range: at, newText: '\nOnderwerpen ' }]), []);
    assert.ok(fixViolations(text, d, [{ range: at, newText: '\nOnderwerpen politie' }]).some((v) => v.startsWith('writes')));
    const first = { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } };
    assert.deepEqual(fixViolations(text, d, [{ range: first, newText: 'Onderwerpen \n' }]), ['changes text outside the place it means to change']);
  });

  it('the reorder: catches one that changes a line, drops one, or leaves them out of order', () => {
    const text = VALID.replace(/(Beantwoord 15[^\n]*\n)(Indieners[^\n]*\n)/, '$2$1');
    const d = diagnosticOf(text, 'metadata-order');
    assert.deepEqual(fixViolations(text, d, d.fix!.edits), [], 'the real fix passes');
    const block = { start: { line: 5, character: 0 }, end: { line: 6, character: 'Beantwoord 15 oktober 2024 (na 14 dagen)'.length } };
    const bad = (newText: string) => fixViolations(text, d, [{ range: block, newText }]);
    assert.ok(bad('Beantwoord 15 oktober 2024 (na 14 dagen)\nIndieners Jan Jansen (SP)').some((v) => v.startsWith('loses') || v.startsWith('the lines change')));
    assert.ok(bad('Beantwoord 15 oktober 2024 (na 14 dagen)').some((v) => v === 'the line ends change'));
    assert.ok(bad('Indieners Jan Jansen (SP), Piet Pietersen (VVD)\nBeantwoord 15 oktober 2024 (na 14 dagen)').some((v) => v.startsWith('not in order')));
  });

  it('the choice of the question a wrong reference meant: catches one that names no question, one wider than the digits, one that writes no number, one that sends the answer to itself', () => {
    const text = VALID.replace('  Zie antwoord vraag 1.', '  Zie antwoord vraag 11.');
    const d = diagnosticOf(text, 'reference-unknown-question');
    const at = d.range;
    assert.deepEqual(referenceChoiceViolations(text, d, [{ range: at, newText: '1' }]), [], 'the real choice passes');
    assert.deepEqual(referenceChoiceViolations(text, d, [{ range: at, newText: '9' }]), ['names question 9, which the document does not have']);
    const wider = { start: { line: at.start.line, character: at.start.character - 1 }, end: at.end };
    assert.deepEqual(referenceChoiceViolations(text, d, [{ range: wider, newText: ' 1' }]), ["edits outside the reference's digits"]);
    assert.deepEqual(referenceChoiceViolations(text, d, [{ range: at, newText: 'één' }]), ['replaces "11" with "één"']);
    assert.deepEqual(referenceChoiceViolations(text, d, [{ range: at, newText: '2' }]), ['an answer made to refer to its own question 2']);
    assert.deepEqual(checkFixes(text), [], 'the choices offered pass');
  });

  it('the header and the title given back: catches one with another zaaknummer, another title, or without its blank line', () => {
    const text = VALID.replace(/^Kamervraag 2024Z12345\n\n/, '');
    const d = diagnosticOf(text, 'header-missing');
    const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.deepEqual(fixViolations(text, d, [{ range: at, newText: 'Kamervraag 2024Z12345\n\n' }]), [], 'the real fix passes');
    assert.ok(fixViolations(text, d, [{ range: at, newText: 'Kamervraag 2024Z12346\n\n' }]).some((v) => v.includes("expected the header 'Kamervraag 2024Z12345'")));
    assert.ok(fixViolations(text, d, [{ range: at, newText: 'Kamervraag 2024Z12345\n' }]).some((v) => v.includes('and a blank line')));
    const title = VALID.split('\n')[2]!;
    const untitled = VALID.replace(`${title}\n\n`, '');
    const t = diagnosticOf(untitled, 'title-missing');
    const third = { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } };
    assert.deepEqual(fixViolations(untitled, t, [{ range: third, newText: `${title}\n\n` }]), [], 'the real fix passes');
    assert.ok(fixViolations(untitled, t, [{ range: third, newText: 'Een andere titel\n\n' }]).some((v) => v.includes('expected the title')));
    assert.deepEqual(checkFixes(text), []);
    assert.deepEqual(checkFixes(untitled), []);
  });

  it('a fix of a code the oracle does not know is unsafe', () => {
    const text = VALID.replace('(na 14 dagen)', '(na 41 dagen)');
    const d = { ...diagnosticOf(text, 'days-wrong'), code: 'date-order' as RuleCode };
    assert.deepEqual(fixViolations(text, d, d.fix!.edits), ['a fix for date-order, which the oracle does not know: teach it what the fix means to change']);
  });

  it('catches a rename that renumbered both questions of a duplicate number (the old rename)', () => {
    const text = VALID.replace(' • Vraag 3\n', ' • Vraag 2\n');
    const lines = splitLines(text);
    const second = { line: 21, character: 9 };
    assert.equal(lines[second.line], ' • Vraag 2');
    const first = { line: 16, character: 9 };
    const oldEdits: TextEdit[] = [first, second].map((p) => ({ range: { start: p, end: { line: p.line, character: p.character + 1 } }, newText: '5' }));
    const found = renameViolations(text, second, '5', { ok: oldEdits });
    assert.ok(found.some((v) => /questions \[1,2,2\] became \[1,5,5\], expected \[1,2,5\]/.test(v)), found.join('\n'));
    const real = rename(analyze(text), { textDocument: { uri: 'file:///a.kvr' }, position: second, newName: '5' }, featureContext());
    assert.deepEqual(renameViolations(text, second, '5', real), []);
    assert.deepEqual(checkRenames(text, ['5', 'x']), []);
  });

  it('catches a rename edit that replaces a word, and one that swallows the word before the number', () => {
    const lines = splitLines(VALID);
    const head = { line: 16, character: 9 };
    assert.equal(lines[head.line], ' • Vraag 2');
    const at = (line: number, a: number, b: number) => ({ start: { line, character: a }, end: { line, character: b } });
    const wordEdit = renameViolations(VALID, head, '7', { ok: [{ range: at(head.line, 9, 10), newText: '7' }, { range: at(17, 2, 4), newText: '7' }] });
    assert.ok(wordEdit.some((v) => v.includes('replaces "Is" with "7"')), wordEdit.join('\n'));
    const drop = renameViolations(VALID, head, '7', { ok: [{ range: at(head.line, 3, 10), newText: '7' }] });
    assert.ok(drop.some((v) => v.includes('replaces "Vraag 2" with "7"')), drop.join('\n'));
    assert.ok(drop.some((v) => v.includes('questions [1,2,3] became [1,3]')), drop.join('\n'));
  });
});
