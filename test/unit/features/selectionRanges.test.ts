/** Selection ranges ("expand selection"), from fixtures with a `⟦|⟧` cursor. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Range, SelectionRange } from 'vscode-languageserver-types';
import { rangeContains } from '../../../server/src/core/ranges';
import { selectionRanges } from '../../../server/src/features/selectionRanges';
import { context, fixture } from '../../support/features';

/** The chain of ranges from the innermost outwards. */
function chain(s: SelectionRange | undefined): Range[] {
  const out: Range[] = [];
  for (let r = s; r; r = r.parent) out.push(r.range);
  return out;
}

describe('selection ranges', () => {
  it('from a number of a mention out to the mention, its paragraph, the block and the document', () => {
    const f = fixture(
      ['Kamervraag 2024Z30000', '', 'Titel', '', ' • Vraag 1', '  Wat?', '', '  Zie antwoord vraag ⟦|⟧2.', ' • Vraag 2', '  Hoe?'].join('\n'),
    );
    const doc = f.analysis.document;
    const q = doc.questions[0]!;
    const mention = q.references[0]!;
    const [result] = selectionRanges(f.analysis, { ...f.document, positions: [f.at().position] }, context());
    const ranges = chain(result);
    assert.deepEqual(ranges.slice(0, 4), [mention.targets[0]!.range, mention.range, q.answer[0]!.range, q.range]);
    assert.deepEqual(ranges[ranges.length - 1], { start: { line: 0, character: 0 }, end: doc.questions[1]!.range.end });
    for (let i = 1; i < ranges.length; i++) {
      assert.ok(rangeContains(ranges[i]!, ranges[i - 1]!), 'each range inside the next');
      assert.notDeepEqual(ranges[i], ranges[i - 1], 'none repeated');
    }
  });

  it('one answer per position, in order; outside everything an empty range at the position', () => {
    const f = fixture('Kamervraag ⟦|⟧2024Z30000\n\n\n\n⟦|⟧');
    const result = selectionRanges(f.analysis, { ...f.document, positions: [...f.cursors] }, context());
    assert.equal(result.length, 2);
    assert.deepEqual(result[0]!.range, { start: { line: 0, character: 11 }, end: { line: 0, character: 21 } });
    assert.deepEqual(result[1]!.range.start, f.cursors[1]);
  });
});
