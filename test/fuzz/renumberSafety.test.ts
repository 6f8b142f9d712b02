/**
 * Renumber safety (test/fuzz/renumberSafety.ts), bounded: renumber all, insert, move and delete at every
 * question keep every word and every reference's question, on the real examples (also shuffled) and on
 * generated documents. FUZZ_RUNS (default 300) runs per property, FUZZ_SEED; `npm run fuzz` runs them long.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { FUZZ_RUNS, FUZZ_SEED } from './arbitraries';
import { checkRenumbering, renumberSafetyProperties, renumberViolations, shuffleBlocks } from './renumberSafety';
import { examples } from './harness';
import { analyze } from '../../server/src/core/analysis';
import { renumber } from '../../server/src/core/renumber';

test('the examples: renumber, insert, move and delete at every question are safe', () => {
  for (const { name, text } of examples()) assert.deepEqual(checkRenumbering(text, 100), [], name);
});

test('the examples with their blocks reversed: renumbering brings back 1…n and keeps every reference on its block', () => {
  for (const { name, text } of examples()) {
    const reversed = shuffleBlocks(text, (count) => Array.from({ length: count }, (_, i) => count - 1 - i));
    assert.notEqual(reversed, text, name);
    assert.deepEqual(checkRenumbering(reversed, 100), [], name);
    const count = analyze(reversed).document.blocks.questionCount;
    assert.ok(renumber(analyze(reversed)).edits.length >= count - 1, `${name}: the headings renumbered`);
  }
});

test('the oracle sees a lost word, a reference that moves to another question, and a second renumbering that changes', () => {
  const { text } = examples().find((e) => e.name === '2014Z19222.txt')!;
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('Zie antwoord vraag 6'));
  const at = lines[line]!.indexOf('6');
  const edit = (character: number, length: number, newText: string) =>
    [{ range: { start: { line, character }, end: { line, character: character + length } }, newText }];
  assert.match(renumberViolations(text, { kind: 'renumber' }, edit(at, 1, '7'), []).join('\n'), /named block 5, now block 6/);
  assert.match(renumberViolations(text, { kind: 'renumber' }, edit(2, 3, ''), []).join('\n'), /replaces "Zie" by ""|changes beyond/);
  const heading = lines.findIndex((l) => l.includes('• Vraag 6'));
  const h = lines[heading]!.indexOf('6');
  assert.match(renumberViolations(text, { kind: 'renumber' }, [{ range: { start: { line: heading, character: h }, end: { line: heading, character: h + 1 } }, newText: '16' }], []).join('\n'), /numbered/);
});

for (const { name, property } of renumberSafetyProperties) {
  test(name, () => {
    fc.assert(property, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED });
  });
}
