// `--only cli`: the command-line tool at corpus scale. 10,000 generated documents (bench/generate.mjs,
// as the workspace figures use) in a temporary folder; three processes timed from spawn to exit, each the
// median of alternating runs:
//   cli_10k_check_s        `kamervraag check DIR` (bin/kamervraag.js: the folder searched, every file
//                          read, parsed and checked — in one thread, a second reading ahead of it, or
//                          from 20,000 files in worker threads — the diagnostics printed in order);
//   cli_10k_vs_read_split  that, divided by a Node process that lists the folder and reads and splits
//                          every file into lines (the least any checker must do);
//   cli_10k_vs_markdownlint markdownlint-cli2 with its default rules on the same files renamed .md,
//                          divided by ours.
// Also, for information, `kamervraag list DIR --format json` (cli_10k_list_s).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateWorkspaceDocument } from './generate.mjs';
import { BENCH_DIR, ensureBenchDeps } from './deps.mjs';
import { repoRoot } from './lsp.mjs';

const COUNT = 10000;

/** The least a checker does: list the folder, read every file, split it into lines. */
const READ_SPLIT = `
const fs = require('node:fs'); const path = require('node:path');
const dir = process.argv[1]; let lines = 0;
for (const name of fs.readdirSync(dir)) lines += fs.readFileSync(path.join(dir, name), 'utf8').split('\\n').length;
process.stdout.write(String(lines) + '\\n');
`;

/** Seconds from spawn to exit of `node args…`; the output is read and dropped (as a pipe to a file would take it). */
function timed(args, { okCodes = [0], env = {} } = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, KAMERVRAAG_TODAY: '2024-12-01', ...env } });
  const s = (performance.now() - t0) / 1000;
  if (!okCodes.includes(r.status)) throw new Error(`${args.slice(0, 2).join(' ')} exited with ${r.status}: ${(r.stderr || String(r.error)).slice(-500)}`);
  return { s, out: r.stdout, err: r.stderr };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function benchCli({ figure, details, log, quick, r2 }) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kv-bench-cli-'));
  const txt = path.join(root, 'kamervragen');
  const md = path.join(root, 'markdown');
  mkdirSync(txt);
  mkdirSync(md);
  try {
    let bytes = 0;
    for (let i = 0; i < COUNT; i++) {
      const { zaaknummer, text } = generateWorkspaceDocument(i);
      writeFileSync(path.join(txt, `${zaaknummer}.txt`), text);
      writeFileSync(path.join(md, `${zaaknummer}.md`), text);
      bytes += Buffer.byteLength(text);
    }
    details.cli = { documents: COUNT, bytes, cores: os.availableParallelism?.() ?? os.cpus().length };
    log(`cli: ${COUNT} documents, ${(bytes / 1e6).toFixed(1)} MB in ${root}`);
    const bin = path.join(repoRoot, 'bin', 'kamervraag.js');
    // Nine of each: the median of five said 2.02 where alternating runs a minute later said 1.92, on a
    // loaded machine; the two processes take about a second together.
    const runs = quick ? 3 : 9;
    const check = [];
    const split = [];
    let sample = null;
    const busy = [];
    let readAhead = false;
    // Warm the file cache, then alternate the two.
    timed(['-e', READ_SPLIT, txt]);
    for (let i = 0; i < runs; i++) {
      // The pool's trace: how long the threads were busy within how long (how much of the cores they had).
      const ours = timed([bin, 'check', txt], { okCodes: [0, 1], env: { KAMERVRAAG_POOL_TRACE: '1' } });
      check.push(ours.s);
      sample ??= ours.err.trim().split('\n').pop();
      const m = /threads busy (\d+) ms in (\d+) ms/.exec(ours.err);
      if (m) busy.push(`${m[1]}/${m[2]} ms`);
      readAhead ||= / read ahead in a second thread/.test(ours.err);
      split.push(timed(['-e', READ_SPLIT, txt]).s);
    }
    details.cli.check_s = check.map(r2);
    details.cli.read_split_s = split.map(r2);
    details.cli.check_summary = sample;
    details.cli.workers_busy = busy;
    details.cli.load_average = os.loadavg().map(r2);
    const checkS = median(check);
    figure('cli_10k_check_s', checkS, { unit: 's', note: `kamervraag check over ${COUNT} files (${(bytes / 1e6).toFixed(0)} MB), ${details.cli.cores} cores (load ${details.cli.load_average.join(' ')}), ${busy.length > 0 ? `workers busy ${busy[0]}` : `in one thread${readAhead ? ', the files read ahead by a second' : ''} (workers from 20,000 files)`}: ${sample}` });
    figure('cli_10k_vs_read_split', checkS / median(split), { target: 2, cmp: '<=', note: `check ${r2(checkS)} s vs list + read + split in one process ${r2(median(split))} s` });
    const list = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) list.push(timed([bin, 'list', '--format', 'json', txt]).s);
    figure('cli_10k_list_s', median(list), { unit: 's', note: 'kamervraag list --format json' });

    if (!ensureBenchDeps(log)) {
      figure('cli_10k_vs_markdownlint', null, { target: 20, cmp: '>=', note: 'bench/node_modules could not be installed' });
      return;
    }
    const markdownlint = path.join(BENCH_DIR, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    const lint = [];
    let lintSample = null;
    for (let i = 0; i < (quick ? 1 : 2); i++) {
      // Its default rules: no configuration file in the folder or above it (the temporary folder).
      const r = timed([markdownlint, '*.md'].map((a, k) => (k === 1 ? path.join(md, a) : a)), { okCodes: [0, 1] });
      lint.push(r.s);
      lintSample ??= /Summary: (\d+) error/.exec(r.out + r.err)?.[0] ?? 'no summary';
    }
    details.cli.markdownlint_s = lint.map(r2);
    figure('cli_10k_vs_markdownlint', median(lint) / checkS, {
      target: 20, cmp: '>=', note: `markdownlint-cli2 ${r2(median(lint))} s (default rules, ${lintSample}) vs kamervraag check ${r2(checkS)} s`,
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
