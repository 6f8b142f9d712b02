/** Rename (renumber) a question over the wire: prepareRename and rename, and the refusals; rename of the document's zaaknummer. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseError, type Range, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { Client, EXAMPLES, FIXTURES, fixture, lineOf, positionOf } from './harness';

const REQUEST_FAILED = -32803;

async function failure(p: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof ResponseError);
    return err;
  }
  assert.fail('expected an error');
}

describe('rename a question number', () => {
  let client: Client;
  before(async () => {
    client = await Client.start();
  });
  after(() => client.kill());

  it('from a reference: the heading and every written reference change; a taken number is refused', async () => {
    const { uri, text } = fixture(EXAMPLES, '2014Z19222.txt');
    await client.openAndWait(uri, text);
    const ref = positionOf(text, lineOf(text, 'Zie antwoord vraag 6'), '6');
    const prepared = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position: ref });
    assert.deepEqual(prepared, { range: { start: ref, end: { line: ref.line, character: ref.character + 1 } }, placeholder: '6' });
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: ref, newName: '11' });
    const heading = positionOf(text, lineOf(text, '• Vraag 6'), '6');
    assert.deepEqual(edit.changes![uri], [
      { range: { start: heading, end: { line: heading.line, character: heading.character + 1 } }, newText: '11' },
      { range: { start: ref, end: { line: ref.line, character: ref.character + 1 } }, newText: '11' },
    ]);
    const taken = await failure(client.request('textDocument/rename', { textDocument: { uri }, position: heading, newName: '5' }));
    assert.equal(taken.code, REQUEST_FAILED);
    assert.equal(taken.message, 'There is already a question 5.');
    const notNumber = await failure(client.request('textDocument/rename', { textDocument: { uri }, position: heading, newName: 'zes' }));
    assert.match(notNumber.message, /whole number/);
    assert.equal(await client.request('textDocument/prepareRename', { textDocument: { uri }, position: { line: 2, character: 4 } }), null);
    // Renamed where nothing can be (a client that does not ask prepareRename first): refused with a message, not an empty edit.
    const nothing = await failure(client.request('textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 4 }, newName: '5' }));
    assert.equal(nothing.code, REQUEST_FAILED);
    assert.match(nothing.message, /Only a question number .* or the document's zaaknummer can be renamed/);
  });

  it('rename options (prepareProvider) only to a client that states prepareSupport; a plain true to one that does not (LSP 3.17)', async () => {
    assert.equal(client.initializeResult!.capabilities.renameProvider, true, 'the default client states no prepareSupport');
    const asking = await Client.start({ capabilities: { textDocument: { rename: { prepareSupport: true } } } });
    try {
      assert.deepEqual(asking.initializeResult!.capabilities.renameProvider, { prepareProvider: true });
    } finally {
      asking.kill();
    }
  });

  it('the zaaknummer: from the footer, the header, Bron vraag, the Mededeling and the footer change together; no zaaknummer is refused', async () => {
    const { uri, text } = fixture(EXAMPLES, '2024Z16988.txt');
    await client.openAndWait(uri, text);
    const footer = positionOf(text, lineOf(text, 'Kamervraag document nummer'), '2024Z16988');
    const prepared = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position: footer });
    assert.deepEqual(prepared, { range: { start: footer, end: { line: footer.line, character: footer.character + 10 } }, placeholder: '2024Z16988' });
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: footer, newName: '2024Z17000' });
    const lines = edit.changes![uri]!.map((e) => `${text.split('\n')[e.range.start.line]!.slice(0, 12)}: ${e.newText}`);
    assert.deepEqual(lines, ['Kamervraag 2: 2024Z17000', 'Bron vraag h: 2024Z17000', '  De vragen : 2024Z17000', 'Kamervraag d: 2024Z17000']);
    const wrong = await failure(client.request('textDocument/rename', { textDocument: { uri }, position: footer, newName: '2024Z170' }));
    assert.equal(wrong.code, REQUEST_FAILED);
    assert.match(wrong.message, /four digits, Z and five digits/);
  });

  it('a question named inside a range cannot be renumbered; one outside any range can', async () => {
    const { uri, text } = fixture(FIXTURES, 'ranges.kvr');
    await client.openAndWait(uri, text);
    const head2 = positionOf(text, lineOf(text, '• Vraag 2'), '2');
    const err = await failure(client.request('textDocument/prepareRename', { textDocument: { uri }, position: head2 }));
    assert.equal(err.code, REQUEST_FAILED);
    assert.match(err.message, /range \("vragen 1 t\/m 4"\)|range \(".*1 t\/m 4"\)/);
    // the written end "4" of "1 t/m 4" is part of the range too
    const end4 = positionOf(text, lineOf(text, '1 t/m 4'), '4');
    await failure(client.request('textDocument/rename', { textDocument: { uri }, position: end4, newName: '9' }));
    const head6 = positionOf(text, lineOf(text, '• Vraag 6'), '6');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: head6, newName: '7' });
    assert.deepEqual(edit.changes![uri]!.map((e) => [e.range.start.line, e.newText]), [[head6.line, '7']]);
  });
});
