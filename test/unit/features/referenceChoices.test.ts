/**
 * The quick fixes of a reference that names the wrong question: one per question it probably meant, titled
 * with that question's first words, each replacing only the digits under the diagnostic.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { numberChoices } from '../../../server/src/core/numberChoices';
import { codeActions } from '../../../server/src/features/codeActions';
import { toLspDiagnostic } from '../../../server/src/features/diagnostics';
import { parse } from '../../../server/src/core/parse';
import { findings } from '../../../server/src/features/findings';
import { WorkspaceIndex } from '../../../server/src/service/workspaceIndex';
import { context, doc, example, fixture, URI } from '../../support/features';

/** The quick fixes offered for the diagnostics `code` (all of them, as the light bulb on their line sends them). */
function choices(text: string, code: string, locale: 'en' | 'nl' = 'en'): CodeAction[] {
  const f = fixture(text);
  const ds = f.analysis.diagnostics.filter((d) => d.code === code);
  assert.ok(ds.length > 0, `${code} reported`);
  return codeActions(f.analysis, {
    textDocument: { uri: URI }, range: ds[0]!.range, context: { diagnostics: ds.map((d) => toLspDiagnostic(d, URI, locale)) },
  }, context({ locale })).filter((a) => a.kind === 'quickfix');
}

const applied = (text: string, action: CodeAction) => TextDocument.applyEdits(TextDocument.create(URI, 'kamervraag', 1, text), action.edit!.changes![URI] as TextEdit[]);

describe('the numbers a wrong reference probably meant', () => {
  const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it('one more or less, a digit dropped, two digits swapped; only numbers the document has', () => {
    assert.deepEqual(numberChoices('16', ten), [1, 6]);
    assert.deepEqual(numberChoices('11', ten), [1, 10]);
    assert.deepEqual(numberChoices('21', [...ten, 12, 20]), [1, 2, 12, 20]);
    assert.deepEqual(numberChoices('7', [1, 2, 3]), []);
    assert.deepEqual(numberChoices('4', [1, 2, 3]), [3]);
  });
  it('never the number written, nor the question the answer stands in; nothing for what is no number', () => {
    assert.deepEqual(numberChoices('3', [1, 2, 3, 4], 3), [2, 4]);
    assert.deepEqual(numberChoices('3', [1, 2, 3, 4], 4), [2]);
    assert.deepEqual(numberChoices('', ten), []);
    assert.deepEqual(numberChoices('1234567890', ten), []);
    assert.deepEqual(numberChoices('x', ten), []);
  });
});

describe('quick fixes for a reference to the wrong question', () => {
  it('"zie antwoord vraag 16" in a document of ten: question 1 or 6, by their first words, only the digits replaced', () => {
    const text = example('2014Z19222.txt').replace('  Zie antwoord vraag 6.', '  Zie antwoord vraag 16.');
    const actions = choices(text, 'reference-unknown-question');
    assert.deepEqual(actions.map((a) => a.title), [
      'Refer to question 1: «Wat is uw reactie op het bericht dat er te weinig…»',
      'Refer to question 6: «Hoeveel mensenhandelteams zijn er bij de politie en uit…»',
    ]);
    assert.ok(actions.every((a) => a.isPreferred !== true), 'a guess is never the preferred fix');
    assert.equal(applied(text, actions[1]!), example('2014Z19222.txt'));
    assert.equal(applied(text, actions[0]!), example('2014Z19222.txt').replace('  Zie antwoord vraag 6.', '  Zie antwoord vraag 1.'));
    assert.deepEqual(choices(text, 'reference-unknown-question', 'nl').map((a) => a.title.split(':')[0]), ['Verwijs naar vraag 1', 'Verwijs naar vraag 6']);
  });

  it('an answer that refers to itself: the questions before and after it', () => {
    const text = doc([' • Vraag 1', '  Eerste?', '', '  Ja.', ' • Vraag 2', '  Tweede?', '', '  Zie antwoord vraag 2.', ' • Vraag 3', '  Derde?', '', '  Nee.'].join('\n'));
    const actions = choices(text, 'reference-self');
    assert.deepEqual(actions.map((a) => a.title), ['Refer to question 1: «Eerste?»', 'Refer to question 3: «Derde?»']);
    assert.match(applied(text, actions[0]!), /\n {2}Zie antwoord vraag 1\.\n/);
  });

  it('none inside a range, and none where no number is near', () => {
    const range = doc([' • Vraag 1', '  Eerste?', '', '  Ja.', ' • Vraag 2', '  Tweede?', '', '  Zie antwoord vraag 1 t/m 3.'].join('\n'));
    assert.deepEqual(choices(range, 'reference-unknown-question'), []);
    for (const written of ['de vragen 2 t/m 3', 'de vragen 2 tot en met 3', 'vraag 2-3', 'vraag 2 – 3', 'de vragen 3 t/m 2']) {
      const ends = doc([' • Vraag 1', '  Eerste?', '', '  Ja.', ' • Vraag 2', '  Tweede?', '', `  Zie ${written}.`].join('\n'));
      assert.deepEqual(choices(ends, 'reference-unknown-question'), [], written);
    }
    const far = doc([' • Vraag 1', '  Eerste?', '', '  Ja.', ' • Vraag 2', '  Tweede?', '', '  Zie antwoord vraag 7.'].join('\n'));
    assert.deepEqual(choices(far, 'reference-unknown-question'), []);
  });

  it('a question without a text is named by its number alone', () => {
    const text = doc([' • Vraag 1', '  Eerste?', '', '  Zie antwoord vraag 3.', ' • Vraag 2'].join('\n'));
    assert.deepEqual(choices(text, 'reference-unknown-question').map((a) => a.title), ['Refer to question 2']);
  });
});

describe('quick fixes for a question another Kamervraag of the workspace does not have', () => {
  it('"vraag 19 van de leden … (2024Z16988)" with 2024Z16988 of nine questions: its question 1 or 9, by its first words', () => {
    const index = new WorkspaceIndex();
    index.update('file:///ws/2024Z16988.txt', parse(example('2024Z16988.txt')));
    const text = doc([' • Vraag 1', '  Eerste?', '', '  Zie vraag 19 van de leden Van den Hil en Bikker (2024Z16988).'].join('\n'));
    const f = fixture(text);
    const ctx = context({ workspace: index });
    index.update(URI, f.analysis.document);
    const ds = findings(f.analysis, URI, ctx).filter((d) => d.code === 'cross-reference-unknown-question');
    assert.equal(ds.length, 1);
    const actions = codeActions(f.analysis, { textDocument: { uri: URI }, range: ds[0]!.range, context: { diagnostics: ds.map((d) => toLspDiagnostic(d, URI, 'en')) } }, ctx)
      .filter((a) => a.kind === 'quickfix');
    assert.deepEqual(actions.map((a) => a.title), [
      'Refer to question 1 of 2024Z16988: «Bent u bekend met het bericht «Wachttijden ggz niet goed…»',
      'Refer to question 9 of 2024Z16988: «Als u inzicht heeft in het aantal wachttijden die niet…»',
    ]);
    assert.equal(applied(text, actions[1]!), text.replace('Zie vraag 19 van', 'Zie vraag 9 van'));
    // A question of that document without a text: named by its number alone.
    const bare = new WorkspaceIndex();
    bare.update('file:///ws/2024Z30001.kvr', parse('Kamervraag 2024Z30001\n\nTitel\n\nIngediend 1 oktober 2024\nIndiener Jansen (D66)\n • Vraag 1\n • Vraag 2\n  Twee?\n'));
    const g = fixture(doc([' • Vraag 1', '  Zie vraag 11 van het lid Jansen (2024Z30001)?'].join('\n')));
    const bareContext = context({ workspace: bare });
    const gs = findings(g.analysis, URI, bareContext).filter((d) => d.code === 'cross-reference-unknown-question');
    assert.deepEqual(codeActions(g.analysis, { textDocument: { uri: URI }, range: gs[0]!.range, context: { diagnostics: gs.map((d) => toLspDiagnostic(d, URI, 'en')) } }, bareContext)
      .filter((a) => a.kind === 'quickfix').map((a) => a.title), ['Refer to question 1 of 2024Z30001']);
    // Without the workspace, nothing.
    assert.deepEqual(codeActions(f.analysis, { textDocument: { uri: URI }, range: ds[0]!.range, context: { diagnostics: ds.map((d) => toLspDiagnostic(d, URI, 'en')) } }, context())
      .filter((a) => a.kind === 'quickfix'), []);
  });
});
