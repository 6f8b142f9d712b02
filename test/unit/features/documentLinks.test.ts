/** Document links: the Bron URLs and the document numbers of the footer. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { documentLinks } from '../../../server/src/features/documentLinks';
import { context, example, fixture } from '../../support/features';

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
});
