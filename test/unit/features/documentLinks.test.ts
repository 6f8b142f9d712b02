/** Document links: the Bron URLs and the document numbers of the footer. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { documentLinks } from '../../../server/src/features/documentLinks';
import { context, doc, example, fixture } from '../../support/features';
import { officialPublication } from '../../../server/src/core/externals';

describe('document links', () => {
  it('only for real URLs and well-formed document numbers', () => {
    const text = example('2014Z19222.txt');
    const f = fixture(text.replace('https://zoek.officielebekendmakingen.nl/kv-tk-2014Z19222.html', 'zie website').replace('ah-tk-20142015-637\n', 'onbekend\n'));
    assert.deepEqual(documentLinks(f.analysis, f.document, context()).map((l) => l.target), [
      'https://zoek.officielebekendmakingen.nl/ah-tk-20142015-637.html',
      'https://zoek.officielebekendmakingen.nl/kv-tk-2014Z19222.html',
    ]);
  });

  it('the range is the URL', () => {
    const f = fixture('Kamervraag 2024Z30000\n\nTitel\n\nBron vraag ⟦https://example.org/a⟧\n');
    assert.deepEqual(documentLinks(f.analysis, f.document, context()).map((l) => l.range), f.ranges);
  });

  it('a Kamerstuk or Aanhangsel with its number links to its publication on officielebekendmakingen.nl', () => {
    const f = fixture(doc([
      ' • Vraag 1',
      '  Zie ⟦Kamerstuk 29 383, nr. 406⟧, ⟦Kamerstukken II 2019/20, 35 300 VII, nr. 5⟧ en ⟦Kamerstuk 21 501-02, nr. 2733⟧.',
      '',
      '  Zie ook ⟦Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844⟧ en ⟦Aanhangsel Handelingen II 1999/00, nr. 12⟧,',
      '  maar niet Kamerstuk 29 383 (geen nummer), Aanhangsel Handelingen, nr. 9 (geen vergaderjaar) of 2023D39037.',
    ].join('\n')));
    // The links of the question block's lines (the header's and footer's are the other test's).
    const first = f.ranges[0]!.start.line;
    const links = documentLinks(f.analysis, f.document, context({ locale: 'nl' })).filter((l) => l.range.start.line >= first && l.range.start.line <= first + 3);
    assert.deepEqual(links.map((l) => l.range), f.ranges);
    assert.deepEqual(links.map((l) => l.target!.replace('https://zoek.officielebekendmakingen.nl/', '')), [
      'kst-29383-406.html', 'kst-35300-VII-5.html', 'kst-21501-02-2733.html', 'ah-tk-20222023-844.html', 'ah-tk-19992000-12.html',
    ]);
    assert.equal(links[0]!.tooltip, 'Openen op officielebekendmakingen.nl');
  });

  it('officialPublication: only a vergaderjaar of two years in a row', () => {
    const ah = (text: string) => officialPublication({ kind: 'aanhangsel', text, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    assert.equal(ah('Aanhangsel Handelingen II 2022/23, nr. 844'), 'ah-tk-20222023-844');
    assert.equal(ah('Aanhangsel Handelingen II 2022/24, nr. 844'), null);
    assert.equal(ah('Aanhangsel Handelingen, vergaderjaar 2022–2022, nr. 844'), null);
    const kst = (text: string) => officialPublication({ kind: 'kamerstuk', text, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    assert.equal(kst('Kamerstuk 35 261-b, nr. 3'), 'kst-35261-B-3', 'a dossier\'s letters in capitals, as the site writes them');
    assert.equal(kst('Kamerstuk 29 383'), null);
    assert.equal(officialPublication({ kind: 'zaaknummer', text: '2024Z16988', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }), null);
  });
});

