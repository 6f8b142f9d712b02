/**
 * A workspace folder that is not on disk (`vscode-vfs:`, as GitHub repositories in VS Code): the server
 * lists and reads it through the client (`kamervraag/workspace/readDirectory`, `stat`, `readFile`, the
 * requests the VS Code client answers with `vscode.workspace.fs`; issue 14), and Go to Symbol in
 * Workspace finds its Kamervragen under their virtual URIs. A malformed or failing answer costs only
 * that file. The browser build's server uses the same requests for every folder.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { example } from '../support/lspClient';
import { Client } from './harness';

const ROOT = 'vscode-vfs://github/kv/dossiers';
const FILES: Record<string, unknown> = {
  [`${ROOT}/2014Z19222.txt`]: example('2014Z19222.txt'),
  [`${ROOT}/archief/2024Z18294.txt`]: example('2024Z18294.txt'),
  [`${ROOT}/notes.txt`]: 'Boodschappen: brood, kaas.\n',
  // A client that answers with something else than text, and one whose read fails.
  [`${ROOT}/kapot/2024Z16988.txt`]: 42,
  [`${ROOT}/kapot/2024Z18439.kvr`]: new ResponseError(-32803, 'cannot read'),
};

function entries(dir: string): { name: string; uri: string; kind: string }[] | null {
  const prefix = `${dir}/`;
  const names = new Map<string, string>();
  for (const uri of Object.keys(FILES)) {
    if (!uri.startsWith(prefix)) continue;
    const [name, ...rest] = uri.slice(prefix.length).split('/');
    names.set(name!, rest.length ? 'directory' : 'file');
  }
  return names.size ? [...names].map(([name, kind]) => ({ name, uri: `${prefix}${name}`, kind })) : null;
}

describe('a virtual workspace folder, read through the client', () => {
  let client: Client;
  const asked: string[] = [];
  before(async () => {
    client = new Client();
    client.conn.onRequest('kamervraag/workspace/readDirectory', ({ uri }: { uri: string }) => (asked.push(uri), entries(uri)));
    client.conn.onRequest('kamervraag/workspace/stat', ({ uri }: { uri: string }) => (asked.push(uri), uri in FILES ? { size: 1000 } : null));
    client.conn.onRequest('kamervraag/workspace/readFile', ({ uri }: { uri: string }) => {
      asked.push(uri);
      const content = FILES[uri];
      if (content instanceof ResponseError) return content;
      return content ?? null;
    });
    await client.initialize({ workspaceFolders: [{ uri: ROOT, name: 'dossiers' }] });
  });
  after(async () => {
    await client.stop();
  });

  async function poll(query: string, until: (s: SymbolInformation[]) => boolean): Promise<SymbolInformation[]> {
    const deadline = Date.now() + 60_000; // a hang guard, not a speed claim
    for (;;) {
      const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query });
      if (until(symbols)) return symbols;
      if (Date.now() > deadline) assert.fail(`workspace/symbol "${query}": ${JSON.stringify(symbols.map((s) => s.location.uri))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('finds the Kamervragen of the folder and its subfolder under their vscode-vfs: URIs', async () => {
    const first = await poll('2014Z19222', (s) => s.some((x) => x.location.uri === `${ROOT}/2014Z19222.txt`));
    assert.ok(first.length > 0);
    await poll('2024Z18294', (s) => s.some((x) => x.location.uri === `${ROOT}/archief/2024Z18294.txt`));
  });

  it('a file answered with no text, a failed read and a file that is no Kamervraag are left out, and nothing else', async () => {
    const all = await poll('', (s) => s.length >= 2);
    assert.deepEqual(all.map((s) => s.location.uri).sort(), [`${ROOT}/2014Z19222.txt`, `${ROOT}/archief/2024Z18294.txt`]);
    // Every one of them was asked for, through the client only (nothing of it is on disk).
    for (const uri of [`${ROOT}/kapot/2024Z16988.txt`, `${ROOT}/kapot/2024Z18439.kvr`, `${ROOT}/notes.txt`]) assert.ok(asked.includes(uri), uri);
    assert.ok(asked.every((u) => u.startsWith(ROOT)), JSON.stringify(asked.filter((u) => !u.startsWith(ROOT))));
    // The server is still answering.
    assert.ok(Array.isArray(await client.request('workspace/symbol', { query: 'Vraag 1' })));
  });
});
