/** Go to definition, from a fixture with `⟦|⟧` cursors and `⟦…⟧` expected ranges (test/support/features.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LocationLink } from 'vscode-languageserver-types';
import { definition } from '../../../server/src/features/definition';
import { context, doc, fixture, URI } from '../../support/features';

// The answers are the expected targets: A1, A2 and the answer of question 4.
const f = fixture(
  doc(
    [
      ' • Vraag 1', '  V1?', '', '  ⟦A1.⟧', '',
      ' • Vraag ⟦|⟧2', '  V2?', '', '  ⟦A2.⟧', '',
      ' • Vraag 3', '  V3?', '', '  A3.', '',
      ' • Vraag 4', '  V4?', '', '  ⟦Zie het antwoord op de vragen 1 tot en met 3.⟧', '',
      ' • Vraag 5', '  V5?', '', '  Zie mijn antwoord op vraag ⟦|⟧1, ⟦|⟧2 en ⟦|⟧4.',
    ].join('\n'),
  ),
);
const [A1, A2, A4] = f.ranges;

describe('definition', () => {
  it('each number of a list goes to its own answer', () => {
    for (const [cursor, n, answer] of [[1, 1, A1], [2, 2, A2], [3, 4, A4]] as const) {
      const links = definition(f.analysis, f.at(cursor), context({ linkSupport: true })) as LocationLink[];
      assert.deepEqual(links.map((l) => l.targetRange.start.line), [answer!.start.line], `vraag ${n}`);
    }
  });

  it('a heading number goes to its own answer; a client without link support gets Locations', () => {
    assert.deepEqual(definition(f.analysis, f.at(0), context({ linkSupport: false })), [{ uri: URI, range: A2 }]);
  });

  it('nothing where no number stands', () => {
    assert.deepEqual(definition(f.analysis, f.atPosition({ line: 0, character: 0 }), context()), []);
  });
});
