/**
 * A `didChange` the server cannot apply (a range whose line is no number) leaves the server's copy as it
 * was and marks the document out of sync (service/documentSync.ts): one diagnostic says so, and no feature
 * proposes an edit from a text that may differ from the editor's. A change of the whole text, or closing and
 * opening the document, brings it back. (Before, the text library applied such a change at an offset of its
 * own and the server's copy held the document twice.)
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { Client } from './harness';

const TEXT = 'Kamervraag 2024Z12345\n\nTitel\n\n • Vraag 1\n  Waarom?\n';
/** What a broken client sent: the line is no number. */
const BROKEN = [{ range: { start: { line: 'a', character: 0 }, end: { line: 'a', character: 0 } }, text: '' }] as unknown as TextDocumentContentChangeEvent[];
const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => d.code);
const copyOf = (client: Client, uri: string) =>
  client.request<{ text: string; questions: number } | null>('kamervraag/answerDocument', { textDocument: { uri } });

describe('a change the server cannot apply', () => {
  let client: Client;
  before(async () => {
    client = await Client.start({ locale: 'en' });
  });
  after(() => client.kill());

  it('marks the document out of sync: one diagnostic, no edits, the text not doubled', async () => {
    const uri = 'file:///sync/broken.kvr';
    const first = await client.openAndWait(uri, TEXT);
    assert.ok(codes(first).includes('unanswered-document'));
    const lost = client.waitDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, BROKEN);
    const published = await lost;
    assert.deepEqual(codes(published), ['out-of-sync']);
    assert.match(String(published.diagnostics[0]!.message), /^The language server no longer knows the text of this document/);
    assert.equal(await copyOf(client, uri), null);
    assert.equal(await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), null);
    assert.equal(await client.request('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] },
    }), null);
    // A later change with a proper range does not bring it back: the server's text may differ from the editor's.
    const still = client.waitDiagnostics(uri, (p) => p.version === 3);
    await client.change(uri, 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Een ' }]);
    assert.deepEqual(codes(await still), ['out-of-sync']);
  });

  it('the whole text sent again brings it back, as it is sent', async () => {
    const uri = 'file:///sync/broken.kvr';
    const back = client.waitDiagnostics(uri, (p) => p.version === 4);
    await client.change(uri, 4, [{ text: TEXT.replace('Titel', 'Een titel') }]);
    assert.ok(!codes(await back).includes('out-of-sync'));
    const copy = await copyOf(client, uri);
    assert.equal(copy?.questions, 1, 'the text once, not twice');
  });

  it('closing and opening it again brings it back too', async () => {
    const uri = 'file:///sync/reopened.kvr';
    await client.openAndWait(uri, TEXT);
    const lost = client.waitDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, BROKEN);
    assert.deepEqual(codes(await lost), ['out-of-sync']);
    await client.close(uri);
    const reopened = await client.openAndWait(uri, TEXT, 5);
    assert.ok(!codes(reopened).includes('out-of-sync'));
    assert.equal((await copyOf(client, uri))?.questions, 1);
  });

  it('changes that are no list are such a change too (the library skipped them and applied the next ones to the old text)', async () => {
    const uri = 'file:///sync/null-changes.kvr';
    await client.openAndWait(uri, TEXT);
    const lost = client.waitDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, null as unknown as TextDocumentContentChangeEvent[]);
    assert.deepEqual(codes(await lost), ['out-of-sync']);
    assert.equal(await copyOf(client, uri), null);
  });

  it('a Dutch session says it in Dutch', async () => {
    const dutch = await Client.start({ locale: 'nl' });
    try {
      const uri = 'file:///sync/dutch.kvr';
      await dutch.openAndWait(uri, TEXT);
      const lost = dutch.waitDiagnostics(uri, (p) => p.version === 2);
      await dutch.change(uri, 2, BROKEN);
      assert.match(String((await lost).diagnostics[0]!.message), /^De taalserver kent de tekst van dit document niet meer/);
    } finally {
      dutch.kill();
    }
  });
});
