// `npm run fuzz`: the properties of test/fuzz/ for a long time. Runs TOTAL cases (default 10⁶, env
// FUZZ_TOTAL) in chunks of CHUNK (env FUZZ_CHUNK, default 5,000), rotating over the properties, each
// chunk with a new seed, printing progress. On the first failure it prints the shrunk counterexample
// with its seed and path (to replay: FUZZ_SEED=<seed> FUZZ_RUNS=<n> npm run test:fuzz, or
// `fc.assert(..., { seed, path })`) and exits 1. Then the over-stdio properties of test/stress/
// against the real server, FUZZ_SERVER_RUNS times (default total / 50; 0 skips them).
//
// Uses the compiled harness in out/test/fuzz/ (the npm script builds first).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './lsp.mjs';

const require = createRequire(import.meta.url);
const fc = require('fast-check');
const harness = require(path.join(repoRoot, 'out', 'test', 'fuzz', 'harness.js'));
const arb = require(path.join(repoRoot, 'out', 'test', 'fuzz', 'arbitraries.js'));

const total = Number(process.env.FUZZ_TOTAL ?? 1_000_000);
const chunk = Number(process.env.FUZZ_CHUNK ?? 5_000);
const features = harness.featureModules();
const bases = harness.examples();

const properties = [
  ['mutated examples', fc.property(arb.mutatedExample(bases), ({ text, how }) => {
    try {
      harness.runAllTwice(text, features);
    } catch (err) {
      err.message = `${how}\n${err.message}`;
      throw err;
    }
  })],
  ['hostile lines', fc.property(arb.hostileDocument, (text) => void harness.runAllTwice(text, features))],
  ['random Unicode', fc.property(arb.randomText, (text) => void harness.runAll(text, features))],
  ['headed random Unicode', fc.property(arb.headedRandomText, (text) => void harness.runAllTwice(text, features))],
];

const t0 = Date.now();
let done = 0;
let round = 0;
const baseSeed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
console.log(`fuzz: ${total.toLocaleString('en')} cases in chunks of ${chunk}, seeds from ${baseSeed}`);
while (done < total) {
  const [name, property] = properties[round % properties.length];
  const runs = Math.min(chunk, total - done);
  const seed = (baseSeed + round * 7919) % 2 ** 31;
  const details = fc.check(property, { numRuns: runs, seed });
  if (details.failed) {
    console.error(`\nFAILED: ${name}, seed ${seed}, path ${details.counterexamplePath}`);
    console.error(fc.defaultReportMessage(details));
    const error = details.errorInstance;
    if (error) console.error(`\nError: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  done += runs;
  round++;
  const s = (Date.now() - t0) / 1000;
  const rate = done / s;
  process.stdout.write(`fuzz: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${name} ok) — ${s.toFixed(0)} s, ${rate.toFixed(0)} cases/s, ~${((total - done) / rate / 60).toFixed(1)} min left\n`);
}
console.log(`fuzz: ${done.toLocaleString('en')} cases passed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

// Then the properties that talk to the real server over stdio (random request params, random
// incremental edit sequences), scaled to the total: FUZZ_SERVER_RUNS (default total / 50).
const serverRuns = Number(process.env.FUZZ_SERVER_RUNS ?? Math.ceil(total / 50));
if (serverRuns > 0) {
  console.log(`fuzz: the server over stdio, ${serverRuns} random requests and ${Math.ceil(serverRuns / 10)} edit sequences`);
  const run = spawnSync(process.execPath, ['--test', '--test-name-pattern=random', path.join(repoRoot, 'out', 'test', 'stress')], {
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: String(serverRuns), STRESS_RUNS: String(Math.ceil(serverRuns / 10)), FUZZ_SEED: String(baseSeed) },
  });
  if (run.status !== 0) process.exit(1);
}
