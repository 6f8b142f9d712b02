/**
 * `LineTable` reads the lines of a text in place; it must see exactly the lines `splitLines` cuts
 * (the LSP line ends `\n`, `\r\n` and a lone `\r`), in texts of more lines than its kept lists first hold,
 * longer than a slice of its search, and one text after another (the lists are kept between calls).
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { LineTable, SLICE, splitLines } from '../../server/src/core/lines';

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
    // The one-search path for `\n` only takes texts up to SLICE characters; one more goes a slice at a time.
    'LF only, SLICE characters': 'x\n'.repeat(SLICE / 2),
    'LF only, SLICE + 1 characters': `${'x\n'.repeat(SLICE / 2)}y`,
    'a CR in the last character of a text of SLICE characters': `${'x\n'.repeat(SLICE / 2 - 1)}x\r`,
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

describe('LineTable: one text after another', () => {
  const piece = fc.constantFrom('vraag ', '\n', '\r\n', '\r', 'x', '•', ' ', '\n\n');

  it('short and long texts in a row (long ones searched a slice at a time): the lines of each', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 0, max: 3 }), (parts, times) => {
      const unit = parts.join('');
      const text = times === 0 ? unit : unit.repeat(Math.ceil((times * 70_000) / Math.max(1, unit.length)));
      assert.deepEqual(linesOf(new LineTable(text)), splitLines(text));
    }), { numRuns: 60, seed: 20261203 });
  });

  it('a text with more line ends than the kept lists keep (2^22), then small texts again', () => {
    const huge = new LineTable(`${'\n'.repeat((1 << 22) + 5)}end`);
    assert.equal(huge.count, (1 << 22) + 6);
    assert.equal(huge.line(huge.count - 1), 'end');
    assert.equal(huge.start(1 << 22), 1 << 22);
    for (const text of ['a\nb\rc', 'x\n'.repeat(300_000) + 'y', 'Vraag 1\r\nvra\n', '', '\r\n\r']) {
      assert.deepEqual(linesOf(new LineTable(text)), splitLines(text));
    }
  });
});

describe('LineTable: positions and offsets', () => {
  const text = 'ab\r\ncd\n\re\rf';
  const table = new LineTable(text);

  it('every offset outside a line end goes to its position and back', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
      const p = table.positionAt(offset);
      assert.equal(table.offsetAt(p), offset, `offset ${offset}`);
      assert.equal(table.start(p.line) + p.character, offset);
    }
  });

  it('an offset between \\r and \\n is the end of its line', () => {
    assert.deepEqual(table.positionAt(3), { line: 0, character: 2 });
  });

  it('positions outside the text and past a line end are read as LSP reads them', () => {
    assert.equal(table.offsetAt({ line: 0, character: 99 }), 2, 'past the end of the line: its end, before \\r\\n');
    assert.equal(table.offsetAt({ line: 2, character: 5 }), 7, 'an empty line');
    assert.equal(table.offsetAt({ line: -1, character: 3 }), 0);
    assert.equal(table.offsetAt({ line: table.count, character: 0 }), text.length);
    assert.equal(table.offsetAt({ line: 1, character: -4 }), 4);
    assert.deepEqual(table.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(table.positionAt(text.length + 5), { line: table.count - 1, character: 1 });
  });
});
