/**
 * A request across documents in the moment between an edit of the document it points into and that
 * document's (debounced) check: it is answered on the text as it is. Lines typed above question 4 of
 * 2024Z16988 move "vraag 4 van … (2024Z16988)" in another document to the new line at once, not after the check.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Hover, LocationLink, MarkupContent } from 'vscode-languageserver-protocol';
import { Client, EXAMPLES, FULL_CAPABILITIES, ROOT, positionOf } from './harness';

const CITED = 'file:///tmp/kamervraag-index-edits/2024Z16988.txt';
const CITING = 'file:///tmp/kamervraag-index-edits/2024Z17000.kvr';
const citedText = readFileSync(path.join(EXAMPLES, '2024Z16988.txt'), 'utf8');
const citingText = readFileSync(path.join(ROOT, 'test', 'fixtures', 'workspace', '2024Z17000.kvr'), 'utf8');
const line = citingText.split('\n').findIndex((l) => l.includes('op vraag 4'));
const AT_4 = positionOf(citingText, line, 'vraag 4', 6);
/** Where question 4's heading of the cited document is (its `Vraag 4`), before the edits. */
const HEADING_4 = citedText.split('\n').findIndex((l) => l.includes('Vraag 4'));

describe('the workspace index between an edit and its check', () => {
  let client: Client;
  before(async () => {
    // The longest wait after an edit (50 ms), so that the requests below come before the check.
    client = await Client.start({ capabilities: FULL_CAPABILITIES, initializationOptions: { today: '2024-11-20', diagnosticDelay: 50 } });
    await client.openAndWait(CITED, citedText);
    await client.openAndWait(CITING, citingText);
  });
  after(() => client.kill());

  const definition = async () => (await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: CITING }, position: AT_4 }))[0];

  it('go to definition lands on question 4 where it is now', async () => {
    assert.equal((await definition())?.targetRange.start.line, HEADING_4);
    for (let version = 2; version <= 4; version++) {
      // Two lines typed just after the header, and the definition asked for before the check can run.
      void client.change(CITED, version, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n\n' }]);
      const target = await definition();
      assert.equal(target?.targetUri, CITED);
      assert.equal(target?.targetRange.start.line, HEADING_4 + 2 * (version - 1), `after edit ${version - 1}`);
    }
  });

  it('the hover shows the question as it is typed', async () => {
    const question4 = citedText.split('\n').findIndex((l, i) => i > HEADING_4 && l.trim() !== '');
    const at = { line: question4 + 6, character: 0 };
    void client.change(CITED, 5, [{ range: { start: at, end: at }, text: 'Nieuw begin: ' }]);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: CITING }, position: AT_4 });
    assert.match((hover.contents as MarkupContent).value, /> Vraag 4: Nieuw begin: /);
  });
});
