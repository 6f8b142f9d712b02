/**
 * `doc.blocks` (QuestionTable) keeps the questions and references as rows; the model's objects are made
 * from them. The rows and the objects must tell the same story, and each row must give one object.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, QuestionGraph, type KamervraagDocument } from '../../server/src/core';
import type { QuestionTable } from '../../server/src/core/questionTable';

const examples = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'examples');

/** Two examples, and a document with what the rows must also hold: duplicates, a Mededeling, bad headings. */
const texts: Record<string, string> = {
  '2014Z19222': fs.readFileSync(path.join(examples, '2014Z19222.txt'), 'utf8'),
  '2024Z18294': fs.readFileSync(path.join(examples, '2024Z18294.txt'), 'utf8'),
  odd: [
    'Kamervraag 2024Z00001', '', 'Titel', '',
    ' • Vraag 1', 'Wat? Zie ook vraag 2 t/m 4.', '', 'Zie antwoord vraag 2.',
    ' - vraag 2', 'Waarom?', '', 'Omdat. Zie antwoord vraag 1 en 9.',
    ' • Vraag', 'Zonder nummer.',
    ' • Vraag 2', 'Nog een keer 2.', '', 'Ja, zie antwoord vraag 2.',
    ' • Mededeling - 1 december 2024', 'Zie vraag 3.',
    ' • Vraag 999999999', '',
  ].join('\r\n'),
};

function eachDocument(test: (doc: KamervraagDocument, name: string) => void): void {
  for (const [name, text] of Object.entries(texts)) test(parse(text), name);
}

describe('QuestionTable', () => {
  it('has a row for each question and each reference, in document order', () => {
    eachDocument((doc, name) => {
      const { blocks } = doc;
      assert.equal(blocks.questionCount, doc.questions.length, name);
      assert.equal(blocks.referenceCount, doc.references.length, name);
      assert.ok(blocks.questionCount > 0 && blocks.referenceCount > 0, `${name} has questions and references`);
    });
    assert.equal(parse(texts.odd!).blocks.questionCount, 5);
  });

  it('a question row and its object agree, and the row gives the same object each time', () => {
    eachDocument((doc, name) => {
      const { blocks } = doc;
      for (let i = 0; i < blocks.questionCount; i++) {
        const q = doc.questions[i]!;
        const at = `${name}, question ${i}`;
        assert.equal(blocks.question(i), q, at);
        assert.equal(blocks.indexOf(q), i, at);
        assert.equal(blocks.number(i), q.number, at);
        assert.equal(blocks.malformedHeading(i), q.malformedHeading, at);
        assert.equal(blocks.hasQuestionText(i), q.question.length > 0, at);
        assert.equal(blocks.hasAnswer(i), q.answer.length > 0, at);
        assert.equal(new QuestionGraph(doc).answerIsReferral(i), q.answerIsReferral, at);
        assert.equal(blocks.headingLine(i), q.headingRange.start.line, at);
        // The question's references are the rows between its first and its end, as the same objects.
        const own = doc.references.slice(blocks.firstReference(i), blocks.referencesEnd(i));
        assert.equal(q.references.length, own.length, at);
        q.references.forEach((r, k) => assert.equal(r, own[k], at));
        assert.equal(q.references, q.references, `${at}: the list is made once`);
      }
    });
  });

  it('a reference row and its object agree', () => {
    eachDocument((doc, name) => {
      const { blocks } = doc;
      for (let r = 0; r < blocks.referenceCount; r++) {
        const ref = doc.references[r]!;
        const at = `${name}, reference ${r}`;
        assert.equal(blocks.reference(r), ref, at);
        assert.equal(blocks.referenceLine(r), ref.range.start.line, at);
        assert.equal(blocks.referenceStart(r), ref.range.start.character, at);
        assert.equal(blocks.referenceEnd(r), ref.range.end.character, at);
        assert.equal(blocks.fromQuestion(r), ref.fromQuestion, at);
        assert.equal(blocks.inPart(r), ref.inPart, at);
        assert.equal(blocks.delegates(r), ref.delegates, at);
        assert.deepEqual(Array.from({ length: blocks.targetCount(r) }, (_, k) => blocks.targetNumber(r, k)), ref.numbers, at);
        assert.deepEqual(ref.targets.map((t) => t.number), ref.numbers, at);
      }
    });
  });

  it('a row that does not exist is an error, not an empty object', () => {
    const { blocks } = parse(texts.odd!);
    assert.throws(() => blocks.question(5), RangeError);
    assert.throws(() => blocks.question(-1), RangeError);
    assert.throws(() => blocks.reference(blocks.referenceCount), RangeError);
  });

  it('the references of a Mededeling are rows too, with the same objects', () => {
    const doc = parse(texts.odd!);
    const [mededeling] = doc.mededelingen;
    assert.deepEqual(mededeling!.references.map((r) => r.numbers), [[3]]);
    assert.equal(mededeling!.references[0], doc.references.find((r) => r.inPart === 'mededeling'));
  });

  it('the question graph finds the first question of a number by its row', () => {
    const doc = parse(texts.odd!);
    const graph = new QuestionGraph(doc);
    assert.equal(graph.indexOf(2), 1, 'the first Vraag 2 is the second block');
    assert.equal(graph.question(2), doc.questions[1]);
    assert.equal(graph.indexOf(3), -1);
    assert.equal(graph.question(999999999), doc.questions[4], 'a sparse number is found too');
    assert.deepEqual(graph.numbers(), [1, 2, 999999999]);
  });

  it('questionsNumbered: every question of a number, in document order, the same objects as the document\'s', () => {
    for (const text of Object.values(texts)) {
      const doc = parse(text!);
      const graph = new QuestionGraph(doc);
      for (const n of [...graph.numbers(), 0, 4, 123456]) {
        assert.deepEqual(graph.questionsNumbered(n), doc.questions.filter((q) => q.number === n), `number ${n}`);
        for (const q of graph.questionsNumbered(n)) assert.ok(doc.questions.includes(q));
      }
    }
    const dup = new QuestionGraph(parse(texts.odd!));
    assert.equal(dup.questionsNumbered(2).length, 2, 'Vraag 2 twice');
  });

  it('is no part of the model\'s content: a walk over the document or JSON passes it by', () => {
    const doc = parse(texts['2014Z19222']!);
    assert.ok(!Object.keys(doc).includes('blocks'));
    const json = JSON.parse(JSON.stringify(doc)) as { questions: unknown[]; blocks?: unknown };
    assert.equal(json.blocks, undefined);
    assert.equal(json.questions.length, 10);
  });

  it('each parse keeps its own rows: the lists the next parse writes in are not the last one\'s', () => {
    // The rows are written in lists kept from parse to parse (`finish`); a table read after later parses,
    // large and small, must still hold its own numbers.
    const rowsOf = (doc: KamervraagDocument) => ({
      questions: Array.from({ length: doc.blocks.questionCount }, (_, i) => [doc.blocks.headingLine(i), doc.blocks.number(i)]),
      references: Array.from({ length: doc.blocks.referenceCount }, (_, r) => [
        doc.blocks.referenceLine(r), doc.blocks.referenceStart(r),
        Array.from({ length: doc.blocks.targetCount(r) }, (_, k) => doc.blocks.targetNumber(r, k)),
      ]),
    });
    const large = Array.from({ length: 3000 }, (_, i) => ` • Vraag ${i + 1}\nZie vraag ${i + 2} en ${i + 3}.\n\nZie antwoord vraag 1 t/m 4.`).join('\n');
    const first = parse(texts['2014Z19222']!);
    const before = rowsOf(first);
    const odd = parse(texts.odd!);
    const oddBefore = rowsOf(odd);
    const big = parse(`Kamervraag 2024Z00002\n\nTitel\n\n${large}\n`);
    parse(texts['2024Z18294']!);
    assert.deepEqual(rowsOf(first), before);
    assert.deepEqual(rowsOf(odd), oddBefore);
    assert.equal(big.blocks.questionCount, 3000);
    assert.deepEqual(rowsOf(big).references.slice(0, 2), [[5, 0, [2, 3]], [7, 0, [1, 2, 3, 4]]]);
    assert.equal(big.blocks.targetNumber(big.blocks.referenceCount - 1, 3), 4);
  });

  it('a finished table takes no more rows: adding one is an error, not a row written nowhere', () => {
    const blocks = parse(texts.odd!).blocks as QuestionTable;
    assert.throws(() => blocks.addQuestion({ headingLine: 1, number: 1, malformed: false, answerLine: -1, endLine: 2, lastTextLine: -1, firstReference: 0 }), /after finish/);
  });
});
