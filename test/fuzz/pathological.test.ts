/**
 * Hang guards: a 1 MB single line and a 5 MB document of only headings are analysed well within a
 * generous bound (the real numbers are in `npm run bench`), and the results are still right.
 */
import { test } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as assert from 'node:assert/strict';
import { core, examples, featureModules, lspLines, assertRangesInside } from './harness';

const GENERATOR_URL = pathToFileURL(path.resolve(__dirname, '..', '..', '..', 'bench', 'generate.mjs')).href;
const BOUND_MS = 2000;
/** 335,000 headings make 335,000 questions and as many diagnostics: a hang guard with room for a busy CI
 * machine (the measured time, and its target of well under a second, are in bench/results.json). */
const HEADINGS_BOUND_MS = 6000;
const features = featureModules();

function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

test('a 1 MB single line: diagnostics within the bound', (t) => {
  // The real examples flattened into one line and repeated: headings, references, dates, all on one line.
  const flat = examples().map((e) => e.text.replace(/\r?\n/g, ' ')).join(' ');
  const line = flat.repeat(Math.ceil((1 << 20) / flat.length)).slice(0, 1 << 20);
  const { ms, value } = timed(() => core.check(core.parse(line)));
  t.diagnostic(`1 MB single line: ${ms.toFixed(0)} ms, ${value.length} diagnostics`);
  assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
  assertRangesInside(value, [line], '1 MB line');
  // Also a line without any structure: one long word, and one of spaces.
  for (const text of ['Kamervraag 2014Z19222 ' + 'vraag'.repeat(200_000), ' '.repeat(1 << 20), '«'.repeat(1 << 20)]) {
    const r = timed(() => core.check(core.parse(text)));
    assert.ok(r.ms < BOUND_MS, `${r.ms.toFixed(0)} ms`);
  }
});

test('a 5 MB document of only headings: diagnostics, symbols and folding within the bound', async (t) => {
  // The same document as `npm run bench` measures (bench/generate.mjs).
  const gen = (await import(GENERATOR_URL)) as { generateHeadings(bytes?: number): { text: string; count: number } };
  const { text, count } = gen.generateHeadings();
  const parsed = timed(() => core.parse(text));
  const checked = timed(() => core.check(parsed.value));
  t.diagnostic(`5 MB of ${count} headings: parse ${parsed.ms.toFixed(0)} ms, check ${checked.ms.toFixed(0)} ms, ${checked.value.length} diagnostics`);
  assert.ok(parsed.ms + checked.ms < HEADINGS_BOUND_MS, `${(parsed.ms + checked.ms).toFixed(0)} ms`);
  assert.equal(parsed.value.questions.length, count, 'every heading is a question');
  const symbols = features.get('documentSymbols')?.documentSymbols;
  const folding = features.get('folding')?.foldingRanges;
  if (symbols) {
    const s = timed(() => symbols(parsed.value, 'en'));
    assert.ok(s.ms < HEADINGS_BOUND_MS, `symbols ${s.ms.toFixed(0)} ms`);
  }
  if (folding) assert.ok(timed(() => folding(parsed.value)).ms < HEADINGS_BOUND_MS);
  assertRangesInside(checked.value.slice(0, 1000), lspLines(text), 'headings');
  // And duplicated numbers: every heading `Vraag 1`.
  const same = text.replace(/Vraag \d+/g, 'Vraag 1');
  const d = timed(() => core.check(core.parse(same)));
  assert.ok(d.ms < HEADINGS_BOUND_MS, `duplicates: ${d.ms.toFixed(0)} ms`);
});

test('references by the thousand: long cycles, ranges over every question, self references', (t) => {
  const make = (n: number, answer: (i: number) => string) => {
    const out = ['Kamervraag 2014Z19222', '', 'Titel', '', 'Ingediend 30 oktober 2014'];
    for (let i = 1; i <= n; i++) out.push(` • Vraag ${i}`, '  Waarom?', '', `  ${answer(i)}`);
    return out.join('\n');
  };
  const cases: [string, string][] = [
    // One cycle through 3,000 answers: reporting it must not grow with the square of its length.
    ['cycle of 3000', make(3000, (i) => `Zie antwoord vraag ${(i % 3000) + 1}.`)],
    ['ranges over 500 questions', make(500, (i) => `Zie de vragen 1 t/m 500 en vraag ${i}.`)],
    ['ranges and a cycle over 2000', make(2000, (i) => `Zie antwoord vraag ${(i % 2000) + 1}, zie ook de vragen 1 t/m 2000 en vraag ${i}.`)],
  ];
  for (const [name, text] of cases) {
    const r = timed(() => core.check(core.parse(text)));
    const related = r.value.reduce((sum: number, d: { related: unknown[] }) => sum + d.related.length, 0);
    t.diagnostic(`${name}: ${r.ms.toFixed(0)} ms, ${r.value.length} diagnostics, ${related} related locations`);
    assert.ok(r.ms < BOUND_MS, `${name}: ${r.ms.toFixed(0)} ms`);
    // The diagnostics stay small enough to send: no related list that grows with the square of the questions.
    assert.ok(related <= 10 * r.value.length + 100, `${name}: ${related} related locations`);
    assert.ok(r.value.some((d: { code: string }) => d.code === 'reference-cycle' || d.code === 'reference-self'));
  }
});
