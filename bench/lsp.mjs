// A minimal LSP client for the benchmark: spawns the built server over stdio and talks JSON-RPC
// with vscode-languageserver-protocol, as an editor would.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import protocolNode from 'vscode-languageserver-protocol/node';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocolNode;

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverBin = path.join(repoRoot, 'bin', 'kamervraag-language-server.js');

/** Resident memory of a process in MB, from /proc/<pid>/status (VmRSS). */
export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

export class LspClient {
  /** @param {{ nodeArgs?: string[], stderr?: boolean }} [options] */
  constructor(options = {}) {
    this.proc = spawn(process.execPath, [...(options.nodeArgs ?? []), serverBin, '--stdio'], {
      stdio: ['pipe', 'pipe', options.stderr ? 'inherit' : 'ignore'],
    });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.proc.stdout),
      new StreamMessageWriter(this.proc.stdin),
    );
    /** uri → list of waiters for the next publishDiagnostics */
    this.waiters = new Map();
    /** uri → last published params */
    this.lastDiagnostics = new Map();
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      this.lastDiagnostics.set(params.uri, params);
      const list = this.waiters.get(params.uri);
      if (!list) return;
      const keep = [];
      for (const w of list) {
        if (w.accept(params)) w.resolve(params);
        else keep.push(w);
      }
      if (keep.length) this.waiters.set(params.uri, keep);
      else this.waiters.delete(params.uri);
    });
    // Answer the requests a server may send to its client.
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/workspaceFolders', () => this.folders ?? null);
    this.connection.onNotification(() => {});
    this.connection.listen();
  }

  get pid() {
    return this.proc.pid;
  }

  /** @param {{ rootUri?: string, name?: string }} [options] */
  async initialize(options = {}) {
    this.folders = options.rootUri ? [{ uri: options.rootUri, name: options.name ?? 'bench' }] : null;
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      workspaceFolders: this.folders,
      locale: 'en',
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          definition: { linkSupport: true },
        },
        workspace: {
          workspaceFolders: true,
          symbol: {},
          didChangeWatchedFiles: { dynamicRegistration: true },
          configuration: true,
        },
        window: { workDoneProgress: false },
      },
    });
    await this.connection.sendNotification('initialized', {});
    this.capabilities = result.capabilities;
    return result;
  }

  /** Resolves with the next publishDiagnostics for `uri` that `accept` takes. */
  nextDiagnostics(uri, accept = () => true, timeoutMs = 30000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      const list = this.waiters.get(uri) ?? [];
      list.push({
        accept,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
      this.waiters.set(uri, list);
    });
  }

  open(uri, text, version = 1, languageId = 'kamervraag') {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
  }

  change(uri, version, contentChanges) {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version }, contentChanges,
    });
  }

  close(uri) {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request(method, params, token) {
    // An `undefined` token would be sent as a second parameter.
    return token ? this.connection.sendRequest(method, params, token) : this.connection.sendRequest(method, params);
  }

  async shutdown() {
    try {
      await Promise.race([
        this.connection.sendRequest('shutdown'),
        new Promise((resolve) => setTimeout(resolve, 2000)),
      ]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
