// Shared helpers for running a real VS Code offline: the VS Code server bundled in the npm package
// code-server (installed on first use into .vscode-test/, gitignored), Debian's Chromium driven by
// playwright-core, and throw-away state folders. Used by `npm start` (scripts/vscode-start.mjs),
// `npm run test:vscode` (scripts/vscode-test.mjs + test/vscode/harness/) and `npm run screenshot`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3; the newest code-server that runs on Node 20
export const CACHE = path.join(REPO, '.vscode-test');
export const CODE_SERVER_PREFIX = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_PKG = path.join(CODE_SERVER_PREFIX, 'node_modules', 'code-server');
export const VSCODE_SERVER_ROOT = path.join(CODE_SERVER_PKG, 'lib', 'vscode');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const log = (...a) => console.log('[vscode-env]', ...a);
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Installs Debian packages when running as root; otherwise stops with the exact command to run. */
export function aptInstall(packages, why) {
  const cmd = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  if (!isRoot()) {
    console.error(`[vscode-env] ${why} needs the Debian package(s) ${packages.join(', ')}. Run:\n  sudo sh -c '${cmd}'`);
    process.exit(3);
  }
  log(`installing ${packages.join(' ')} with apt-get (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt-get may hold the lock (e.g. a parallel setup); wait for it instead of failing.
  const run = (args) => {
    for (let i = 0; ; i++) {
      const r = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], { stdio: 'inherit', env });
      if (r.status === 0) return;
      if (i >= 2) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
    }
  };
  run(['update', '-qq']);
  run(['install', '-y', '-qq', ...packages]);
}

/** Makes sure /usr/bin/chromium (for headless tests and screenshots) is there. */
export function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  aptInstall(['chromium'], 'headless VS Code tests');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} still missing after apt-get install chromium`);
  return CHROMIUM;
}

/**
 * Installs code-server@4.100.3 from the npm registry into .vscode-test/ once (1–2 min, ~300 MB) and
 * returns the folder of its VS Code server (lib/vscode). Idempotent: a marker file records a finished install.
 */
export function ensureCodeServer() {
  const marker = path.join(CODE_SERVER_PREFIX, '.installed');
  if (fs.existsSync(marker) && fs.existsSync(path.join(VSCODE_SERVER_ROOT, 'out', 'server-main.js'))) return VSCODE_SERVER_ROOT;
  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(REPO, CODE_SERVER_PREFIX)} (first use only, 1–2 min)`);
  // Native modules need gssapi headers (kerberos); @vscode/ripgrep would download rg from GitHub,
  // so Debian's rg is seeded into its download cache below.
  const missing = [];
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (!has('rg')) missing.push('ripgrep');
  if (!has('make') || !has('g++')) missing.push('build-essential');
  if (!has('python3')) missing.push('python3');
  if (missing.length) aptInstall(missing, `installing code-server@${CODE_SERVER_VERSION}`);
  fs.rmSync(CODE_SERVER_PREFIX, { recursive: true, force: true });
  fs.mkdirSync(CODE_SERVER_PREFIX, { recursive: true });
  const tmp = path.join(CODE_SERVER_PREFIX, '.tmp');
  fs.mkdirSync(tmp, { recursive: true });
  // @vscode/ripgrep (<= 1.15.x) first looks for its release tarball in $TMPDIR/vscode-ripgrep-cache-<ver>/.
  const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  const seed = fs.mkdtempSync(path.join(tmp, 'rg-'));
  fs.copyFileSync(rg, path.join(seed, 'rg'));
  fs.chmodSync(path.join(seed, 'rg'), 0o755);
  for (const v of ['1.15.9', '1.15.10', '1.15.11', '1.15.12', '1.15.13', '1.15.14']) {
    const d = path.join(tmp, `vscode-ripgrep-cache-${v}`);
    fs.mkdirSync(d, { recursive: true });
    execFileSync('tar', ['czf', path.join(d, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'), '-C', seed, 'rg']);
  }
  fs.writeFileSync(path.join(CODE_SERVER_PREFIX, 'package.json'), '{"name":"code-server-install","private":true}\n');
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root otherwise
    npm_config_nodedir: process.env.npm_config_nodedir ?? (fs.existsSync('/usr/include/node/node.h') ? '/usr' : ''),
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
  };
  if (!env.npm_config_nodedir) delete env.npm_config_nodedir;
  // Drop npm_* variables inherited from an enclosing `npm run` (they would point npm at this repo).
  for (const k of Object.keys(env)) {
    if (/^npm_(package|lifecycle|config_(prefix|global|local|save|workspace))/i.test(k)) delete env[k];
  }
  const t0 = Date.now();
  // The native builds print hundreds of lines: keep them in a log, show its end when something fails.
  const logFile = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}-install.log`);
  const logFd = fs.openSync(logFile, 'w');
  const r = spawnSync('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-save', '--no-audit', '--no-fund',
    '--unsafe-perm', '--foreground-scripts', '--loglevel=error'], { cwd: CODE_SERVER_PREFIX, env, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  if (r.status !== 0 || !fs.existsSync(path.join(VSCODE_SERVER_ROOT, 'out', 'server-main.js'))) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${r.status}); end of ${logFile}:\n${tail}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.writeFileSync(marker, `${new Date().toISOString()} ${((Date.now() - t0) / 1000).toFixed(0)}s\n`);
  log(`code-server installed in ${((Date.now() - t0) / 1000).toFixed(0)} s (log: ${path.relative(REPO, logFile)})`);
  return VSCODE_SERVER_ROOT;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A fresh state folder (user data, extensions, server data, XDG dirs, TMPDIR) under the OS temp dir. */
export function makeStateDir(prefix = 'kamervraag-vscode-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const d of ['data/User', 'exts', 'server', 'tmp', 'xdg-cache', 'xdg-config', 'xdg-data']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  return dir;
}

export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'window.restoreWindows': 'none',
  // VS Code in the browser auto-saves after a delay by default: tests edit documents without saving.
  'files.autoSave': 'off',
};

/**
 * Starts VS Code's server (server-main.js of the code-server package) on 127.0.0.1 with all state in
 * `state`, in its own process group. Returns { port, base, child, stop(), log }.
 */
export async function startVSCodeServer({ state, port, settings = {}, env = {}, quiet = true } = {}) {
  const root = process.env.VSCODE_SERVER_ROOT ?? ensureCodeServer();
  port ??= await freePort();
  fs.writeFileSync(path.join(state, 'data/User/settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  const logFile = path.join(state, 'server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.env.NODE_BIN ?? process.execPath, [path.join(root, 'out', 'server-main.js'),
    '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    // Newer VS Code only honours the extensionDevelopmentPath/extensionTestsPath URL payload with this flag.
    '--enable-smoke-test-driver', '--disable-workspace-trust', '--telemetry-level', 'off',
    '--server-data-dir', path.join(state, 'server'), '--user-data-dir', path.join(state, 'data'),
    '--extensions-dir', path.join(state, 'exts')], {
    detached: true, // own process group: stop() kills the server, the extension host and the language server
    stdio: ['ignore', quiet ? out : 'inherit', quiet ? out : 'inherit'],
    env: {
      ...process.env,
      XDG_CACHE_HOME: path.join(state, 'xdg-cache'),
      XDG_CONFIG_HOME: path.join(state, 'xdg-config'),
      XDG_DATA_HOME: path.join(state, 'xdg-data'),
      TMPDIR: path.join(state, 'tmp'),
      ...env,
    },
  });
  fs.closeSync(out);
  const stop = () => {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 2000).unref();
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`VS Code server exited (${child.exitCode}); log: ${logFile}`);
    try {
      const res = await fetch(base + '/version');
      if (res.status < 500) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { stop(); throw new Error(`VS Code server did not start within 60 s; log: ${logFile}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, base, child, stop, log: logFile };
}

/** Builds the .vsix (`npm run package`) and returns its path. */
export function buildVsix() {
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'vscode-package.mjs')], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('npm run package failed');
  const { name, version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  return path.join(REPO, `${name}-${version}.vsix`);
}

/**
 * Starts code-server (VS Code in the browser) on 127.0.0.1 without authentication, with all state in
 * `state` and the given .vsix installed into its throw-away extensions folder. Returns { base, url, stop, log }.
 */
export async function startCodeServer({ state, vsix, folder, port, settings = {} }) {
  ensureCodeServer();
  port ??= await freePort();
  const bin = path.join(CODE_SERVER_PREFIX, 'node_modules', '.bin', 'code-server');
  const env = {
    ...process.env,
    XDG_CACHE_HOME: path.join(state, 'xdg-cache'),
    XDG_CONFIG_HOME: path.join(state, 'xdg-config'),
    XDG_DATA_HOME: path.join(state, 'xdg-data'),
    TMPDIR: path.join(state, 'tmp'),
  };
  const dirs = ['--user-data-dir', path.join(state, 'data'), '--extensions-dir', path.join(state, 'exts')];
  fs.writeFileSync(path.join(state, 'data/User/settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  if (vsix) {
    const r = spawnSync(bin, [...dirs, '--install-extension', vsix], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`code-server --install-extension failed: ${r.stdout}${r.stderr}`);
  }
  const logFile = path.join(state, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(bin, ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', ...dirs], { detached: true, stdio: ['ignore', out, out], env });
  fs.closeSync(out);
  const stop = () => {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}); log: ${logFile}`);
    try {
      const res = await fetch(base + '/healthz');
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { stop(); throw new Error(`code-server did not start within 60 s; log: ${logFile}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  const url = folder ? `${base}/?folder=${encodeURIComponent(path.resolve(folder))}` : base;
  return { base, url, child, stop, log: logFile };
}

/** Headless Chromium (Debian's) with a throw-away profile inside `state`. */
export async function launchBrowser(state, { viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1 } = {}) {
  ensureChromium();
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(state, 'chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    deviceScaleFactor,
    // Keep Chromium's crash-report/dconf dirs out of $HOME.
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: `${profile}/xdg-config`, XDG_CACHE_HOME: `${profile}/xdg-cache` },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Prints what the extension host (mocha's reporter included) logs in `page`, which arrives as
 * console.log('%c INFO', 'color: …', fmt, ...args), as `[label] …`; the page's other messages and its
 * errors only with VERBOSE. Returns a function that resolves once everything logged so far is printed.
 */
export function forwardExtensionHostLog(page, label) {
  let chain = Promise.resolve();
  page.on('console', (m) => {
    const t = m.text();
    if (/^%c (INFO|WARN|ERR|ERROR|DEBUG|TRACE)\b/.test(t)) {
      chain = chain.then(async () => {
        const args = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => '?')));
        console.log(`[${label}]`, format(...args.slice(2)));
      });
    } else if (process.env.VERBOSE) console.log(`[${label} page]`, t);
  });
  page.on('pageerror', (e) => { if (process.env.VERBOSE) console.log(`[${label} pageerror]`, e.message); });
  return () => chain;
}

/** The workbench URL that opens `folder` with `devPath` loaded as a development extension (and tests, if given). */
export function workbenchUrl(base, { folder, devPath, testsPath }) {
  const authority = new URL(base).host; // code-server's remoteAuthority is the host the page was loaded from
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  const payload = [];
  if (devPath) payload.push(['extensionDevelopmentPath', remote(devPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  let url = `${base}/?folder=${encodeURIComponent(path.resolve(folder))}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

// `node scripts/vscode-env.mjs install`: install code-server (and chromium) ahead of time.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === 'install') {
    ensureCodeServer();
    ensureChromium();
    log('ready:', VSCODE_SERVER_ROOT);
  } else {
    console.error('usage: node scripts/vscode-env.mjs install');
    process.exit(2);
  }
}
