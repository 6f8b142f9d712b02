// Where the time of parse + check (+ document symbols) goes: runs them on a generated document under
// the V8 CPU profiler and prints the functions with the most self time, per run.
//
//   node bench/profile.mjs [--questions 10000] [--runs 20] [--symbols] [--headings] [--out file.cpuprofile]
//
// --headings profiles the 5 MB document of only headings instead. The .cpuprofile (written with
// --out) opens in Chrome DevTools or VS Code. Uses the compiled core in out/ (npm run build).
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateDocument, generateHeadings } from './generate.mjs';
import { repoRoot } from './lsp.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const out = path.join(repoRoot, 'out', 'server', 'src');
// parse and check, as the server runs them: one analysis (core/analysis.ts) and its diagnostics.
const { analyze } = require(path.join(out, 'core', 'analysis.js'));
const symbols = args.includes('--symbols') ? require(path.join(out, 'features', 'documentSymbols.js')).documentSymbols : null;
const { featureContext } = require(path.join(out, 'features', 'context.js'));
const symbolsParams = { textDocument: { uri: 'file:///bench/profile.txt' } };
const tree = featureContext({ hierarchicalSymbols: true });

let text;
if (args.includes('--headings')) {
  text = generateHeadings().text;
} else {
  text = generateDocument(Number(opt('--questions', '10000')), 1);
}
const runs = Number(opt('--runs', '20'));
const work = () => {
  const analysis = analyze(text);
  if (analysis.diagnostics.length < 0) throw new Error('unreachable');
  if (symbols) symbols(analysis, symbolsParams, tree);
};
for (let i = 0; i < 3; i++) work();

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const t0 = performance.now();
for (let i = 0; i < runs; i++) work();
const wall = (performance.now() - t0) / runs;
const { profile } = await session.post('Profiler.stop');
session.disconnect();
if (opt('--out')) writeFileSync(opt('--out'), JSON.stringify(profile));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0;
  const cf = byId.get(profile.samples[i]).callFrame;
  const where = cf.url ? `${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber + 1}` : '';
  const key = `${cf.functionName || '(anonymous)'} ${where}`.trim();
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
}
console.log(`${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB, ${runs} runs: ${wall.toFixed(1)} ms per run (parse + check${symbols ? ' + symbols' : ''})`);
console.log('self ms/run   share  function');
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(opt('--top', '25')))) {
  console.log(`${(t / 1000 / runs).toFixed(2).padStart(11)}  ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`);
}
