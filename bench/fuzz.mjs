// `npm run fuzz`: the fuzzing campaign. The in-process properties of test/fuzz/properties.ts run in
// worker threads, chunk by chunk; the over-stdio properties of test/stress/properties.ts run against
// the real server in a smaller share, spread over the run in the first worker. `--help` for the flags.
//
// What a *case* is (one run of one property):
//   in process (what --cases counts): one generated text (a mutated real example, a document of hostile
//     lines, random Unicode with or without a real header), parsed once and checked once; every feature
//     of the feature table (server/src/features/index.ts) asked about that one model, each position feature at every heading number
//     and reference, at the ends of the document, past its end and at up to 4 positions drawn from the
//     case's own random stream; every range checked to lie inside the document; the workspace index's
//     light reader checked against the parser; and in one case of four (drawn from the case's stream)
//     all of it run a second time and compared (determinism). Nothing may throw. The properties take
//     turns chunk by chunk, so each gets an equal number of cases.
//   over stdio (counted apart): one request with random JSON params to the real server, or one random
//     sequence of incremental edits whose end is compared with opening the final text fresh. Beside N
//     in-process cases the campaign runs N/50 requests and N/500 edit sequences.
//
// Chunk k of a run is always the same property with the same seed (derived from the base seed and k),
// whatever the number of workers: `--seed S` with the same --cases and --chunk runs the same cases
// again. A failure is shrunk by fast-check and printed with its property, seed and path, and the command
// that replays it. Needs the compiled tests in out/ (`npm run fuzz` builds first).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { repoRoot } from './lsp.mjs';

const require = createRequire(import.meta.url);
const OUT = path.join(repoRoot, 'out', 'test');

/** Over-stdio cases beside N in-process cases. */
const SERVER_SHARE = { 'server-random-params': 1 / 50, 'server-edit-sequences': 1 / 500 };
/** Over-stdio cases per chunk (a chunk of requests takes about as long as one of edit sequences). */
const SERVER_CHUNK = { 'server-random-params': 500, 'server-edit-sequences': 50 };

const HELP = `Usage: npm run fuzz -- [options]      (or, after npm run build: node bench/fuzz.mjs [options])

The fuzzing campaign: the properties of test/fuzz/properties.ts in worker threads, and the
server over stdio (test/stress/properties.ts) in a smaller share. Exits 1 on the first failure,
printing the shrunk counterexample and the command that replays it; 0 otherwise.

Options:
  --cases N        in-process cases to run (default 1000000); beside them N/50 random requests
                   and N/500 edit sequences against the real server over stdio
  --seed S         base seed (default: random); chunk k runs with a seed derived from S and k
  --minutes M      stop after M minutes (the chunks under way are cut short), report how many
                   cases ran, exit 0 when none failed
  --workers W      worker threads (default: os.availableParallelism(), here ${os.availableParallelism()})
  --chunk C        in-process cases per chunk (default 1000)
  --no-server      leave out the over-stdio properties
  --properties F   take the in-process properties from module F (exporting \`properties\`, a list
                   of { name, description, property }) instead of test/fuzz/properties.ts
  --list           list the properties
  --replay NAME --seed S --path P
                   run the case of property NAME at seed S and path P (as a failure prints them)
  --help           this text

A case: one generated text, parsed and checked once, every feature asked about the model (position
features at every heading and reference, the ends, past the end, and 4 random positions), every range
checked, and in one case of four all of it run twice and compared. See the header of bench/fuzz.mjs.`;

function parseArgs(argv) {
  const opts = { cases: 1_000_000, seed: undefined, minutes: undefined, workers: os.availableParallelism(), chunk: 1000, server: true, properties: undefined, list: false, help: false, replay: undefined, path: undefined };
  const number = (flag, v) => {
    const n = Number(String(v).replaceAll('_', ''));
    if (v === undefined || !Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a number, got ${v === undefined ? 'nothing' : JSON.stringify(v)}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--help': case '-h': opts.help = true; break;
      case '--cases': opts.cases = Math.floor(number(flag, value())); break;
      case '--seed': opts.seed = Math.floor(number(flag, value())) % 2 ** 31; break;
      case '--minutes': opts.minutes = number(flag, value()); break;
      case '--workers': opts.workers = Math.max(1, Math.floor(number(flag, value()))); break;
      case '--chunk': opts.chunk = Math.max(1, Math.floor(number(flag, value()))); break;
      case '--no-server': opts.server = false; break;
      case '--properties': opts.properties = path.resolve(value()); break;
      case '--list': opts.list = true; break;
      case '--replay': opts.replay = value(); break;
      case '--path': opts.path = value(); break;
      default: throw new Error(`unknown option ${argv[i]} (see --help)`);
    }
  }
  if (opts.replay !== undefined && (opts.seed === undefined || opts.path === undefined)) throw new Error('--replay needs --seed and --path');
  return opts;
}

function loadProperties(file = path.join(OUT, 'fuzz', 'properties.js')) {
  if (!existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing${file.startsWith(OUT) ? ': run npm run build first' : ''}`);
  const inProcess = require(file).properties;
  const server = require(path.join(OUT, 'stress', 'properties.js')).serverProperties;
  return { inProcess, server };
}

/** The seed of chunk k of stream s (0: in-process, 1, 2: over stdio) under base seed `base`: a 31-bit mix. */
function chunkSeed(base, stream, k) {
  let h = Math.imul(base ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35) ^ Math.imul(k + 1, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) & 0x7fffffff;
}

function errorText(error) {
  if (error instanceof Error) return (error.stack ?? `${error.name}: ${error.message}`).split('\n').slice(0, 30).join('\n');
  return String(error);
}

/** The arguments that replay one case. */
function replayArgs(name, seed, casePath, properties) {
  const quote = (a) => (/^[\w/.:@+-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
  return `--replay ${name} --seed ${seed} --path ${casePath}${properties ? ` --properties ${quote(properties)}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------
// A worker: runs the chunks the main thread hands it, one at a time, and reports each.

async function worker() {
  const fc = require('fast-check');
  const { deadline, properties } = workerData;
  const { inProcess, server } = loadProperties(properties);
  /** This worker's server (started when it gets its first over-stdio chunk) and its prepared properties. */
  let client;
  const prepared = new Map();
  const serverProperty = async (name) => {
    if (!prepared.has(name)) {
      if (!client) {
        const { LspClient } = require(path.join(OUT, 'support', 'lspClient.js'));
        client = new LspClient();
        parentPort.postMessage({ type: 'server', pid: client.pid });
        await client.initialize();
      }
      prepared.set(name, await server.find((p) => p.name === name).prepare(client));
    }
    return prepared.get(name);
  };
  parentPort.on('message', async (job) => {
    if (job.type === 'finish') {
      if (client) await client.stop().catch(() => undefined);
      parentPort.close();
      return;
    }
    const params = { numRuns: job.runs, seed: job.seed };
    if (deadline) Object.assign(params, { interruptAfterTimeLimit: Math.max(1, deadline - Date.now()), markInterruptAsFailure: false });
    const started = performance.now();
    let details;
    try {
      if (job.server) {
        const { property, verify } = await serverProperty(job.name);
        details = await fc.check(property, params);
        if (!details.failed) await verify();
      } else {
        details = fc.check(inProcess.find((p) => p.name === job.name).property, params);
      }
    } catch (error) {
      // Outside any one case (starting the server, or the check after a chunk): no path to replay.
      parentPort.postMessage({ type: 'failed', job, casePath: null, report: `${job.name}: ${errorText(error)}`, error: '' });
      return;
    }
    const ms = performance.now() - started;
    if (details.failed) {
      parentPort.postMessage({ type: 'failed', job, casePath: details.counterexamplePath, report: fc.defaultReportMessage(details), error: errorText(details.errorInstance) });
      return;
    }
    parentPort.postMessage({ type: 'done', job, runs: details.numRuns, ms, interrupted: details.interrupted });
  });
  parentPort.postMessage({ type: 'ready' });
}

// ---------------------------------------------------------------------------------------------------
// The main thread: hands out chunks, reports progress, stops everything on the first failure.

function fmt(n) {
  return Math.round(n).toLocaleString('en');
}

function minutes(ms) {
  return `${(ms / 60000).toFixed(1)} min`;
}

async function campaign(opts) {
  const { inProcess, server } = loadProperties(opts.properties);
  const seed = opts.seed ?? randomInt(2 ** 31);
  const started = Date.now();
  const deadline = opts.minutes !== undefined ? started + opts.minutes * 60_000 : undefined;
  const chunk = Math.min(opts.chunk, Math.max(1, opts.cases));
  // What is left to hand out: the in-process cases, and each over-stdio property's cases.
  const inProc = { total: opts.cases, issued: 0, chunks: 0 };
  const srv = opts.server
    ? server.map((p, i) => ({ name: p.name, stream: i + 1, total: Math.ceil(opts.cases * SERVER_SHARE[p.name]), per: SERVER_CHUNK[p.name], issued: 0, chunks: 0 }))
    : [];
  const stats = new Map([...inProcess, ...server].map((p) => [p.name, { runs: 0, ms: 0 }]));
  const serverPids = new Set();
  let failed = false;

  console.log(`fuzz: ${fmt(opts.cases)} cases of ${inProcess.length} properties (${inProcess.map((p) => p.name).join(', ')}) in chunks of ${fmt(chunk)} on ${opts.workers} worker${opts.workers === 1 ? '' : 's'}, base seed ${seed}`
    + (opts.minutes !== undefined ? `, for at most ${opts.minutes} min` : ''));
  if (srv.length) console.log(`fuzz: and over stdio against the real server: ${srv.map((s) => `${fmt(s.total)} ${s.name}`).join(', ')}`);

  /** The next chunk for worker `w`: over stdio (first worker only) when that share lags behind. */
  const next = (w) => {
    if (failed || (deadline && Date.now() >= deadline)) return null;
    const inDone = inProc.issued >= inProc.total;
    if (w === 0) {
      const lagging = srv.filter((s) => s.issued < s.total).sort((a, b) => a.issued / a.total - b.issued / b.total)[0];
      if (lagging && (inDone || lagging.issued / lagging.total <= inProc.issued / inProc.total)) {
        const runs = Math.min(lagging.per, lagging.total - lagging.issued);
        lagging.issued += runs;
        return { server: true, name: lagging.name, runs, seed: chunkSeed(seed, lagging.stream, lagging.chunks), chunk: lagging.chunks++ };
      }
    }
    if (inDone) return null;
    const k = inProc.chunks++;
    const runs = Math.min(chunk, inProc.total - inProc.issued);
    inProc.issued += runs;
    return { server: false, name: inProcess[k % inProcess.length].name, runs, seed: chunkSeed(seed, 0, k), chunk: k };
  };

  const done = () => {
    let inRuns = 0;
    for (const p of inProcess) inRuns += stats.get(p.name).runs;
    return inRuns;
  };
  const progress = () => {
    const ms = Date.now() - started;
    const cases = done();
    const rate = cases / (ms / 1000);
    const left = deadline ? Math.min(deadline - Date.now(), (opts.cases - cases) / rate * 1000) : (opts.cases - cases) / rate * 1000;
    const over = srv.map((s) => `${fmt(stats.get(s.name).runs)} ${s.name.replace('server-', '')}`).join(', ');
    console.log(`fuzz: ${fmt(cases)}/${fmt(opts.cases)} cases, ${rate.toFixed(0)} cases/s, ${minutes(ms)}${Number.isFinite(left) ? `, ~${minutes(Math.max(0, left))} left` : ''}${over ? `; over stdio: ${over}` : ''}`);
  };
  const timer = setInterval(progress, 5000);

  const workers = [];
  const stopAll = async () => {
    clearInterval(timer);
    for (const pid of serverPids) {
      try {
        process.kill(pid);
      } catch {
        // already gone
      }
    }
    await Promise.all(workers.map((w) => w.terminate()));
  };

  const outcome = await new Promise((resolve) => {
    let running = opts.workers;
    for (let w = 0; w < opts.workers; w++) {
      const worker = new Worker(new URL(import.meta.url), { workerData: { deadline, properties: opts.properties } });
      workers.push(worker);
      const handOut = () => {
        const job = next(w);
        if (job) worker.postMessage(job);
        else worker.postMessage({ type: 'finish' });
      };
      worker.on('message', (m) => {
        if (m.type === 'server') serverPids.add(m.pid);
        else if (m.type === 'ready') handOut();
        else if (m.type === 'done') {
          const s = stats.get(m.job.name);
          s.runs += m.runs;
          s.ms += m.ms;
          handOut();
        } else if (m.type === 'failed' && !failed) {
          failed = true;
          resolve(m);
        }
      });
      worker.on('error', (error) => {
        if (failed) return;
        failed = true;
        resolve({ job: { name: '(worker)', seed: '-', chunk: '-' }, casePath: null, report: errorText(error), error: '' });
      });
      worker.on('exit', () => {
        if (--running === 0) resolve(null);
      });
    }
  });

  if (outcome) {
    const { job, casePath, report, error } = outcome;
    const kind = job.server ? 'over stdio' : 'in process';
    console.error(`\nFAILED: ${job.name} (${kind}), chunk ${job.chunk}, seed ${job.seed}${casePath ? `, path ${casePath}` : ''}, after ${fmt(done())} in-process cases\n`);
    console.error(report);
    if (error) console.error(`\n${error}`);
    if (casePath) {
      const args = replayArgs(job.name, job.seed, casePath, opts.properties);
      console.error(`\nReplay: npm run fuzz -- ${args}`);
      console.error(`    or: node bench/fuzz.mjs ${args}   (after npm run build)`);
      if (job.server) console.error('(a replay starts a fresh server: what the earlier cases of the chunk left in it is not replayed)');
    }
    await stopAll();
    process.exit(1);
  }
  clearInterval(timer);
  const ms = Date.now() - started;
  const cases = done();
  console.log('');
  for (const [name, s] of stats) {
    if (s.runs) console.log(`  ${name.padEnd(30)} ${fmt(s.runs).padStart(11)} cases, ${(s.runs / (s.ms / 1000)).toFixed(0).padStart(6)} cases/s in one worker, ${((s.ms / 1000) / opts.workers / (ms / 1000) * 100).toFixed(0)}% of the workers' time`);
  }
  const stopped = cases < opts.cases ? ` (stopped after ${opts.minutes} min)` : '';
  console.log(`fuzz: ${fmt(cases)} in-process cases passed in ${minutes(ms)}, ${(cases / (ms / 1000)).toFixed(0)} cases/s on ${opts.workers} worker${opts.workers === 1 ? '' : 's'}${stopped}`
    + (srv.length ? `; over stdio ${srv.map((s) => `${fmt(stats.get(s.name).runs)} ${s.name}`).join(', ')}` : '') + `; base seed ${seed}`);
}

// ---------------------------------------------------------------------------------------------------
// --replay: one case, in this thread, with fast-check's verbose report.

async function replay(opts) {
  const fc = require('fast-check');
  const { inProcess, server } = loadProperties(opts.properties);
  const params = { seed: opts.seed, path: opts.path, numRuns: 1, verbose: true };
  const local = inProcess.find((p) => p.name === opts.replay);
  const remote = server.find((p) => p.name === opts.replay);
  if (!local && !remote) throw new Error(`no property ${opts.replay}; --list lists them`);
  let details;
  if (local) details = fc.check(local.property, params);
  else {
    const { LspClient } = require(path.join(OUT, 'support', 'lspClient.js'));
    const client = new LspClient();
    try {
      await client.initialize();
      const { property } = await remote.prepare(client);
      details = await fc.check(property, params);
    } finally {
      await client.stop().catch(() => undefined);
    }
  }
  if (!details.failed) {
    console.log(`${opts.replay}, seed ${opts.seed}, path ${opts.path}: passes`);
    return 0;
  }
  console.error(fc.defaultReportMessage(details));
  console.error(`\n${errorText(details.errorInstance)}`);
  return 1;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`fuzz: ${error.message}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log(HELP);
    return;
  }
  if (opts.list) {
    const { inProcess, server } = loadProperties(opts.properties);
    for (const p of inProcess) console.log(`${p.name.padEnd(30)} in process: ${p.description}`);
    for (const p of server) console.log(`${p.name.padEnd(30)} over stdio: ${p.description}`);
    return;
  }
  if (opts.replay !== undefined) process.exit(await replay(opts));
  await campaign(opts);
}

if (isMainThread) await main();
else await worker();
