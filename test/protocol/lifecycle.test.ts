/**
 * The server process: transports (stdio by default, node-ipc, socket), --version/--help, initialize,
 * shutdown/exit, and exiting when its parent dies or its input closes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import * as path from 'node:path';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { Client, ROOT, SERVER_BIN, withTimeout } from './harness';

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

async function initialize(conn: ProtocolConnection): Promise<InitializeResult> {
  conn.listen();
  const result = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await conn.sendNotification('initialized', {});
  return result as InitializeResult;
}

function exitOf(proc: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) resolve(proc.exitCode);
    else proc.once('exit', (code) => resolve(code));
  });
}

describe('server process', () => {
  it('--version and --help', () => {
    assert.equal(execFileSync(process.execPath, [SERVER_BIN, '--version'], { encoding: 'utf8' }).trim(), VERSION);
    const help = execFileSync(process.execPath, [SERVER_BIN, '--help'], { encoding: 'utf8' });
    assert.match(help, /--stdio/);
    assert.match(help, /--node-ipc/);
    assert.match(help, /--socket=PORT/);
  });

  it('initialize announces the capabilities and the server version; shutdown + exit ends with code 0', async () => {
    const client = await Client.start();
    const { capabilities, serverInfo } = client.initializeResult;
    assert.deepEqual(serverInfo, { name: 'kamervraag-language-server', version: VERSION });
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 }); // incremental
    for (const p of ['definitionProvider', 'referencesProvider', 'documentHighlightProvider', 'hoverProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'documentLinkProvider', 'codeActionProvider'] as const) {
      assert.ok(capabilities[p], p);
    }
    assert.equal(await client.stop(), 0);
  });

  it('stdio is the default transport when no flag is given', async () => {
    const client = await Client.start({ args: [] });
    assert.equal(client.initializeResult.serverInfo?.name, 'kamervraag-language-server');
    assert.equal(await client.stop(), 0);
  });

  it('exit without shutdown ends with code 1', async () => {
    const client = await Client.start();
    await client.conn.sendNotification('exit');
    const { code } = await withTimeout(client.exited, 5000, 'no exit');
    assert.equal(code, 1);
    client.kill();
  });

  it('ends when its input closes', async () => {
    const client = await Client.start();
    client.proc.stdin!.end();
    // (the exit code is 1: the client went away without shutdown)
    const { code } = await withTimeout(client.exited, 5000, 'server kept running after stdin closed');
    assert.equal(code, 1);
    client.kill();
  });

  it('ends when the client process named in initialize (processId) or --clientProcessId dies', async () => {
    const parents = [spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']), spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])];
    const viaInitialize = await Client.start({ processId: parents[0]!.pid! });
    const viaArgument = await Client.start({ processId: null, args: ['--stdio', `--clientProcessId=${parents[1]!.pid!}`] });
    try {
      // alive while the parents live
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(viaInitialize.proc.exitCode, null);
      for (const p of parents) p.kill();
      await Promise.all([
        withTimeout(viaInitialize.exited, 8000, 'server outlived the processId of initialize'),
        withTimeout(viaArgument.exited, 8000, 'server outlived --clientProcessId'),
      ]);
    } finally {
      for (const p of parents) p.kill();
      viaInitialize.kill();
      viaArgument.kill();
    }
  });

  it('--node-ipc (the VS Code client\'s transport)', async () => {
    const proc = spawn(process.execPath, [SERVER_BIN, '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    try {
      const result = await withTimeout(initialize(conn), 5000, 'no initialize answer over IPC');
      assert.equal(result.serverInfo?.version, VERSION);
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      assert.equal(await withTimeout(exitOf(proc), 5000, 'no exit'), 0);
    } finally {
      conn.dispose();
      proc.kill();
    }
  });

  it('--socket=PORT connects to a client listening on that port', async () => {
    let socketResolve!: (s: Socket) => void;
    const connected = new Promise<Socket>((r) => (socketResolve = r));
    const server = createServer((s) => socketResolve(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    const proc = spawn(process.execPath, [SERVER_BIN, `--socket=${port}`], { stdio: 'ignore' });
    try {
      const socket = await withTimeout(connected, 5000, 'the server did not connect');
      const conn = createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
      const result = await withTimeout(initialize(conn), 5000, 'no initialize answer over the socket');
      assert.equal(result.serverInfo?.name, 'kamervraag-language-server');
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      assert.equal(await withTimeout(exitOf(proc), 5000, 'no exit'), 0);
      conn.dispose();
    } finally {
      proc.kill();
      server.close();
    }
  });
});
