/**
 * The answer document (*Copy as Answer Document*): the title, `Vraag N` and its text, `Antwoord N` and its
 * answer, a blank line between; and negative controls for its fuzz oracle (test/fuzz/answerDocument.ts):
 * a copy that drops a line, adds a word or changes the order fails it.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { answerDocument } from '../../server/src/core/answerDocument';
import { parse } from '../../server/src/core/parse';
import { answerDocumentRequest } from '../../server/src/features/answerDocument';
import { checkAnswerDocument } from '../fuzz/answerDocument';
import { context, example, fixture, URI } from '../support/features';

describe('the answer document', () => {
  it('an answered Kamervraag: the title, then Vraag N with its text and Antwoord N with its answer', () => {
    const copy = answerDocument(parse(example('2014Z19222.txt')));
    assert.deepEqual([copy.questions, copy.unanswered], [10, 0]);
    const lines = copy.text.split('\n');
    assert.equal(lines[0], 'Te weinig capaciteit bij politie en Openbaar Ministerie om mensenhandel aan te pakken');
    assert.deepEqual(lines.slice(1, 4), ['', 'Vraag 1', 'Wat is uw reactie op het bericht dat er te weinig capaciteit is om mensenhandel aan te pakken?1']);
    assert.equal(lines[4], '');
    assert.equal(lines[5], 'Antwoord 1');
    assert.match(lines[6]!, /^Er is een verdubbeling/);
    assert.ok(copy.text.includes('\n\nVraag 8\nKlopt het dat'), 'a blank line between blocks');
    assert.ok(copy.text.includes('Antwoord 8\nZie antwoord vraag 6.\n'));
    assert.ok(!/^ /m.test(copy.text), 'no indentation');
    assert.ok(copy.text.endsWith('\n') && !copy.text.endsWith('\n\n'));
  });

  it('not answered yet: every Antwoord N empty, counted; a Mededeling is no part of it', () => {
    const copy = answerDocument(parse(example('2024Z16988.txt')));
    assert.deepEqual([copy.questions, copy.unanswered], [9, 9]);
    assert.ok(copy.text.includes('\n\nAntwoord 1\n\nVraag 2\n'));
    assert.ok(!copy.text.includes('Mededeling') && !copy.text.includes('tot mijn spijt'));
  });

  it("over the protocol's request: in the line ends of the document", () => {
    const f = fixture(example('2024Z18294.txt').replace(/\n/g, '\r\n'));
    const copy = answerDocumentRequest(f.analysis, { textDocument: { uri: URI } }, context());
    assert.ok(copy.text.includes('\r\n\r\nVraag 2\r\n'));
    assert.ok(!/[^\r]\n/.test(copy.text));
  });

  it('its fuzz oracle fails a copy that drops a line, adds a word, or changes the order', () => {
    const text = example('2014Z19222.txt');
    assert.doesNotThrow(() => checkAnswerDocument(text));
    const edited = (change: (t: string) => string) => (doc: Parameters<typeof answerDocument>[0]) => {
      const real = answerDocument(doc);
      return { ...real, text: change(real.text) };
    };
    assert.throws(() => checkAnswerDocument(text, edited((t) => t.replace(/\nZie antwoord vraag 6\.\n/, '\n'))), /lost/);
    assert.throws(() => checkAnswerDocument(text, edited((t) => t.replace('Antwoord 1\n', 'Antwoord 1\nConcept.\n'))), /does not have/);
    assert.throws(() => checkAnswerDocument(text, edited((t) => t.replace(/(Vraag 1\n)([^\n]*)\n\n(Antwoord 1\n)([^\n]*)/, '$1$4\n\n$3$2'))), /order/);
  });

  it('trims as the format does (found by fuzzing the preview): a zero-width space goes, a line separator stays', () => {
    const text = 'Kamervraag 2014Z19222\n\nTitel\n\n • Vraag 1\n\u0000\u200b\n\n  \u2028Dit.\u200b \n';
    assert.equal(answerDocument(parse(text)).text, 'Titel\n\nVraag 1\n\u0000\n\nAntwoord 1\n\u2028Dit.\n');
    checkAnswerDocument(text);
  });
});
