/**
 * Formatting loses nothing (test/fuzz/formatSafety.ts), bounded: the real examples, and FUZZ_RUNS (default
 * 300) runs of each property with FUZZ_SEED; `npm run fuzz` runs them long.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { FUZZ_RUNS, FUZZ_SEED } from './arbitraries';
import { checkFormat, formatSafetyProperties } from './formatSafety';
import { examples } from './harness';

test('the examples: formatting keeps every word and reading, and is idempotent', () => {
  for (const { name, text } of examples()) {
    assert.deepEqual(checkFormat(text), [], name);
    assert.deepEqual(checkFormat(text.replace(/\n/g, '\r\n'), true), [], `${name} (CRLF)`);
  }
});

for (const { name, property } of formatSafetyProperties) {
  test(name, () => {
    fc.assert(property, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED });
  });
}
