/** The answer document (test/fuzz/answerDocument.ts), bounded: FUZZ_RUNS runs, FUZZ_SEED; `npm run fuzz` runs it long. */
import { test } from 'node:test';
import * as fc from 'fast-check';
import { FUZZ_RUNS, FUZZ_SEED } from './arbitraries';
import { answerDocumentProperties, checkAnswerDocument } from './answerDocument';
import { examples } from './harness';

test('the examples', () => {
  for (const { text } of examples()) checkAnswerDocument(text);
});

for (const p of answerDocumentProperties) {
  test(`${p.name}: ${p.description}`, () => {
    fc.assert(p.property, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED });
  });
}
