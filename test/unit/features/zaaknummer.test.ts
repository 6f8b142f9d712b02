/**
 * The document's own zaaknummer as one symbol (`core/zaaknummer.ts`): rename writes a new one in the
 * header, `Bron vraag`, the footer's `kv-tk-…` and a Mededeling's "(2024Z16988)" at once; highlights and
 * references show those places. On the real example 2024Z16988.txt, which writes it in all four.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentHighlightKind, type Position, type TextEdit } from 'vscode-languageserver-types';
import { check } from '../../../server/src/core/checks';
import { parse } from '../../../server/src/core/parse';
import { documentHighlights, references } from '../../../server/src/features/references';
import { prepareRename, rename } from '../../../server/src/features/rename';
import { context, example, fixture } from '../../support/features';

const TEXT = example('2024Z16988.txt');
const f = fixture(TEXT);
const lines = TEXT.split('\n');
/** Where `needle` starts on the first line holding it (after `from` characters of that line). */
function at(needle: string, from = 0): Position {
  const line = lines.findIndex((l) => l.indexOf(needle, from) >= 0);
  return { line, character: lines[line]!.indexOf(needle, from) };
}
const shift = (p: Position, by: number): Position => ({ line: p.line, character: p.character + by });
const PLACES = [at('2024Z16988'), shift(at('kv-tk-2024Z16988'), 6), shift(at('»(2024Z16988)'), 2), shift(at('Kamervraag document nummer: kv-tk-2024Z16988'), 34)];
const placeRanges = PLACES.map((p) => ({ start: p, end: shift(p, 10) }));

const renameAt = (position: Position, newName: string, locale: 'en' | 'nl' = 'en') =>
  rename(f.analysis, { textDocument: f.document.textDocument, position, newName }, context({ locale }));

describe('the document\'s own zaaknummer', () => {
  it('rename from any of its four places writes the new zaaknummer at all of them, nothing else', () => {
    for (const p of PLACES) {
      for (const position of [p, shift(p, 5), shift(p, 10)]) {
        assert.deepEqual(prepareRename(f.analysis, { textDocument: f.document.textDocument, position }, context()), { ok: { range: placeRanges[PLACES.indexOf(p)], placeholder: '2024Z16988' } });
        const result = renameAt(position, ' 2024z17000 ');
        assert.ok(result && 'ok' in result);
        assert.deepEqual(result.ok, placeRanges.map((range) => ({ range, newText: '2024Z17000' })));
      }
    }
    const edits = (renameAt(PLACES[0]!, '2024Z17000') as { ok: TextEdit[] }).ok;
    const after = TextDocument.applyEdits(TextDocument.create('file:///x', 'kamervraag', 1, TEXT), edits);
    assert.equal(after, TEXT.replaceAll('2024Z16988', '2024Z17000'));
    const doc = parse(after);
    assert.equal(doc.header!.zaaknummer!.text, '2024Z17000');
    assert.deepEqual(check(doc).filter((d) => d.code === 'zaaknummer-mismatch'), []);
  });

  it('a new name that is no zaaknummer is refused with the format\'s rule; the same name changes nothing', () => {
    for (const name of ['2024Z1698', '2024-16988', 'Z16988', '', '2024Z169889', '２０２４Z16988']) {
      assert.deepEqual(renameAt(PLACES[1]!, name), { error: 'A zaaknummer is four digits, Z and five digits: 2024Z16988.' }, name);
    }
    assert.deepEqual(renameAt(PLACES[1]!, 'x', 'nl'), { error: 'Een zaaknummer bestaat uit vier cijfers, een Z en vijf cijfers: 2024Z16988.' });
    assert.deepEqual(renameAt(PLACES[2]!, '2024Z16988'), { ok: [] });
  });

  it('a place that writes another zaaknummer is no part of it (zaaknummer-mismatch names it); without one in the header, nothing', () => {
    const other = fixture(TEXT.replace('kv-tk-2024Z16988.html', 'kv-tk-2024Z99999.html'));
    const result = rename(other.analysis, { textDocument: other.document.textDocument, position: PLACES[0]!, newName: '2024Z17000' }, context());
    assert.deepEqual((result as { ok: TextEdit[] }).ok.map((e) => e.range), [placeRanges[0], placeRanges[2], placeRanges[3]]);
    const noHeader = fixture(TEXT.replace('Kamervraag 2024Z16988', 'Kamervraag 2024Z1698'));
    assert.equal(prepareRename(noHeader.analysis, { textDocument: noHeader.document.textDocument, position: PLACES[3]! }, context()), null);
  });

  it('highlights and references: every place, the header the declaration', () => {
    const highlights = documentHighlights(f.analysis, { textDocument: f.document.textDocument, position: PLACES[3]! }, context());
    assert.deepEqual(highlights, placeRanges.map((range, k) => ({ range, kind: k === 0 ? DocumentHighlightKind.Write : DocumentHighlightKind.Read })));
    const uri = f.document.textDocument.uri;
    const refs = (includeDeclaration: boolean) => references(f.analysis, { textDocument: { uri }, position: PLACES[2]!, context: { includeDeclaration } }, context());
    assert.deepEqual(refs(true), placeRanges.map((range) => ({ uri, range })));
    assert.deepEqual(refs(false), placeRanges.slice(1).map((range) => ({ uri, range })));
  });
});
