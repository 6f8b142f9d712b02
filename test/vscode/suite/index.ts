// Entry point of the integration tests inside VS Code's extension host: the `run()` contract of
// @vscode/test-electron (VS Code requires this module via --extensionTestsPath and awaits run();
// a rejected promise is a failed run). The same module runs in a downloaded desktop VS Code and in the
// offline harness (VS Code's server from code-server + headless Chromium, test/vscode/harness/).
//
// KAMERVRAAG_VSCODE_SUITE picks the suite (each needs a fresh extension host, since an extension
// activates once): `main` (default: extension.test.js first, then every other `*.test.js` here, one
// file per area), `activation` (activation.test.js: the folder of Kamervragen activates the extension
// and starts the server for the view's badge), `plain` (plain.test.js, on a folder without Kamervragen:
// plain text starts no server, a Kamervraag does), `negative` (negative.test.js, which must fail: the harness uses it to
// prove that a failing test makes the whole run fail), `nl` (firstlook.test.js and settingsFile.test.js of the
// main run again, with VS Code in Dutch: the harness starts it with --locale=nl).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { ExpectedFailureReporter } from './expectedFailure';

export function run(): Promise<void> {
  const own: Record<string, string> = { activation: 'activation.test.js', plain: 'plain.test.js', negative: 'negative.test.js' };
  const name = process.env.KAMERVRAAG_VSCODE_SUITE || 'main';
  const others = fs.readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js') && f !== 'extension.test.js' && !Object.values(own).includes(f))
    .sort();
  // Files of the main run that a suite runs again under other conditions.
  const again: Record<string, string[]> = { nl: ['firstlook.test.js', 'settingsFile.test.js'] };
  const files = name === 'main' ? ['extension.test.js', ...others] : own[name] ? [own[name]] : again[name] ?? null;
  if (!files) return Promise.reject(new Error(`unknown KAMERVRAAG_VSCODE_SUITE ${name}`));
  // The negative control's failure is announced and reported as expected, not as mocha's "1 failing".
  const reporter = name === 'negative' ? ExpectedFailureReporter : 'spec';
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter });
  for (const file of files) mocha.addFile(path.join(__dirname, file));
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
