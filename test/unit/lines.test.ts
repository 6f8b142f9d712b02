/**
 * `LineTable` reads the lines of a text in place; it must see exactly the lines `splitLines` cuts
 * (the LSP line ends `\n`, `\r\n` and a lone `\r`), including texts of more lines than its lists first hold; and
 * the words it is asked to find (`LineTable.search`), at every place they stand, in a short text as in a
 * long one (searched a slice at a time), one text after another (the lists it fills are kept between calls).
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { LineTable, splitLines } from '../../server/src/core/lines';

function linesOf(table: LineTable): string[] {
  return Array.from({ length: table.count }, (_, i) => table.line(i));
}

describe('LineTable', () => {
  const texts: Record<string, string> = {
    empty: '',
    'one line': 'Kamervraag 2014Z19222',
    'ends with a line end': 'a\nb\n',
    CRLF: 'a\r\nb\r\n\r\nc',
    'lone CR': 'a\rb\r\rc',
    mixed: '\r\n\n\ra\r\r\nb\n\r',
    'only line ends': '\n\n\n',
    'more lines than the first guess': '\n'.repeat(5000),
    'CR lines beyond the first guess': 'x\r'.repeat(3000),
  };
  for (const [name, text] of Object.entries(texts)) {
    it(`${name}: the same lines as splitLines, and offsets that point at them`, () => {
      const table = new LineTable(text);
      const expected = splitLines(text);
      assert.deepEqual(linesOf(table), expected);
      for (let i = 0; i < table.count; i++) {
        assert.equal(text.slice(table.start(i), table.end(i)), expected[i]);
      }
    });
  }
});

describe('LineTable: the words it finds', () => {
  /** Every offset of `word` in `text`, overlapping ones too. */
  const occurrences = (text: string, word: string) => {
    const at: number[] = [];
    for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) at.push(i);
    return at;
  };
  const words = ['vra', 'V', 'woord', 'aa'];
  const piece = fc.constantFrom('vraag ', 'Vraag', 'antwoord', 'woord', 'aaa', '\n', '\r\n', '\r', 'x', '•', ' ', 'vr');

  it('in texts of one slice or less, one after another (the kept lists grow and are reused): every occurrence', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 400 }), (parts) => {
      const text = parts.join('');
      const { lines, found } = LineTable.search(text, words);
      assert.deepEqual(found.map((f) => Array.from(f)), words.map((w) => occurrences(text, w)));
      assert.deepEqual(linesOf(lines), splitLines(text));
    }), { numRuns: 300, seed: 20261202 });
  });

  it('in texts longer than a slice, with words across the slices\' ends: every occurrence', () => {
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 7 }), (parts, shift) => {
      const unit = parts.join('');
      const text = 'y'.repeat(shift) + unit.repeat(Math.ceil(140_000 / Math.max(1, unit.length)));
      const { lines, found } = LineTable.search(text, words);
      assert.deepEqual(found.map((f) => Array.from(f)), words.map((w) => occurrences(text, w)));
      assert.deepEqual(linesOf(lines), splitLines(text));
    }), { numRuns: 25, seed: 20261203 });
  });

  it('a text with more occurrences than the kept lists keep, then small texts again: every occurrence of each', () => {
    const texts = ['a\nvraag\rV', 'x\n'.repeat(300_000) + 'woord', 'Vraag 1\r\nvra\n', '', 'vra'.repeat(5)];
    for (const text of texts) {
      const { lines, found } = LineTable.search(text, words);
      assert.deepEqual(found.map((f) => Array.from(f)), words.map((w) => occurrences(text, w)));
      assert.deepEqual(linesOf(lines), splitLines(text));
    }
  });
});
