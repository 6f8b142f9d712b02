/**
 * The server process: transports (stdio by default, node-ipc, socket), --version/--help, initialize,
 * shutdown/exit, and exiting when its parent dies or its input closes; the order of the lifecycle
 * (nothing before initialize, initialize once, nothing after shutdown) with hand-written frames.
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
import { URI } from 'vscode-uri';
import { RawServer } from '../support/rawServer';
import { Client, EXAMPLES, fixture, FULL_CAPABILITIES, ROOT, SERVER_BIN, withTimeout } from './harness';

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

  it('registers no glob pattern for the client to match, and offers none of the features the client bundles leave out: no file operations, pull diagnostics, notebooks or semantic tokens (client/src/noGlobs.ts, unusedFeatures.ts)', async () => {
    // A client that takes every registration dynamically, as VS Code does.
    const dynamic = { dynamicRegistration: true };
    const client = await Client.start({
      capabilities: {
        textDocument: {
          ...FULL_CAPABILITIES.textDocument, diagnostic: dynamic, synchronization: dynamic,
          semanticTokens: { ...dynamic, requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
        },
        workspace: {
          didChangeWatchedFiles: dynamic, didChangeConfiguration: dynamic, configuration: true, workspaceFolders: true,
          fileOperations: { ...dynamic, willRename: true, didRename: true, willCreate: true, didCreate: true, willDelete: true, didDelete: true },
        },
        notebookDocument: { synchronization: dynamic },
      },
      workspaceFolders: [{ uri: URI.file(EXAMPLES).toString(), name: 'examples' }],
    });
    try {
      const { uri, text } = fixture(EXAMPLES, '2014Z19222.txt');
      await client.openAndWait(uri, text);
      const caps = client.initializeResult.capabilities;
      assert.equal(caps.workspace?.fileOperations, undefined);
      assert.equal(caps.diagnosticProvider, undefined);
      assert.equal(caps.notebookDocumentSync, undefined);
      assert.equal(caps.semanticTokensProvider, undefined);
      const registrations = client.registrations as Array<{ method: string; registerOptions?: { documentSelector?: Array<{ pattern?: unknown }> } }>;
      assert.ok(registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'the file watchers (VS Code matches their globs itself)');
      for (const r of registrations) {
        // (Not one of the methods the client bundles have no feature for: they would fail the registration.)
        assert.ok(['workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration'].includes(r.method), r.method);
        assert.ok(!(r.registerOptions?.documentSelector ?? []).some((f) => f.pattern !== undefined), JSON.stringify(r));
      }
    } finally {
      client.kill();
    }
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

  it('a processId it cannot see at all (the server in a container) is not watched: the server stays', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => gone.on('exit', r));
    const client = await Client.start({ processId: gone.pid! });
    try {
      // The library's watchdog looks every 3 s: past the first look, the server still answers.
      await new Promise((r) => setTimeout(r, 3500));
      assert.equal(client.proc.exitCode, null, 'the server ended');
      assert.ok(Array.isArray(await client.request('workspace/symbol', { query: '' })));
    } finally {
      client.kill();
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

  it('a transport that cannot work: one line on standard error and a non-zero exit code, no stack trace', async () => {
    const run = (args: string[]) => new Promise<{ code: number | null; err: string }>((resolve) => {
      const proc = spawn(process.execPath, [SERVER_BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      proc.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
      proc.once('exit', (code) => resolve({ code, err }));
    });
    const refused = createServer();
    await new Promise<void>((r) => refused.listen(0, '127.0.0.1', () => r()));
    const closedPort = (refused.address() as AddressInfo).port;
    await new Promise<void>((r) => refused.close(() => r()));
    const cases: [string[], number, RegExp][] = [
      [['--socket=abc'], 2, /^kamervraag-language-server: --socket needs a port from 1 to 65535: --socket=PORT, not 'abc'\n$/],
      [['--socket', '99999'], 2, /not '99999'\n$/],
      [['--pipe'], 2, /^kamervraag-language-server: --pipe needs the name of a pipe or Unix socket/],
      [['--node-ipc'], 2, /^kamervraag-language-server: --node-ipc needs a parent process that talks Node IPC/],
      [[`--socket=${closedPort}`], 1, /^kamervraag-language-server: the connection to the client closed or could not be made\n$/],
      [['--pipe=/nonexistent/kamervraag/pipe'], 1, /could not be made\n$/],
    ];
    for (const [args, code, err] of cases) {
      const r = await withTimeout(run(args), 10_000, `${args.join(' ')}: no exit`);
      assert.equal(r.code, code, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, err, args.join(' '));
    }
  });
});

const SERVER_NOT_INITIALIZED = -32002;
const INVALID_REQUEST = -32600;
const INVALID_PARAMS = -32602;

describe('the order of the lifecycle (hand-written frames)', () => {
  const { uri, text } = fixture(EXAMPLES, '2014Z19222.txt');
  const hoverParams = { textDocument: { uri }, position: { line: 0, character: 3 } };

  it('before initialize: requests get ServerNotInitialized, notifications (didOpen) are dropped', async () => {
    const server = new RawServer();
    try {
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'kamervraag', version: 1, text } });
      for (const [method, params] of [
        ['textDocument/hover', hoverParams],
        ['textDocument/documentSymbol', { textDocument: { uri } }],
        ['workspace/symbol', { query: '' }],
        ['kamervraag/status', { textDocument: { uri } }],
        ['kamervraag/noSuchRequest', {}],
        ['shutdown', undefined],
      ] as const) {
        const response = await server.request(method, params);
        assert.equal(response.error?.code, SERVER_NOT_INITIALIZED, `${method}: ${JSON.stringify(response)}`);
        assert.equal(response.result, undefined);
      }
      const init = await server.initialize();
      assert.equal((init.result as InitializeResult).serverInfo?.name, 'kamervraag-language-server');
      // The didOpen sent before initialize was not processed: the document is unknown.
      const hover = await server.request('textDocument/hover', hoverParams);
      assert.equal(hover.error, undefined);
      assert.equal(hover.result, null);
      assert.equal((await server.request('textDocument/documentSymbol', { textDocument: { uri } })).result, null);
      // An open after initialize is: its diagnostics come, and none ever came for the early one.
      const later = 'file:///lifecycle/later.txt';
      server.notify('textDocument/didOpen', { textDocument: { uri: later, languageId: 'kamervraag', version: 1, text } });
      assert.ok(((await server.request('textDocument/documentSymbol', { textDocument: { uri: later } })).result as unknown[]).length > 0);
      await waitFor(() => server.notifications.some((n) => n.method === 'textDocument/publishDiagnostics'));
      const published = server.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').map((n) => (n.params as { uri: string }).uri);
      assert.deepEqual([...new Set(published)], [later]);
      // `shutdown` refused before initialize did not count: this one does, and exit is 0.
      const shutdown = await server.request('shutdown');
      assert.equal(shutdown.error, undefined);
      assert.equal(shutdown.result, null);
      server.notify('exit');
      assert.equal(await withTimeout(server.exited, 5000, 'no exit'), 0);
    } finally {
      server.kill();
    }
  });

  it('exit before initialize ends with code 1', async () => {
    const server = new RawServer();
    try {
      server.notify('exit');
      assert.equal(await withTimeout(server.exited, 5000, 'no exit'), 1);
    } finally {
      server.kill();
    }
  });

  it('initialize with null params, or without capabilities, is InvalidParams, and does not count as the initialize', async () => {
    const server = new RawServer();
    try {
      for (const params of [null, [], undefined, {}, { processId: null, capabilities: null }, { capabilities: [] }]) {
        const response = await server.request('initialize', params);
        assert.equal(response.error?.code, INVALID_PARAMS, `${JSON.stringify(params)}: ${JSON.stringify(response)}`);
        assert.equal((await server.request('textDocument/hover', hoverParams)).error?.code, SERVER_NOT_INITIALIZED);
      }
      assert.ok((await server.initialize()).result);
      assert.equal((await server.request('textDocument/hover', hoverParams)).result, null);
    } finally {
      server.kill();
    }
  });

  it('initialized counts once, also when written as [] (an empty Lua table)', async () => {
    const server = new RawServer();
    try {
      await server.request('initialize', {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: [{ uri: URI.file(EXAMPLES).toString(), name: 'examples' }],
        capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      });
      server.notify('initialized', []);
      server.notify('initialized', {});
      // The folder is indexed (the first initialized ran) …
      // A hang guard, not a speed claim: generous for a busy machine.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const symbols = (await server.request('workspace/symbol', { query: '' })).result as unknown[];
        if (symbols.length >= 4) break;
        assert.ok(Date.now() < deadline, `the examples were not indexed: ${JSON.stringify(symbols)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      // … and the file watcher was registered once, not twice.
      assert.deepEqual(server.serverRequests.map((r) => r.method), ['client/registerCapability']);
    } finally {
      server.kill();
    }
  });

  it('a second initialize is InvalidRequest; the first one stands', async () => {
    const server = new RawServer();
    try {
      const first = await server.initialize();
      assert.ok(first.result);
      const second = await server.request('initialize', { processId: null, rootUri: null, capabilities: {} });
      assert.equal(second.error?.code, INVALID_REQUEST, JSON.stringify(second));
      assert.equal(second.result, undefined);
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'kamervraag', version: 1, text } });
      assert.ok((await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 9 } })).result);
    } finally {
      server.kill();
    }
  });

  it('after shutdown: requests (a second shutdown too) are InvalidRequest, notifications are dropped, exit ends with 0', async () => {
    const server = new RawServer();
    try {
      await server.initialize();
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'kamervraag', version: 1, text } });
      assert.ok((await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 9 } })).result);
      assert.equal((await server.request('shutdown')).error, undefined);
      for (const [method, params] of [
        ['textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 9 } }],
        ['textDocument/documentSymbol', { textDocument: { uri } }],
        ['workspace/symbol', { query: '' }],
        ['initialize', { processId: null, rootUri: null, capabilities: {} }],
        ['shutdown', undefined],
      ] as const) {
        const response = await server.request(method, params);
        assert.equal(response.error?.code, INVALID_REQUEST, `${method}: ${JSON.stringify(response)}`);
      }
      server.notify('exit');
      assert.equal(await withTimeout(server.exited, 5000, 'no exit'), 0);
    } finally {
      server.kill();
    }
  });
});

/** Resolves when `condition` holds; gives up (and stops polling) after a minute: a hang guard, not a speed claim. */
async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 60 s');
    await new Promise((r) => setTimeout(r, 10));
  }
}
