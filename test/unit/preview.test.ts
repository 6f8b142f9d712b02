/**
 * The preview's model (core/preview.ts, `kamervraag/preview`): the title, the metadata, each question,
 * its answer and each Mededeling in document order with their source lines; the numbers of references
 * as links to the question (or, for "zie antwoord vraag N", its answer); every word of the text, nothing
 * lost and nothing invented but the `Antwoord N` headings.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analysis';
import { parse } from '../../server/src/core/parse';
import { preview } from '../../server/src/core/preview';
import { QuestionGraph } from '../../server/src/core/graph';
import { previewRequest } from '../../server/src/features/preview';
import { context, doc, example, URI } from '../support/features';
import { checkPreview } from '../fuzz/preview';

const previewOf = (text: string) => {
  const d = parse(text);
  return preview(d, new QuestionGraph(d));
};
/** The paragraph's text with its links marked: `[6→answer 5]`. */
const linked = (p: { text: string; links: readonly { start: number; end: number; question: number; to: string }[] }) => {
  let out = '';
  let at = 0;
  for (const l of p.links) {
    out += p.text.slice(at, l.start) + `[${p.text.slice(l.start, l.end)}→${l.to} ${l.question}]`;
    at = l.end;
  }
  return out + p.text.slice(at);
};

describe('the preview', () => {
  it('an answered Kamervraag: title, metadata, then Vraag N and Antwoord N with their lines; links to the answer a reference sends to', () => {
    const text = example('2014Z19222.txt');
    const lines = text.split('\n');
    const p = previewOf(text);
    assert.equal(p.zaaknummer, '2014Z19222');
    assert.deepEqual(p.title && [p.title.text, p.title.line], ['Te weinig capaciteit bij politie en Openbaar Ministerie om mensenhandel aan te pakken', 2]);
    assert.deepEqual(p.metadata.map((f) => f.key), ['Ingediend', 'Beantwoord', 'Indieners', 'Beantwoord door', 'Onderwerpen', 'Bron vraag', 'Bron antwoord']);
    assert.deepEqual(p.metadata[2], { key: 'Indieners', value: 'Michiel van Nispen (SP), Nine Kooiman (SP)', line: 6 });
    assert.deepEqual([p.questions, p.unanswered, p.blocks.length], [10, 0, 20]);
    assert.deepEqual(p.blocks.slice(0, 4).map((b) => [b.kind, b.heading, b.question, b.line]), [
      ['question', 'Vraag 1', 0, 11], ['answer', 'Antwoord 1', 0, 14], ['question', 'Vraag 2', 1, 16], ['answer', 'Antwoord 2', 1, 19],
    ]);
    // Every paragraph is its source line without the indentation.
    for (const b of p.blocks) for (const para of b.paragraphs) assert.equal(para.text, lines[para.line]!.trim());
    const answer3 = p.blocks.find((b) => b.kind === 'answer' && b.question === 2)!;
    assert.deepEqual(answer3.paragraphs.map(linked), ['Zie antwoord vraag [2→answer 1].']);
    const answer5 = p.blocks.find((b) => b.kind === 'answer' && b.question === 4)!;
    assert.match(linked(answer5.paragraphs[0]!), /Voor het overige verwijs ik naar vraag \[9→answer 8\]\.$/);
  });

  it('not answered yet: each Antwoord N empty and counted; a Mededeling between the questions where it stands', () => {
    const p = previewOf(example('2024Z16988.txt'));
    assert.deepEqual([p.questions, p.unanswered], [9, 9]);
    assert.ok(p.blocks.filter((b) => b.kind === 'answer').every((b) => b.paragraphs.length === 0));
    const last = p.blocks.at(-1)!;
    assert.deepEqual([last.kind, last.heading, last.question], ['mededeling', 'Mededeling - 15 november 2024', null]);
    assert.match(last.paragraphs[0]!.text, /^De vragen van de leden Van den Hil/);
    const moved = previewOf(example('2024Z16988.txt').replace(/( • Mededeling - 15 november 2024\n.*\n)/, '').replace(' • Vraag 9\n', (m) => example('2024Z16988.txt').match(/ • Mededeling - 15 november 2024\n.*\n/)![0] + m));
    assert.deepEqual(moved.blocks.slice(-4).map((b) => b.kind), ['answer', 'mededeling', 'question', 'answer']);
  });

  it('links only to questions the document has, the ends of a range not what lies between, and the first of a duplicated number', () => {
    const text = doc([
      ' • Vraag 1', '  Wat is er aan de hand?', '', '  Zie de vragen 2 t/m 4, vraag 7 en vraag 3.',
      ' • Vraag 2', '  En nu?', '', '  Zie antwoord vraag 1.',
      ' • Vraag 3', '  Waarom?', '', '  Zoals bij vraag 2 toegelicht.',
      ' • Vraag 4', '  Hoe?', '',
      ' - vraag 2', '  Nog een?', '',
    ].join('\n'));
    const p = previewOf(text);
    const answers = p.blocks.filter((b) => b.kind === 'answer');
    assert.deepEqual(answers.map((b) => b.paragraphs.map(linked)), [
      ['Zie de vragen [2→answer 1] t/m [4→answer 3], vraag 7 en vraag [3→answer 2].'],
      ['Zie antwoord vraag [1→answer 0].'],
      ['Zoals bij vraag [2→question 1] toegelicht.'],
      [],
      [],
    ]);
    assert.deepEqual(p.blocks.filter((b) => b.kind === 'question').map((b) => b.heading), ['Vraag 1', 'Vraag 2', 'Vraag 3', 'Vraag 4', 'Vraag 2'], 'a malformed heading as the format writes it');
    assert.equal(p.unanswered, 2);
  });

  it('odd text: no header, no title, tabs and wide characters before a reference; never a link outside its paragraph', () => {
    const p = previewOf(' • Vraag 1\n\t😀 Hoe?\n\n\t  😀 Zie antwoord vraag 2.\n • Vraag 2\n  Wat?\n');
    assert.deepEqual([p.zaaknummer, p.title], [null, null]);
    assert.deepEqual(p.blocks[1]!.paragraphs.map(linked), ['😀 Zie antwoord vraag [2→answer 1].']);
    assert.deepEqual(previewOf('').blocks, []);
  });

  it('trims as the format does (found by fuzzing): a zero-width space is a space of the format, a line separator is text', () => {
    const p = previewOf('Kamervraag 2014Z19222\n\nTitel\n\n • Vraag 1\n\u0000\u200b\n\n  \u2028Dit.\u200b \n');
    assert.deepEqual(p.blocks.map((b) => b.paragraphs.map((para) => para.text)), [['\u0000'], ['\u2028Dit.']]);
    checkPreview('Kamervraag 2014Z19222\n\nTitel\n\n • Vraag 99999999999999999999999\n\u0000\u200b');
  });

  it('footnote markers glued to the text are marked (not in the title), never over a link; the text keeps them', () => {
    const marked = (p: { text: string; footnotes: readonly { start: number; end: number }[] }) =>
      p.footnotes.reduceRight((s, f) => `${s.slice(0, f.start)}^(${s.slice(f.start, f.end)})${s.slice(f.end)}`, p.text);
    const p = previewOf(example('2014Z19222.txt'));
    const question1 = p.blocks.find((b) => b.kind === 'question' && b.question === 0)!;
    assert.deepEqual(question1.paragraphs.map(marked), ['Wat is uw reactie op het bericht dat er te weinig capaciteit is om mensenhandel aan te pakken?^(1)']);
    const others = p.blocks.flatMap((b) => b.paragraphs).filter((para) => para.footnotes.length > 0 && para !== question1.paragraphs[0]);
    assert.deepEqual(others.map((para) => marked(para).replace(/\s/g, ' ').match(/\d+ \S+ \d+\^\(\d\)/)?.[0]), ['2 juli 2014^(2)'], 'and the one glued to a year');
    const text = example('2014Z19222.txt')
      .replace('aan te pakken?1\n', 'aan te pakken?1, 2\n  Zie het bericht van 2 juli 20143 en antwoord vraag 2)4 en de «nota»5.\n')
      .replace(/^Te weinig capaciteit(.*)$/m, 'Te weinig capaciteit$1?1');
    const q = previewOf(text);
    assert.deepEqual(q.blocks[0]!.paragraphs.map(marked), [
      'Wat is uw reactie op het bericht dat er te weinig capaciteit is om mensenhandel aan te pakken?^(1, 2)',
      'Zie het bericht van 2 juli 2014^(3) en antwoord vraag 2)^(4) en de «nota»^(5).',
    ]);
    assert.deepEqual(q.blocks[0]!.paragraphs[1]!.links.map((l) => q.blocks[0]!.paragraphs[1]!.text.slice(l.start, l.end)), ['2']);
    assert.deepEqual([q.title!.text.endsWith('?1'), q.title!.footnotes], [true, []], 'the title as written, no marker');
    // Digits glued to letters, or after a space, are text (footnotes.ts).
    assert.deepEqual(previewOf(text.replace('aan te pakken?1, 2', 'MIND3 en 4')).blocks[0]!.paragraphs[0]!.footnotes, []);
  });

  it('kamervraag/preview adds the answer term in the session\'s language', () => {
    const a = analyze(example('2024Z16988.txt'));
    const nl = previewRequest(a, { textDocument: { uri: URI } }, context({ locale: 'nl', clock: () => ({ year: 2024, month: 11, day: 20 }) }));
    assert.deepEqual([nl.state, nl.term], ['uitgesteld', 'Uitstel gemeld op 15 november 2024']);
    const b = analyze(example('2024Z18439.txt'));
    const en = previewRequest(b, { textDocument: { uri: URI } }, context({ locale: 'en', clock: () => ({ year: 2024, month: 11, day: 20 }) }));
    assert.equal(en.state, 'te beantwoorden');
    assert.match(en.term!, /^Answer due by \d+ \w+ 2024 \(\d+ days? left\)$/);
  });
});
