/** Which `didChange` content changes the server applies (service/documentSync.ts); the rest put a document out of sync. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isApplicable } from '../../server/src/service/documentSync';

describe('isApplicable', () => {
  it('takes the whole text or a range of two positions, nothing else', () => {
    const at = (line: unknown, character: unknown) => ({ line, character });
    assert.ok(isApplicable({ text: 'x' }));
    assert.ok(isApplicable({ range: { start: at(0, 0), end: at(3, 1) }, text: '' }));
    // Past the end of the text, or reversed: the text library takes these to the text, as the protocol allows.
    assert.ok(isApplicable({ range: { start: at(99, 0), end: at(1, 0) }, text: '' }));
    for (const wrong of [null, 'x', { text: 3 }, { range: null, text: '' }, { range: { start: at('a', 0), end: at(0, 0) }, text: '' },
      { range: { start: at(0, 0) }, text: '' }, { range: { start: at(-1, 0), end: at(0, 0) }, text: '' }, { range: { start: at(0, 0.5), end: at(0, 1) }, text: '' }]) {
      assert.equal(isApplicable(wrong), false, JSON.stringify(wrong));
    }
  });
});
