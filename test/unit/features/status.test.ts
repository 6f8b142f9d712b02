/** The `kamervraag/status` request behind the language status item. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { status } from '../../../server/src/features/status';
import { context, example, fixture } from '../../support/features';

describe('status', () => {
  it('counts errors and warnings, not information', () => {
    const f = fixture(example('2014Z19222.txt'));
    const s = status(f.analysis, f.document, context());
    assert.deepEqual(s.diagnostics, { errors: 0, warnings: 0 });
    assert.equal(s.questions, 10);
  });
});
