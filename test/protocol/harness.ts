/**
 * A real LSP client for the protocol tests: spawns the built server binary
 * (`node bin/kamervraag-language-server.js --stdio`) and talks JSON-RPC to it over stdio.
 * Not a test file itself (no tests are declared here).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

/** The repository root (this file runs from out/test/protocol/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_BIN = path.join(ROOT, 'bin', 'kamervraag-language-server.js');
export const EXAMPLES = path.join(ROOT, 'test', 'fixtures', 'examples');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'protocol');

export function fixture(dir: string, name: string): { uri: string; text: string } {
  const file = path.join(dir, name);
  return { uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') };
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

export interface StartOptions {
  readonly capabilities?: ClientCapabilities;
  readonly locale?: string;
  readonly args?: readonly string[];
  readonly processId?: number | null;
  readonly initializationOptions?: unknown;
  readonly workspaceFolders?: ReadonlyArray<{ uri: string; name: string }> | null;
}

export class Client {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly listeners: Array<(p: PublishDiagnosticsParams) => void> = [];
  readonly stderr: string[] = [];
  readonly registrations: unknown[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  initializeResult!: InitializeResult;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
    proc.stderr!.setEncoding('utf8').on('data', (d: string) => this.stderr.push(d));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      for (const l of [...this.listeners]) l(p);
    });
    // The server may log; a client must accept it.
    conn.onNotification('window/logMessage', () => undefined);
    // Dynamic registrations (file watchers) are accepted and remembered.
    conn.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    conn.listen();
  }

  static async start(options: StartOptions = {}): Promise<Client> {
    const proc = spawn(process.execPath, [SERVER_BIN, ...(options.args ?? ['--stdio'])], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.onError(() => undefined);
    const client = new Client(proc, conn);
    client.initializeResult = await conn.sendRequest('initialize', {
      processId: options.processId === undefined ? process.pid : options.processId,
      rootUri: options.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      locale: options.locale,
      initializationOptions: options.initializationOptions,
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  open(uri: string, text: string, version = 1, languageId = 'kamervraag'): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The next diagnostics for `uri` that satisfy `accept` (the latest already received counts). */
  waitDiagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<PublishDiagnosticsParams> {
    const seen = this.diagnostics.get(uri);
    const last = seen?.[seen.length - 1];
    if (last && accept(last)) return Promise.resolve(last);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.join('')}`));
      }, timeoutMs);
      const listener = (p: PublishDiagnosticsParams): void => {
        if (p.uri !== uri || !accept(p)) return;
        clearTimeout(timer);
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        resolve(p);
      };
      this.listeners.push(listener);
    });
  }

  /** Opens a document and waits for its first diagnostics. */
  async openAndWait(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const waiting = this.waitDiagnostics(uri, (p) => p.version === version);
    await this.open(uri, text, version);
    return waiting;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  /** `shutdown` then `exit`; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.proc.exitCode === null) {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    }
    const { code } = await withTimeout(this.exited, 5000, 'server did not exit after shutdown/exit');
    this.conn.dispose();
    return code;
  }

  /** Ends the process whatever state it is in (for `after` hooks). */
  kill(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill();
    this.conn.dispose();
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]);
}

/** Position of the `occurrence`-th (0-based) `needle` on line `line` of `text`, plus `offset` characters. */
export function positionOf(text: string, line: number, needle: string, offset = 0, occurrence = 0): { line: number; character: number } {
  const lineText = text.split(/\r\n|\r|\n/)[line];
  if (lineText === undefined) throw new Error(`no line ${line}`);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = lineText.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${occurrence}) not on line ${line}: ${lineText}`);
  }
  return { line, character: at + offset };
}

/** The 0-based line of the first line of `text` that contains `needle` (after line `from`). */
export function lineOf(text: string, needle: string, from = 0): number {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = from; i < lines.length; i++) if (lines[i]!.includes(needle)) return i;
  throw new Error(`"${needle}" not found`);
}
