/**
 * A small LSP client for the stress tests: spawns the built server (`node
 * bin/kamervraag-language-server.js --stdio`) and talks JSON-RPC over its stdio. Also gives raw
 * access to the server's stdin, to send what no well-behaved client would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { EXAMPLES, ROOT, SERVER_BIN } from '../protocol/harness';

// The same server binary and fixtures as the protocol tests. The client itself is separate: it keeps no
// history of published diagnostics (the memory checks need a client that does not grow) and gives raw
// access to the server's stdin.
export { EXAMPLES, ROOT, SERVER_BIN };

export function example(name: string): string {
  return readFileSync(path.join(EXAMPLES, name), 'utf8');
}

/** Resident memory of a process in MB (VmRSS of /proc/<pid>/status). */
export function rssMb(pid: number): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Waiter {
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class StressClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  readonly stderr: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly waiters = new Map<string, Waiter[]>();
  initializeResult!: InitializeResult;

  constructor(nodeArgs: readonly string[] = []) {
    this.proc = spawn(process.execPath, [...nodeArgs, SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.proc.once('exit', (code, signal) => resolve({ code, signal })));
    this.proc.stderr!.setEncoding('utf8').on('data', (d: string) => this.stderr.push(d));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onError(() => undefined);
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.waiters.get(p.uri);
      if (!list) return;
      const keep = list.filter((w) => {
        if (!w.accept(p)) return true;
        w.resolve(p);
        return false;
      });
      if (keep.length) this.waiters.set(p.uri, keep);
      else this.waiters.delete(p.uri);
    });
    for (const m of ['window/logMessage', 'window/showMessage', 'telemetry/event', '$/logTrace']) this.conn.onNotification(m, () => undefined);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.conn.listen();
  }

  get pid(): number {
    return this.proc.pid!;
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async initialize(): Promise<InitializeResult> {
    this.initializeResult = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: {
          definition: { linkSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return this.initializeResult;
  }

  /** The next diagnostics published for `uri` (for `version` or later when given). */
  diagnostics(uri: string, version?: number, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} in ${timeoutMs} ms`)), timeoutMs);
      const list = this.waiters.get(uri) ?? [];
      list.push({
        accept: (p) => version === undefined || p.version === undefined || p.version === null || p.version >= version,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
      this.waiters.set(uri, list);
    });
  }

  async open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const published = this.diagnostics(uri, version);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'kamervraag', version, text } });
    return published;
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Sends a request and settles with what came back: a result or an error, never a hang. */
  async settle(method: string, params: unknown, timeoutMs = 10000, token?: CancellationTokenSource): Promise<{ ok: boolean; value: unknown }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to ${method} ${JSON.stringify(params)?.slice(0, 200)} within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      // Only pass what is given: an `undefined` argument would be sent as a parameter of its own.
      const request = token
        ? this.conn.sendRequest(method, params, token.token)
        : params === undefined ? this.conn.sendRequest(method) : this.conn.sendRequest(method, params);
      const value = await Promise.race([request, timeout]);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('no answer to')) throw err;
      return { ok: false, value: err };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Writes raw bytes to the server's stdin (between two messages of the connection). */
  raw(data: string | Buffer): void {
    this.proc.stdin!.write(data);
  }

  async stop(): Promise<void> {
    if (this.alive) {
      try {
        await Promise.race([this.conn.sendRequest('shutdown'), sleep(2000)]);
        await this.conn.sendNotification('exit');
      } catch {
        // already gone
      }
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(timer);
    this.conn.dispose();
  }
}
