/**
 * A question's text in one line (features/questionText.ts), the same wherever a feature shows it: written
 * over two lines with tabs, runs of spaces and a no-break space, it reads alike in the hover on a
 * reference, the inlay hint after it, the completion after "vraag " and the title of a wrong reference's
 * quick fix.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { completion } from '../../../server/src/features/completion';
import { hover } from '../../../server/src/features/hover';
import { inlayHints } from '../../../server/src/features/inlayHints';
import { oneLine, questionText } from '../../../server/src/features/questionText';
import { context, doc, fixture } from '../../support/features';

const f = fixture(
  doc(
    [
      ' • Vraag 1', '  Hoeveel\tagenten  zijn er?', '  En\u00a0hoeveel   vacatures?', '', '  Er zijn er\t48.000.', '',
      ' • Vraag 2', '  Is dat genoeg?', '', '  Zie antwoord vraag ⟦|⟧1⟦|⟧.', '',
      ' • Vraag 3', '  Wat gaat u doen?', '', '  Zie vraag ⟦|⟧', '',
    ].join('\n'),
  ),
);
const ONE_LINE = 'Hoeveel agenten zijn er? En hoeveel vacatures?';

describe('a question in one line', () => {
  it('oneLine: paragraphs trimmed, joined by a space, every run of white space one space', () => {
    assert.equal(questionText(f.analysis.document.questions[0]!), ONE_LINE);
    assert.equal(oneLine(f.analysis.document.questions[0]!.answer), 'Er zijn er 48.000.');
    assert.equal(oneLine([]), '');
  });

  it('the hover, the inlay hint and the completion show it alike', () => {
    const shown = (hover(f.analysis, f.at(0), context())!.contents as MarkupContent).value;
    assert.ok(shown.includes(`> ${ONE_LINE.replace(/[?.]/g, (c) => (c === '.' ? '\\.' : c))}`), shown);
    assert.ok(shown.includes('Er zijn er 48\\.000\\.'), shown);
    const [hint] = inlayHints(f.analysis, { textDocument: f.document.textDocument, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } } }, context());
    assert.equal(hint!.position.character, f.cursors[1]!.character);
    assert.ok(ONE_LINE.startsWith(String(hint!.label).replace(/…$/, '')), String(hint!.label));
    const item = completion(f.analysis, f.at(2), context())!.items.find((i) => i.label === '1')!;
    assert.ok(ONE_LINE.startsWith(String(item.detail).replace(/…$/, '')), String(item.detail));
    assert.ok(!/\s\s|\t|\u00a0/.test(String(item.detail)), 'no tab, run of spaces or no-break space in the detail');
  });
});
