/**
 * The preview (test/fuzz/preview.ts), bounded: FUZZ_RUNS runs, FUZZ_SEED; `npm run fuzz` runs it long.
 * And its negative controls: a preview that drops a line, shifts a link or points it at the wrong
 * question, or puts a footnote marker a character off or over a link fails the oracle.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { preview, type Preview } from '../../server/src/core/preview';
import { FUZZ_RUNS, FUZZ_SEED } from './arbitraries';
import { checkPreview, checkPreviewPage, previewProperties } from './preview';
import { parse } from '../../server/src/core/parse';
import { QuestionGraph } from '../../server/src/core/graph';
import { previewBody } from '../../client/src/previewHtml';
import { examples } from './harness';

test('the examples', () => {
  for (const { text } of examples()) checkPreview(text);
});

test('negative controls: a line dropped, a link one character off or to another question, a footnote marker off', () => {
  const text = examples().find((e) => e.name === '2014Z19222.txt')!.text;
  const changed = (change: (p: Preview) => Preview) => (...args: Parameters<typeof preview>) => change(preview(...args));
  const dropLine = changed((p) => ({ ...p, blocks: p.blocks.map((b, i) => (i === 1 ? { ...b, paragraphs: b.paragraphs.slice(1) } : b)) }));
  const moveLink = (by: number, to: number) => changed((p) => ({
    ...p,
    blocks: p.blocks.map((b) => ({ ...b, paragraphs: b.paragraphs.map((para) => ({ ...para, links: para.links.map((l) => ({ ...l, start: l.start + by, end: l.end + by, question: l.question + to })) })) })),
  }));
  assert.throws(() => checkPreview(text, dropLine), /the lines of question block 0/);
  assert.throws(() => checkPreview(text, moveLink(1, 0)));
  assert.throws(() => checkPreview(text, moveLink(0, 1)), /the first question numbered/);
  const moveFootnote = (by: number) => changed((p) => ({
    ...p,
    blocks: p.blocks.map((b) => ({ ...b, paragraphs: b.paragraphs.map((para) => ({ ...para, footnotes: para.footnotes.map((f) => ({ start: f.start + by, end: f.end + by })) })) })),
  }));
  assert.throws(() => checkPreview(text, moveFootnote(-1)), /Expected values to strictly match|The input did not match/);
  assert.throws(() => checkPreview(text, moveFootnote(1)), /a footnote marker inside its paragraph/);
  const overLink = changed((p) => ({
    ...p,
    blocks: p.blocks.map((b) => ({ ...b, paragraphs: b.paragraphs.map((para) => ({ ...para, footnotes: para.links.map((l) => ({ start: l.start, end: l.end })) })) })),
  }));
  assert.throws(() => checkPreview(text, overLink), /glued to the text before it|no marker over a link/);
});

test('negative controls of the page: a text let through unescaped, a paragraph left out', () => {
  const text = examples().find((e) => e.name === '2014Z19222.txt')!.text.replace('Zie antwoord vraag 2.', 'Zie <b>antwoord</b> vraag 2.');
  const doc = parse(text);
  const p = preview(doc, new QuestionGraph(doc));
  checkPreviewPage(p);
  assert.throws(() => checkPreviewPage(p, (a, l) => previewBody(a, l).replace('Zie &lt;b&gt;antwoord&lt;/b&gt;', 'Zie <b>antwoord</b>')), /a tag of the page/);
  assert.throws(() => checkPreviewPage(p, (a, l) => previewBody(a, l).replace(/<p data-line="27">.*?<\/p>/, '')), /a paragraph on the page/);
});

for (const p of previewProperties) {
  test(`${p.name}: ${p.description}`, () => {
    fc.assert(p.property, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED });
  });
}
