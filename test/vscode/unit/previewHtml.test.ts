/**
 * The preview's page (client/src/previewHtml.ts, plain Node) from the server's model of real documents:
 * every word of the text is there and escaped, a reference's number links to the section it names, an
 * answer not written stands out (in English and Dutch), each element has its source line; the page
 * allows no script or style but its own. And the page's script is self-contained (it runs in the webview).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/core/analysis';
import { previewRequest } from '../../../server/src/features/preview';
import { featureContext } from '../../../server/src/features/context';
import { anchorOf, escapeHtml, previewBody, previewPage } from '../../../client/src/previewHtml';
import { previewScript } from '../../../client/src/previewScript';
import { english } from '../../../client/src/status';
import { dutch } from './dutch';

const examples = path.resolve(__dirname, '../../../../test/fixtures/examples');
const modelOf = (text: string) =>
  previewRequest(analyze(text), { textDocument: { uri: 'file:///x.kvr' } }, featureContext({ clock: () => ({ year: 2024, month: 11, day: 20 }) }));
/** The text of the page as a reader sees it: links and footnote markers in their words, other tags a space, entities read. */
const visible = (html: string) => html.replace(/<\/?(?:a|sup)\b[^>]*>/g, '').replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

test('an answered Kamervraag: every word of its text on the page, in order, each paragraph with its line; references link to their section', () => {
  const text = fs.readFileSync(path.join(examples, '2014Z19222.txt'), 'utf8');
  const body = previewBody(modelOf(text), english);
  const words = visible(body).split(/\s+/).filter(Boolean);
  // Every line of the title, metadata and blocks (not the header and footer), word by word, in order.
  const lines = text.split('\n');
  const firstFooter = lines.findIndex((l) => l.startsWith('Kamervraag document nummer'));
  let at = 0;
  for (const line of lines.slice(1, firstFooter < 0 ? undefined : firstFooter)) {
    for (const word of line.trim().replace(/^•\s*/, '').split(/\s+/).filter(Boolean)) {
      const found = words.indexOf(word, at);
      assert.ok(found >= 0, `${JSON.stringify(word)} of ${JSON.stringify(line.slice(0, 40))} is on the page after word ${at}`);
      at = found + 1;
    }
  }
  for (const [i, line] of lines.entries()) {
    if (line.startsWith('  ') && line.trim() !== '') assert.ok(body.includes(`<p data-line="${i}">`), `line ${i} has its paragraph`);
  }
  assert.ok(body.includes(`<section class="answer" id="${anchorOf('answer', 2)}" data-line="27"><h2>Antwoord 3</h2>`));
  assert.ok(body.includes(`<p data-line="27">Zie antwoord vraag <a href="#${anchorOf('answer', 1)}">2</a>.</p>`));
  assert.ok(body.includes(`id="${anchorOf('answer', 1)}"`), 'the link has its target');
  assert.ok(body.includes('<dt>Bron vraag</dt><dd><a href="https://zoek.officielebekendmakingen.nl/kv-tk-2014Z19222.html">'));
  assert.ok(!body.includes('class="missing"'));
  // A footnote marker raised, as on paper (its text is not in the document); in Dutch too.
  assert.ok(body.includes('mensenhandel aan te pakken?<sup class="footnote" title="Footnote 1">1</sup></p>'));
  assert.ok(body.includes('2\u00a0juli 2014<sup class="footnote" title="Footnote 2">2</sup>. Voor'));
  assert.equal(body.match(/<sup\b/g)?.length, 2);
  assert.ok(previewBody(modelOf(text), dutch).includes('pakken?<sup class="footnote" title="Voetnoot 1">1</sup></p>'));
});

test('not answered yet: each Antwoord N says so, in the display language; the term stands under the title', () => {
  const model = modelOf(fs.readFileSync(path.join(examples, '2024Z18439.txt'), 'utf8'));
  const en = previewBody(model, english);
  assert.equal(en.match(/<p class="missing">No answer yet<\/p>/g)?.length, 22);
  assert.match(en, /<p class="term ">Answer due by 5 December 2024 \(15 days left\)<\/p>/);
  const nl = previewBody({ ...model, term: 'Termijn verstreken op 5 december 2024 (3 dagen geleden)', state: 'te laat' }, dutch);
  assert.equal(nl.match(/<p class="missing">Nog geen antwoord<\/p>/g)?.length, 22);
  assert.match(nl, /<p class="term late">Termijn verstreken/);
  const empty = previewBody(modelOf('Kamervraag 2024Z00001\n\nTitel\n'), dutch);
  assert.match(empty, /<p class="missing">Deze Kamervraag heeft nog geen vragen\.<\/p>/);
});

test('hostile text is text: markup, quotes and a script in the title, a question, a metadata value and a web address', () => {
  const evil = '<img src=x onerror="alert(1)"> & \'<script>alert(2)</script>';
  const text = [
    'Kamervraag 2024Z00001', '', `Titel ${evil}`, '', 'Ingediend 1 oktober 2024', `Indiener ${evil}`,
    `Bron vraag https://example.org/"><script>alert(3)</script>`, ' • Vraag 1', `  ${evil} zie vraag 1`, '', `  ${evil}`,
  ].join('\n');
  const body = previewBody(modelOf(text), english);
  assert.ok(!/<(img|script)\b/i.test(body), body);
  assert.ok(!/<[^>]*\son\w+=/i.test(body), 'no tag with an event handler');
  assert.equal(visible(body).split(evil).length - 1, 4, 'the text itself, four times, as written');
  assert.equal(escapeHtml(`<>&"'`), '&lt;&gt;&amp;&quot;&#39;');
});

test('the page: a policy that allows only its own style and script; the script uses nothing of the extension host', () => {
  const page = previewPage('<p>x</p>', { nonce: 'abc123', script: `(${previewScript.toString()})();`, title: 'Voorbeeld <1>', line: 41 });
  assert.match(page, /<main id="content" data-start="41" data-cursor="-1">/, 'it opens at the editor\'s line');
  assert.match(previewPage('', { nonce: 'n', script: '', title: '', line: 3, cursor: 7 }), /data-start="3" data-cursor="7"/);
  assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123';">/);
  assert.match(page, /<style nonce="abc123">/);
  assert.match(page, /<script nonce="abc123">\(function previewScript\(\)/);
  assert.match(page, /<title>Voorbeeld &lt;1&gt;<\/title>/);
  assert.match(page, /<html lang="nl">/);
  // Self-contained: run in an empty context with only the webview's globals, it sets up its listeners.
  const listeners: string[] = [];
  const target = { addEventListener: (type: string) => listeners.push(type) };
  const run = new Function('acquireVsCodeApi', 'document', 'window', `(${previewScript.toString()})();`);
  run(() => ({ postMessage() {}, getState: () => undefined, setState() {} }), { ...target, getElementById: () => ({ dataset: { start: '41', cursor: '3' }, querySelectorAll: () => [], querySelector: () => null }) }, target);
  assert.deepEqual(listeners.sort(), ['dblclick', 'message', 'mousedown', 'scroll']);
});
