/** The hover on a footnote marker: which footnote, and the publication that has its text (`⟦|⟧` cursors). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { footnoteHover } from '../../../server/src/features/footnoteHover';
import { DOCUMENT_FEATURES } from '../../../server/src/features/index';
import { context, example, fixture } from '../../support/features';

/** The hover at each cursor of `marked`: its range's characters and its paragraphs. */
function hovers(marked: string, locale: 'en' | 'nl' = 'en') {
  const f = fixture(marked);
  return f.cursors.map((_, i) => {
    const h = footnoteHover(f.analysis, f.at(i), context({ locale }));
    return h ? { at: [h.range!.start.character, h.range!.end.character], value: (h.contents as MarkupContent).value.split('\n\n') } : null;
  });
}

describe('the hover on a footnote marker', () => {
  it('in a question: the footnote and the questions\' publication (Bron vraag), in English and Dutch; on either end of the marker', () => {
    // 2014Z19222, question 1: "… om mensenhandel aan te pakken?1".
    const text = example('2014Z19222.txt').replace('aan te pakken?1', 'aan te pakken?⟦|⟧1⟦|⟧');
    const [before, after] = hovers(text);
    const url = 'https://zoek.officielebekendmakingen.nl/kv-tk-2014Z19222.html';
    assert.deepEqual(before!.value, ['**Footnote 1**', `Its text is not in the Kamervraag but in the publication of the questions on officielebekendmakingen.nl: [kv\\-tk\\-2014Z19222](${url}).`]);
    assert.deepEqual(after, before);
    const line = example('2014Z19222.txt').split('\n').find((l) => l.endsWith('aan te pakken?1'))!;
    assert.deepEqual(before!.at, [line.length - 1, line.length], 'the marker\'s range');
    assert.deepEqual(hovers(text, 'nl')[0]!.value, ['**Voetnoot 1**', `De tekst staat niet in de Kamervraag, wel in de publicatie van de vragen op officielebekendmakingen.nl: [kv\\-tk\\-2014Z19222](${url}).`]);
  });

  it('in an answer: the answer\'s publication (Bron antwoord, else the footer); glued to a year; a list of two', () => {
    // 2014Z19222, answer 6: "… bij brief van 2 juli 20142. Voor het …".
    const text = example('2014Z19222.txt').replace('juli 20142.', 'juli 2014⟦|⟧2.');
    const url = 'https://zoek.officielebekendmakingen.nl/ah-tk-20142015-637.html';
    assert.deepEqual(hovers(text)[0]!.value, ['**Footnote 2**', `Its text is not in the Kamervraag but in the publication of the answer on officielebekendmakingen.nl: [ah\\-tk\\-20142015\\-637](${url}).`]);
    const footerOnly = text.replace(/^Bron antwoord .*\n/m, '');
    assert.match(hovers(footerOnly)[0]!.value[1]!, /\(https:\/\/zoek\.officielebekendmakingen\.nl\/ah-tk-20142015-637\.html\)\.$/);
    const neither = footerOnly.replace(/^Kamerantwoord document nummer: .*\n/m, '');
    assert.deepEqual(hovers(neither, 'nl')[0]!.value[1], 'De tekst staat niet in de Kamervraag, wel in de publicatie van het antwoord op officielebekendmakingen.nl.');
    const two = example('2014Z19222.txt').replace('aan te pakken?1\n', 'aan te pakken?1, ⟦|⟧2\n');
    assert.deepEqual(hovers(two)[0]!.value[0], '**Footnotes 1 and 2**');
    assert.match(hovers(two)[0]!.value[1]!, /^Their text is not in the Kamervraag/);
    assert.deepEqual(hovers(two, 'nl')[0]!.value[0], '**Voetnoten 1 en 2**');
  });

  it('nothing on digits that are no marker, off the marker, in the metadata or the title; through the hover request', () => {
    const text = example('2014Z19222.txt');
    assert.deepEqual(hovers(text.replace('aan te pakken?1', 'aan te ⟦|⟧pakken?1')), [null]);
    assert.deepEqual(hovers(text.replace('aan te pakken?1', 'aan te pakken ⟦|⟧1')), [null], 'after a space: text');
    assert.deepEqual(hovers(text.replace('Ingediend 30 oktober 2014', 'Ingediend 30 oktober 2014⟦|⟧')), [null]);
    assert.deepEqual(hovers(text.replace(/^(Te weinig capaciteit.*)$/m, '$1?⟦|⟧1')), [null], 'the title has no markers');
    const f = fixture(text.replace('aan te pakken?1', 'aan te pakken?1⟦|⟧'));
    const h = DOCUMENT_FEATURES.hover.run(f.analysis, f.at(), context()) as { contents: MarkupContent } | null;
    assert.equal(h!.contents.value.split('\n\n')[0], '**Footnote 1**');
  });
});
