/** The Markdown helpers of hover and completion. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { marked } from 'marked';
import { escapeMarkdown, truncate } from '../../../server/src/features/markdown';

/** `text` as HTML shows it, as marked writes a text. */
const html = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One line of document text as VS Code's hover shows it: rendered by marked 14.0.0 (the version VS Code 1.100 bundles), GitHub's extensions on. */
const rendered = (text: string) => marked.parse(escapeMarkdown(text), { async: false, gfm: true });

describe('markdown helpers', () => {
  it('escapes Markdown specials so text shows as written', () => {
    assert.equal(escapeMarkdown('1. *nadruk* [link](x) <b> _a_ `c` # kop | x ~ !'), '1\\. \\*nadruk\\* \\[link\\]\\(x\\) \\<b\\> \\_a\\_ \\`c\\` \\# kop \\| x \\~ \\!');
    assert.equal(escapeMarkdown('gewone tekst'), 'gewone tekst');
  });
  it('a URL, an e-mail address or www. in the text shows as written, not as a link with backslashes in it', () => {
    for (const text of [
      'Kent u het rapport op https://www.rijksoverheid.nl/documenten/rapporten/2024/10/01/rapport-x.pdf?',
      'Zie www.tweedekamer.nl of mail info@minvws.nl.', 'http://a.nl/b_c_d*e*', '<https://example.org>', 'ftp://x.nl',
      '[2024Z30000](command:workbench.action.quit) ![t](https://example.org/p.png)',
    ]) {
      assert.equal(rendered(text), `<p>${html(text)}</p>\n`, text);
    }
  });
  it('any line of text renders as that text, every character as written (marked, as VS Code renders a hover)', () => {
    const specials = [...'\\`*_{}[]()<>#+-.!|~&:=/@?\'"%$^; 0123456789abcXYZéß'];
    const line = fc.array(fc.oneof(fc.constantFrom(...specials), fc.constantFrom('https://', 'www.', 'a@b.nl', '1. ', '- ', '> ', '## ', '&amp;', '&#39;', '***', '```', '---')), { maxLength: 40 })
      .map((parts) => parts.join('').trim())
      .filter((text) => text !== '');
    fc.assert(fc.property(line, (text) => {
      assert.equal(rendered(text), `<p>${html(text)}</p>\n`);
    }), { numRuns: 3000 });
  });
  it('truncates at a word boundary, never inside a surrogate pair', () => {
    assert.equal(truncate('kort', 10), 'kort');
    assert.equal(truncate('een twee drie vier vijf', 12), 'een twee…');
    const astral = 'a'.repeat(9) + '😀' + 'b';
    assert.equal(truncate(astral, 10), 'a'.repeat(9) + '…');
  });
});
