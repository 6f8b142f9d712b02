/** Find references and document highlights, from a fixture with `⟦|⟧` cursors and `⟦…⟧` expected ranges. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { documentHighlights, references } from '../../../server/src/features/references';
import { context, doc, fixture } from '../../support/features';

// Question 2 is only named inside the range "1 tot en met 3" and in the list: those are its references.
const f = fixture(
  doc(
    [
      ' • Vraag ⟦|⟧1', '  V1?', '', '  A1.', '',
      ' • Vraag ⟦|⟧2', '  V2?', '', '  A2.', '',
      ' • Vraag 3', '  V3?', '', '  A3.', '',
      ' • Vraag 4', '  V4?', '', '  Zie het antwoord op de vragen ⟦1 tot en met 3⟧.', '',
      ' • Vraag 5', '  V5?', '', '  Zie mijn antwoord op vraag 1, ⟦2⟧ en 4.',
    ].join('\n'),
  ),
);
const heading = f.cursors[0]!.line;
const [rangeMention, listMention] = f.ranges;
const rangeLine = rangeMention!.start.line;
const listLine = listMention!.start.line;

describe('references and highlights', () => {
  it('references of question 1: both mentions', () => {
    const refs = references(f.analysis, { ...f.at(0), context: { includeDeclaration: false } }, context());
    assert.deepEqual(refs.map((r) => r.range.start.line), [rangeLine, listLine]);
  });

  it('highlights of question 1: the heading as Write, the mentions as Read', () => {
    const highlights = documentHighlights(f.analysis, f.at(0), context());
    assert.deepEqual(highlights.map((h) => [h.range.start.line, h.kind]), [[heading, 3], [rangeLine, 2], [listLine, 2]]);
  });

  it('question 2 is named only inside a range: that range is its reference', () => {
    const refs2 = references(f.analysis, { ...f.at(1), context: { includeDeclaration: false } }, context());
    assert.deepEqual(refs2.map((r) => r.range), f.ranges);
  });

  it('with the declaration: the heading number first', () => {
    const refs = references(f.analysis, { ...f.at(1), context: { includeDeclaration: true } }, context());
    assert.deepEqual(refs.map((r) => r.range.start.line), [f.cursors[1]!.line, rangeLine, listLine]);
  });
});
