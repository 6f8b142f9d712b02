// `npm start`: shows the extension at work. With a local VS Code (`code` on PATH) it opens the examples
// (test/fixtures/examples) in a new window with this folder as the development extension. Otherwise
// (or with KAMERVRAAG_START=browser) it runs VS Code in the browser: code-server@4.100.3 (installed into
// .vscode-test/ on first use) on 127.0.0.1 with the freshly packaged .vsix installed into a throw-away
// extensions folder, opens a copy of the examples, prints the URL, and keeps running until Ctrl+C.
// `npm start -- --web` (or `npm run start:web`) opens the BROWSER build (dist/web/): in code-server the
// extension then runs in the browser's web-worker extension host and its server in a Web Worker, as on
// vscode.dev (the setting remote.extensionKind picks `browser` over `main`); with a local VS Code, a
// window with `--extensionDevelopmentKind=web`.
// Env: KAMERVRAAG_PORT (default: a free port).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CODE_SERVER_VERSION, REPO, buildVsix, makeStateDir, startCodeServer } from './vscode-env.mjs';

const examples = path.join(REPO, 'test', 'fixtures', 'examples');
const hasCode = spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;

const web = process.argv.includes('--web');

if (hasCode && process.env.KAMERVRAAG_START !== 'browser') {
  console.log(`Opening VS Code with the ${web ? 'browser build of the ' : ''}extension from ${REPO} and the examples in ${examples}`);
  const r = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${REPO}`, ...(web ? ['--extensionDevelopmentKind=web'] : []), examples], { stdio: 'inherit' });
  console.log('Look at the window "[Extension Development Host]": open 2014Z19222.txt; see the Outline, the Problems panel,');
  console.log('the language status ({} in the status bar) and the Kamervragen view (its icon on the activity bar);');
  console.log('open 2024Z18439.txt (not answered yet) and right-click > Kamervraag > Start Answering;');
  console.log('Ctrl+K V shows the Kamervraag as a reader sees it (its preview).');
  console.log('(KAMERVRAAG_START=browser runs VS Code in the browser instead.)');
  process.exit(r.status ?? 0);
}

const vsix = buildVsix();
const state = makeStateDir('kamervraag-start-');
const folder = path.join(state, 'examples');
fs.cpSync(examples, folder, { recursive: true }); // a copy: the test fixtures stay as they are
const port = process.env.KAMERVRAAG_PORT ? Number(process.env.KAMERVRAAG_PORT) : undefined;
// --web: the extension has `main` and `browser`; code-server would run `main` in its Node extension host.
const settings = web ? { 'remote.extensionKind': { 'kamervraag.kamervraag': ['web'] } } : {};
const server = await startCodeServer({ state, vsix, folder, port, settings });
let stopping = false;
const stop = (code) => {
  if (stopping) return;
  stopping = true;
  server.stop();
  setTimeout(() => {
    fs.rmSync(state, { recursive: true, force: true });
    process.exit(code);
  }, 500);
};
process.on('SIGINT', () => { console.log('\nstopping code-server'); stop(0); });
process.on('SIGTERM', () => stop(0));
server.child.on('exit', (c) => { if (!stopping) { console.error(`code-server exited (${c}); log: ${server.log}`); stop(1); } });

console.log(`
VS Code (code-server ${CODE_SERVER_VERSION}) is running with the Kamervraag extension installed${web
  ? ` (its BROWSER build:\nthe extension runs in the browser's web-worker extension host, the language server in a Web Worker;\n"Developer: Show Running Extensions" lists it under "Web Worker")`
  : ''}:

  ${server.url}

Open that URL in a browser on this machine. The Explorer shows a copy of test/fixtures/examples
(${folder}). Open 2014Z19222.txt: it is switched from Plain Text to Kamervraag (bottom right),
the Outline view lists Question 1–10, F12 on "Zie antwoord vraag 6" (line 56) jumps to answer 6,
the Problems panel (Ctrl+Shift+M) shows the checks, and the {} language status in the status bar
shows "10 questions · 0 without answer" when you point at it (pin it there to keep it in view).
The Kamervragen icon on the activity bar (on the left) lists the folder's Kamervragen by state (one
overdue, one postponed, two answered) and, once a Kamervraag is open, counts the overdue one.
To write an answer, open 2024Z18439.txt (not answered yet) and right-click > Kamervraag > Start Answering.
Ctrl+K V (or the preview button at the top right of the editor) shows the Kamervraag as a reader sees it.
Log: ${server.log}

Press Ctrl+C to stop.`);
