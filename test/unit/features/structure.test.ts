/**
 * Renumbering and the structural edits (issue 12): the engine of core/renumber.ts and core/structure.ts
 * through the feature functions of features/structure.ts, as an editor gets them. Each case applies the
 * edit to the fixture and compares the whole text afterwards; `⟦|⟧` marks the cursor.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { analyze } from '../../../server/src/core/analysis';
import { codeActions } from '../../../server/src/features/codeActions';
import { toLspDiagnostic } from '../../../server/src/features/diagnostics';
import {
  deleteRequest, insertRequest, moveRequest, renumberRequest, RENUMBER_FIX_KIND, RENUMBER_KIND,
} from '../../../server/src/features/structure';
import { URI, context, doc, fixture } from '../../support/features';

function apply(text: string, edit: WorkspaceEdit | undefined): string {
  const edits: TextEdit[] = edit?.changes?.[URI] ?? [];
  return TextDocument.applyEdits(TextDocument.create(URI, 'kamervraag', 1, text), edits);
}

const block = (heading: string, question: string, ...answer: string[]) =>
  [heading, `  ${question}`, ...(answer.length ? ['', ...answer.map((a) => `  ${a}`)] : [])].join('\n');

describe('renumber all', () => {
  const shuffled = doc([
    block(' • Vraag 1', 'Een?', 'Zie antwoord vraag 3.', 'Zie ook de vragen 2 t/m 3 en vraag 4.'),
    block(' • Vraag 3', 'Drie?', 'Zie vraag 2.'),
    block(' • Vraag 2', 'Twee?', 'Twee, zie vraag 1.'),
    block(' • Vraag', 'Zonder nummer?', 'Vier.'),
  ].join('\n'));

  it('numbers the blocks 1…n in document order; references follow their block; a range that stays a range is kept', () => {
    const f = fixture(shuffled);
    const answer = renumberRequest(f.analysis, f.document, context());
    assert.equal(apply(f.text, answer.edit), doc([
      block(' • Vraag 1', 'Een?', 'Zie antwoord vraag 2.', 'Zie ook de vragen 2 t/m 3 en vraag 4.'),
      block(' • Vraag 2', 'Drie?', 'Zie vraag 3.'),
      block(' • Vraag 3', 'Twee?', 'Twee, zie vraag 1.'),
      block(' • Vraag 4', 'Zonder nummer?', 'Vier.'),
    ].join('\n')));
    // "vraag 4" named nothing and names the unnumbered block afterwards: reported, not changed.
    assert.deepEqual(answer.notes.map((n) => n.message), [
      '"vraag 4" is left as it is: there was no question 4, but after renumbering there is one. Check this reference.',
    ]);
  });

  it('only digits change, and only where the number changes: one edit per changed number', () => {
    const f = fixture(shuffled);
    const edits = renumberRequest(f.analysis, f.document, context()).edit.changes![URI]!;
    assert.deepEqual(edits.map((e) => e.newText), ['2', '2', '3', '3', ' 4']);
    for (const e of edits) assert.ok(e.range.start.line === e.range.end.line && e.range.end.character - e.range.start.character <= 1);
  });

  it('a sub-question ("vraag 3a en 3b") follows its question; quoted questions of another set ("vraag 3 van eerdere vragen") stay', () => {
    const f = fixture(doc([
      block(' • Vraag 1', 'Wat zei u bij vraag 3 van eerdere vragen (2024Z01234)?', 'Zie antwoord vraag 3a en 3b.'),
      block(' • Vraag 3', 'a) Twee? b) Drie?', 'Ja.'),
    ].join('\n')));
    assert.equal(apply(f.text, renumberRequest(f.analysis, f.document, context()).edit), doc([
      block(' • Vraag 1', 'Wat zei u bij vraag 3 van eerdere vragen (2024Z01234)?', 'Zie antwoord vraag 2a en 2b.'),
      block(' • Vraag 2', 'a) Twee? b) Drie?', 'Ja.'),
    ].join('\n')));
  });

  it('a document numbered 1…n gets no edit', () => {
    const f = fixture(doc([block(' • Vraag 1', 'Een?', 'Zie vraag 2.'), block(' • Vraag 2', 'Twee?', 'Ja.')].join('\n')));
    assert.deepEqual(renumberRequest(f.analysis, f.document, context()).edit.changes![URI], []);
  });

  it('a number two blocks carry is ambiguous: references to it stay, with a note in the session\'s language', () => {
    const f = fixture(doc([
      block(' • Vraag 1', 'Een?', 'Zie antwoord vraag 2.'),
      block(' • Vraag 2', 'Twee?', 'Ja.'),
      block(' • Vraag 2', 'Nog een twee?', 'Zie vraag 1.'),
      block(' • Vraag 5', 'Vijf?', 'Zie vraag 3 en 1.'),
    ].join('\n')));
    const nl = renumberRequest(f.analysis, f.document, context({ locale: 'nl' }));
    assert.equal(apply(f.text, nl.edit), doc([
      block(' • Vraag 1', 'Een?', 'Zie antwoord vraag 2.'),
      block(' • Vraag 2', 'Twee?', 'Ja.'),
      block(' • Vraag 3', 'Nog een twee?', 'Zie vraag 1.'),
      block(' • Vraag 4', 'Vijf?', 'Zie vraag 3 en 1.'),
    ].join('\n')));
    assert.deepEqual(nl.notes.map((n) => n.message), [
      '"Zie antwoord vraag 2" is ongewijzigd gelaten: meer dan één vraag heeft nummer 2, dus het is niet duidelijk welke bedoeld is.',
      '"Zie vraag 3 en 1" is ongewijzigd gelaten: er was geen vraag 3, maar na het hernummeren wel. Controleer deze verwijzing.',
    ]);
    assert.equal(nl.notes[0]!.range.start.line, f.text.split('\n').indexOf('  Zie antwoord vraag 2.'));
  });

  it('a range whose questions no longer form a range is left and reported; one whose blocks moved together follows them', () => {
    const f = fixture(doc([
      block(' • Vraag 1', 'Een?', 'Zie de vragen 4 t/m 5.', 'Zie ook vraag 2 t/m 3.'),
      block(' • Vraag 4', 'Vier?', 'Ja.'),
      block(' • Vraag 5', 'Vijf?', 'Ja.'),
      block(' • Vraag 2', 'Twee?', 'Ja.'),
      block(' • Vraag 6', 'Zes?', 'Ja.'),
      block(' • Vraag 3', 'Drie?', 'Ja.'),
    ].join('\n')));
    const answer = renumberRequest(f.analysis, f.document, context());
    assert.equal(apply(f.text, answer.edit), doc([
      block(' • Vraag 1', 'Een?', 'Zie de vragen 2 t/m 3.', 'Zie ook vraag 2 t/m 3.'),
      block(' • Vraag 2', 'Vier?', 'Ja.'),
      block(' • Vraag 3', 'Vijf?', 'Ja.'),
      block(' • Vraag 4', 'Twee?', 'Ja.'),
      block(' • Vraag 5', 'Zes?', 'Ja.'),
      block(' • Vraag 6', 'Drie?', 'Ja.'),
    ].join('\n')));
    assert.deepEqual(answer.notes.map((n) => n.message), [
      '"Zie ook vraag 2 t/m 3" is left as it is: the questions it names would no longer form a range (4, 6). Edit it by hand.',
    ]);
  });

  it('CRLF, a tab-indented heading and a number with leading zeros: only the digits of changed numbers change', () => {
    const text = ['Kamervraag 2024Z30000', '', 'Titel', '', 'Ingediend 1 oktober 2024', '\t• Vraag 02', '\tTwee?', ' • Vraag 01', '  Een? Zie vraag 02.', ''].join('\r\n');
    const f = fixture(text);
    assert.equal(apply(text, renumberRequest(f.analysis, f.document, context()).edit),
      ['Kamervraag 2024Z30000', '', 'Titel', '', 'Ingediend 1 oktober 2024', '\t• Vraag 1', '\tTwee?', ' • Vraag 2', '  Een? Zie vraag 1.', ''].join('\r\n'));
  });
});

describe('insert, move, delete a question', () => {
  const three = doc([
    block(' • Vraag 1', 'Een?⟦|⟧', 'Zie antwoord vraag 3.'),
    '',
    block(' • Vraag 2', 'Twee?⟦|⟧', 'Zie vraag 1 t/m 3.'),
    '',
    block(' • Vraag 3', 'Drie?⟦|⟧', 'Drie.'),
  ].join('\n'));
  const f = fixture(three);

  it('insert: a numbered heading after the block at the cursor, in the document\'s style; later numbers and references follow; the cursor on the question line', () => {
    const answer = insertRequest(f.analysis, f.at(0), context());
    const after = apply(f.text, answer.edit);
    assert.equal(after, doc([
      block(' • Vraag 1', 'Een?', 'Zie antwoord vraag 4.'),
      '',
      ' • Vraag 2',
      '  ',
      '',
      block(' • Vraag 3', 'Twee?', 'Zie vraag 1 t/m 3.'),
      '',
      block(' • Vraag 4', 'Drie?', 'Drie.'),
    ].join('\n')));
    const lines = after.split('\n');
    assert.equal(lines[answer.cursor!.line - 1], ' • Vraag 2');
    assert.equal(answer.cursor!.character, 2);
    // "1 t/m 3" named 1, 2 and 3, which are now 1, 3 and 4: no range any more, reported.
    assert.match(answer.notes[0]!.message, /^"Zie vraag 1 t\/m 3" is left as it is: .*\(1, 3, 4\)/);
  });

  it('insert above the first question, and into a CRLF document without blank lines between blocks', () => {
    const crlf = ['Kamervraag 2024Z30000', '', 'Titel', '', 'Ingediend⟦|⟧ 1 oktober 2024', '  • Vraag 1', '    Een?', '  • Vraag 2', '    Twee? Zie vraag 1.'].join('\r\n');
    const g = fixture(crlf);
    const answer = insertRequest(g.analysis, g.at(), context());
    assert.equal(apply(g.text, answer.edit),
      ['Kamervraag 2024Z30000', '', 'Titel', '', 'Ingediend 1 oktober 2024', '  • Vraag 1', '    ', '  • Vraag 2', '    Een?', '  • Vraag 3', '    Twee? Zie vraag 2.'].join('\r\n'));
    assert.deepEqual(answer.cursor, { line: 6, character: 4 });
  });

  it('insert into a text of mixed line ends: the line ends of the line it is written after, never a new kind', () => {
    // Found by the fuzzing campaign: a text whose first line ends in a lone CR and the rest in LF got the
    // first line end (CR) for the new block, and the CR written before a line's LF made one CRLF of two.
    const mixed = '\r' + ['Kamervraag 2024Z30000', '', 'Titel', '', 'Ingediend 1 oktober 2024', ' • Vraag 1', 'Een⟦|⟧?', ' • Vraag 2', '  Twee?'].join('\n');
    const g = fixture(mixed);
    const answer = insertRequest(g.analysis, g.at(), context());
    const after = apply(g.text, answer.edit);
    assert.equal(after, '\r' + ['Kamervraag 2024Z30000', '', 'Titel', '', 'Ingediend 1 oktober 2024', ' • Vraag 1', 'Een?', ' • Vraag 2', '', ' • Vraag 3', '  Twee?'].join('\n'));
    assert.ok(!after.includes('\r\n'), 'no CRLF in a text that had none');
    // In a CR text, a question added after its last line (which has no line end) takes the CR the text uses.
    const cr = fixture(['Kamervraag 2024Z30000', '', 'Titel', '', ' • Vraag 1', '  Een?'].join('\r'));
    assert.equal(apply(cr.text, insertRequest(cr.analysis, cr.atPosition({ line: 5, character: 4 }), context()).edit),
      ['Kamervraag 2024Z30000', '', 'Titel', '', ' • Vraag 1', '  Een?', ' • Vraag 2', '  '].join('\r'));
  });

  it('insert into a text that starts with its footer: the question before the footer, where it is one', () => {
    const footer = ['Volledige ⟦|⟧titel: Titel', 'Kamervraag document nummer: kv-tk-2024Z30000'].join('\n');
    const g = fixture(footer);
    const answer = insertRequest(g.analysis, g.at(), context());
    const after = apply(g.text, answer.edit);
    assert.equal(after, [' • Vraag 1', '  ', '', 'Volledige titel: Titel', 'Kamervraag document nummer: kv-tk-2024Z30000'].join('\n'));
    const parsed = analyze(after).document;
    assert.equal(parsed.questions.length, 1);
    assert.equal(parsed.footer?.fields.length, 2, 'the footer is still the footer');
    assert.deepEqual(answer.cursor, { line: 1, character: 2 });
  });

  it('move down and up: the blocks swap byte for byte apart from their digits, references follow; the cursor stays in the moved block', () => {
    const down = moveRequest(f.analysis, { ...f.at(0), direction: 'down' }, context());
    assert.ok(down && !('error' in down));
    const after = apply(f.text, down.edit);
    assert.equal(after, doc([
      // 1, 2 and 3 are now 2, 1 and 3: still the range 1 t/m 3.
      block(' • Vraag 1', 'Twee?', 'Zie vraag 1 t/m 3.'),
      '',
      block(' • Vraag 2', 'Een?', 'Zie antwoord vraag 3.'),
      '',
      block(' • Vraag 3', 'Drie?', 'Drie.'),
    ].join('\n')));
    assert.equal(after.split('\n')[down.cursor!.line], '  Een?');
    const up = moveRequest(f.analysis, { ...f.at(2), direction: 'up' }, context());
    assert.ok(up && !('error' in up));
    assert.equal(apply(f.text, up.edit), doc([
      block(' • Vraag 1', 'Een?', 'Zie antwoord vraag 2.'),
      '',
      block(' • Vraag 2', 'Drie?', 'Drie.'),
      '',
      block(' • Vraag 3', 'Twee?', 'Zie vraag 1 t/m 3.'),
    ].join('\n')));
    assert.equal(moveRequest(f.analysis, { ...f.at(0), direction: 'up' }, context()), null);
    assert.equal(moveRequest(f.analysis, { ...f.at(2), direction: 'down' }, context()), null);
    assert.deepEqual(moveRequest(f.analysis, { ...f.at(0), direction: 'sideways' as 'up' }, context()), { error: 'direction must be "up" or "down"' });
  });

  it('moved from a blank line after its text: the cursor on the block\'s last line with text, inside the document', () => {
    const g = fixture(doc([block(' • Vraag 1', 'Een?', 'Ja.'), '⟦|⟧', block(' • Vraag 2', 'Twee?', 'Nee.')].join('\n')));
    const down = moveRequest(g.analysis, { ...g.at(), direction: 'down' }, context());
    assert.ok(down && !('error' in down));
    const after = apply(g.text, down.edit);
    assert.equal(after, doc([block(' • Vraag 1', 'Twee?', 'Nee.'), '', block(' • Vraag 2', 'Een?', 'Ja.')].join('\n')));
    assert.equal(after.split('\n')[down.cursor!.line], '  Ja.');
    // Only headings, the last one moved up from the blank line below it (a fuzz case): the cursor on that heading.
    const h = fixture(doc([' • Vraag 1', ' • Vraag 2', '   ⟦|⟧', ' • Vraag 3'].join('\n')));
    const last = h.analysis.document.blocks.headingLine(1);
    const moved = moveRequest(h.analysis, { ...h.at(), direction: 'down' }, context());
    assert.ok(moved && !('error' in moved));
    assert.equal(apply(h.text, moved.edit).split('\n')[moved.cursor!.line], ' • Vraag 3');
    assert.equal(moved.cursor!.line, last + 2);
  });

  it('a heading without number and without text, moved: it gets its number once, where it lands', () => {
    const g = fixture(doc([block(' • Vraag 1', 'Een?', 'Zie vraag 2.'), ' • Vraag⟦|⟧', '', block(' • Vraag 2', 'Twee?', 'Ja.')].join('\n')));
    const down = moveRequest(g.analysis, { ...g.at(), direction: 'down' }, context());
    assert.ok(down && !('error' in down));
    assert.equal(apply(g.text, down.edit), doc([block(' • Vraag 1', 'Een?', 'Zie vraag 2.'), block(' • Vraag 2', 'Twee?', 'Ja.'), '', ' • Vraag 3'].join('\n')));
    const up = moveRequest(g.analysis, { ...g.at(), direction: 'up' }, context());
    assert.ok(up && !('error' in up));
    assert.equal(apply(g.text, up.edit), doc([' • Vraag 1', block(' • Vraag 2', 'Een?', 'Zie vraag 3.'), '', block(' • Vraag 3', 'Twee?', 'Ja.')].join('\n')));
  });

  it('delete: the block and its blank line go, later blocks are renumbered, and the answers that referred to it are listed', () => {
    const answer = deleteRequest(f.analysis, f.at(2), context());
    assert.ok(answer);
    assert.equal(apply(f.text, answer.edit), doc([
      block(' • Vraag 1', 'Een?', 'Zie antwoord vraag 3.'),
      '',
      block(' • Vraag 2', 'Twee?', 'Zie vraag 1 t/m 3.'),
    ].join('\n')));
    assert.equal(answer.question, 3);
    assert.deepEqual(answer.referrers.map((r) => [r.text, r.fromQuestion, r.inPart]), [
      ['Zie antwoord vraag 3', 1, 'answer'],
      ['Zie vraag 1 t/m 3', 2, 'answer'],
    ]);
    const middle = deleteRequest(f.analysis, f.at(1), context());
    assert.equal(apply(f.text, middle!.edit), doc([
      block(' • Vraag 1', 'Een?', 'Zie antwoord vraag 2.'),
      '',
      block(' • Vraag 2', 'Drie?', 'Drie.'),
    ].join('\n')));
    assert.equal(deleteRequest(f.analysis, { ...f.document, position: { line: 0, character: 0 } }, context()), null);
  });
});

describe('code actions', () => {
  const text = doc([block(' • Vraag 1', 'Een?⟦|⟧', 'Zie vraag 3.'), block(' • Vraag 3', 'Drie?', 'Ja.')].join('\n'));
  const f = fixture(text);
  const ask = (extra: object) => codeActions(f.analysis, { textDocument: { uri: URI }, range: { start: f.at().position, end: f.at().position }, context: { diagnostics: [], ...extra } }, context({ locale: 'nl' }));
  const kinds = (actions: CodeAction[]) => actions.map((a) => [a.kind, a.title]);

  it('the numbering diagnostics get the renumber quick fix', () => {
    const d = f.analysis.diagnostics.find((x) => x.code === 'question-number-sequence');
    assert.ok(d);
    const actions = ask({ diagnostics: [toLspDiagnostic(d, URI, 'nl')] });
    assert.deepEqual(kinds(actions), [[RENUMBER_FIX_KIND, 'Vragen hernummeren']]);
    assert.equal(apply(f.text, actions[0]!.edit), doc([block(' • Vraag 1', 'Een?', 'Zie vraag 2.'), block(' • Vraag 2', 'Drie?', 'Ja.')].join('\n')));
  });

  it('the source action when the numbering needs it, or when asked for by name; the refactorings when the user asks', () => {
    assert.deepEqual(kinds(ask({})), [], 'nothing on a request the editor sends by itself');
    assert.deepEqual(kinds(ask({ only: ['source'] })), [[RENUMBER_KIND, 'Vragen hernummeren']]);
    assert.deepEqual(kinds(ask({ triggerKind: 1 })), [
      [RENUMBER_KIND, 'Vragen hernummeren'],
      ['refactor.rewrite.kamervraag.insert', 'Vraag toevoegen na vraag 1'],
      ['refactor.rewrite.kamervraag.moveDown', 'Vraag 1 omlaag'],
      ['refactor.rewrite.kamervraag.delete', 'Vraag 1 verwijderen'],
    ]);
    const numbered = fixture(doc(block(' • Vraag 1', 'Een?', 'Ja.')));
    const only = (o: string[]) => codeActions(numbered.analysis, { ...numbered.document, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: o } }, context());
    assert.deepEqual(kinds(only(['source'])), []);
    assert.deepEqual(kinds(only([RENUMBER_KIND])), [[RENUMBER_KIND, 'Renumber questions']]);
    assert.deepEqual(only([RENUMBER_KIND])[0]!.edit, { changes: { [URI]: [] } });
  });

  it('each action when asked for by its own kind (a key binding, Neovim\'s `only`): that one, and no other', () => {
    const d = f.analysis.diagnostics.find((x) => x.code === 'question-number-sequence')!;
    const fix = ask({ only: [RENUMBER_FIX_KIND], diagnostics: [toLspDiagnostic(d, URI, 'nl')] });
    assert.deepEqual(kinds(fix), [[RENUMBER_FIX_KIND, 'Vragen hernummeren']]);
    for (const [kind, title] of [['insert', 'Vraag toevoegen na vraag 1'], ['moveDown', 'Vraag 1 omlaag'], ['delete', 'Vraag 1 verwijderen']]) {
      const actions = ask({ only: [`refactor.rewrite.kamervraag.${kind}`] });
      assert.deepEqual(kinds(actions), [[`refactor.rewrite.kamervraag.${kind}`, title]]);
      assert.deepEqual(actions[0]!.edit, ask({ only: ['refactor'] }).find((a) => a.kind === `refactor.rewrite.kamervraag.${kind}`)!.edit);
    }
    assert.deepEqual(kinds(ask({ only: ['refactor.rewrite.kamervraag.moveUp'] })), [], 'the first question does not move up');
  });

  it('delete says how often the question is referred to', () => {
    const g = fixture(doc([block(' • Vraag 1', 'Een?', 'Zie vraag 2.'), block(' • Vraag 2', 'Twee?⟦|⟧', 'Ja.')].join('\n')));
    const actions = codeActions(g.analysis, { ...g.document, range: { start: g.at().position, end: g.at().position }, context: { diagnostics: [], only: ['refactor'] } }, context());
    assert.deepEqual(actions.map((a) => a.title), [
      'Insert a question after question 2',
      'Move question 2 up',
      'Delete question 2 (referred to 1×: those references stay as they are)',
    ]);
    assert.ok(analyze(apply(g.text, actions[1]!.edit)).document.questions.map((q) => q.number).join() === '1,2');
  });
});
