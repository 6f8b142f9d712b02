// Neovim as a second real editor: `npm run test:nvim`.
// Runs headless Neovim (0.7+, Debian's package) with test/nvim/lsp-check.lua against the built server
// (bin/kamervraag-language-server.js, which needs `npm run build`) on a copy of the example 2014Z19222,
// and asserts on the JSON lines it prints. Installs Neovim with apt-get when it is missing and we are root;
// otherwise stops with the command to run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const SERVER = path.join(ROOT, 'bin', 'kamervraag-language-server.js');
const EXAMPLE = path.join(ROOT, 'test', 'fixtures', 'examples', '2014Z19222.txt');

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function ensureNeovim() {
  if (has('nvim')) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error('Neovim is missing. Install it with:\n  sudo apt-get install -y neovim');
    process.exit(1);
  }
  console.log('test:nvim: installing Neovim with apt-get …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'neovim'], { stdio: 'inherit', env });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'neovim'], { stdio: 'inherit', env });
  }
  if (r.status !== 0 || !has('nvim')) {
    console.error('Could not install Neovim. Run:\n  apt-get update && apt-get install -y neovim');
    process.exit(1);
  }
}

ensureNeovim();
if (!existsSync(path.join(ROOT, 'dist', 'server.js'))) {
  console.error('dist/server.js is missing: run `npm run build` first.');
  process.exit(1);
}

/** Runs the Lua client; returns its JSON lines by tag. */
function runNeovim() {
  const tmp = mkdtempSync(path.join(tmpdir(), 'kamervraag-nvim-'));
  try {
    const file = path.join(tmp, '2014Z19222.txt');
    copyFileSync(EXAMPLE, file);
    // XDG_* keep Neovim's lsp.log, shada and swap files out of $HOME.
    const env = { ...process.env, KAMERVRAAG_SERVER: SERVER, NODE: process.execPath, XDG_CACHE_HOME: tmp, XDG_STATE_HOME: tmp, XDG_DATA_HOME: tmp, XDG_CONFIG_HOME: tmp };
    const r = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${path.join(HERE, 'lsp-check.lua')}`, file], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.status, 0, `nvim exited with ${r.status} (${r.signal ?? 'no signal'}):\n${r.stderr}\n${r.stdout}`);
    const lines = new Map();
    for (const line of r.stdout.split('\n')) {
      const m = /^(\w+) (.*)$/.exec(line.trim());
      if (m) lines.set(m[1], JSON.parse(m[2]));
    }
    return { lines, text: readFileSync(EXAMPLE, 'utf8') };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

test('nvim: Neovim LSP client sees diagnostics, document symbols, definition, hover and re-checks after an edit', () => {
  const started = Date.now();
  const { lines, text } = runNeovim();
  const textLines = text.split('\n');
  const lineOf = (needle, from = 0) => textLines.findIndex((l, i) => i >= from && l.includes(needle));

  const version = lines.get('server').version;
  console.log(`# Neovim ${version.major}.${version.minor}.${version.patch}`);

  // diagnostics: the late answer, on the Beantwoord line, as information (severity 3)
  const diagnostics = lines.get('diagnostics');
  assert.deepEqual(diagnostics.map((d) => [d.code, d.lnum, d.severity, d.source]), [['late-answer', lineOf('Beantwoord 24 november'), 3, 'kamervraag']]);

  // symbols: the document, with metadata, ten questions and the footer
  const symbols = lines.get('documentSymbol');
  assert.equal(symbols.length, 1);
  assert.equal(symbols[0].name, 'Kamervraag 2014Z19222');
  assert.deepEqual(symbols[0].children.map((c) => c.name), ['Metadata', ...Array.from({ length: 10 }, (_, i) => `Question ${i + 1}`), 'Footer']);

  // definition: "Zie antwoord vraag 6" (answer of question 8) goes to the answer of question 6
  const ref = lines.get('reference');
  assert.equal(ref.line, lineOf('Zie antwoord vraag 6'));
  const definition = lines.get('definition');
  assert.equal(definition.length, 1);
  const target = definition[0].targetRange ?? definition[0].range;
  const answer6 = lineOf('Nee. In iedere politie-eenheid');
  assert.equal(target.start.line, answer6);
  assert.ok(answer6 > lineOf('• Vraag 6') && answer6 < lineOf('• Vraag 7'));

  // hover: question 6 and its answer
  const hover = lines.get('hover');
  assert.match(hover.contents.value, /\*\*Question 6\*\*/);
  assert.match(hover.contents.value, /Hoeveel mensenhandelteams/);

  // after typing "12" over the "6": an unknown question, at the edited number
  const after = lines.get('diagnosticsAfterEdit');
  const unknown = after.find((d) => d.code === 'reference-unknown-question');
  assert.ok(unknown, JSON.stringify(after));
  assert.deepEqual([unknown.lnum, unknown.col, unknown.end_col], [ref.line, ref.character, ref.character + 2]);
  console.log(`# nvim: ${diagnostics.length + after.length} diagnostics, ${symbols[0].children.length} top-level symbols, definition and hover checked in ${Date.now() - started} ms`);
});

test('nvim: the README configuration detects the file types and attaches one client', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'kamervraag-nvim-readme-'));
  try {
    // `kamervraag-language-server` on PATH, as after `npm install -g`.
    const bin = path.join(tmp, 'bin');
    mkdirSync(bin);
    const shim = path.join(bin, 'kamervraag-language-server');
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${SERVER}" "$@"\n`);
    chmodSync(shim, 0o755);
    const txt = path.join(tmp, '2014Z19222.txt');
    copyFileSync(EXAMPLE, txt);
    const kvr = path.join(tmp, 'vragen.kvr');
    copyFileSync(path.join(ROOT, 'test', 'fixtures', 'protocol', 'problems.kvr'), kvr);
    const notes = path.join(tmp, 'notes.txt');
    writeFileSync(notes, 'Boodschappen\nKamervraag 2014Z19222 staat niet bovenaan.\n');
    const check = path.join(tmp, 'check.lua');
    writeFileSync(check, `
local function report(file)
  vim.cmd('edit ' .. file)
  local buf = vim.api.nvim_get_current_buf()
  if vim.bo[buf].filetype == 'kamervraag' then
    vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  end
  local clients = {}
  for id, _ in pairs(vim.lsp.buf_get_clients(buf)) do table.insert(clients, id) end
  io.stdout:write('file ', vim.fn.json_encode({ name = vim.fn.fnamemodify(file, ':t'), filetype = vim.bo[buf].filetype, diagnostics = #vim.diagnostic.get(buf), clients = clients }), '\\n')
end
report(${JSON.stringify(txt)})
-- The references lens of question 6 run: the quickfix list holds "Zie antwoord vraag 6".
local buf = vim.api.nvim_get_current_buf()
vim.lsp.codelens.refresh()
vim.wait(10000, function() return #vim.lsp.codelens.get(buf) > 0 end, 20)
for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  if line:match('^ • Vraag 6$') then vim.api.nvim_win_set_cursor(0, { i, 0 }) break end
end
vim.lsp.codelens.run()
vim.wait(5000, function() return #vim.fn.getqflist() > 0 end, 20)
io.stdout:write('references ', vim.fn.json_encode({ lenses = #vim.lsp.codelens.get(buf), lines = vim.tbl_map(function(i) return i.lnum end, vim.fn.getqflist()) }), '\\n')
report(${JSON.stringify(kvr)})
report(${JSON.stringify(notes)})
vim.cmd('qall!')
`);
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, XDG_CACHE_HOME: tmp, XDG_STATE_HOME: tmp, XDG_DATA_HOME: tmp, XDG_CONFIG_HOME: tmp };
    const r = spawnSync('nvim', ['--headless', '-n', '-u', path.join(HERE, 'readme-init.lua'), '-c', `luafile ${check}`], { env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, `nvim exited with ${r.status}:\n${r.stderr}\n${r.stdout}`);
    const files = r.stdout.split('\n').filter((l) => l.startsWith('file ')).map((l) => JSON.parse(l.slice(5)));
    const references = JSON.parse(r.stdout.split('\n').find((l) => l.startsWith('references '))?.slice(11) ?? 'null');
    const exampleLines = readFileSync(EXAMPLE, 'utf8').split('\n');
    assert.equal(references?.lenses, 11, 'a lens over the header and each of the ten questions');
    assert.deepEqual(references.lines, [exampleLines.findIndex((l) => l.includes('Zie antwoord vraag 6')) + 1], 'the code lens of question 6 lists its one reference');
    assert.deepEqual(files.map((f) => [f.name, f.filetype]), [['2014Z19222.txt', 'kamervraag'], ['vragen.kvr', 'kamervraag'], ['notes.txt', 'text']]);
    assert.equal(files[0].diagnostics, 1); // late-answer
    assert.equal(files[1].diagnostics, 4); // problems.kvr
    assert.equal(files[2].clients.length, 0);
    assert.deepEqual(files[0].clients, files[1].clients, 'one client serves both buffers');
    assert.equal(files[0].clients.length, 1);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
