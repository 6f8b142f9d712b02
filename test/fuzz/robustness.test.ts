/**
 * Fuzzing: parse + check + every feature of the feature table never throw on mutated examples and
 * on random Unicode, every range stays inside the document, and the same text gives the same result.
 * FUZZ_RUNS (default 300) runs per property of properties.ts, seed FUZZ_SEED; `npm run fuzz` runs many more.
 * A failure here replays with `npm run fuzz -- --replay <property> --seed S --path P` (the test's name
 * starts with the property's name; fast-check's message gives the seed and path).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { assertRangesInside, assertSame, core, examples, FEATURE_KEYS, interestingPositions, lspLines, runAllTwice } from './harness';
import type { DocumentFeature } from '../../server/src/features/index';
import { FUZZ_RUNS, FUZZ_SEED } from './arbitraries';
import { robustnessProperties } from './properties';

const bases = examples();
const params = { numRuns: FUZZ_RUNS, seed: FUZZ_SEED };

test('the examples themselves: every feature runs, ranges inside, deterministic', () => {
  assert.equal(bases.length, 4);
  for (const { name, text } of bases) {
    const out = runAllTwice(text);
    // The sweep really reached every feature of the table.
    assert.ok(FEATURE_KEYS.length >= 14);
    for (const key of FEATURE_KEYS) assert.ok(key in out, `${name}: ${key} was called`);
    const doc = out.doc as { questions: unknown[] };
    assert.equal(doc.questions.length, text.match(/^ +• Vraag \d+$/gm)!.length, `${name}: every question parsed`);
  }
});

// The campaign's robustness properties (properties.ts), FUZZ_RUNS cases each; editSafety.test.ts runs the others.
for (const { name, description, property } of robustnessProperties) {
  test(`${name}: ${description}`, () => {
    fc.assert(property, params);
  });
}

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

test('the invariant checks name the path to what is wrong', () => {
  const lines = lspLines('Kamervraag 2014Z19222\n\nTitel');
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 22 } };
  assert.throws(() => assertRangesInside({ a: [{ b: range }] }, lines, 'x'), /^AssertionError.*x\.a\[0\]\.b\.end: character 22 past the end of line 0/);
  assert.throws(() => assertRangesInside({ a: new Map([[7, [range]]]) }, lines, 'x'), /x\.a\.get\(7\)\[0\]\.end/);
});

test('determinism: a feature that answers differently the second time fails runAllTwice, with the path', () => {
  let calls = 0;
  const count = (run: DocumentFeature<unknown, unknown>['run']): DocumentFeature<unknown, unknown> => ({ method: 'test/count', input: 'document', run });
  const flaky = { flaky: count((analysis) => ({ doc: typeof analysis.document, calls: ++calls })) };
  assert.throws(() => runAllTwice('Kamervraag 2014Z19222', { features: flaky }), /same text, same result: they differ at result\.flaky\.calls/);
  const steady = { steady: count((analysis) => ({ doc: typeof analysis.document })) };
  assert.equal((runAllTwice('Kamervraag 2014Z19222', { features: steady }).steady as { doc: string }).doc, 'object');
});

test('determinism compares what a client sees: the model\'s parts made when asked do not count', () => {
  const text = bases[0]!.text;
  const a = core.parse(text);
  const b = core.parse(text);
  // Ask one model for everything (its references' targets, its questions' ranges), the other for nothing.
  assertRangesInside(a, lspLines(text), 'a');
  assertSame(b, a, 'same');
  assert.throws(() => assertSame(core.parse(text.replace('Vraag 3', 'Vraag 4')), a, 'same'), /same: they differ at result\.questions\[2\]/);
});

test('the positions asked about: every heading number and reference, the ends, past the end, and the probes inside the document', () => {
  let references = 0;
  for (const { name, text } of bases) {
    const doc = core.parse(text);
    const lines = lspLines(text);
    references += doc.references.length;
    const positions = interestingPositions(doc, lines, [{ line: 1e9 + 7, character: 12345 }, { line: 0, character: 0 }]);
    const has = (p: { line: number; character: number }) => positions.some((q) => q.line === p.line && q.character === p.character);
    for (const q of doc.questions) if (q.numberRange) assert.ok(has(q.numberRange.start) && has(q.numberRange.end), `${name}: heading ${q.number}`);
    for (const r of doc.references) {
      assert.ok(has(r.range.start), `${name}: reference at ${r.range.start.line}`);
      for (const t of r.targets) if (!t.implied) assert.ok(has(t.range.start) && has(t.range.end), `${name}: target ${t.number}`);
    }
    assert.ok(doc.questions.length > 0);
    const probe = positions[0]!;
    assert.ok(probe.line < lines.length && probe.character <= lines[probe.line]!.length, `${name}: a probe lands inside the document`);
    assert.ok(has({ line: lines.length + 2, character: 0 }), 'past the end of the document');
  }
  assert.ok(references > 0, 'the examples have references');
});
