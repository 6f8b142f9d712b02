/** *Beantwoording starten*: the source action and the quick fix on `unanswered-document` (a fixed clock). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, SnippetTextEdit, TextEdit } from 'vscode-languageserver-types';
import { fixedClock } from '../../../server/src/core/clock';
import { codeActions } from '../../../server/src/features/codeActions';
import { toLspDiagnostic } from '../../../server/src/features/diagnostics';
import { START_ANSWERING_KIND } from '../../../server/src/features/startAnswering';
import { context, example, fixture, URI } from '../../support/features';

const TODAY = fixedClock({ year: 2024, month: 11, day: 20 });

/** The actions for the whole document with `only` (or the light bulb's request), the note sent with them. */
function actions(text: string, only?: string[], withNote = false, overrides: Parameters<typeof context>[0] = {}): CodeAction[] {
  const f = fixture(text);
  const ctx = context({ clock: TODAY, ...overrides });
  const note = withNote ? f.analysis.diagnosticsWith({ today: TODAY() }).filter((d) => d.code === 'unanswered-document').map((d) => toLspDiagnostic(d, URI, 'en')) : [];
  return codeActions(f.analysis, { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: note, ...(only ? { only } : { triggerKind: 1 }) } }, ctx)
    .filter((a) => a.kind === START_ANSWERING_KIND || (a.kind === 'quickfix' && a.title.startsWith('Start answering')));
}

const applied = (text: string, action: CodeAction) => TextDocument.applyEdits(TextDocument.create(URI, 'kamervraag', 1, text), (action.edit!.changes![URI] as TextEdit[]));

describe('starting the answer', () => {
  it('Beantwoord today with its days, Beantwoord door and Bron antwoord in their places, an answer line under each question', () => {
    const text = example('2024Z18439.txt');
    const [action] = actions(text, [START_ANSWERING_KIND]);
    assert.equal(action!.title, 'Start answering: Beantwoord today and an answer line under each question');
    const after = applied(text, action!);
    assert.deepEqual(after.split('\n').slice(4, 15), [
      'Ingediend 14 november 2024',
      'Beantwoord 20 november 2024 (na 6 dagen)',
      'Indieners Westerveld (GroenLinks-PvdA), Bushoff (GroenLinks-PvdA)',
      'Beantwoord door ',
      'Onderwerpen',
      'Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z18439.html',
      'Bron antwoord ',
      ' • Vraag 1',
      text.split('\n')[9],
      '',
      '  ',
    ]);
    // Only inserts: every edit's range is empty, so every character of the text stays, in its order.
    assert.ok((action!.edit!.changes![URI] as TextEdit[]).every((e) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character));
    assert.equal(after.split('\n').filter((l) => l === '  ').length, 22, 'one answer line for each of the 22 questions');
  });

  it('as a snippet edit the cursor goes to the first answer line; a quick fix on the note "not answered yet"', () => {
    const text = example('2024Z18439.txt');
    const [snippet] = actions(text, [START_ANSWERING_KIND], false, { snippetEdits: true });
    const edits = snippet!.edit!.documentChanges![0] as { edits: Array<TextEdit | SnippetTextEdit> };
    const withCursor = edits.edits.filter((e) => 'snippet' in e) as SnippetTextEdit[];
    assert.equal(withCursor.length, 1);
    assert.equal(withCursor[0]!.range.start.line, 10, 'under question 1');
    const fixes = actions(text, ['quickfix'], true);
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0]!.kind, 'quickfix');
    assert.equal(fixes[0]!.diagnostics?.[0]?.code, 'unanswered-document');
    assert.deepEqual(fixes[0]!.edit, actions(text, [START_ANSWERING_KIND])[0]!.edit);
    assert.equal(actions(text, ['quickfix'], false).length, 0, 'no note sent, no quick fix');
    assert.equal(actions(text, undefined, false, { locale: 'nl' })[0]!.title, 'Beantwoording starten: Beantwoord vandaag en een antwoordregel onder elke vraag');
  });

  it('nothing for a document answered already, without questions, or when another kind is asked for', () => {
    assert.deepEqual(actions(example('2014Z19222.txt'), [START_ANSWERING_KIND]), []);
    assert.deepEqual(actions('Kamervraag 2024Z30000\n\nTitel\n\nIngediend 1 oktober 2024\n', [START_ANSWERING_KIND]), []);
    assert.deepEqual(actions(example('2024Z18439.txt'), ['refactor']), []);
  });
});
