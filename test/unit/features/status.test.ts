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
    assert.equal(s.notAKamervraag, false);
  });

  it('says when the text is no Kamervraag at all, and a Kamervraag without header is still one', () => {
    const notes = fixture('# Notities\n\nTe bespreken: de antwoorden.\n');
    const s = status(notes.analysis, notes.document, context());
    assert.equal(s.notAKamervraag, true);
    assert.deepEqual(s.diagnostics, { errors: 1, warnings: 0 });
    const headless = fixture(example('2014Z19222.txt').replace(/^Kamervraag 2014Z19222\n/, ''));
    assert.equal(status(headless.analysis, headless.document, context()).notAKamervraag, false);
  });
});
