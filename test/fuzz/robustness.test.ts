/**
 * Fuzzing: parse + check + every feature of server/src/features/ never throw on mutated examples and
 * on random Unicode, every range stays inside the document, and the same text gives the same result.
 * FUZZ_RUNS (default 300) runs per property; `npm run fuzz` runs many more.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { assertRangesInside, examples, featureModules, lspLines, runAll, runAllTwice } from './harness';
import { FUZZ_RUNS, FUZZ_SEED, headedRandomText, hostileDocument, mutatedExample, randomText } from './arbitraries';

const features = featureModules();
const bases = examples();
const params = { numRuns: FUZZ_RUNS, seed: FUZZ_SEED };

test('the examples themselves: every feature runs, ranges inside, deterministic', () => {
  assert.equal(bases.length, 4);
  for (const { name, text } of bases) {
    const out = runAllTwice(text, features);
    // The sweep really reached the features (a renamed parameter would silently skip them otherwise).
    for (const key of ['documentSymbols.documentSymbols', 'folding.foldingRanges', 'definition.definition', 'hover.hover',
      'references.references', 'references.documentHighlights', 'documentLinks.documentLinks']) {
      const [file] = key.split('.');
      if (features.has(file!)) assert.ok(key in out, `${name}: ${key} was called`);
    }
    const doc = out.doc as { questions: unknown[] };
    assert.equal(doc.questions.length, text.match(/^ +• Vraag \d+$/gm)!.length, `${name}: every question parsed`);
  }
});

test('mutated examples (lines deleted, duplicated, swapped; characters; CRLF, CR, BOM, tabs; huge numbers; «)', () => {
  fc.assert(
    fc.property(mutatedExample(bases), ({ text, how }) => {
      try {
        runAllTwice(text, features);
      } catch (err) {
        (err as Error).message = `${how}\n${(err as Error).message}`;
        throw err;
      }
    }),
    params,
  );
});

test('documents of hostile lines', () => {
  fc.assert(fc.property(hostileDocument, (text) => void runAllTwice(text, features)), params);
});

test('random Unicode (lone surrogates, astral characters, every line end)', () => {
  fc.assert(fc.property(randomText, (text) => void runAll(text, features)), params);
  fc.assert(fc.property(headedRandomText, (text) => void runAllTwice(text, features)), params);
});

test('the invariant checks catch what they should (a range past a line end, a selectionRange outside its range)', () => {
  const text = 'Kamervraag 2014Z19222\n\nTitel';
  const lines = lspLines(text);
  const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
  assert.equal(assertRangesInside({ a: [r(0, 0, 0, 21), r(2, 0, 2, 5)] }, lines, 'ok'), 2);
  assert.throws(() => assertRangesInside([r(0, 0, 0, 22)], lines, 'x'), /past the end of line 0/);
  assert.throws(() => assertRangesInside([r(3, 0, 3, 0)], lines, 'x'), /line 3 outside/);
  assert.throws(() => assertRangesInside([r(2, 3, 2, 1)], lines, 'x'), /after end/);
  assert.throws(() => assertRangesInside([{ range: r(0, 0, 0, 5), selectionRange: r(0, 4, 0, 8) }], lines, 'x'), /selectionRange/);
  assert.throws(() => assertRangesInside(new Map([[1, { range: r(9, 0, 9, 0) }]]), lines, 'x'), /outside/);
});
