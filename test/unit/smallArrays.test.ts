/**
 * `smallInt32Array` hands out parts of shared chunks: each must be as a new array (zeroed, its own length)
 * and stay its own while any number of others are handed out after it; a `LineTable` and a parsed
 * document kept while thousands more are made must keep their lines and rows.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { smallInt32Array } from '../../server/src/core/smallArrays';
import { LineTable, splitLines } from '../../server/src/core/lines';
import { parse } from '../../server/src/core/parse';
import * as fs from 'node:fs';
import * as path from 'node:path';

describe('smallInt32Array', () => {
  it('gives zeroed arrays of the length asked, none sharing an entry with another, across many chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 200 }), (lengths) => {
        const arrays = lengths.map((length, k) => {
          const a = smallInt32Array(length);
          assert.equal(a.length, length);
          assert.ok(a.every((x) => x === 0), 'zeroed');
          a.fill(k + 1);
          return a;
        });
        arrays.forEach((a, k) => assert.ok(a.every((x) => x === k + 1), `array ${k} kept its entries`));
      }),
      { numRuns: 200 },
    );
  });

  it('makes a large array on its own, not in a chunk', () => {
    const a = smallInt32Array(100_000);
    assert.equal(a.length, 100_000);
    assert.equal(a.buffer.byteLength, 400_000);
    assert.equal(a.byteOffset, 0);
  });
});

describe('tables kept while more are made', () => {
  it('a LineTable keeps its lines while 5,000 more are made', () => {
    const text = 'Kamervraag 2024Z12345\n\nTitel\n\nIngediend: 1 november 2024\n'.repeat(20);
    const kept = new LineTable(text);
    for (let k = 0; k < 5000; k++) new LineTable(`${'regel\n'.repeat(k % 300)}${k}`);
    assert.deepEqual(Array.from({ length: kept.count }, (_, i) => kept.line(i)), splitLines(text));
  });

  it('a parsed document keeps its questions and references while 2,000 more are parsed', () => {
    const dir = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'examples');
    const texts = fs.readdirSync(dir).map((name) => fs.readFileSync(path.join(dir, name), 'utf8'));
    const summary = (doc: ReturnType<typeof parse>): string =>
      JSON.stringify([doc.questions.map((q) => [q.number, q.range, q.answerRange, q.numberRange]), doc.references.map((r) => [r.range, r.targets.map((t) => t.number)])]);
    // Parsed and kept; what their rows say is asked only after the others are parsed.
    const kept = texts.map((text) => parse(text));
    for (let k = 0; k < 2000; k++) parse(texts[k % texts.length]!);
    kept.forEach((doc, k) => assert.equal(summary(doc), summary(parse(texts[k]!))));
    assert.ok(kept.every((doc) => doc.questions.length > 0) && kept.some((doc) => doc.references.length > 0));
  });
});
