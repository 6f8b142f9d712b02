/** Hover, from a fixture with a `⟦|⟧` cursor (test/support/features.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../../server/src/features/hover';
import { context, doc, fixture } from '../../support/features';

const f = fixture(
  doc(
    [
      ' • Vraag ⟦|⟧1', '  V1?', '', '  A1.', '',
      ' • Vraag 2', '  V2?', '', '  A2.', '',
      ' • Vraag 3', '  V3?', '', '  A3.', '',
      ' • Vraag 4', '  V4?', '', '  Zie het antwoord op de vragen 1 tot ⟦|⟧en met 3.', '',
      ' • Vraag 5', '  V5?', '', '  Zie de antwoorden op de vragen 3 t⟦|⟧/m 7 en vraag ⟦|⟧9.', '',
    ].join('\n'),
  ),
);

describe('hover', () => {
  it('on a range: every question in it, with the start of its answer', () => {
    const h = hover(f.analysis, f.at(1), context({ locale: 'nl' }))!;
    const value = (h.contents as MarkupContent).value;
    assert.deepEqual([...value.matchAll(/\*\*Vraag (\d+)\*\*/g)].map((m) => m[1]), ['1', '2', '3']);
    assert.match(value, /\*\*Antwoord:\*\* A1\\\./);
  });

  it('on a heading number: which answers refer to the question', () => {
    const h = hover(f.analysis, f.at(0), context())!;
    assert.match((h.contents as MarkupContent).value, /4/);
  });

  it('on a range that runs past the last question: the questions there, nothing said of the others', () => {
    const value = (hover(f.analysis, f.at(2), context())!.contents as MarkupContent).value;
    assert.deepEqual([...value.matchAll(/\*\*Question (\d+)\*\*/g)].map((m) => m[1]), ['3', '4', '5']);
    assert.doesNotMatch(value, /\*\*Question [67]\*\*|no question/i);
  });

  it('on a number without a question: no hover (its diagnostic says it)', () => {
    assert.equal(hover(f.analysis, f.at(3), context()), null);
  });
});
