/**
 * `AnchorReader` finds the places where a mention may start (`ANCHOR_WORDS`: `vra`, `V`, and `antwoord`
 * through its `woord`) a slice of the text at a time, as the parser reads on. Whatever the steps the reader
 * is asked to go in, and wherever the words stand against the slices' ends, it must find every place
 * that a search of the whole text finds, in order, and keep every one the caller has not read past.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { AnchorReader } from '../../server/src/core/anchors';

/** Every anchor of `text`, found the plain way: each occurrence of the words, `woord` three characters back. */
function expected(text: string): number[] {
  const at: number[] = [];
  const each = (word: string, shift: number) => {
    for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) if (i - shift >= 0) at.push(i - shift);
  };
  each('vra', 0);
  each('V', 0);
  each('woord', 3);
  return at.sort((a, b) => a - b);
}

/**
 * Reads `text` in steps ending at `stops` (ascending), as the parser reads it line by line: each step
 * takes the anchors in [its start, its stop) and passes over any that came too late for an earlier one.
 */
function readInSteps(text: string, stops: number[], release = false): number[] {
  const reader = new AnchorReader(text);
  const seen: number[] = [];
  let k = 0;
  let done = 0;
  for (const stop of [...stops, text.length]) {
    k = Math.max(0, k - reader.through(stop, done));
    while (k < reader.count && reader.list[k]! < done) k++;
    while (k < reader.count && reader.list[k]! < stop) seen.push(reader.list[k++]!);
    done = stop;
  }
  if (release) reader.release();
  return seen;
}

const piece = fc.constantFrom('vraag ', 'Vraag', 'antwoord', 'woord', 'Vxwoord', 'vrawoord', 'ant', 'vr', '\n', 'x', '•', ' ', 'V');

describe('AnchorReader', () => {
  it('in a short text read in one step: every anchor, in order', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 300 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(readInSteps(text, []), expected(text));
    }), { numRuns: 300, seed: 20261204 });
  });

  it('in texts longer than a slice, read in steps of any length, words across the slices\' ends: every anchor, in order', () => {
    fc.assert(fc.property(
      fc.array(piece, { minLength: 1, maxLength: 30 }),
      fc.integer({ min: 0, max: 9 }),
      fc.array(fc.integer({ min: 1, max: 90_000 }), { maxLength: 12 }),
      (parts, shift, steps) => {
        const unit = parts.join('');
        const text = 'y'.repeat(shift) + unit.repeat(Math.ceil(200_000 / Math.max(1, unit.length)));
        let at = 0;
        const stops = steps.map((s) => (at += s)).filter((s) => s < text.length);
        assert.deepEqual(readInSteps(text, stops), expected(text));
      },
    ), { numRuns: 40, seed: 20261205 });
  });

  it('an antwoord whose woord starts a slice: its anchor, before the last one of the slice before, comes first', () => {
    // Slices are 65,536 characters: `antwoord` with its `w` at 65,536, and a `V` two characters before that.
    // Read in steps that end anywhere near it (a line ending there): each step has its anchors in time.
    const text = 'x'.repeat(65_533) + 'aVtwoord 6' + 'x'.repeat(100);
    for (const stops of [[], [65_000], [65_534], [65_535], [65_536], [65_533, 65_535]]) {
      assert.deepEqual(readInSteps(text, stops), [65_533, 65_534], `steps ending at ${stops.join(', ')}`);
    }
  });

  it('an empty text and a text without anchors: none', () => {
    assert.deepEqual(readInSteps('', []), []);
    assert.deepEqual(readInSteps('x'.repeat(300_000), [1000, 70_000]), []);
  });

  it('readers one after another, each given the lists of the one before (`release`): every anchor of each', () => {
    fc.assert(fc.property(fc.array(fc.array(piece, { maxLength: 200 }), { minLength: 2, maxLength: 6 }), (docs) => {
      for (const parts of docs) {
        const text = parts.join('');
        assert.deepEqual(readInSteps(text, [], true), expected(text));
      }
    }), { numRuns: 100, seed: 20261206 });
    const long = 'Vraag vra antwoord '.repeat(20_000);
    assert.deepEqual(readInSteps(long, [1000, 100_000], true), expected(long));
    assert.deepEqual(readInSteps('zie vraag 2', [], true), [4]);
  });
});
