/**
 * Hang guards: a 1 MB single line, a 5 MB document of only headings and references by the thousand
 * are analysed, and the results are right. No wall-clock bound here (a busy machine is no defect):
 * the times are `npm run bench`'s figures (single_line_1mb_ms, headings_5mb_ms). What would grow with
 * the square of the input is bounded by counting the work it leaves (diagnostics, related locations);
 * a test that never ends is stopped by its `timeout`, a hang guard set far above any machine's time.
 */
import { test } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core/analysis';
import { featureContext } from '../../server/src/features/context';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/folding';
import { core, examples, lspLines, assertRangesInside } from './harness';

const GENERATOR_URL = pathToFileURL(path.resolve(__dirname, '..', '..', '..', 'bench', 'generate.mjs')).href;
/** Hang guard only: minutes where the bench measures well under a second. */
const HANG_GUARD = { timeout: 10 * 60_000 };

/* eslint-disable @typescript-eslint/no-explicit-any */
function codes(diagnostics: readonly { code: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of diagnostics) out[d.code] = (out[d.code] ?? 0) + 1;
  return out;
}

test('a 1 MB single line: one line, a handful of diagnostics on it', HANG_GUARD, () => {
  // The real examples flattened into one line and repeated: headings, references, dates, all on one line.
  const flat = examples().map((e) => e.text.replace(/\r?\n/g, ' ')).join(' ');
  const line = flat.repeat(Math.ceil((1 << 20) / flat.length)).slice(0, 1 << 20);
  // Also a line without any structure: one long word, and one of spaces, and one of «.
  for (const text of [line, 'Kamervraag 2014Z19222 ' + 'vraag'.repeat(200_000), ' '.repeat(1 << 20), '«'.repeat(1 << 20)]) {
    const doc = core.parse(text);
    const diagnostics = core.check(doc);
    assert.equal(doc.lineCount, 1);
    // A header line and nothing else: no questions, and only the diagnostics of a document without a body.
    assert.equal(doc.questions.length, 0);
    assert.ok(diagnostics.length <= 10, `${JSON.stringify(codes(diagnostics))}`);
    // A line with nothing of the format (the one of «) is no Kamervraag at all: that one diagnostic.
    if (text.startsWith('«')) assert.deepEqual(codes(diagnostics), { 'not-a-kamervraag': 1 });
    else assert.ok('metadata-missing-field' in codes(diagnostics));
    assertRangesInside(diagnostics, [text], '1 MB line');
  }
});

test('a 5 MB document of only headings: every heading a question, a symbol; one diagnostic each', HANG_GUARD, async () => {
  // The same document as `npm run bench` measures (bench/generate.mjs).
  const gen = (await import(GENERATOR_URL)) as { generateHeadings(bytes?: number): { text: string; count: number } };
  const { text, count } = gen.generateHeadings();
  assert.ok(Buffer.byteLength(text) >= 5 << 20 && count > 250_000, `${Buffer.byteLength(text)} bytes, ${count} headings`);
  const analysis = analyze(text);
  const doc = analysis.document;
  const diagnostics = core.check(doc);
  assert.equal(doc.questions.length, count, 'every heading is a question');
  assert.equal(codes(diagnostics)['missing-question-text'], count, 'each question without text reported once');
  assert.ok(diagnostics.length <= count + 10, `${diagnostics.length} diagnostics for ${count} headings`);
  const params = { textDocument: { uri: 'file:///headings.kvr' } };
  const symbols = documentSymbols(analysis, params, featureContext({ hierarchicalSymbols: true })) as DocumentSymbol[];
  assert.equal(symbols[0]!.children!.length, count, 'every question in the outline');
  assert.ok(foldingRanges(analysis, params, featureContext()).length <= count, 'at most one fold per question');
  assertRangesInside(diagnostics.slice(0, 1000), lspLines(text), 'headings');
  // And duplicated numbers: every heading `Vraag 1`. Each duplicate points at the first, not at every other.
  const dup = core.check(core.parse(text.replace(/Vraag \d+/g, 'Vraag 1')));
  const duplicates = dup.filter((d: any) => d.code === 'duplicate-question-number');
  assert.equal(duplicates.length, count - 1, 'every heading after the first is a duplicate');
  const related = duplicates.reduce((sum: number, d: any) => sum + d.related.length, 0);
  assert.ok(related <= 2 * duplicates.length, `${related} related locations for ${duplicates.length} duplicates`);
});

test('references by the thousand: long cycles, ranges over every question, self references', HANG_GUARD, (t) => {
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
    const diagnostics = core.check(core.parse(text));
    const related = diagnostics.reduce((sum: number, d: { related: readonly unknown[] }) => sum + d.related.length, 0);
    t.diagnostic(`${name}: ${diagnostics.length} diagnostics, ${related} related locations`);
    // The diagnostics stay small enough to send: no related list that grows with the square of the questions.
    assert.ok(related <= 10 * diagnostics.length + 100, `${name}: ${related} related locations`);
    assert.ok(diagnostics.some((d: { code: string }) => d.code === 'reference-cycle' || d.code === 'reference-self'));
  }
});
