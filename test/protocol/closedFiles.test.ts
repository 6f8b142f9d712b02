/**
 * `kamervraag.validate.workspace` over the wire: the problems of workspace Kamervragen that are not open
 * are published (a folder's `.kamervraag.json` turns it on for that folder only); a file changed on disk
 * is checked again, a deleted one cleared; an opened document publishes its own (with its version), and
 * closed its file's again, with no empty list between; the editor's setting off clears them all. Fixed clock: 20 November 2024.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { Client, EXAMPLES, FULL_CAPABILITIES } from './harness';

const uriOf = (file: string): string => pathToFileURL(file).href;
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code)).sort();

describe('the problems of the Kamervragen that are not open (kamervraag.validate.workspace)', () => {
  let dir: string;
  let client: Client;
  let editor: Record<string, unknown> = {};
  const files = { a: '', broken: '', b: '' };

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kamervraag-closed-files-'));
    const [a, b] = [path.join(dir, 'a'), path.join(dir, 'b')];
    mkdirSync(a);
    mkdirSync(b);
    // Folder a asks for it in its .kamervraag.json; folder b does not.
    writeFileSync(path.join(a, '.kamervraag.json'), JSON.stringify({ validate: { workspace: true } }));
    files.a = path.join(a, '2024Z18439.txt');
    files.broken = path.join(a, '2014Z19222.txt');
    files.b = path.join(b, '2024Z16988.txt');
    copyFileSync(path.join(EXAMPLES, '2024Z18439.txt'), files.a);
    writeFileSync(files.broken, readFileSync(path.join(EXAMPLES, '2014Z19222.txt'), 'utf8').replace('  Zie antwoord vraag 6.', '  Zie antwoord vraag 16.'));
    copyFileSync(path.join(EXAMPLES, '2024Z16988.txt'), files.b);
    client = new Client();
    client.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((item) => (item.section === 'kamervraag' ? editor : null)));
    await client.initialize({
      capabilities: { ...FULL_CAPABILITIES, workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
      workspaceFolders: [{ uri: uriOf(a), name: 'a' }, { uri: uriOf(b), name: 'b' }],
      initializationOptions: { today: '2024-11-20' },
    });
  });
  after(() => {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a folder whose .kamervraag.json asks for it: its files' problems without opening them; the other folder's not", async () => {
    const broken = await client.waitDiagnostics(uriOf(files.broken), (p) => p.diagnostics.length > 0, 30_000);
    assert.deepEqual(codes(broken), ['late-answer', 'reference-unknown-question']);
    assert.equal(broken.version, undefined, 'a file, not a version of an open document');
    const a = await client.waitDiagnostics(uriOf(files.a), () => true, 30_000);
    assert.deepEqual(codes(a), ['unanswered-document']);
    // Folder b has no such file: a moment later still nothing for its document.
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(client.diagnostics.get(uriOf(files.b)), undefined);
  });

  it('a file changed on disk is checked again; opened it publishes its own; closed, its file again', async () => {
    const uri = uriOf(files.broken);
    const fixed = readFileSync(files.broken, 'utf8').replace('  Zie antwoord vraag 16.', '  Zie antwoord vraag 6.');
    writeFileSync(files.broken, fixed);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    const again = await client.waitDiagnostics(uri, (p) => !codes(p).includes('reference-unknown-question'), 30_000);
    assert.deepEqual(codes(again), ['late-answer']);
    // Opened with an edit not saved: the open document's diagnostics, with its version.
    const waiting = client.nextDiagnostics(uri, (p) => p.version === 1);
    await client.open(uri, fixed.replace('  Zie antwoord vraag 6.', '  Zie antwoord vraag 26.'));
    const opened = await waiting;
    assert.deepEqual(opened.diagnostics.map((d) => String(d.code)).sort(), ['late-answer', 'reference-unknown-question']);
    // Closed without saving: the file's problems, not the edit's, and no empty list before them (the
    // Problems panel would flicker).
    const before = client.diagnostics.get(uri)!.length;
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const closed = await client.waitDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length > 0, 30_000);
    assert.deepEqual(codes(closed), ['late-answer']);
    assert.deepEqual(client.diagnostics.get(uri)!.slice(before).map(codes), [['late-answer']], 'one list after the close: the file\'s');
  });

  it('a deleted file is cleared; the setting off in the editor clears every one', async () => {
    const uri = uriOf(files.a);
    unlinkSync(files.a);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    await client.waitDiagnostics(uri, (p) => p.diagnostics.length === 0, 30_000);
    editor = { validate: { workspace: false } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitDiagnostics(uriOf(files.broken), (p) => p.diagnostics.length === 0, 30_000);
  });
});

describe('a file whose name the editor escapes otherwise than the server (kamervraag.validate.workspace)', () => {
  it('closed again, its problems are the last word for the file under either spelling, not an empty list', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kamervraag-closed-spelling-'));
    writeFileSync(path.join(dir, '.kamervraag.json'), JSON.stringify({ validate: { workspace: true } }));
    const file = path.join(dir, 'Kamervraag (1).kvr');
    copyFileSync(path.join(EXAMPLES, '2024Z18439.txt'), file);
    // Node and Neovim write `(1)`; the server's index (vscode-uri, as VS Code) `%281%29`: one file.
    const editors = uriOf(file);
    assert.ok(editors.endsWith('Kamervraag%20(1).kvr'));
    const indexes = editors.replace('(1)', '%281%29');
    const client = new Client();
    try {
      await client.initialize({
        capabilities: { ...FULL_CAPABILITIES, workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
        workspaceFolders: [{ uri: uriOf(dir), name: 'ws' }],
        initializationOptions: { today: '2024-11-20' },
      });
      assert.deepEqual(codes(await client.waitDiagnostics(indexes, (p) => p.diagnostics.length > 0, 30_000)), ['unanswered-document']);
      const text = readFileSync(file, 'utf8');
      await client.openAndWait(editors, text);
      await client.change(editors, 2, [{ text: text.replace(/^Ingediend .*$/m, 'Ingediend 1 november 2024') }]);
      await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: editors } });
      await client.waitDiagnostics(editors, (p) => p.version === undefined && p.diagnostics.length > 0, 30_000);
      // Whatever comes after it: the last list published for the file (either spelling) holds its problems.
      await new Promise((r) => setTimeout(r, 1500));
      const newest = client.publishedInOrder.filter((p) => p.uri === editors || p.uri === indexes).pop()!;
      assert.deepEqual(codes(newest), ['unanswered-document']);
    } finally {
      client.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
