// `npm run test:web`: the browser build of the extension in VS Code in the browser. VS Code's server
// from the npm package code-server@4.100.3 (installed into .vscode-test/ on first use, as for
// test:vscode) serves the workbench to headless Chromium; the extension runs in the WEB-WORKER extension
// host (the setting remote.extensionKind makes VS Code pick `browser` over `main`) and its language
// server in a Web Worker. The mocha suite test/vscode-web/suite.ts runs there (the extensionTestsPath
// must lie inside the extension folder so that it runs in the extension's host), bundled by esbuild with
// mocha's browser build; the verdict comes from window.codeAutomationExit, the results from the file
// the suite writes beside the workspace (web-results.json).
//
// Runs: 1. the suite; 2. the negative control (test/vscode-web/negativeSuite.ts, EXPECTED TO FAIL: the
// run passes only when that run fails). Writes out/bench/web.json (web_first_diagnostics_ms) for
// `npm run bench -- --only web`. Needs `npm run build` first (npm test does it).
// Flags: --no-negative (skip 2), --keep (keep the state folders). Env: VERBOSE=1, KAMERVRAAG_WEB_TIMEOUT (s).
// Last line: "web: N passed, M failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { REPO, ensureChromium, ensureCodeServer, forwardExtensionHostLog, launchBrowser, makeStateDir, startVSCodeServer, workbenchUrl } from './vscode-env.mjs';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const timeoutSec = Number(process.env.KAMERVRAAG_WEB_TIMEOUT ?? 240);
const OUT = path.join(REPO, 'out', 'test', 'vscode-web');

const need = ['dist/web/extension.js', 'dist/web/server.js'];
const missing = need.filter((f) => !fs.existsSync(path.join(REPO, f)));
if (missing.length) {
  console.error(`test:web: missing ${missing.join(', ')}: run \`npm run build\` first`);
  process.exit(1);
}

// 1. Type-check and bundle the suite (only `require('vscode')` exists in the worker host).
const tsc = spawnSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'test/vscode-web/tsconfig.json'], { cwd: REPO, stdio: 'inherit' });
if (tsc.status !== 0) {
  console.error('test:web: the web suite does not type-check');
  process.exit(1);
}
await esbuild.build({
  absWorkingDir: REPO,
  entryPoints: { index: 'test/vscode-web/index.ts', negative: 'test/vscode-web/negative.ts' },
  outdir: OUT,
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  sourcemap: 'inline',
  logLevel: 'warning',
});

ensureCodeServer();
ensureChromium();

/** The web workspace's `.kamervraag.json`: a missing answer is an error there (a warning by default). */
const WEB_WORKSPACE_SETTINGS = { diagnostics: { severity: { 'missing-answer': 'error' } } };

/** One workbench session with the tests of `entry`; resolves to { code, results, figures }. */
async function session(label, entry) {
  const state = makeStateDir(`kamervraag-web-${label}-`);
  const workspace = path.join(state, 'workspace');
  fs.cpSync(path.join(REPO, 'test/vscode/workspace'), workspace, { recursive: true });
  // The settings file the first diagnostics of a session must already follow (suite.ts, first test); the
  // browser client reads it while the server's worker starts (client/src/settingsPrefetch.ts).
  fs.writeFileSync(path.join(workspace, '.kamervraag.json'), `${JSON.stringify(WEB_WORKSPACE_SETTINGS, null, 2)}\n`);
  let server;
  let browser;
  const t0 = Date.now();
  let code = 1;
  try {
    // The extension has `main` and `browser`; on a VS Code server it would run in the Node host.
    server = await startVSCodeServer({ state, settings: { 'remote.extensionKind': { 'kamervraag.kamervraag': ['web'] } } });
    browser = await launchBrowser(state);
    const page = browser.pages()[0] ?? (await browser.newPage());
    const logged = forwardExtensionHostLog(page, label);
    let resolveExit;
    const exited = new Promise((r) => { resolveExit = r; });
    await page.exposeFunction('codeAutomationExit', (c) => resolveExit(Number(c)));
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no result from VS Code within ${timeoutSec} s`)), timeoutSec * 1000);
    });
    await page.goto(workbenchUrl(server.base, { folder: workspace, devPath: REPO, testsPath: path.join(OUT, `${entry}.js`) }));
    code = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    await logged();
  } catch (e) {
    console.error(`[${label}] ERROR ${e?.message ?? e}`);
    if (server) console.error(fs.readFileSync(server.log, 'utf8').split('\n').slice(-20).join('\n'));
  } finally {
    await browser?.close().catch(() => {});
    server?.stop();
  }
  let summary = { results: [], figures: {} };
  try {
    summary = JSON.parse(fs.readFileSync(path.join(state, 'web-results.json'), 'utf8'));
  } catch { /* the tests never got to write it */ }
  if (keep) console.log(`[${label}] state kept in ${state}`);
  else fs.rmSync(state, { recursive: true, force: true });
  const passed = summary.results.filter((r) => r.state === 'passed').length;
  const failed = summary.results.filter((r) => r.state === 'failed').length;
  console.log(`${label}: exit code ${code}; ${passed} passed, ${failed} failed in the results file; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { code, passed, failed, results: summary.results, figures: summary.figures ?? {} };
}

let exitCode = 0;
const main = await session('web', 'index');
if (main.code !== 0 || main.failed > 0 || main.passed === 0) exitCode = 1;
for (const r of main.results.filter((x) => x.state === 'failed')) console.log(`FAILED: ${r.title}\n  ${r.error}`);
if (main.code === 0 && main.figures.web_first_diagnostics_ms !== undefined) {
  fs.mkdirSync(path.join(REPO, 'out', 'bench'), { recursive: true });
  fs.writeFileSync(path.join(REPO, 'out', 'bench', 'web.json'), `${JSON.stringify({ date: new Date().toISOString(), ...main.figures }, null, 2)}\n`);
}
let negativeOk = true;
if (!args.includes('--no-negative')) {
  console.log('=== negative control: EXPECTED TO FAIL (a test that fails on purpose; its failure output below is expected) ===');
  const neg = await session('negative-control', 'negative');
  negativeOk = neg.code !== 0 && neg.failed === 1 && neg.passed === 0;
  console.log(negativeOk
    ? 'negative control: PASS (the deliberately failing test made the run fail, as it must)'
    : `negative control: FAIL (exit code ${neg.code}, ${neg.failed} failed: a failing test must make the run fail)`);
  if (!negativeOk) exitCode = 1;
}
const failed = main.failed || (main.code !== 0 ? 1 : 0);
console.log(`web: ${main.passed + (args.includes('--no-negative') ? 0 : negativeOk ? 1 : 0)} passed, ${failed + (negativeOk ? 0 : 1)} failed`);
process.exit(exitCode);
