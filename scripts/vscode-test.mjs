// `npm run test:vscode`: the extension's integration tests inside a real VS Code, through
// @vscode/test-electron's runTests().
//  - Default (offline): vscodeExecutablePath is test/vscode/harness/code-shim.mjs, which runs VS Code's
//    server from the npm package code-server@4.100.3 (installed into .vscode-test/ on first use) with the
//    workbench in headless Chromium (installed with apt-get when missing and root).
//  - KAMERVRAAG_VSCODE=download: runTests downloads a desktop VS Code (needs internet and a display or xvfb).
// It first runs the client's plain-Node unit tests, then the suite (test/vscode/suite/), its first-look
// part again with VS Code in Dutch (--locale=nl), then the negative control (KAMERVRAAG_VSCODE_SUITE=negative
// runs a suite that must fail; the run must then fail),
// and with KAMERVRAAG_SCREENSHOT=path the UI check that also takes the README screenshot.
// Needs `npm run build` first (npm test does it). Last line: "vscode: N passed, M failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO, ensureChromium, ensureCodeServer } from './vscode-env.mjs';

const need = ['dist/extension.js', 'dist/server.js', 'out/test/vscode/suite/index.js', 'out/test/vscode/unit/client.test.js', 'out/test/vscode/unit/manifest.test.js'];
const missing = need.filter((f) => !fs.existsSync(path.join(REPO, f)));
if (missing.length) {
  console.error(`test:vscode: missing ${missing.join(', ')}: run \`npm run build\` first`);
  process.exit(1);
}

// 1. Unit tests of the client's pure parts (status texts, first-line detection).
const unit = spawnSync(process.execPath, ['--test', 'out/test/vscode/unit/'], { cwd: REPO, stdio: 'inherit' });
if (unit.status !== 0) {
  console.error('test:vscode: the client unit tests failed');
  process.exit(1);
}

let vscodeExecutablePath;
if (process.env.KAMERVRAAG_VSCODE !== 'download') {
  try {
    ensureCodeServer();
    ensureChromium();
    vscodeExecutablePath = path.join(REPO, 'test/vscode/harness/code-shim.mjs');
  } catch (e) {
    console.log(`test:vscode: code-server cannot be used here (${e?.message ?? e}); runTests will download VS Code instead`);
  }
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-vscode-run-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(REPO, 'test/vscode/workspace'), workspace, { recursive: true });
// A folder without Kamervragen (its notes.txt only), for the suite that checks plain text starts no server.
const plainFolder = path.join(tmp, 'plain');
fs.mkdirSync(plainFolder);
fs.copyFileSync(path.join(REPO, 'test/vscode/workspace/notes.txt'), path.join(plainFolder, 'notes.txt'));

async function run(label, env, { expectFailure = false, extraArgs = [], folder = workspace } = {}) {
  const results = path.join(tmp, `${label}.json`);
  const t0 = Date.now();
  let ok = true;
  try {
    await runTests({
      // Without a shim runTests downloads VS Code (KAMERVRAAG_VSCODE_VERSION, default stable) into .vscode-test/.
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : { version: process.env.KAMERVRAAG_VSCODE_VERSION ?? 'stable' }),
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(REPO, 'out/test/vscode/suite/index'),
      // The folder to open; --disable-extensions keeps other installed extensions out (desktop VS Code).
      launchArgs: [folder, '--disable-extensions', ...extraArgs],
      extensionTestsEnv: { KAMERVRAAG_VSCODE_RESULTS: results, ...env },
    });
  } catch (e) {
    ok = false;
    console.log(expectFailure ? `runTests rejected, as expected: ${e?.message ?? e}` : `runTests rejected: ${e?.message ?? e}`);
  }
  let summary = { failures: ok ? 0 : 1, results: [] };
  try {
    summary = JSON.parse(fs.readFileSync(results, 'utf8'));
  } catch { /* the tests never got to write it */ }
  const passed = summary.results.filter((r) => r.state === 'passed').length;
  const failed = summary.results.filter((r) => r.state === 'failed').length;
  const counts = expectFailure ? `${failed} failed as expected, ${passed} passed` : `${passed} passed, ${failed} failed`;
  console.log(`${label}: runTests ${ok ? 'resolved' : 'rejected'}; ${counts} in the results file; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { ok, passed, failed, results: summary.results };
}

let exitCode = 0;
try {
  // 2. The main suite.
  const main = await run('suite', { KAMERVRAAG_VSCODE_SUITE: 'main' });
  // 3. Activation by the folder of Kamervragen, which starts the server for the view's badge, in a fresh
  //    extension host; and in another, a folder without Kamervragen: plain text starts no server, a Kamervraag does.
  const activation = await run('activation', { KAMERVRAAG_VSCODE_SUITE: 'activation' });
  const plain = await run('plain', { KAMERVRAAG_VSCODE_SUITE: 'plain' }, { folder: plainFolder });
  // 3b. The first-look assertions (firstlook.test.js) again with VS Code's display language Dutch:
  //     --locale=nl (the shim serves the workbench with language nl; a desktop VS Code needs its Dutch
  //     language pack for it), and the tests then expect Dutch.
  const dutch = await run('suite-nl', { KAMERVRAAG_VSCODE_SUITE: 'nl', KAMERVRAAG_VSCODE_LANGUAGE: 'nl' }, { extraArgs: ['--locale=nl'] });
  const all = [main, activation, plain, dutch];
  if (all.some((r) => !r.ok || r.failed > 0 || r.passed === 0)) exitCode = 1;
  // 4. The negative control: a suite with a failing test must make runTests reject.
  if (process.env.KAMERVRAAG_VSCODE_SKIP_NEGATIVE !== '1') {
    console.log('=== expected to fail: the negative control, a suite whose one test fails on purpose; the run must fail ===');
    const neg = await run('negative-control', { KAMERVRAAG_VSCODE_SUITE: 'negative' }, { expectFailure: true });
    const negativeOk = !neg.ok && neg.failed === 1;
    console.log(negativeOk
      ? 'negative control: pass (the test that fails on purpose made the run fail, as it must)'
      : 'negative control: FAIL (BROKEN: a failing test did not make the run fail)');
    if (!negativeOk) exitCode = 1;
  }
  // 5. KAMERVRAAG_SCREENSHOT=path: the UI check of scripts/vscode-screenshot.mjs (the packaged .vsix in
  //    code-server, checked through the DOM), which saves the screenshot there.
  if (process.env.KAMERVRAAG_SCREENSHOT) {
    const ui = spawnSync(process.execPath, [path.join(REPO, 'scripts/vscode-screenshot.mjs'), process.env.KAMERVRAAG_SCREENSHOT],
      { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    process.stdout.write(ui.stdout);
    const lines = ui.stdout.split('\n');
    const results = lines.filter((l) => /^(PASS|FAIL) /.test(l))
      .map((l) => ({ title: `UI: ${l.slice(5, l.indexOf(':'))}`, state: l.startsWith('PASS') ? 'passed' : 'failed', error: l }));
    const entry = { ok: ui.status === 0, passed: results.filter((r) => r.state === 'passed').length,
      failed: results.filter((r) => r.state === 'failed').length, results };
    console.log(`ui: ${entry.passed} passed, ${entry.failed} failed, exit ${ui.status}`);
    all.push(entry);
    if (!entry.ok) exitCode = 1;
  }
  for (const r of all.flatMap((x) => x.results).filter((x) => x.state === 'failed')) console.log(`FAILED: ${r.title}\n  ${r.error}`);
  const passed = all.reduce((n, r) => n + r.passed, 0);
  // A run that failed without reporting a failed test (VS Code did not start, ...) counts as one failure.
  const failed = all.reduce((n, r) => n + (r.failed || (r.ok ? 0 : 1)), 0);
  console.log(`vscode: ${passed} passed, ${failed} failed`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
