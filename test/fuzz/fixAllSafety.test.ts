/**
 * Fix-all's edit safety (test/fuzz/fixAllSafety.ts), bounded: on the real examples broken in every way a
 * fix without input mends, and FUZZ_RUNS (default 300) runs of each property; `npm run fuzz` runs them long.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { FUZZ_RUNS, FUZZ_SEED } from './arbitraries';
import { fixAllEdits, fixAllSafetyProperties, fixAllViolations } from './fixAllSafety';
import { examples } from './harness';

test('the examples, and the examples with every fixable problem at once: fix-all is the quick fixes one by one', () => {
  for (const { name, text } of examples()) {
    assert.deepEqual(fixAllViolations(text), [], name);
    const broken = text
      .replace(/\(na (\d+) dagen\)/, (_, n: string) => `(na ${Number(n) + 3} dagen)`)
      .replace(/^Ingediend /m, 'INGEDIEND ')
      .replace(' • Vraag 2\n', ' - vraag  2: (vervolg)\n')
      .replace(/kv-tk-(\d{4}Z\d{5})\.html/, 'kv-tk-$1X.html')
      .replace(/^(Volledige titel: .*?)(\S+)$/m, '$1$2x')
      .replace(/^(Bron vraag [^\n]*\n)(Bron antwoord [^\n]*\n)?/m, (m, a: string, b: string | undefined) => (b ? b + a : m))
      .replace(/^Kamervraag /, 'kamervraag  ');
    assert.notEqual(broken, text, name);
    const { edits } = fixAllEdits(broken);
    assert.ok(edits && edits.length > 0, `${name}: fix-all offered`);
    assert.deepEqual(fixAllViolations(broken), [], name);
  }
});

for (const { name, property } of fixAllSafetyProperties) {
  test(name, () => {
    fc.assert(property, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED });
  });
}
