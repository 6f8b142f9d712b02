// The reporter of the negative control (KAMERVRAAG_VSCODE_SUITE=negative): its one test must fail, so a
// reader skimming `npm test` must not take that failure for a real one. Each test is announced as
// "expected to fail: …" before it runs, its failure is printed as the expected outcome, and the verdict
// is a pass when every test failed (and a FAIL when one passed). Mocha still counts the failures, so
// the run rejects and the harness (scripts/vscode-test.mjs) sees that a failing test fails the run.
import Mocha from 'mocha';

export class ExpectedFailureReporter extends Mocha.reporters.Base {
  /** Mocha makes it with its options; `reporterOptions.log` replaces console.log (the unit test reads the lines). */
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions & { reporterOptions?: { log?: (line: string) => void } }) {
    super(runner, options);
    const log = options?.reporterOptions?.log ?? ((line: string) => console.log(line));
    let failed = 0;
    let passed = 0;
    runner.on('test', (t) => log(`expected to fail: ${t.fullTitle()}`));
    runner.on('fail', (t, err: unknown) => {
      failed++;
      log(`  failed, as expected: ${String((err as Error)?.message ?? err).split('\n').map((l) => l.trim()).filter(Boolean).join(' ')}`);
    });
    runner.on('pass', (t) => {
      passed++;
      log(`  FAIL: "${t.fullTitle()}" passed, but it must fail: the negative control is broken`);
    });
    runner.once('end', () => log(passed === 0 && failed > 0
      ? `negative control: pass (${failed} test${failed === 1 ? '' : 's'} failed on purpose, as ${failed === 1 ? 'it' : 'they'} must)`
      : `negative control: FAIL (${passed} passed, ${failed} failed; every test here must fail)`));
  }
}
