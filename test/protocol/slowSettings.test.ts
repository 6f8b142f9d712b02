/**
 * A request that waits for its document's settings (right after didOpen, or after a change of settings,
 * while the client takes its time to answer `workspace/configuration`) and a change of the document
 * meanwhile: the answer was asked for the old text, so the server answers ContentModified rather than a
 * rename or an outline of the new one. Without a change it answers as usual.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { Client, FULL_CAPABILITIES } from './harness';

const URI = 'file:///tmp/kamervraag-slow-settings/2024Z10000.kvr';
const TEXT = 'Kamervraag 2024Z10000\n\nTitel\n\nIngediend 1 november 2024\nIndiener Jansen (D66)\n • Vraag 1\n  Een?\n • Vraag 2\n  Twee? Zie vraag 1.\n';
/** The `2` of ` • Vraag 2`. */
const AT_2 = { line: 8, character: ' • Vraag '.length };
/** Two lines typed above the questions: at `AT_2` the new text has ` • Vraag 1`. */
const TYPED = { range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: 'Onderwerpen zorg\nBron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z10000.html\n' };
const CONTENT_MODIFIED = -32801;

describe('a request waiting for its settings while the document changes', () => {
  let client: Client;
  /** Answers of `workspace/configuration` held back until released. */
  const held: Array<() => void> = [];
  const release = () => {
    for (const r of held.splice(0)) r();
  };
  before(async () => {
    client = new Client();
    client.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) =>
      new Promise((resolve) => held.push(() => resolve(p.items.map(() => null)))));
    await client.initialize({
      capabilities: { ...FULL_CAPABILITIES, workspace: { configuration: true } },
      initializationOptions: { today: '2024-12-01' },
    });
  });
  after(() => client.kill());

  /** Waits until the server asks for settings (and holds the answer). */
  async function asked(): Promise<void> {
    for (let i = 0; i < 200 && held.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.ok(held.length > 0, 'the server asks for the settings');
  }

  it('a rename asked on the opened text, the text changed before the settings came: ContentModified, not a rename of another question', async () => {
    await client.open(URI, TEXT, 1);
    await asked();
    const rename = client.request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri: URI }, position: AT_2, newName: '7' });
    const outline = client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    await client.change(URI, 2, [TYPED]);
    release();
    await assert.rejects(rename, (e: { code?: number }) => e.code === CONTENT_MODIFIED);
    await assert.rejects(outline, (e: { code?: number }) => e.code === CONTENT_MODIFIED);
    // Asked again on the new text, it is answered there.
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.ok(symbols.length > 0);
    await client.close(URI);
  });

  it('without a change meanwhile, the request waits for the settings and is answered on its text', async () => {
    await client.open(URI, TEXT, 1);
    await asked();
    const rename = client.request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri: URI }, position: AT_2, newName: '7' });
    release();
    const edit = await rename;
    // Question 2's heading (line 8), and nothing else: "Zie vraag 1" names question 1.
    assert.deepEqual(edit?.changes?.[URI]?.map((e) => [e.range.start.line, e.newText]), [[8, '7']]);
    await client.close(URI);
  });

  it('after a change of settings, a request on the old text is ContentModified too', async () => {
    await client.open(URI, TEXT, 1);
    await asked();
    release();
    await client.request('textDocument/documentSymbol', { textDocument: { uri: URI } });
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await asked();
    const rename = client.request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri: URI }, position: AT_2, newName: '7' });
    await client.change(URI, 2, [TYPED]);
    release();
    await assert.rejects(rename, (e: { code?: number }) => e.code === CONTENT_MODIFIED);
    await client.close(URI);
  });
});
