/** The Markdown helpers of hover and completion. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown, truncate } from '../../../server/src/features/markdown';

describe('markdown helpers', () => {
  it('escapes Markdown specials so text shows as written', () => {
    assert.equal(escapeMarkdown('1. *nadruk* [link](x) <b> _a_ `c` # kop | x ~ !'), '1\\. \\*nadruk\\* \\[link\\]\\(x\\) \\<b\\> \\_a\\_ \\`c\\` \\# kop \\| x \\~ \\!');
    assert.equal(escapeMarkdown('gewone tekst'), 'gewone tekst');
  });
  it('truncates at a word boundary, never inside a surrogate pair', () => {
    assert.equal(truncate('kort', 10), 'kort');
    assert.equal(truncate('een twee drie vier vijf', 12), 'een twee…');
    const astral = 'a'.repeat(9) + '😀' + 'b';
    assert.equal(truncate(astral, 10), 'a'.repeat(9) + '…');
  });
});
