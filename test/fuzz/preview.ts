/**
 * The preview (core/preview.ts) under fuzzing: on generated, mutated and hostile documents, read against
 * the text's own lines, not the model's paragraphs: each question is followed by its answer, and their
 * paragraphs are every non-blank line of the block after its heading, each that line trimmed of the format's
 * spaces (`trimSpaces`: JavaScript's `trim` knows others), in order,
 * with its line number; a Mededeling's paragraphs are lines of the text too; the title is the title's
 * line; every link lies inside its paragraph, over the digits of a number, to the first question that
 * has that number; a footnote marker is digits glued to the text, over no link; the counts agree with the document. And its page (the client's layout): only the page's
 * own tags, every paragraph's text on it, in order, as written; the elements' lines go up in its order.
 */
import { QUESTION_ON_HEADING } from './answerDocument';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { QuestionGraph } from '../../server/src/core/graph';
import { trimSpaces } from '../../server/src/core/lines';
import { parse } from '../../server/src/core/parse';
import { preview, type Preview } from '../../server/src/core/preview';
import type { KamervraagDocument } from '../../server/src/core/model';
import { hostileDocument, kamervraagDocument, mutatedExample } from './arbitraries';
import { examples } from './harness';
import type { NamedProperty } from './properties';
import { previewBody } from '../../client/src/previewHtml';
import { english } from '../../client/src/status';

/** The tags the preview's page is made of (client/src/previewHtml.ts); any other is the document's text let through. */
const OUR_TAGS = /^<\/?(?:header|main|p|h1|h2|dl|div|dt|dd|section|a|sup)(?: (?:class|id|data-line|href|title)="[^"<>]*")*>$/;

/** The page's content laid out from `p`: only our tags, and every paragraph's text, in order, as the reader sees it. */
export function checkPreviewPage(p: Preview, layout: typeof previewBody = previewBody): void {
  const body = layout({ ...p, state: 'te beantwoorden', term: null }, english);
  for (const tag of body.match(/<[^>]*>?/g) ?? []) assert.match(tag, OUR_TAGS, 'a tag of the page, not of the text');
  const visible = body.replace(/<\/?(?:a|sup)\b[^>]*>/g, '').replace(/<[^>]*>/g, '\n')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  let at = 0;
  const texts = [...(p.title ? [p.title.text] : []), ...p.blocks.flatMap((b) => b.paragraphs.map((para) => para.text))];
  for (const text of texts) {
    const found = visible.indexOf(`\n${text}\n`, at);
    assert.ok(found >= 0, `a paragraph on the page, in order: ${JSON.stringify(text.slice(0, 80))}`);
    at = found + text.length + 1;
  }
}

/** One case: see the header. `make` is the function under test (another for the negative controls). */
export function checkPreview(text: string, make: (doc: KamervraagDocument, graph: QuestionGraph) => Preview = preview): void {
  const doc = parse(text);
  const lines = text.split(/\r\n|\r|\n/);
  const p = make(doc, new QuestionGraph(doc));
  assert.equal(p.questions, doc.questions.length);
  assert.equal(p.unanswered, doc.questions.filter((q) => !q.hasAnswer).length);
  assert.equal(p.title?.text ?? null, doc.title && trimSpaces(doc.title.text) !== '' ? trimSpaces(lines[doc.title.range.start.line]!) : null);
  const blocks = p.blocks.filter((b) => b.kind !== 'mededeling');
  assert.equal(blocks.length, 2 * doc.questions.length, 'a question and its answer for each question block');
  doc.questions.forEach((q, i) => {
    const [question, answer] = [blocks[2 * i]!, blocks[2 * i + 1]!];
    assert.deepEqual([question.kind, question.question, answer.kind, answer.question], ['question', i, 'answer', i]);
    const expected: [number, string][] = [];
    // A question written on its heading's line (`• Vraag 4: Wat …?`) has its first paragraph there.
    const onHeading = QUESTION_ON_HEADING.exec(trimSpaces(lines[q.headingRange.start.line]!))?.[1];
    if (onHeading) expected.push([q.headingRange.start.line, trimSpaces(onHeading)]);
    for (let l = q.headingRange.start.line + 1; l <= q.range.end.line; l++) if (trimSpaces(lines[l]!) !== '') expected.push([l, trimSpaces(lines[l]!)]);
    const got = [...question.paragraphs, ...answer.paragraphs].map((para): [number, string] => [para.line, para.text]);
    assert.deepEqual(got, expected, `the lines of question block ${i}`);
  });
  checkPreviewPage(p);
  // The lines of the page's elements, in its order, only go up (the page finds an element by its line).
  const order = [...(p.title ? [p.title.line] : []), ...p.metadata.map((f) => f.line), ...p.blocks.flatMap((b) => [b.line, ...b.paragraphs.map((para) => para.line)])];
  order.forEach((line, i) => assert.ok(i === 0 || order[i - 1]! <= line, `the lines in the page's order go up: ${order.slice(Math.max(0, i - 3), i + 1).join(', ')}`));
  const numbers = doc.questions.map((q) => q.number);
  for (const b of p.blocks) {
    for (const para of b.paragraphs) {
      if (b.kind === 'mededeling') assert.equal(para.text, trimSpaces(lines[para.line]!), 'a Mededeling\'s line');
      let end = 0;
      for (const link of para.links) {
        assert.ok(link.start >= end && link.start < link.end && link.end <= para.text.length, `a link inside its paragraph: ${JSON.stringify(link)}`);
        end = link.end;
        const digits = para.text.slice(link.start, link.end);
        assert.match(digits, /^\d+$/);
        assert.equal(numbers.indexOf(Number(digits)), link.question, `the first question numbered ${digits}`);
      }
      // A footnote marker: one or two digits (a list of them), glued to what comes before, never in a link.
      end = 0;
      for (const f of para.footnotes) {
        assert.ok(f.start >= end && f.start < f.end && f.end <= para.text.length, `a footnote marker inside its paragraph: ${JSON.stringify(f)}`);
        end = f.end;
        assert.match(para.text.slice(f.start, f.end), /^\d{1,2}(?:,[ \u00a0]?\d{1,2})*$/);
        assert.ok(f.start > 0 && !/\s/.test(para.text[f.start - 1]!), 'glued to the text before it');
        assert.ok(para.links.every((l) => l.end <= f.start || f.end <= l.start), 'no marker over a link');
      }
    }
  }
}

const bases = examples();

export const previewProperties: NamedProperty[] = [
  {
    name: 'preview',
    description: 'the preview on generated, mutated and hostile documents: every line of every question block, in order, trimmed, and links over the digits of a question the document has',
    property: fc.property(fc.oneof(kamervraagDocument(true), mutatedExample(bases).map((m) => m.text), hostileDocument), (text) => checkPreview(text)),
  },
];
