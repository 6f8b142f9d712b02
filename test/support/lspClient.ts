/**
 * The LSP client of the protocol tests, the stress tests and the benchmark: spawns the built server
 * (`node bin/kamervraag-language-server.js --stdio`) and talks JSON-RPC to it over stdio, as an editor
 * does. It keeps no history of what the server published (the memory checks need a client that does not
 * grow); the protocol tests' client adds one (test/protocol/harness.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CancellationToken,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

/** The repository root (this file runs from out/test/support/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_BIN = path.join(ROOT, 'bin', 'kamervraag-language-server.js');
/** The bundle the executable loads (`npm run build`). */
const SERVER_BUNDLE = path.join(ROOT, 'dist', 'server.js');
export const EXAMPLES = path.join(ROOT, 'test', 'fixtures', 'examples');

/** The text of one of the shared examples (test/fixtures/examples). */
export function example(name: string): string {
  return readFileSync(path.join(EXAMPLES, name), 'utf8');
}

/** Resident memory of a process in MB (VmRSS of /proc/<pid>/status). */
export function rssMb(pid: number): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]);
}

/** Capabilities of a modern client (VS Code-like). */
export const FULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    definition: { linkSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] }, versionSupport: true },
  },
};

export interface SpawnOptions {
  /** The server's arguments (default `--stdio`). */
  readonly args?: readonly string[];
  /** Node's arguments, before the server's (`--max-old-space-size=…`). */
  readonly nodeArgs?: readonly string[];
}

export interface InitializeOptions {
  readonly capabilities?: ClientCapabilities;
  readonly locale?: string;
  readonly processId?: number | null;
  readonly initializationOptions?: unknown;
  readonly workspaceFolders?: ReadonlyArray<{ uri: string; name: string }> | null;
}

/** Diagnostics for version `version` or later (or without a version). */
export function atLeastVersion(version: number): (p: PublishDiagnosticsParams) => boolean {
  return (p) => p.version === undefined || p.version === null || p.version >= version;
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  /** What the server wrote to stderr. */
  readonly stderr: string[] = [];
  /** Dynamic registrations (file watchers), accepted and remembered. */
  readonly registrations: unknown[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  initializeResult!: InitializeResult;
  private readonly listeners = new Set<(p: PublishDiagnosticsParams) => void>();
  private workspaceFolders: ReadonlyArray<{ uri: string; name: string }> | null = null;

  constructor(options: SpawnOptions = {}) {
    this.proc = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_BIN, ...(options.args ?? ['--stdio'])], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.proc.once('exit', (code, signal) => resolve({ code, signal })));
    this.proc.stderr!.setEncoding('utf8').on('data', (d: string) => this.stderr.push(d));
    const reader = new StreamMessageReader(this.proc.stdout!);
    // vscode-jsonrpc warns of a message left half-read every 10 s, on a timer that sets itself again for
    // as long as the rest does not come, even once the connection is disposed: a server that ended in the
    // middle of writing a message (killed by a test, or exiting between a message's header and its body)
    // kept the test's process alive for ever, after all its tests had passed. No such warning here.
    reader.partialMessageTimeout = 0;
    this.conn = createProtocolConnection(reader, new StreamMessageWriter(this.proc.stdin!));
    this.conn.onError(() => undefined);
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => this.published(p));
    // What a server may send to its client, answered as an editor would.
    for (const m of ['window/logMessage', 'window/showMessage', 'telemetry/event', '$/logTrace', '$/progress']) {
      this.conn.onNotification(m, () => undefined);
    }
    this.conn.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.conn.onRequest('workspace/workspaceFolders', () => this.workspaceFolders);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.listen();
  }

  /** Called for every publishDiagnostics notification. */
  protected published(p: PublishDiagnosticsParams): void {
    for (const listener of [...this.listeners]) listener(p);
  }

  get pid(): number {
    return this.proc.pid!;
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** `initialize` and `initialized`. */
  async initialize(options: InitializeOptions = {}): Promise<InitializeResult> {
    this.workspaceFolders = options.workspaceFolders ?? null;
    const answer = this.conn.sendRequest<InitializeResult>('initialize', {
      processId: options.processId === undefined ? process.pid : options.processId,
      rootUri: options.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      locale: options.locale,
      initializationOptions: options.initializationOptions,
    });
    // A server that cannot start (no build in dist/, a syntax error) exits without an answer: say so
    // with what it wrote, instead of waiting for ever.
    // (`exited` settles when the server stops later too: it resolves, so that nobody need catch it.)
    const first = await Promise.race([answer.then((result) => ({ result })), this.exited]);
    if (!('result' in first)) {
      const missing = existsSync(SERVER_BUNDLE) ? '' : ` (${SERVER_BUNDLE} is missing: npm run build)`;
      throw new Error(`the language server exited (${first.signal ?? `code ${first.code}`}) before it answered initialize${missing}; its stderr: ${this.stderr.join('').slice(-2000) || '(nothing)'}`);
    }
    this.initializeResult = first.result;
    await this.conn.sendNotification('initialized', {});
    return this.initializeResult;
  }

  /** The next diagnostics published for `uri` that `accept` takes. */
  nextDiagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10000,
  ): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.join('').slice(-2000)}`));
      }, timeoutMs);
      const listener = (p: PublishDiagnosticsParams): void => {
        if (p.uri !== uri || !accept(p)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(p);
      };
      this.listeners.add(listener);
    });
  }

  open(uri: string, text: string, version = 1, languageId = 'kamervraag'): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Opens a document and waits for its first diagnostics. */
  async openAndWait(uri: string, text: string, version = 1, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    const waiting = this.nextDiagnostics(uri, atLeastVersion(version), timeoutMs);
    await this.open(uri, text, version);
    return waiting;
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params?: unknown, token?: CancellationToken): Promise<R> {
    // Only pass what is given: an `undefined` argument would be sent as a parameter of its own.
    const sent = token ? this.conn.sendRequest(method, params, token) : params === undefined ? this.conn.sendRequest(method) : this.conn.sendRequest(method, params);
    return sent as Promise<R>;
  }

  /** Sends a request and settles with what came back, a result or an error; rejects only when nothing comes. */
  async settle(method: string, params: unknown, timeoutMs = 10000, token?: CancellationToken): Promise<{ ok: boolean; value: unknown }> {
    const request = this.request(method, params, token).then(
      (value) => ({ ok: true, value }),
      (value: unknown) => ({ ok: false, value }),
    );
    return withTimeout(request, timeoutMs, `no answer to ${method} ${JSON.stringify(params)?.slice(0, 200)} within ${timeoutMs} ms`);
  }

  /** Writes raw bytes to the server's stdin (between two messages of the connection). */
  raw(data: string | Buffer): void {
    this.proc.stdin!.write(data);
  }

  /** `shutdown` then `exit` (each given two seconds), killing the server if it does not go; its exit code. */
  async stop(): Promise<number | null> {
    if (this.alive) {
      try {
        await withTimeout(this.conn.sendRequest('shutdown'), 2000, 'no answer to shutdown');
        await this.conn.sendNotification('exit');
      } catch {
        // gone, or hanging: killed below
      }
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    const { code } = await this.exited;
    clearTimeout(timer);
    this.conn.dispose();
    return code;
  }

  /** Ends the process whatever state it is in (for `after` hooks). */
  kill(): void {
    if (this.alive) this.proc.kill();
    this.conn.dispose();
  }
}
