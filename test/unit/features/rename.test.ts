/**
 * Rename (renumber) a question, with two questions of the same number (issue 10, defect 4). References
 * to a number point at the first question with it (the one the question graph resolves them to), so:
 * from the first heading or from a reference, that heading and every reference change; from a later
 * duplicate heading, only that heading changes — which is how a duplicate is mended.
 *
 * The fixture marks the cursors with `⟦|⟧` (test/support/markers.ts): the reference, the first heading
 * and the duplicate heading.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { parse } from '../../../server/src/core/parse';
import { check } from '../../../server/src/core/checks';
import { prepareRename, rename } from '../../../server/src/features/rename';
import { context, fixture } from '../../support/features';

const MARKED = [
  'Kamervraag 2024Z30000',
  '',
  'Een titel',
  '',
  'Ingediend 1 oktober 2024',
  'Beantwoord 8 oktober 2024 (na 7 dagen)',
  'Indiener Jansen (D66)',
  'Beantwoord door De Vries',
  'Onderwerpen onderwijs',
  'Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z30000.html',
  'Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20242025-1.html',
  ' • Vraag 1',
  '  Hoeveel scholen zijn er?',
  '',
  '  Zie antwoord vraag ⟦|⟧2.',
  ' • Vraag ⟦|⟧2',
  '  Hoeveel leraren zijn er?',
  '',
  '  Tienduizend.',
  ' • Vraag ⟦|⟧2',
  '  Hoeveel leerlingen zijn er?',
  '',
  '  Zie ook het antwoord op vraag 2.',
  '',
  'Kamervraag document nummer: kv-tk-2024Z30000',
  'Volledige titel: Een titel',
].join('\n');

const { text: TEXT, cursors } = fixture(MARKED);
const [REF, FIRST, SECOND] = cursors as [Position, Position, Position];
const lines = TEXT.split('\n');

/** The answer of a rename at `position` of `text` (the fixture's text unless told). */
function renameAt(position: Position, newName: string, text = TEXT, locale: 'en' | 'nl' = 'en') {
  const f = fixture(text);
  return rename(f.analysis, { ...f.atPosition(position), newName }, context({ locale }));
}

function renamed(pos: Position, newName: string): string {
  const result = renameAt(pos, newName);
  assert.ok(result && 'ok' in result, JSON.stringify(result));
  const edits: TextEdit[] = result.ok;
  return TextDocument.applyEdits(TextDocument.create('file:///a', 'kamervraag', 1, TEXT), edits);
}

describe('rename with a duplicate question number', () => {
  it('the positions are the numbers', () => {
    assert.equal(lines[FIRST.line]![FIRST.character], '2');
    assert.equal(lines[SECOND.line]![SECOND.character], '2');
    assert.equal(lines[REF.line]![REF.character], '2');
  });

  it('from the duplicate heading: only that heading changes, and the duplicate is gone', () => {
    const after = renamed(SECOND, '3');
    const want = TEXT.split('\n');
    want[SECOND.line] = ' • Vraag 3';
    assert.equal(after, want.join('\n'));
    assert.ok(!check(parse(after)).some((d) => d.code === 'duplicate-question-number'));
    assert.ok(!check(parse(after)).some((d) => d.code === 'reference-self'), 'the reference in the former duplicate now points at another question');
  });

  it('from the first heading: that heading and the references to it; the duplicate keeps its number', () => {
    const after = renamed(FIRST, '5');
    const want = TEXT.split('\n');
    want[FIRST.line] = ' • Vraag 5';
    want[REF.line] = '  Zie antwoord vraag 5.';
    want[22] = '  Zie ook het antwoord op vraag 5.';
    assert.equal(after, want.join('\n'));
  });

  it('from a reference: the same as from the question it points at, the first one', () => {
    assert.equal(renamed(REF, '5'), renamed(FIRST, '5'));
  });

  it('prepareRename from the duplicate heading offers its number', () => {
    const f = fixture(MARKED);
    const prepared = prepareRename(f.analysis, f.at(2), context());
    assert.deepEqual(prepared, { ok: { range: { start: SECOND, end: { line: SECOND.line, character: SECOND.character + 1 } }, placeholder: '2' } });
  });

  it('a duplicate heading may be renumbered even when the references to its number stand in a range', () => {
    const text = TEXT.replace('Zie antwoord vraag 2.', 'Zie de vragen 1 t/m 2.');
    const result = renameAt(SECOND, '3', text);
    assert.deepEqual(result, { ok: [{ range: { start: SECOND, end: { line: SECOND.line, character: SECOND.character + 1 } }, newText: '3' }] });
    const fromFirst = renameAt(FIRST, '3', text);
    assert.ok(fromFirst && 'error' in fromFirst, 'the first one is named in the range: refused');
  });
});

describe('rename does not change what other references mean', () => {
  it('refused when references name the new number and no question has it (they would come to point here)', () => {
    const text = TEXT.replace('  Tienduizend.', '  Tienduizend, zie ook vraag 7.');
    const result = renameAt(SECOND, '7', text);
    assert.deepEqual(result, { error: 'There is no question 7, but references name it: renumbering to 7 would make them point at this question.' });
    const nl = renameAt(SECOND, '7', text, 'nl');
    assert.ok(nl && 'error' in nl && /Er is geen vraag 7/.test(nl.error));
    assert.ok(renamedIn(text, SECOND, '8'), 'a number nothing names is fine');
  });
});

function renamedIn(text: string, pos: Position, newName: string): boolean {
  const result = renameAt(pos, newName, text);
  return !!result && 'ok' in result && result.ok.length > 0;
}
