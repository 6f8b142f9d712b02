/**
 * `workspace/symbol` over the wire: the Kamervragen of the workspace folders (by zaaknummer and title,
 * and their questions), kept current through file events, open documents and folder changes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { Client, EXAMPLES, FIXTURES, FULL_CAPABILITIES } from './harness';

const uriOf = (file: string): string => pathToFileURL(file).href;

async function poll(client: Client, query: string, until: (s: SymbolInformation[]) => boolean): Promise<SymbolInformation[]> {
  // A hang guard, not a speed claim: generous for a busy machine.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query });
    if (until(symbols)) return symbols;
    if (Date.now() > deadline) assert.fail(`workspace/symbol "${query}" never matched; last: ${JSON.stringify(symbols.map((s) => s.name))}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const names = (symbols: SymbolInformation[]): string[] => symbols.map((s) => s.name).sort();

describe('workspace/symbol', () => {
  let dir: string;
  let other: string;
  let client: Client;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kamervraag-ws-'));
    other = mkdtempSync(path.join(tmpdir(), 'kamervraag-ws2-'));
    mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
    mkdirSync(path.join(dir, 'node_modules'));
    copyFileSync(path.join(EXAMPLES, '2014Z19222.txt'), path.join(dir, '2014Z19222.txt'));
    copyFileSync(path.join(EXAMPLES, '2024Z18294.txt'), path.join(dir, 'sub', 'deeper', 'antwoord.txt'));
    copyFileSync(path.join(FIXTURES, 'ranges.kvr'), path.join(dir, 'sub', 'ranges.kvr'));
    copyFileSync(path.join(FIXTURES, 'problems.kvr'), path.join(dir, 'node_modules', 'ignored.kvr'));
    writeFileSync(path.join(dir, 'notes.txt'), 'Boodschappen: melk, brood.\nKamervraag 2014Z19222 staat hier niet bovenaan.\n');
    copyFileSync(path.join(EXAMPLES, '2024Z16988.txt'), path.join(other, '2024Z16988.txt'));
    client = await Client.start({
      capabilities: { ...FULL_CAPABILITIES, workspace: { symbol: {}, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true } },
      workspaceFolders: [{ uri: uriOf(dir), name: 'ws' }],
    });
  });
  after(() => {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  });

  it('an empty query lists every Kamervraag of the folder (not notes.txt, not node_modules)', async () => {
    const symbols = await poll(client, '', (s) => s.length >= 3);
    assert.deepEqual(names(symbols), [
      'Kamervraag 2014Z19222: Te weinig capaciteit bij politie en Openbaar Ministerie om mensenhandel aan te pakken',
      'Kamervraag 2024Z18294: Het landelijk kwaliteitskader in relatie tot Preventie met gezag',
      'Kamervraag 2024Z20001: Vragen over verwijzingen naar reeksen van vragen',
    ]);
    const doc = symbols.find((s) => s.name.includes('2014Z19222'))!;
    assert.equal(doc.kind, 1);
    assert.deepEqual(doc.location, { uri: uriOf(path.join(dir, '2014Z19222.txt')), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 21 } } });
    // the file watcher was registered
    assert.match(JSON.stringify(client.registrations), /workspace\/didChangeWatchedFiles/);
  });

  it('a query matches documents and questions fuzzily, case-insensitively', async () => {
    const byZaak = await client.request<SymbolInformation[]>('workspace/symbol', { query: '2014z19222' });
    assert.deepEqual(names(byZaak), ['Kamervraag 2014Z19222: Te weinig capaciteit bij politie en Openbaar Ministerie om mensenhandel aan te pakken']);
    const q = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'vraag 6 mensenhandelteams' });
    assert.equal(q.length, 1);
    assert.match(q[0]!.name, /^Vraag 6: Hoeveel mensenhandelteams zijn er bij de politie/);
    assert.equal(q[0]!.containerName, 'Kamervraag 2014Z19222: Te weinig capaciteit bij politie en Openbaar Ministerie om mensenhandel aan te pakken');
    assert.equal(q[0]!.location.range.start.line, 41);
    const fuzzy = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'kwltkdr' });
    assert.ok(fuzzy.some((s) => s.name.startsWith('Kamervraag 2024Z18294')));
    assert.deepEqual(await client.request('workspace/symbol', { query: 'zzzzqqq' }), []);
  });

  it('file events add, change and remove documents', async () => {
    const added = path.join(dir, 'sub', 'nieuw.kvr');
    writeFileSync(added, readFileSync(path.join(FIXTURES, 'duplicate.kvr'), 'utf8'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(added), type: 1 }] });
    await poll(client, '2024Z20003', (s) => s.length === 1);
    writeFileSync(added, readFileSync(path.join(FIXTURES, 'duplicate.kvr'), 'utf8').replace('Vragen met een dubbel nummer', 'Gewijzigde titel'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(added), type: 2 }] });
    await poll(client, 'gewijzigde titel', (s) => s.length === 1);
    unlinkSync(added);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(added), type: 3 }] });
    await poll(client, '2024Z20003', (s) => s.length === 0);
  });

  it('an open document is indexed with its live text, and from disk again once closed', async () => {
    const file = path.join(dir, 'sub', 'ranges.kvr');
    const text = readFileSync(file, 'utf8').replace('Vragen over verwijzingen naar reeksen van vragen', 'Nog niet opgeslagen titel');
    await client.openAndWait(uriOf(file), text);
    await poll(client, 'nog niet opgeslagen', (s) => s.length === 1);
    // Typing in it: the index follows the latest version.
    const line = text.split(/\r?\n/).findIndex((l) => l.includes('Nog niet opgeslagen titel'));
    const at = text.split(/\r?\n/)[line]!.indexOf('titel');
    const edited = client.waitDiagnostics(uriOf(file), (p) => p.version === 2);
    await client.change(uriOf(file), 2, [{ range: { start: { line, character: at }, end: { line, character: at + 5 } }, text: 'kopje' }]);
    await edited;
    await poll(client, 'nog niet opgeslagen kopje', (s) => s.length === 1);
    await poll(client, 'nog niet opgeslagen titel', (s) => s.length === 0);
    await client.close(uriOf(file));
    await poll(client, 'nog niet opgeslagen', (s) => s.length === 0);
    await poll(client, 'reeksen van vragen', (s) => s.length === 1);
  });

  it('workspace folder changes add and remove their documents', async () => {
    await client.conn.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: uriOf(other), name: 'other' }], removed: [{ uri: uriOf(dir), name: 'ws' }] },
    });
    const symbols = await poll(client, '', (s) => s.length === 1);
    assert.match(symbols[0]!.name, /^Kamervraag 2024Z16988/);
  });
});

describe('workspace/symbol: one URI per file, however a client escapes it', () => {
  let dir: string;
  let file: string;
  let client: Client;
  /** How VS Code writes the URI (vscode-uri escapes `( ) & + ' ,`), and how Node's pathToFileURL does (it does not). */
  let vscodeUri: string;
  let nodeUri: string;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kamervraag-ws-uri-'));
    file = path.join(dir, "Kamervraag (1) & co's, a+b.txt");
    copyFileSync(path.join(EXAMPLES, '2014Z19222.txt'), file);
    vscodeUri = URI.file(file).toString();
    nodeUri = uriOf(file);
    assert.notEqual(vscodeUri, nodeUri, 'the two spellings differ');
    client = await Client.start({
      capabilities: { ...FULL_CAPABILITIES, workspace: { symbol: {}, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true } },
      workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }],
    });
  });
  after(() => {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const documents = (query = '') => client.request<SymbolInformation[]>('workspace/symbol', { query });

  it('a file on disk is listed under the URI VS Code gives it', async () => {
    const symbols = await poll(client, '', (s) => s.length >= 1);
    assert.deepEqual(symbols.map((s) => s.location.uri), [vscodeUri]);
  });

  const spellings = [
    ['VS Code', () => vscodeUri],
    ['Node', () => nodeUri],
    ['file://localhost/ and an upper-case scheme', () => nodeUri.replace(/^file:\/\//, 'FILE://localhost')],
  ] as const;
  for (const [spelling, uri] of spellings) {
    it(`opened under the ${spelling} spelling: listed once, with its live text and the URI it was opened with`, async () => {
      const text = readFileSync(file, 'utf8').replace('Te weinig capaciteit', 'Open titel');
      await client.openAndWait(uri(), text);
      const symbols = await documents();
      assert.deepEqual(
        symbols.map((s) => [s.location.uri, s.name.slice(0, 33)]),
        [[uri(), 'Kamervraag 2014Z19222: Open titel']],
      );
      assert.deepEqual((await documents('vraag 6 mensenhandelteams')).map((s) => s.location.uri), [uri()]);
      // A file event in the other spelling leaves the open document's entry alone.
      const other = uri() === vscodeUri ? nodeUri : vscodeUri;
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: other, type: 2 }] });
      assert.deepEqual((await documents()).map((s) => [s.location.uri, s.name.slice(0, 33)]), [[uri(), 'Kamervraag 2014Z19222: Open titel']]);
      await client.close(uri());
      const fromDisk = await poll(client, '', (s) => s.length === 1 && !s[0]!.name.includes('Open titel'));
      assert.deepEqual(fromDisk.map((s) => s.location.uri), [vscodeUri]);
    });
  }

  it('a deletion in either spelling removes the file', async () => {
    unlinkSync(file);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: nodeUri, type: 3 }] });
    await poll(client, '', (s) => s.length === 0);
    copyFileSync(path.join(EXAMPLES, '2014Z19222.txt'), file);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: nodeUri, type: 1 }] });
    assert.deepEqual((await poll(client, '', (s) => s.length === 1)).map((s) => s.location.uri), [vscodeUri]);
    unlinkSync(file);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: vscodeUri, type: 3 }] });
    await poll(client, '', (s) => s.length === 0);
  });
});
