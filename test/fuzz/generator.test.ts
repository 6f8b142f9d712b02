/**
 * The benchmark's document generator (bench/generate.mjs) writes valid Kamervragen: the parser reads
 * every question and reference, and the checks find no error or warning. The benchmark's figures
 * rest on that (a generator that produced diagnostics would measure a different workload).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { core } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
const generatorUrl = pathToFileURL(path.resolve(__dirname, '..', '..', '..', 'bench', 'generate.mjs')).href;

test('generated documents are valid, deterministic, and their Markdown has the same questions', async () => {
  const gen: any = await import(generatorUrl);
  for (const seed of [1, 2, 3, 4, 5]) {
    for (const answered of [true, false]) {
      const model = gen.generateModel({ questions: 300, seed, answered });
      const text: string = gen.renderKamervraag(model);
      assert.equal(gen.renderKamervraag(gen.generateModel({ questions: 300, seed, answered })), text, 'same seed, same text');
      const doc = core.parse(text);
      assert.equal(doc.questions.length, 300);
      assert.deepEqual(doc.questions.map((q: any) => q.number), Array.from({ length: 300 }, (_, i) => i + 1));
      assert.equal(doc.header?.zaaknummer?.text, model.zaaknummer);
      const serious = core.check(doc).filter((d: any) => d.severity <= 2);
      assert.deepEqual(serious.map((d: any) => `${d.code} @${d.range.start.line + 1}: ${d.message.en}`), [], `seed ${seed}${answered ? '' : ' unanswered'}`);
      if (answered) {
        // References as the generator wrote them (marked \u0001N\u0002) are the references the parser finds.
        const written = model.questions.flatMap((q: any) => q.answer.flatMap((p: string) => [...p.matchAll(/\u0001(\d+)\u0002/g)].map((m) => Number(m[1]))));
        const found = doc.references.flatMap((r: any) => r.targets.filter((t: any) => !t.implied).map((t: any) => t.number));
        assert.deepEqual(found, written, `seed ${seed}: every written reference found, and nothing else`);
        assert.ok(written.length > 20, 'the document has references');
      }
      const markdown: string = gen.renderMarkdown(model);
      assert.equal(markdown.match(/^## Vraag \d+$/gm)?.length, 300);
    }
  }
  const ws = gen.generateWorkspaceDocument(42);
  assert.equal(core.parse(ws.text).header?.zaaknummer?.text, ws.zaaknummer);
});

test('the Markdown comparison does the same work: every heading a symbol, every broken fragment link a diagnostic', async () => {
  const gen: any = await import(generatorUrl);
  // bench/markdown.mjs through bench/deps.mjs, which installs the bench's own packages on first use (npm ci --prefix bench).
  const deps: any = await import(pathToFileURL(path.resolve(__dirname, '..', '..', '..', 'bench', 'deps.mjs')).href);
  const md: any = await deps.loadMarkdown((message: string) => process.stderr.write(`generator.test: ${message}\n`));
  assert.ok(md, 'bench/node_modules installed');
  const model = gen.generateModel({ questions: 200, seed: 9 });
  const markdown: string = gen.renderMarkdown(model);
  assert.ok((markdown.match(/\]\(#vraag-\d+\)/g)?.length ?? 0) > 10, 'references became fragment links');
  const ok = await md.markdownSymbolsAndDiagnostics(markdown);
  const count = (symbols: any[]): number => symbols.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
  assert.equal(count(ok.symbols), 201, 'the title and every question heading');
  assert.deepEqual(ok.diagnostics, []);
  const broken = await md.markdownSymbolsAndDiagnostics(markdown.replace('(#vraag-1)', '(#vraag-999)'));
  assert.equal(broken.diagnostics.length, 1, 'fragment links are validated');
});
