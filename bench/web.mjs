// `npm run bench -- --only web`: the browser build (issue 14).
//  - web_server_bundle_kb, web_client_bundle_kb (and their gzip sizes): dist/web/server.js and
//    dist/web/extension.js as packaged (the production build, made here into a temporary folder);
//  - web_first_diagnostics_ms: from opening a Kamervraag to its first diagnostics in VS Code's
//    web-worker extension host (the .txt detection, the worker's start, the server's first check; the
//    extension is active by then, since the workspace holds Kamervragen: `workspaceContains`, as for a
//    user who opens such a folder, and the document is opened before the extension starts the worker for
//    the Kamervragen view's badge, as a user who opens one at once), measured by the web suite (scripts/vscode-web-test.mjs → out/bench/web.json) on the
//    production build; the median of `runs` sessions. dist/ is rebuilt for development afterwards.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export async function benchWeb({ repoRoot, figure, log, details, runs = 3 }) {
  const { webBuilds } = await import(path.join(repoRoot, 'scripts', 'build-web.mjs'));
  const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'kamervraag-bench-web-'));
  try {
    await Promise.all(webBuilds({ production: true, version, outdir }));
    for (const [name, file] of [['web_server_bundle_kb', 'server.js'], ['web_client_bundle_kb', 'extension.js']]) {
      const bytes = readFileSync(path.join(outdir, file));
      figure(name, statSync(path.join(outdir, file)).size / 1024, { unit: 'KB', note: `dist/web/${file}, production build` });
      figure(name.replace(/_kb$/, '_gzip_kb'), gzipSync(bytes, { level: 9 }).length / 1024, { unit: 'KB', note: 'gzip -9' });
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }

  const node = process.execPath;
  const run = (args) => spawnSync(node, args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
  const prod = run(['scripts/build.mjs', '--production']);
  if (prod.status !== 0) {
    figure('web_first_diagnostics_ms', null, { target: 1000, cmp: '<', unit: 'ms', note: `production build failed: ${prod.stderr.trim().split('\n').pop()}` });
    return;
  }
  const times = [];
  let note;
  try {
    for (let i = 0; i < runs; i++) {
      const r = run(['scripts/vscode-web-test.mjs', '--no-negative']);
      if (r.status !== 0) {
        note = `the web suite failed: ${(r.stdout + r.stderr).trim().split('\n').slice(-3).join(' ')}`;
        break;
      }
      const { web_first_diagnostics_ms: ms } = JSON.parse(readFileSync(path.join(repoRoot, 'out', 'bench', 'web.json'), 'utf8'));
      log(`web suite run ${i + 1}/${runs}: first diagnostics after ${ms} ms`);
      times.push(ms);
    }
  } finally {
    run(['scripts/build.mjs']); // dist/ back to the development build
  }
  details.web_first_diagnostics = { runs: times };
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted.length ? sorted[sorted.length >> 1] : null;
  figure('web_first_diagnostics_ms', median, {
    target: 1000, cmp: '<', unit: 'ms',
    note: note ?? `median of ${times.length} sessions (${times.join(', ')} ms): open → first diagnostics in the web-worker extension host, production build`,
  });
}
