/**
 * The workspace index over the client's file requests (`service/clientWorkspace.ts`, what the server
 * in a browser and in a virtual workspace uses): the index sees the same files as over the disk, each
 * file is asked for once (read ahead, a few at a time), a document open in the editor is passed by
 * without stalling the read-ahead, a file changed after it was read ahead is read again, and answers
 * of the wrong shape read as "not there". The client is a `MemoryWorkspace` behind the three requests.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/core';
import { clientWorkspace, WORKSPACE_FILE_REQUESTS, type SendRequest } from '../../server/src/service/clientWorkspace';
import { MemoryWorkspace } from '../../server/src/service/memoryWorkspace';
import { WorkspaceIndex } from '../../server/src/service/workspaceIndex';

const ROOT = path.join(__dirname, '..', '..', '..');
const EXAMPLE = readFileSync(path.join(ROOT, 'test', 'fixtures', 'examples', '2014Z19222.txt'), 'utf8');
const WS = 'vscode-vfs://github/kv/repo';

/** `n` Kamervragen (zaaknummers 2030Z00001 …) in two folders, and a note. */
function files(n: number): MemoryWorkspace {
  const ws = new MemoryWorkspace({ [`${WS}/notes.txt`]: 'Boodschappen.\n' });
  for (let i = 1; i <= n; i++) ws.write(`${WS}/${i % 2 ? 'a' : 'b'}/${zaak(i)}.txt`, withZaak(i));
  return ws;
}
const zaak = (i: number) => `2030Z${String(i).padStart(5, '0')}`;
const withZaak = (i: number) => EXAMPLE.replace(/^Kamervraag 2014Z19222/, `Kamervraag ${zaak(i)}`);

/** The client: answers the requests from `ws`, and counts them. */
function client(ws: MemoryWorkspace) {
  const asked: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const send: SendRequest = async (method, { uri }) => {
    asked.push(`${method.slice(method.lastIndexOf('/') + 1)} ${uri}`);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    await new Promise((r) => setTimeout(r, 1)); // an answer comes later, as over a connection
    inFlight--;
    if (method === WORKSPACE_FILE_REQUESTS.readDirectory) return (await ws.readDirectory(uri)) ?? null;
    if (method === WORKSPACE_FILE_REQUESTS.stat) return (await ws.stat(uri)) ?? null;
    return (await ws.readFile(uri)) ?? null;
  };
  return { send, asked, maxInFlight: () => maxInFlight };
}

const names = (index: WorkspaceIndex) => index.search('').map((h) => h.symbol.name.slice(11, 21)).sort();

describe('WorkspaceIndex over the client (clientWorkspace)', () => {
  it('indexes every Kamervraag, asking for each file once, several at a time', async () => {
    const c = client(files(60));
    const index = new WorkspaceIndex(clientWorkspace(c.send));
    index.addFolder(WS);
    await index.whenReady();
    assert.deepEqual(names(index), Array.from({ length: 60 }, (_, i) => zaak(i + 1)));
    for (const kind of ['stat', 'readFile']) {
      const reads = c.asked.filter((a) => a.startsWith(`${kind} `));
      assert.equal(reads.length, 61, `${kind}: one per candidate file (the 60 and notes.txt, a .txt)`);
      assert.equal(new Set(reads).size, reads.length, `${kind}: no file twice`);
    }
    assert.ok(c.maxInFlight() > 1, `requests in flight at once: ${c.maxInFlight()}`);
  });

  it('documents open in the editor are passed by; the rest is indexed and read once', async () => {
    const c = client(files(80));
    const index = new WorkspaceIndex(clientWorkspace(c.send));
    // 40 documents open before the index reads the folder (more than the read-ahead window).
    for (let i = 1; i <= 40; i++) index.update(`${WS}/${i % 2 ? 'a' : 'b'}/${zaak(i)}.txt`, parse(withZaak(i)));
    index.addFolder(WS);
    await index.whenReady();
    assert.equal(names(index).length, 80);
    const reads = c.asked.filter((a) => a.startsWith('readFile '));
    assert.equal(new Set(reads).size, reads.length, 'no file read twice');
  });

  it('a file changed after it was read ahead is read again, and the index keeps the new text', async () => {
    const ws = files(20);
    const c = client(ws);
    const index = new WorkspaceIndex(clientWorkspace(c.send));
    const target = `${WS}/b/${zaak(20)}.txt`;
    index.addFolder(WS);
    // While the first files are read, the last one changes on the client's side.
    await new Promise((r) => setTimeout(r, 5));
    ws.write(target, EXAMPLE.replace(/^Kamervraag 2014Z19222/, 'Kamervraag 2031Z00020'));
    index.fileChanged(target);
    await index.whenReady();
    const hits = index.search('2031Z00020');
    assert.ok(hits.some((h) => h.uri === target), JSON.stringify(hits.map((h) => h.uri)));
    assert.ok(!index.search('').some((h) => h.symbol.name.includes(zaak(20))), 'the old zaaknummer is gone');
  });

  it('answers of the wrong shape read as not there; a failed request is thrown', async () => {
    const answers: Record<string, unknown> = {
      [WORKSPACE_FILE_REQUESTS.readDirectory]: [{ name: 'a.kvr', uri: `${WS}/a.kvr`, kind: 'file' }, { name: 1 }, null, { name: 'b', uri: `${WS}/b`, kind: 'socket' }],
      [WORKSPACE_FILE_REQUESTS.stat]: { size: -1 },
      [WORKSPACE_FILE_REQUESTS.readFile]: 42,
    };
    const ws = clientWorkspace(async (method) => answers[method]);
    assert.deepEqual(await ws.readDirectory(WS), [{ name: 'a.kvr', uri: `${WS}/a.kvr`, kind: 'file' }]);
    assert.equal(await ws.stat(`${WS}/x.kvr`), undefined);
    assert.equal(await ws.readFile(`${WS}/x.kvr`), undefined);
    const failing = clientWorkspace(async () => {
      throw new Error('cannot read');
    });
    await assert.rejects(failing.readFile(`${WS}/x.kvr`), /cannot read/);
  });

  it('a text the client sends with a byte order mark is read without it, as the editor opens the file', async () => {
    const ws = clientWorkspace(async () => `\uFEFF${EXAMPLE}`);
    assert.equal(await ws.readFile(`${WS}/a.kvr`), EXAMPLE);
    const plain = clientWorkspace(async () => `x\uFEFF`);
    assert.equal(await plain.readFile(`${WS}/a.kvr`), 'x\uFEFF', 'only a leading mark');
  });
});
