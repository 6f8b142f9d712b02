/**
 * `LineTable` reads the lines of a text in place; it must see exactly the lines `splitLines` cuts
 * (the LSP line ends `\n`, `\r\n` and a lone `\r`), including a text that outgrows its first guess.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
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
