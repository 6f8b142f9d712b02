// The benchmark's comparison points (markdownlint-cli2, vscode-markdown-languageservice with markdown-it)
// are not packages of the extension: they live in bench/package.json with their own lockfile and are
// installed into bench/node_modules on first use (`npm ci --prefix bench`), so a user's `npm ci` at the
// root installs nothing the extension does not need (vscode-markdown-languageservice wants Node 22).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lsp.mjs';

export const BENCH_DIR = path.join(repoRoot, 'bench');

/** True when bench/node_modules is installed from the current bench/package-lock.json (npm writes its marker last). */
function installed() {
  const marker = path.join(BENCH_DIR, 'node_modules', '.package-lock.json');
  return existsSync(marker) && statSync(marker).mtimeMs >= statSync(path.join(BENCH_DIR, 'package-lock.json')).mtimeMs;
}

/** Installs bench/node_modules when it is missing or older than its lockfile; false (and why, logged) when that fails. */
export function ensureBenchDeps(log) {
  if (installed()) return true;
  log('installing the comparison packages into bench/node_modules (npm ci --prefix bench)');
  const r = spawnSync('npm', ['ci', '--prefix', BENCH_DIR, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: repoRoot, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) {
    log(`npm ci --prefix bench failed: ${(r.stderr || r.stdout || String(r.error)).trim().split('\n').slice(-3).join(' ')}`);
    return false;
  }
  return true;
}

/** markdown.mjs (vscode-markdown-languageservice), after the install; null when it cannot be had. */
export async function loadMarkdown(log) {
  if (!ensureBenchDeps(log)) return null;
  return import('./markdown.mjs');
}
