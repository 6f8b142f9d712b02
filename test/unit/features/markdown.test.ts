/** The Markdown helpers of hover and completion. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { marked } from 'marked';
import { escapeMarkdown, forClient, markdownToPlainText, truncate } from '../../../server/src/features/markdown';
import { analyze } from '../../../server/src/core/analysis';
import { DOCUMENT_FEATURES } from '../../../server/src/features/index';
import { DEFAULT_CONTEXT, featureContext } from '../../../server/src/features/context';
import { withClientCapabilities } from '../../../server/src/features/capabilities';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

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
  it('plain text for a client without Markdown: any text escaped comes back as written; bold, emphasis and links as a reader sees them', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => {
      assert.equal(markdownToPlainText(escapeMarkdown(text)), text);
    }), { numRuns: 3000 });
    assert.equal(markdownToPlainText(`**Vraag 2**\n\n> ${escapeMarkdown('Welke (OM) aanpak?')}\n\n_${escapeMarkdown('Nog niet beantwoord.')}_`), 'Vraag 2\n\n> Welke (OM) aanpak?\n\nNog niet beantwoord.');
    assert.equal(markdownToPlainText('[2024Z16988](file:///w/a.txt) en [kv-tk-1](https://zoek.officielebekendmakingen.nl/kv-tk-1.html)'), '2024Z16988 en kv-tk-1 (https://zoek.officielebekendmakingen.nl/kv-tk-1.html)');
    assert.deepEqual(forClient({ kind: 'markdown', value: '**a**' }, true), { kind: 'markdown', value: '**a**' });
    assert.deepEqual(forClient({ kind: 'markdown', value: '**a\\.**' }, false), { kind: 'plaintext', value: 'a.' });
  });
  it('Markdown unless the client lists the formats it takes without it (hover contentFormat, completion documentationFormat)', () => {
    const read = (hover: unknown, documentation: unknown) => withClientCapabilities(DEFAULT_CONTEXT, {
      textDocument: { hover: { contentFormat: hover as never }, completion: { completionItem: { documentationFormat: documentation as never } } },
    }).markdown;
    assert.deepEqual(read(['plaintext'], ['plaintext']), { hover: false, documentation: false });
    assert.deepEqual(read(['markdown', 'plaintext'], undefined), { hover: true, documentation: true });
    assert.deepEqual(read(['plaintext', 'markdown'], []), { hover: true, documentation: false });
    assert.deepEqual(withClientCapabilities(DEFAULT_CONTEXT, {}).markdown, { hover: true, documentation: true });
  });
  it('every hover of a real document in plain text for a client whose contentFormat lacks markdown: no markup, no escapes', () => {
    const text = readFileSync(path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'examples', '2014Z19222.txt'), 'utf8');
    const analysis = analyze(text);
    const plain = featureContext({ markdown: { hover: false, documentation: false } });
    let hovers = 0;
    text.split('\n').forEach((line, l) => {
      for (let c = 0; c < line.length; c += 3) {
        const params = { textDocument: { uri: 'file:///a.kvr' }, position: { line: l, character: c } };
        const markdown = DOCUMENT_FEATURES.hover.run(analysis, params, featureContext()) as Hover | null;
        const shown = DOCUMENT_FEATURES.hover.run(analysis, params, plain) as Hover | null;
        if (!markdown) continue;
        hovers++;
        const contents = shown!.contents as MarkupContent;
        assert.equal(contents.kind, 'plaintext');
        assert.equal(contents.value, markdownToPlainText((markdown.contents as MarkupContent).value));
        assert.doesNotMatch(contents.value, /\*\*|\\[.()]/, contents.value);
      }
    });
    assert.ok(hovers > 50, `${hovers} hovers`);
  });
  it('truncates at a word boundary, never inside a surrogate pair', () => {
    assert.equal(truncate('kort', 10), 'kort');
    assert.equal(truncate('een twee drie vier vijf', 12), 'een twee…');
    const astral = 'a'.repeat(9) + '😀' + 'b';
    assert.equal(truncate(astral, 10), 'a'.repeat(9) + '…');
  });
});
