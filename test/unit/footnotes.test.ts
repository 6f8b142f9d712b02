/** The footnote markers that `kamervraag parse` keeps out of the texts (core/footnotes.ts): what is one, and what stays text. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { findFootnotes, withoutFootnotes } from '../../server/src/core/footnotes';

const markers = (s: string) => findFootnotes(s).map((m) => [m.marker, s.slice(m.start, m.end), m.numbers]);

describe('footnote markers', () => {
  it('digits glued to closing punctuation, and a list at the end of a line', () => {
    assert.deepEqual(markers('mensenhandel aan te pakken?1'), [['1', '1', [1]]]);
    assert.deepEqual(markers('«Wachttijden ggz»?1'), [['1', '1', [1]]]);
    assert.deepEqual(markers('het bericht «Prostitutiepolissen voor ggz»2?'), [['2', '2', [2]]]);
    assert.deepEqual(markers('Kent u het bericht?1, 2'), [['1, 2', '1, 2', [1, 2]]]);
    assert.deepEqual(markers('de brief (VPS)3. En "zo"4 verder! 12'), [['3', '3', [3]], ['4', '4', [4]]]);
    assert.deepEqual(markers('Echt?!12 Ja.'), [['12', '12', [12]]]);
  });

  it('digits glued to the year of a date', () => {
    assert.deepEqual(markers('bij brief van 2 juli 20142. Voor het overige'), [['2', '2', [2]]]);
    assert.deepEqual(markers('op 1 Januari 202412 en'), [['12', '12', [12]]]);
  });

  it('what cannot be told from text stays text', () => {
    for (const s of [
      'het programma MIND3 loopt', // glued to letters
      'zie Van den Hil.2 3', // after a word and a full stop
      'aanpakken? 1 op de 5', // after a space
      '"1 op de 5" is veel', // an opening quote
      'ruim 1.000 agenten, nr. 12', // numbers
      'op 2 juli 2014 en 30 oktober 2014.', // plain dates
      'het jaar 20142 bestaat niet', // no month
      'zie (bijlage)123 hier', // three digits
      'vraag?1e keer', // glued on to a letter
      '(2024Z16988) en [2023D39037]',
    ]) assert.deepEqual(markers(s), [], s);
    // A list goes on as text: only its first number is a marker.
    assert.deepEqual(markers('het bericht»1, 2 of 3 keer'), [['1', '1', [1]]]);
  });

  it('the text without its markers keeps every other character', () => {
    assert.equal(withoutFootnotes('aanpakken?1'), 'aanpakken?');
    assert.equal(withoutFootnotes('ggz»2? Zo ja, 2 juli 20142.'), 'ggz»? Zo ja, 2 juli 2014.');
    assert.equal(withoutFootnotes('Kent u het bericht?1, 2'), 'Kent u het bericht?');
    assert.equal(withoutFootnotes('geen voetnoot hier'), 'geen voetnoot hier');
  });
});

describe('footnote markers: nothing lost (fast-check)', () => {
  it('the text without markers, with the markers put back where they stood, is the text', () => {
    const pieces = ['?', '!', '»', '”', '"', ')', ']', '1', '2', '12', '123', ', ', ',', ' ', '\u00a0', 'a', 'Z', '.', 'juli', '2014', '2 juli 2014', 'nr.'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      const found = findFootnotes(text);
      let at = 0;
      for (const m of found) {
        assert.ok(m.start >= at && m.end > m.start, `overlap in ${JSON.stringify(text)}`);
        assert.match(m.marker, /^\d{1,2}(?:,[ \u00a0]?\d{1,2})*$/);
        assert.equal(text.slice(m.start, m.end), m.marker);
        at = m.end;
      }
      const without = withoutFootnotes(text, found);
      let rebuilt = '';
      let from = 0;
      let shift = 0;
      for (const m of found) {
        rebuilt += without.slice(from, m.start - shift) + m.marker;
        from = m.start - shift;
        shift += m.end - m.start;
      }
      assert.equal(rebuilt + without.slice(from), text);
    }), { numRuns: 2000, seed: 15 });
  });
});
