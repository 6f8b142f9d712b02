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
import { parse } from '../../server/src/core/parse';
import { check } from '../../server/src/core/checks';

test('the examples: every quick fix and every rename is safe', () => {
  for (const { name, text } of examples()) {
    assert.deepEqual(checkFixes(text), [], name);
    assert.deepEqual(checkRenames(text, ['0', 'zes', '12', '99']), [], name);
  }
});

test('the header fix (a header of another shape): only case and spaces change, and the oracle knows it', () => {
  const { name, text } = examples()[0]!;
  const first = text.slice(0, text.search(/\r?\n/));
  assert.match(first, /^Kamervraag \d{4}Z\d{5}$/, name);
  for (const header of [` ${first}`, first.replace('Kamervraag ', 'kamervraag  '), first.replace('Kamervraag ', '\tKamervraag\t'), `\ufeff ${first}`]) {
    const broken = header + text.slice(first.length);
    assert.ok(check(parse(broken)).some((d) => d.code === 'header-malformed'), JSON.stringify(header));
    assert.deepEqual(checkFixes(broken), [], JSON.stringify(header));
  }
});

test('the title fix into an empty Volledige titel (its value blank after the colon and a space)', () => {
  const { name, text } = examples().find((e) => /\nVolledige titel: .+/.test(e.text))!;
  const broken = text.replace(/\nVolledige titel: [^\r\n]*/, '\nVolledige titel: ');
  assert.ok(check(parse(broken)).some((d) => d.code === 'footer-title-mismatch'), name);
  assert.deepEqual(checkFixes(broken), [], name);
});

test('rename next to a footnote marker glued to the number (" • Vraag 1²", "vraag 1²8") keeps the marker', () => {
  const { name, text } = examples()[0]!;
  const broken = text.replace(/( • Vraag 1)(\r?\n)/, '$1²8$2').replace('vraag 1', 'vraag 1²');
  assert.notEqual(broken, text, name);
  assert.deepEqual(checkRenames(broken, ['23']), [], name);
});

for (const { name, property } of editSafetyProperties) {
  test(name, () => {
    fc.assert(property, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED });
  });
}
