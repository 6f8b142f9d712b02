/**
 * The answer document (*Copy as Answer Document*, core/answerDocument.ts) under fuzzing: on generated,
 * mutated and hostile documents, every word of every question block's lines (after its heading, to the
 * block's end) is in the copy, and nothing else but the title and the labels `Vraag N` and `Antwoord N`,
 * two for each question; every line of the copy is one of those or a line of the text, trimmed, in the
 * document's order. The oracle reads the text's own lines, not the model's paragraphs.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { answerDocument } from '../../server/src/core/answerDocument';
import { trimSpaces } from '../../server/src/core/lines';
import { parse } from '../../server/src/core/parse';
import { hostileDocument, kamervraagDocument, mutatedExample } from './arbitraries';
import { missing, words } from './editText';
import { examples } from './harness';
import type { NamedProperty } from './properties';

/** The text on a question heading's own line: after `Vraag N` and a colon or full stop with a space. */
export const QUESTION_ON_HEADING = /^\P{L}*vraag\s*\d+\s*[:.]\s+(\S.*)$/iu;

/** One case: see the header. `make` is the function under test (another for the negative controls). */
export function checkAnswerDocument(text: string, make: typeof answerDocument = answerDocument): void {
  const doc = parse(text);
  const lines = text.split(/\r\n|\r|\n/);
  const { text: copy, questions, unanswered } = make(doc);
  assert.equal(questions, doc.questions.length);
  assert.equal(unanswered, doc.questions.filter((q) => !q.hasAnswer).length);
  const expected: string[] = doc.title && trimSpaces(doc.title.text) !== '' ? words(doc.title.text) : [];
  const bodyLines: string[] = [];
  for (const q of doc.questions) {
    const label = q.number === null ? [] : [String(q.number)];
    expected.push('Vraag', ...label, 'Antwoord', ...label);
    // A question written on its heading's line, after the number and a colon or full stop (`• Vraag 4: Wat …?`).
    const onHeading = QUESTION_ON_HEADING.exec(trimSpaces(lines[q.headingRange.start.line]!))?.[1];
    if (onHeading) {
      expected.push(...words(onHeading));
      bodyLines.push(trimSpaces(onHeading));
    }
    for (let l = q.headingRange.start.line + 1; l <= q.range.end.line; l++) {
      const line = trimSpaces(lines[l]!);
      if (line === '') continue;
      expected.push(...words(line));
      bodyLines.push(line);
    }
  }
  const got = words(copy);
  assert.deepEqual(missing(expected, got), [], 'words of the questions and answers lost');
  assert.deepEqual(missing(got, expected), [], 'words the document does not have');
  // The lines of the text, in its order, among the title and the labels.
  const copied = copy.split('\n').map(trimSpaces).filter((l) => l !== '' && !/^(?:Vraag|Antwoord)(?: \d+)?$/.test(l));
  const inOrder = copied.filter((l) => l !== (doc.title ? trimSpaces(doc.title.text) : undefined));
  let at = 0;
  for (const line of inOrder) {
    const found = bodyLines.indexOf(line, at);
    assert.ok(found >= 0, `a line not in the text's order: ${JSON.stringify(line)}`);
    at = found + 1;
  }
}

const bases = examples();

export const answerDocumentProperties: NamedProperty[] = [
  {
    name: 'answer-document',
    description: 'Copy as Answer Document on generated, mutated and hostile documents: every word of the questions and answers, in order, and only the title and labels besides',
    property: fc.property(fc.oneof(kamervraagDocument(true), mutatedExample(bases).map((m) => m.text), hostileDocument), (text) => checkAnswerDocument(text)),
  },
];
