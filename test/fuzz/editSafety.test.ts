/**
 * Edit safety (test/fuzz/editSafety.ts), bounded: every quick fix and every rename the server proposes
 * changes only what it means to change, on the real examples, on generated documents (valid and broken on
 * purpose) and on mutated examples. FUZZ_RUNS (default 300) runs per property, FUZZ_SEED; `npm run fuzz`
 * runs them long.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { FUZZ_RUNS, FUZZ_SEED } from './arbitraries';
import { checkFixes, checkRenames, editSafetyProperties } from './editSafety';
import { examples } from './harness';

test('the examples: every quick fix and every rename is safe', () => {
  for (const { name, text } of examples()) {
    assert.deepEqual(checkFixes(text), [], name);
    assert.deepEqual(checkRenames(text, ['0', 'zes', '12', '99']), [], name);
  }
});

for (const { name, property } of editSafetyProperties) {
  test(name, () => {
    fc.assert(property, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED });
  });
}
