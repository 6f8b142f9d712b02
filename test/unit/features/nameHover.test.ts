/** The hover on a name in the metadata: the other Kamervragen of the workspace the member asked, or the minister answered (`⟦|⟧` cursors). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { parse } from '../../../server/src/core/parse';
import { MAX_LISTED, nameHover } from '../../../server/src/features/nameHover';
import { WorkspaceIndex } from '../../../server/src/service/workspaceIndex';
import { context, example, fixture } from '../../support/features';

function workspace(extra = 0): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const name of ['2014Z19222.txt', '2024Z16988.txt', '2024Z18294.txt', '2024Z18439.txt']) index.update(`file:///ws/${name}`, parse(example(name)));
  for (let k = 0; k < extra; k++) {
    index.update(`file:///ws/extra (${k}).kvr`, parse(`Kamervraag 2015Z${String(10000 + k)}\n\nVraag (${k})\n\nIngediend 1 oktober 2015\nIndiener michiel  van Nispen (PvdA)\n • Vraag 1\n  Wat?`));
  }
  return index;
}

const hoverAt = (marked: string, index: WorkspaceIndex | null = workspace(), locale: 'en' | 'nl' = 'en') => {
  const f = fixture(['Kamervraag 2024Z30000', '', 'Een titel', '', 'Ingediend 1 oktober 2024', marked, ' • Vraag 1', '  Waarom?'].join('\n'));
  const h = nameHover(f.analysis, f.at(), context({ workspace: index, locale }));
  return { f, h, text: h ? (h.contents as MarkupContent).value : null };
};

describe('the hover on a name', () => {
  it('a member of Indieners: the other Kamervragen they asked, each a link, with the member\'s range', () => {
    const { f, h, text } = hoverAt('Indieners Nine Kooiman (SP), ⟦Michiel van ⟦|⟧Nispen (SP)⟧');
    assert.equal(text, [
      '**Michiel van Nispen**', '', 'Asked 1 other Kamervraag in the workspace:', '',
      '- [2014Z19222](file:///ws/2014Z19222.txt) Te weinig capaciteit bij politie en Openbaar Ministerie om mensenhandel aan te pakken',
    ].join('\n'));
    assert.deepEqual(h!.range, f.ranges[0]);
    assert.match(hoverAt('Indiener Mutluer⟦|⟧ (GroenLinks-PvdA)', workspace(), 'nl').text!, /Indiener van nog 1 Kamervraag in de werkruimte:/);
  });

  it('Beantwoord door: the others that minister answered; none for a name in no other document, or without a workspace', () => {
    assert.match(hoverAt('Beantwoord door Opst⟦|⟧elten').text!, /^\*\*Opstelten\*\*\n\nAnswered 1 other Kamervraag in the workspace:\n\n- \[2014Z19222\]/);
    assert.equal(hoverAt('Beantwoord door Niemand⟦|⟧').h, null);
    assert.equal(hoverAt('Indieners Michiel van ⟦|⟧Nispen (SP)', null).h, null);
    assert.equal(hoverAt('Ingediend 1 oktober ⟦|⟧2024').h, null);
  });

  it('the party aside and in any case, the newest first, at most MAX_LISTED with how many more; not the document itself', () => {
    const { text } = hoverAt('Indieners Michiel van ⟦|⟧Nispen (SP)', workspace(MAX_LISTED + 2));
    const rows = text!.split('\n').filter((l) => l.startsWith('- '));
    assert.equal(rows.length, MAX_LISTED + 1);
    assert.equal(rows[0], '- [2015Z10011](file:///ws/extra%20%2811%29.kvr) Vraag \\(11\\)', 'a space or parenthesis in the address does not end the link');
    assert.equal(rows[MAX_LISTED], '- … and 3 more');
    assert.match(text!, /Asked 13 other Kamervragen/);
    const self = fixture(example('2014Z19222.txt'));
    const line = example('2014Z19222.txt').split('\n').findIndex((l) => l.startsWith('Indieners'));
    const own = nameHover(self.analysis, { textDocument: { uri: 'file:///ws/2014Z19222.txt' }, position: { line, character: 12 } }, context({ workspace: workspace() }));
    assert.equal(own, null, 'its only other Kamervraag would be itself');
    // A document without a zaaknummer is listed by its file's name, decoded where it can be.
    const index = workspace();
    for (const file of ['geen%20kop.kvr', '100%.kvr']) index.update(`file:///ws/${file}`, parse('Kamervraag\n\nTitel\n\nIndiener Mutluer\n • Vraag 1\n  Wat?'));
    const rows2 = hoverAt('Indiener Mut⟦|⟧luer', index).text!.split('\n').filter((l) => l.startsWith('- '));
    assert.deepEqual(rows2.map((r) => r.slice(0, r.indexOf(']') + 1)), ['- [2024Z18294]', '- [100%\\.kvr]', '- [geen kop\\.kvr]']);
  });
});
