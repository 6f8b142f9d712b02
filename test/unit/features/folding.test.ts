/** Folding ranges. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldingRanges } from '../../../server/src/features/folding';
import { context, example, fixture } from '../../support/features';

describe('folding ranges', () => {
  it('are sorted, non-empty, and cover every multi-line block', () => {
    const f = fixture(example('2014Z19222.txt'));
    const folds = foldingRanges(f.analysis, f.document, context());
    for (let i = 1; i < folds.length; i++) assert.ok(folds[i - 1]!.startLine <= folds[i]!.startLine);
    for (const fold of folds) assert.ok(fold.endLine > fold.startLine);
    for (const q of f.analysis.document.questions) {
      assert.ok(folds.some((fold) => fold.startLine === q.range.start.line && fold.endLine === q.range.end.line));
    }
  });
});
