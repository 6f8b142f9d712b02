// Entry point of the integration tests inside VS Code's extension host: the `run()` contract of
// @vscode/test-electron (VS Code requires this module via --extensionTestsPath and awaits run();
// a rejected promise is a failed run). The same module runs in a downloaded desktop VS Code and in the
// offline harness (VS Code's server from code-server + headless Chromium, test/vscode/harness/).
//
// KAMERVRAAG_VSCODE_NEGATIVE=1 runs only negative.test.js, which must fail: the harness uses it to
// prove that a failing test makes the whole run fail.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const negative = process.env.KAMERVRAAG_VSCODE_NEGATIVE === '1';
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const files = negative ? ['negative.test.js'] : fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js') && f !== 'negative.test.js').sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const results: { title: string; state: 'passed' | 'failed'; error?: string }[] = [];
  const out = process.env.KAMERVRAAG_VSCODE_RESULTS;
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (out) fs.writeFileSync(out, JSON.stringify({ failures, results }, null, 2));
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed' }));
    runner.on('fail', (t, err: unknown) =>
      results.push({ title: t.fullTitle(), state: 'failed', error: String((err as Error)?.message ?? err) }));
  });
}
