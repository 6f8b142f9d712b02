#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }), for
// machines where the desktop VS Code cannot be downloaded. It takes the arguments runTests passes
// (--extensionDevelopmentPath=, --extensionTestsPath=, the folder as a positional argument; other
// desktop flags such as --no-sandbox or --user-data-dir are ignored; --locale=<lang> sets the display
// language) and runs the tests in VS Code's
// server (from the npm package code-server, installed into .vscode-test/ on first use) with the
// workbench in headless Chromium (playwright-core). The extension and its language server run in
// VS Code's real Node extension host. The mocha output reaches the page console; it is printed here.
// Exit code 0 = the tests passed (the workbench reports it through window.codeAutomationExit).
//
// Env: KAMERVRAAG_VSCODE_TIMEOUT (seconds, default 300), KAMERVRAAG_VSCODE_KEEP=1 keeps the state dir,
//      VERBOSE=1 prints the whole page console.
import fs from 'node:fs';
import path from 'node:path';
import { forwardExtensionHostLog, launchBrowser, makeStateDir, startVSCodeServer, workbenchUrl } from '../../../scripts/vscode-env.mjs';

let dev = '';
let tests = '';
let folder = '';
let locale = '';
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a.startsWith('--extensionDevelopmentPath=')) dev ||= a.slice(a.indexOf('=') + 1); // the first one
  else if (a.startsWith('--extensionTestsPath=')) tests = a.slice(a.indexOf('=') + 1);
  else if (a.startsWith('--locale=')) locale = a.slice('--locale='.length);
  else if (a === '--locale') locale = argv[++i] ?? '';
  else if (!a.startsWith('-') && !folder) folder = a;
}
if (!dev || !tests) {
  console.error('code-shim: need --extensionDevelopmentPath= and --extensionTestsPath=');
  process.exit(2);
}
// VS Code accepts a tests module without ".js" or a folder with index.js; the URL payload needs the file.
if (fs.existsSync(tests) && fs.statSync(tests).isDirectory()) tests = path.join(tests, 'index.js');
else if (!fs.existsSync(tests) && fs.existsSync(`${tests}.js`)) tests = `${tests}.js`;

const timeoutSec = Number(process.env.KAMERVRAAG_VSCODE_TIMEOUT ?? 300);
const state = makeStateDir('kamervraag-vscode-test-');
// Tests edit documents: run them on a copy of the folder.
const workspace = path.join(state, 'workspace');
if (folder) fs.cpSync(folder, workspace, { recursive: true });
else fs.mkdirSync(workspace);

let server;
let browser;
let code;
const cleanup = async () => {
  await browser?.close().catch(() => {});
  server?.stop();
  if (process.env.KAMERVRAAG_VSCODE_KEEP !== '1') fs.rmSync(state, { recursive: true, force: true });
  else console.log(`code-shim: state kept in ${state}`);
};
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => { void cleanup().finally(() => process.exit(130)); });
}
try {
  const t0 = Date.now();
  server = await startVSCodeServer({ state });
  browser = await launchBrowser(state);
  const page = browser.pages()[0] ?? (await browser.newPage());
  const logged = forwardExtensionHostLog(page, 'vscode');
  // --locale=nl: the display language VS Code reports (vscode.env.language, the extensions' l10n bundles,
  // package.nls.<locale>.json). code-server has no Dutch language pack to install offline, so the
  // workbench's own messages stay English and only the language it announces changes: appended to its
  // built-in English messages, where a language pack's messages file would set it.
  if (locale && !locale.toLowerCase().startsWith('en')) {
    await page.route('**/out/nls.messages.js', async (route) => {
      const response = await route.fetch();
      const body = `${await response.text()}\nglobalThis._VSCODE_NLS_LANGUAGE = ${JSON.stringify(locale.toLowerCase())};\n`;
      await route.fulfill({ response, body });
    });
  }
  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationExit', (c) => resolveExit(Number(c)));
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result from VS Code within ${timeoutSec} s`)), timeoutSec * 1000);
  });
  await page.goto(workbenchUrl(server.base, { folder: workspace, devPath: dev, testsPath: tests }));
  code = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  await logged();
  console.log(`code-shim: the tests finished with exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error('code-shim: ERROR', e?.message ?? e);
  if (server) {
    const log = fs.readFileSync(server.log, 'utf8').split('\n').slice(-30).join('\n');
    console.error(`--- last lines of the VS Code server log (${server.log}):\n${log}`);
  }
  code = 1;
} finally {
  await cleanup();
}
process.exit(code);
