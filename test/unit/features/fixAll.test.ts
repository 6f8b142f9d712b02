/**
 * `source.fixAll.kamervraag` (issue 12): every fix that needs no input at once, as non-overlapping edits
 * of the text as it is; fixes that overlap (a key inside metadata lines that are reordered) are composed
 * over rounds; applying fix-all to its own result changes nothing. The action is offered for `only`
 * asking for it (or a parent kind) and in the normal list; never for `only: ['quickfix']`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { parse } from '../../../server/src/core/parse';
import { check } from '../../../server/src/core/checks';
import { analyze } from '../../../server/src/core/analysis';
import { fixAll } from '../../../server/src/core/fixAll';
import { codeActions, FIX_ALL_KIND } from '../../../server/src/features/codeActions';
import { context } from '../../support/features';
import { readSettings } from '../../../server/src/core/config';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const VALID = readFileSync(path.join(ROOT, 'test', 'fixtures', 'checks', 'valid.kvr'), 'utf8');
const URI = 'file:///a.kvr';
const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create(URI, 'kamervraag', 1, text), edits);

function actionsFor(text: string, only?: string[]): CodeAction[] {
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return codeActions(analyze(text), { textDocument: { uri: URI }, range: zero, context: { diagnostics: [], ...(only ? { only } : {}) } }, context());
}

/** The text after fix-all, through the code action as an editor asks for it on save. */
function fixedAll(text: string): string {
  const actions = actionsFor(text, [FIX_ALL_KIND]);
  assert.equal(actions.length, 1, 'one fix-all action');
  assert.equal(actions[0]!.kind, 'source.fixAll.kamervraag');
  return apply(text, actions[0]!.edit!.changes![URI]!);
}

/** VALID with a problem of every kind that mends without input. */
const BROKEN = VALID
  .replace('(na 14 dagen)', '(na 41 dagen)')
  .replace('Indieners Jan', 'INDIENERS Jan')
  .replace(' • Vraag 2\n', ' - vraag  2\n')
  .replace('kv-tk-2024Z12345.html', 'kv-tk-2024Z12399.html')
  .replace('nummer: kv-tk-2024Z12345', 'nummer: kv-tk-2024Z12346 (herdruk)')
  .replace('titel: Capaciteit bij de politie', 'titel: Capaciteit bij de')
  .replace('Kamervraag 2024Z12345\n', 'kamervraag  2024Z12345\n');

describe('fix-all', () => {
  it('mends every problem that needs no input, in one action; the result is the valid document', () => {
    assert.ok(check(parse(BROKEN)).length >= 8);
    assert.equal(fixedAll(BROKEN), VALID.replace('nummer: kv-tk-2024Z12345', 'nummer: kv-tk-2024Z12345 (herdruk)'));
  });

  it('overlapping fixes over rounds: a key and the day count inside metadata lines that are reordered', () => {
    const text = VALID.replace('(na 14 dagen)', '(na 41 dagen)').replace('Indieners Jan', 'Indiener Jan')
      .replace(/(Beantwoord 15[^\n]*\n)(Indieners[^\n]*\n)/, '$2$1').replace(/\n(Bron vraag [^\n]*\n)/, '\nBron vraag x\n$1')
      .replace('Bron vraag x\n', '').replace(/(Onderwerpen [^\n]*\n)/, '$1Ingediend 1 oktober 2024\n').replace('Ingediend 1 oktober 2024\n', '');
    assert.ok(check(parse(text)).some((d) => d.code === 'metadata-order'));
    assert.equal(fixedAll(text), VALID);
  });

  it('the edits do not overlap, and touch only the lines with a problem', () => {
    const text = VALID.replace('(na 14 dagen)', '(na 41 dagen)').replace(' • Vraag 3\n', ' • vraag 3\n');
    const edits = actionsFor(text, ['source.fixAll'])[0]!.edit!.changes![URI]!;
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.range.end.line, e.newText]), [[5, 5, '14'], [21, 21, 'V']]);
  });

  it('a reorder moves only the lines that change place', () => {
    const text = VALID.replace(/(Beantwoord 15[^\n]*\n)(Indieners[^\n]*\n)/, '$2$1');
    const edits = actionsFor(text, [FIX_ALL_KIND])[0]!.edit!.changes![URI]!;
    assert.ok(edits.every((e) => e.range.start.line >= 5 && e.range.end.line <= 7), JSON.stringify(edits));
    assert.equal(apply(text, edits), VALID);
  });

  it('applying fix-all twice gives the same text: the second time there is nothing to do', () => {
    const once = fixedAll(BROKEN);
    assert.deepEqual(actionsFor(once, [FIX_ALL_KIND]), []);
    assert.equal(fixAll(analyze(once)).edits.length, 0);
    assert.ok(fixAll(analyze(BROKEN)).settled);
  });

  it('fixes that need input stay out: a missing answer, a missing key', () => {
    const text = VALID.replace('  Is dat genoeg?\n\n  Zie antwoord vraag 1.\n', '  Is dat genoeg?\n').replace(/Onderwerpen [^\n]*\n/, '')
      .replace('(na 14 dagen)', '(na 41 dagen)');
    const after = fixedAll(text);
    assert.equal(after, text.replace('(na 41 dagen)', '(na 14 dagen)'));
    assert.deepEqual(check(parse(after)).map((d) => d.code).sort(), ['metadata-missing-field', 'missing-answer', 'reference-unanswered']);
  });

  it('offered for `only` with the kind or a parent, and in the normal list; not for quick fixes only; not without anything to fix', () => {
    const text = VALID.replace('(na 14 dagen)', '(na 41 dagen)');
    for (const only of [['source.fixAll.kamervraag'], ['source.fixAll'], ['source'], undefined]) {
      assert.deepEqual(actionsFor(text, only).map((a) => a.kind), ['source.fixAll.kamervraag'], JSON.stringify(only));
    }
    assert.deepEqual(actionsFor(text, ['quickfix']), []);
    assert.deepEqual(actionsFor(text, ['source.organizeImports']), []);
    assert.deepEqual(actionsFor(VALID), []);
    assert.deepEqual(actionsFor(VALID.replace(/Onderwerpen [^\n]*\n/, '')), [], 'only a fix that needs input: no fix-all');
  });

  it('leaves the checks the user set to ignore (kamervraag.diagnostics.severity), and does nothing with validation off', () => {
    const text = VALID.replace('(na 14 dagen)', '(na 41 dagen)').replace(' • Vraag 3\n', ' • vraag 3\n');
    const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const ask = (layer: unknown) => codeActions(analyze(text), { textDocument: { uri: URI }, range: zero, context: { diagnostics: [], only: [FIX_ALL_KIND] } },
      context({ settings: readSettings(layer).settings }));
    const [action] = ask({ diagnostics: { severity: { 'days-wrong': 'ignore' } } });
    assert.equal(apply(text, action!.edit!.changes![URI]!), text.replace(' • vraag 3\n', ' • Vraag 3\n'), 'the heading mended, the ignored day count left');
    assert.deepEqual(ask({ diagnostics: { severity: { 'days-wrong': 'ignore', 'malformed-heading': 'ignore' } } }), [], 'nothing left to fix');
    assert.deepEqual(ask({ validate: { enable: false } }), []);
    const [warned] = ask({ diagnostics: { severity: { 'days-wrong': 'error' } } });
    assert.equal(apply(text, warned!.edit!.changes![URI]!), VALID, 'another severity is still fixed');
  });

  it('leaves what only the author can choose: a footer title with words the title lacks, numbers that may hold the typing error', () => {
    const cases: Array<[string, string]> = [
      ['titel: Capaciteit bij de politie', 'titel: Capaciteit bij de polite'],
      ['titel: Capaciteit bij de politie', 'titel: Capaciteit bij de politie in Limburg'],
      ['titel: Capaciteit bij de politie', 'titel: Capaciteit bij de politie.'],
      ['nummer: ah-tk-20242025-100', 'nummer: ah-tk-20242025-101'],
      // Bron vraag and the footer agree against the header.
      ['Kamervraag 2024Z12345\n', 'Kamervraag 2024Z12346\n'],
    ];
    for (const [from, to] of cases) {
      const text = VALID.replace(from, to);
      const found = check(parse(text)).filter((d) => d.fix);
      assert.ok(found.length > 0 && found.every((d) => d.fix!.needsInput), `${to}: a quick fix, the author's choice`);
      assert.deepEqual(actionsFor(text, [FIX_ALL_KIND]), [], `${to}: no fix-all`);
    }
  });

  it('CRLF and astral characters: edits never split a line end or a surrogate pair', () => {
    // The title with an emoji, the footer's without: fix-all copies it (it adds a word, and loses none).
    const text = VALID.replace('\nCapaciteit bij de politie\n', '\nCapaciteit bij de politie 😀\n').replace(/\n/g, '\r\n');
    const edits = actionsFor(text, [FIX_ALL_KIND])[0]!.edit!.changes![URI]!;
    const after = apply(text, edits);
    assert.equal(after, text.replace('titel: Capaciteit bij de politie\r\n', 'titel: Capaciteit bij de politie 😀\r\n'));
    const doc = TextDocument.create(URI, 'kamervraag', 1, text);
    for (const e of edits) {
      for (const p of [e.range.start, e.range.end]) {
        const at = doc.offsetAt(p);
        assert.ok(!(text[at - 1] === '\r' && text[at] === '\n'));
        assert.ok(!/[\ud800-\udbff]/.test(text[at - 1] ?? '') || !/[\udc00-\udfff]/.test(text[at] ?? ''));
      }
    }
  });
});
