/**
 * Links across documents and the overview (test/fuzz/crossDocument.ts), bounded: FUZZ_RUNS (default 300)
 * runs, FUZZ_SEED; `npm run fuzz` runs them long.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { FUZZ_RUNS, FUZZ_SEED } from './arbitraries';
import { checkCrossDocument, crossDocumentProperties } from './crossDocument';
import { examples } from './harness';

test('the examples, each with a sentence naming the others', () => {
  for (const { name, text } of examples()) {
    checkCrossDocument(`${text}\nZie vraag 4 van de leden (2024Z16988) en (2014Z19222, vraag 2) en kv-tk-2024Z18294.\n`, []);
    assert.ok(name);
  }
});

for (const p of crossDocumentProperties) {
  test(`${p.name}: ${p.description}`, () => {
    fc.assert(p.property, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED });
  });
}
