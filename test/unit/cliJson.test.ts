/**
 * The JSON of `kamervraag check --format json` and `kamervraag parse` as a person reads it: 1-based
 * `line`/`column` beside the 0-based LSP `range`, footnote markers out of the texts and listed, and no
 * document's own zaaknummer among its references to other documents. Also `kamervraag rules`.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core';
import { EXAMPLES, fixture, ROOT, run } from '../support/cli';

interface Footnote { marker: string; numbers: number[]; part: string; line: number; column: number; range: { start: { line: number; character: number }; end: { line: number; character: number } } }

const parseJson = (file: string) => JSON.parse(run(['parse', `${EXAMPLES}/${file}`]).out);
const lines = (file: string) => fs.readFileSync(path.join(ROOT, EXAMPLES, file), 'utf8').split('\n');

describe('kamervraag check --format json: positions', () => {
  it('line and column are 1-based, as in the text output; range is the LSP range', () => {
    const file = fixture('days-wrong.kvr');
    const [result] = JSON.parse(run(['check', '--format', 'json', file]).out);
    const d = result.diagnostics[0];
    assert.deepEqual(d.range.start, { line: 5, character: 31 });
    assert.deepEqual([d.line, d.column], [6, 32]);
    assert.match(run(['check', file]).out, /:6:32 warning days-wrong /);
    assert.deepEqual([d.related[0].line, d.related[0].column], [d.related[0].range.start.line + 1, d.related[0].range.start.character + 1]);
  });
});

describe('kamervraag parse: footnotes and positions', () => {
  it('footnote markers are out of the question and answer texts and listed with their place', () => {
    const doc = parseJson('2014Z19222.txt');
    const text = lines('2014Z19222.txt');
    const q1 = doc.questions[0];
    assert.match(q1.question, /om mensenhandel aan te pakken\?$/);
    assert.deepEqual(q1.footnotes.map((f: Footnote) => [f.marker, f.numbers, f.part, f.line, f.column]), [['1', [1], 'question', 13, 97]]);
    assert.equal(text[q1.footnotes[0].line - 1]!.slice(q1.footnotes[0].column - 1, q1.footnotes[0].column), '1');
    const q5 = doc.questions[4];
    assert.match(q5.answer, /bij brief van 2\s+juli\s+2014\. Voor het overige/);
    assert.deepEqual(q5.footnotes.map((f: Footnote) => [f.marker, f.part, f.line]), [['2', 'answer', 40]]);
    const f = q5.footnotes[0] as Footnote;
    assert.equal(text[f.range.start.line]!.slice(f.range.start.character, f.range.end.character), '2');
    // Every other question: no marker, the text as written.
    for (const q of doc.questions.filter((x: { number: number }) => x.number !== 1 && x.number !== 5)) assert.deepEqual(q.footnotes, []);
    assert.deepEqual([q1.line, q1.column], [q1.range.start.line + 1, q1.range.start.character + 1]);
  });

  it('the other examples: «…»?1 and «…»2? lose their marker', () => {
    assert.match(parseJson('2024Z16988.txt').questions[0].question, /zeggenonderzoekers»\?$/);
    const q = parseJson('2024Z18439.txt').questions.find((x: { footnotes: Footnote[] }) => x.footnotes.length > 0);
    assert.match(q.question, /ggz»\?/);
    assert.deepEqual(q.footnotes.map((f: Footnote) => [f.marker, f.line]), [['2', 10]]);
  });

  it('the footnotes change nothing the editor sees: the diagnostics and the references stay', () => {
    for (const file of ['2014Z19222.txt', '2024Z16988.txt', '2024Z18439.txt']) {
      const text = fs.readFileSync(path.join(ROOT, EXAMPLES, file), 'utf8');
      const doc = JSON.parse(run(['parse', `${EXAMPLES}/${file}`]).out);
      assert.deepEqual(doc.questions.map((q: { references: number[] }) => q.references), analyze(text).document.questions.map((q) => q.references.flatMap((r) => r.numbers)));
    }
  });

  it('a document\'s own zaaknummer is not a reference to another document', () => {
    const doc = parseJson('2024Z16988.txt');
    assert.equal(doc.zaaknummer, '2024Z16988');
    assert.match(doc.mededelingen[0].text, /\(2024Z16988\)/);
    assert.deepEqual(doc.externalReferences, []);
    // Another document's zaaknummer still is one, with its place.
    const other = run(['parse', '-'], fs.readFileSync(path.join(ROOT, EXAMPLES, '2024Z16988.txt'), 'utf8').replace('(2024Z16988)', '(2024Z16989)'));
    const refs = JSON.parse(other.out).externalReferences;
    assert.deepEqual(refs.map((e: { kind: string; text: string; line: number }) => [e.kind, e.text, e.line]), [['zaaknummer', '2024Z16989', 28]]);
    assert.equal(refs[0].column, refs[0].range.start.character + 1);
    assert.equal(refs[0].url, null, 'a zaaknummer has no publication address');
    // A Kamerstuk and an Aanhangsel with their numbers have one.
    const cited = run(['parse', '-'], fs.readFileSync(path.join(ROOT, EXAMPLES, '2024Z16988.txt'), 'utf8').replace('(2024Z16988)', '(Kamerstuk 25 424, nr. 650; Aanhangsel Handelingen II 2023/24, nr. 1715)'));
    assert.deepEqual(JSON.parse(cited.out).externalReferences.map((e: { kind: string; url: string | null }) => [e.kind, e.url]), [
      ['kamerstuk', 'https://zoek.officielebekendmakingen.nl/kst-25424-650.html'],
      ['aanhangsel', 'https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1715.html'],
    ]);
  });
});

describe('kamervraag rules', () => {
  it('each rule says what is wrong, in English and Dutch', () => {
    const en = run(['rules']);
    assert.equal(en.code, 0);
    assert.match(en.out, /^zaaknummer-mismatch\s+error\s+The zaaknummers of header, Bron vraag and footer differ\.$/m);
    assert.match(en.out, /^malformed-heading\s+warning\s+A question heading is not written ` • Vraag N`\.$/m);
    assert.match(en.out, /^title-missing\s+warning\s+The title is missing\.$/m);
    assert.match(run(['rules', '--lang', 'nl']).out, /^zaaknummer-mismatch\s+error\s+De zaaknummers van kopregel, Bron vraag en voettekst verschillen\.$/m);
    // None reads as the correct state ("… agree", "… must be …", "… stands …").
    for (const line of en.out.trim().split('\n')) assert.doesNotMatch(line, /\b(agree|must be|stands?|goes with|repeats)\b/, line);
  });
});
