/**
 * Files in a workspace folder that are no regular files: a named pipe (FIFO) called `.kamervraag.json`, or
 * `fifo.kvr`, opened to read waits for a writer that never comes. The server reads neither (it says so in
 * its log), keeps the folder's Kamervragen in its index and answers every request, `shutdown` too. (Before,
 * one such file stopped the server for good.) Not on Windows, which has no `mkfifo`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import { Client, EXAMPLES, FULL_CAPABILITIES, withTimeout } from './harness';

const uriOf = (file: string): string => pathToFileURL(file).href;
/** A hang guard, not a speed claim: a server that reads a FIFO never answers. */
const ANSWER = 30_000;

describe('named pipes in a workspace folder', { skip: process.platform === 'win32' }, () => {
  let dir: string;
  let client: Client;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kamervraag-fifo-'));
    copyFileSync(path.join(EXAMPLES, '2014Z19222.txt'), path.join(dir, '2014Z19222.txt'));
    execFileSync('mkfifo', [path.join(dir, '.kamervraag.json'), path.join(dir, 'fifo.kvr')]);
    client = await Client.start({
      capabilities: { ...FULL_CAPABILITIES, workspace: { configuration: true, symbol: {}, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true } },
      workspaceFolders: [{ uri: uriOf(dir), name: 'fifo' }],
    });
  });
  after(() => {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a FIFO .kamervraag.json is not read: the open document is checked with the defaults', async () => {
    const file = path.join(dir, '2014Z19222.txt');
    const { diagnostics } = await withTimeout(client.openAndWait(uriOf(file), readFileSync(file, 'utf8')), ANSWER, 'no diagnostics: the server hangs');
    assert.deepEqual(diagnostics.map((d) => d.code), ['late-answer']);
  });

  it('the index has the folder\'s Kamervraag, also after a file event for the FIFO fifo.kvr, and shutdown is answered', async () => {
    const symbols = () => withTimeout(client.request<SymbolInformation[]>('workspace/symbol', { query: '2014Z19222' }), ANSWER, 'workspace/symbol: the server hangs');
    const deadline = Date.now() + ANSWER;
    while (!(await symbols()).some((s) => s.name.startsWith('Kamervraag 2014Z19222'))) {
      if (Date.now() > deadline) assert.fail('the index never had 2014Z19222');
      await new Promise((r) => setTimeout(r, 20));
    }
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, 'fifo.kvr')), type: 2 }] });
    assert.ok((await symbols()).some((s) => s.name.startsWith('Kamervraag 2014Z19222')));
    await withTimeout(client.request('shutdown'), ANSWER, 'shutdown: the server hangs');
  });
});
