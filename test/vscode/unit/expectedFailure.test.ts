// The negative control's reporter (suite/expectedFailure.ts) in plain Node: a reader of `npm test` sees
// the deliberate failure announced as "expected to fail" and its verdict as a pass, never mocha's
// "1 failing"; yet the run still counts the failure (so it rejects), and a test that passes is a FAIL.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import Mocha from 'mocha';
import { ExpectedFailureReporter } from '../suite/expectedFailure';

function runWith(body: () => void): Promise<{ failures: number; lines: string[] }> {
  const lines: string[] = [];
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: ExpectedFailureReporter, reporterOptions: { log: (l: string) => lines.push(l) } });
  const suite = Mocha.Suite.create(mocha.suite, 'negative control (must fail)');
  suite.addTest(new Mocha.Test('a deliberately wrong expectation', body));
  return new Promise((resolve) => mocha.run((failures) => resolve({ failures, lines })));
}

test('the deliberate failure is announced before it runs and reported as a pass; the run still fails', async () => {
  const { failures, lines } = await runWith(() => assert.equal(1, 42));
  assert.equal(failures, 1);
  assert.deepEqual(lines, [
    'expected to fail: negative control (must fail) a deliberately wrong expectation',
    '  failed, as expected: Expected values to be strictly equal: 1 !== 42',
    'negative control: pass (1 test failed on purpose, as it must)',
  ]);
  assert.ok(lines.every((l) => !/\bfailing\b/.test(l)));
});

test('a negative control whose test passes is reported as broken', async () => {
  const { failures, lines } = await runWith(() => undefined);
  assert.equal(failures, 0);
  assert.match(lines.at(-1)!, /^negative control: FAIL \(1 passed, 0 failed/);
});
