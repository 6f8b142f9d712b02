/**
 * The campaign itself (bench/fuzz.mjs, `npm run fuzz`): its flags, a run that passes, and a failure
 * that is shrunk, reported with its seed and path, and replayed by the command it prints. Run with
 * a small module of properties of its own (--properties), so that it stays quick.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCRIPT = path.join(ROOT, 'bench', 'fuzz.mjs');

function fuzz(args: string[]): { status: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 5 * 60_000 });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

/** Two properties: one that holds, one that fails on an array whose third element is over 100. */
function propertiesModule(dir: string): string {
  const file = path.join(dir, 'properties.cjs');
  writeFileSync(file, `const fc = require(${JSON.stringify(require.resolve('fast-check'))});
exports.properties = [
  { name: 'holds', description: 'sorting keeps the length', property: fc.property(fc.array(fc.nat()), (a) => { if ([...a].sort().length !== a.length) throw new Error('length'); }) },
  { name: 'fails', description: 'no third element over 100', property: fc.property(fc.array(fc.nat()), (a) => { if (a.length > 2 && a[2] > 100) throw new Error('third element ' + a[2]); }) },
];
`);
  return file;
}

test('npm run fuzz: --help names every flag', () => {
  const r = fuzz(['--help']);
  assert.equal(r.status, 0);
  for (const flag of ['--cases N', '--seed S', '--minutes M', '--workers W', '--replay NAME --seed S --path P']) assert.ok(r.out.includes(flag), flag);
  assert.equal(fuzz(['--cases']).status, 2, 'a flag without its value');
  assert.equal(fuzz(['--no-such-flag']).status, 2);
});

test('npm run fuzz: a run that passes counts its cases; a failure is shrunk, reported, and replays', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kamervraag-fuzz-'));
  try {
    const properties = propertiesModule(dir);
    // One worker: chunk 0 (holds) passes, chunk 1 (fails) fails.
    const ok = fuzz(['--properties', properties, '--cases', '300', '--chunk', '50', '--seed', '1', '--workers', '1', '--no-server']);
    // Only the property that holds: a run that passes.
    const holds = path.join(dir, 'holds.cjs');
    writeFileSync(holds, `const all = require(${JSON.stringify(properties)}).properties;\nexports.properties = all.filter((p) => p.name === 'holds');\n`);
    const passed = fuzz(['--properties', holds, '--cases', '300', '--chunk', '50', '--seed', '1', '--workers', '2', '--no-server']);
    assert.equal(passed.status, 0, passed.err);
    assert.match(passed.out, /fuzz: 300 in-process cases passed in .* on 2 workers; base seed 1/);
    // --minutes: stops the chunks under way, says how many cases ran, and a stop is no failure.
    const stopped = fuzz(['--properties', holds, '--cases', '1e12', '--seed', '1', '--minutes', '0.02', '--no-server']);
    assert.equal(stopped.status, 0, stopped.err);
    const ran = /fuzz: ([\d,]+) in-process cases passed in .*\(stopped after 0\.02 min\)/.exec(stopped.out);
    assert.ok(ran && Number(ran[1]!.replaceAll(',', '')) > 0, stopped.out);

    assert.equal(ok.status, 1, 'the failing property fails the run');
    const failure = /FAILED: fails \(in process\), chunk 1, seed (\d+), path ([\d:]+)/.exec(ok.err);
    assert.ok(failure, ok.err);
    assert.match(ok.err, /Counterexample: \[\[0,0,101\]\]/, 'shrunk to the smallest array that fails');
    assert.match(ok.err, /third element 101/);
    const replay = /Replay: npm run fuzz -- (.*)/.exec(ok.err)![1]!.split(' ');
    assert.deepEqual(replay.slice(0, 6), ['--replay', 'fails', '--seed', failure[1], '--path', failure[2]]);
    const again = fuzz(replay);
    assert.equal(again.status, 1, 'the replay fails the same way');
    assert.match(again.err, /Counterexample: \[\[0,0,101\]\]/);
    // The same base seed gives chunk 1 the same seed on two workers (which chunk fails first may vary).
    const two = fuzz(['--properties', properties, '--cases', '300', '--chunk', '50', '--seed', '1', '--workers', '2', '--no-server']);
    assert.equal(two.status, 1);
    const chunk = /FAILED: fails \(in process\), chunk (\d+), seed (\d+)/.exec(two.err)!;
    if (chunk[1] === '1') assert.equal(chunk[2], failure[1]);
    assert.equal(fuzz(/Replay: npm run fuzz -- (.*)/.exec(two.err)![1]!.split(' ')).status, 1, 'and its replay fails too');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
