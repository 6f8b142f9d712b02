// Emacs as a third real editor: `npm run test:emacs`.
// Runs headless Emacs (Debian's emacs-nox 28 with elpa-eglot 1.9) with the README's eglot snippet, taken
// from README.md as a user copies it into init.el, and test/emacs/check.el, against the built server
// (`kamervraag-language-server` on PATH, as after `npm link`) on a copy of the example 2014Z19222 in a
// project folder (a git repository: eglot wants a project). Asserts that the .txt file gets
// kamervraag-mode, flymake receives the server's diagnostics, xref finds the definition of a reference
// and imenu lists the questions; a plain .txt stays text; and, expected to fail, that a configuration
// with a wrong server program fails the check. Installs Emacs with apt-get when it is missing and we
// are root; otherwise stops with the command to run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const SERVER = path.join(ROOT, 'bin', 'kamervraag-language-server.js');
const EXAMPLE = path.join(ROOT, 'test', 'fixtures', 'examples', '2014Z19222.txt');
const INSTALL = 'apt-get install -y emacs-nox elpa-eglot';

function hasEglot() {
  // -q, not -Q: Debian's site-start makes its elpa packages known; package-activate-all loads their
  // autoloads, as an interactive Emacs does at startup (batch mode does not).
  return spawnSync('emacs', ['--batch', '-q', '--eval', "(progn (package-activate-all) (require 'eglot))"], { stdio: 'ignore' }).status === 0;
}

function ensureEmacs() {
  if (hasEglot()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Emacs with eglot is missing. Install it with:\n  sudo ${INSTALL}`);
    process.exit(1);
  }
  console.log('test:emacs: installing Emacs and eglot with apt-get …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'emacs-nox', 'elpa-eglot'], { stdio: 'inherit', env });
  let r = install();
  if (r.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    r = install();
  }
  if (r.status !== 0 || !hasEglot()) {
    console.error(`Could not install Emacs with eglot. Run:\n  apt-get update && ${INSTALL}`);
    process.exit(1);
  }
}

/** The README's eglot snippet: the elisp block under "### Emacs with eglot". */
export function readmeSnippet() {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m = /^### Emacs with eglot[^\n]*\n+```elisp\n([\s\S]*?)\n```$/m.exec(readme);
  assert.ok(m, 'README.md has no ```elisp block under "### Emacs with eglot"');
  return m[1] + '\n';
}

ensureEmacs();
if (!existsSync(path.join(ROOT, 'dist', 'server.js'))) {
  console.error('dist/server.js is missing: run `npm run build` first.');
  process.exit(1);
}

/** A project folder with `kamervraag-language-server` on PATH, the example, a plain note and `init`. */
function project(init) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kamervraag-emacs-'));
  spawnSync('git', ['init', '-q', dir]);
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  const shim = path.join(bin, 'kamervraag-language-server');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${SERVER}" "$@"\n`);
  chmodSync(shim, 0o755);
  copyFileSync(EXAMPLE, path.join(dir, '2014Z19222.txt'));
  writeFileSync(path.join(dir, 'notes.txt'), 'Boodschappen\nKamervraag 2014Z19222 staat niet bovenaan.\n');
  writeFileSync(path.join(dir, 'init.el'), init);
  return dir;
}

/** Runs Emacs in `dir` on `file` with init.el and check.el; returns its exit status and JSON lines by tag. */
function runEmacs(dir, file, env = {}) {
  const r = spawnSync('emacs', ['--batch', '-q', '--eval', '(package-activate-all)', '-l', path.join(dir, 'init.el'), '-l', path.join(HERE, 'check.el'), file], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    // HOME: no user init files, eglot's and flymake's state in the temporary folder.
    env: { ...process.env, PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH}`, HOME: dir, REFERENCE: 'antwoord op vraag 10', ...env },
  });
  const lines = new Map();
  for (const line of r.stdout.split('\n')) {
    const m = /^(\w+) (.*)$/.exec(line.trim());
    if (m) lines.set(m[1], JSON.parse(m[2]));
  }
  return { status: r.status, signal: r.signal, lines, log: `${r.stderr}\n${r.stdout}` };
}

test('emacs: the README eglot configuration: flymake diagnostics, xref definition, imenu questions', () => {
  const started = Date.now();
  const dir = project(readmeSnippet());
  try {
    const r = runEmacs(dir, '2014Z19222.txt');
    assert.equal(r.status, 0, `emacs exited with ${r.status} (${r.signal ?? 'no signal'}):\n${r.log}`);
    const text = readFileSync(EXAMPLE, 'utf8').split('\n');
    const lineOf = (needle, from = 0) => text.findIndex((l, i) => i >= from && l.includes(needle)) + 1;

    // the .txt file whose first line is a Kamervraag header: kamervraag-mode (magic-mode-alist)
    assert.equal(r.lines.get('mode').major, 'kamervraag-mode');
    // flymake: the late answer, on the Beantwoord line, as a note
    assert.deepEqual(r.lines.get('diagnostics').map((d) => [d.line, d.type]), [[lineOf('Beantwoord 24 november'), 'eglot-note']]);
    assert.match(r.lines.get('diagnostics')[0].text, /late-answer/);
    // xref: "… antwoord op vraag 10" goes to the answer of question 10
    const definition = r.lines.get('definition');
    assert.equal(definition.from, lineOf('antwoord op vraag 10'));
    const answer10 = lineOf('In de Veiligheidsagenda 2015', lineOf('• Vraag 10'));
    assert.ok(answer10 > lineOf('• Vraag 10') + 1);
    assert.deepEqual(definition.lines, [answer10]);
    // imenu: every question of the document
    const imenu = r.lines.get('imenu');
    // Emacs announces no locale, so the outline is in English ("Question 1"; "Vraag 1" in a Dutch client).
    for (let n = 1; n <= 10; n++) assert.ok(imenu.includes(`Question ${n}`), `imenu lacks Question ${n}: ${JSON.stringify(imenu)}`);

    // a .txt file that is no Kamervraag stays text
    const plain = runEmacs(dir, 'notes.txt', { MODE_ONLY: '1' });
    assert.equal(plain.lines.get('mode').major, 'text-mode', plain.log);
    console.log(`# emacs: ${r.lines.get('diagnostics').length} diagnostic, definition at line ${definition.lines[0]}, ${imenu.length} imenu entries in ${Date.now() - started} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('emacs: a broken configuration fails the check (negative control)', () => {
  const snippet = readmeSnippet();
  const broken = snippet.replace('"kamervraag-language-server"', '"kamervraag-language-server-missing"');
  assert.notEqual(broken, snippet, 'the README snippet names no "kamervraag-language-server"');
  const dir = project(broken);
  try {
    console.log('# expected to fail: Emacs with a wrong server program in init.el (its error output is not shown)');
    const r = runEmacs(dir, '2014Z19222.txt');
    assert.notEqual(r.status, 0, `a wrong server program did not fail the check:\n${r.log}`);
    assert.equal(r.lines.get('diagnostics'), undefined);
    assert.match(r.log, /kamervraag-language-server-missing/, 'the failure names the wrong program');
    console.log(`# negative control passed: the broken configuration failed the check (exit ${r.status})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
