/**
 * A client that writes JSON-RPC frames by hand (`Content-Length` header and JSON body) to the built
 * server over stdio and reads its frames back, for what `vscode-jsonrpc` will not send: `"params": null`
 * (it drops or wraps null parameters), requests before `initialize`, a second `initialize`. Requests
 * from the server (`client/registerCapability` …) are answered with `null`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER_BIN, withTimeout } from './lspClient';

export interface RawResponse {
  readonly jsonrpc: '2.0';
  readonly id: number | string | null;
  readonly result?: unknown;
  readonly error?: { code: number; message: string; data?: unknown };
}

export interface RawNotification {
  readonly method: string;
  readonly params?: unknown;
}

/** `"params"` left out of the frame altogether (as opposed to `null`). */
export const NO_PARAMS: unique symbol = Symbol('no params');

export class RawServer {
  readonly proc: ChildProcess;
  readonly exited: Promise<number | null>;
  /** Notifications the server sent, in order. */
  readonly notifications: RawNotification[] = [];
  /** Requests the server sent (each answered with `null`), in order. */
  readonly serverRequests: RawNotification[] = [];
  readonly stderr: string[] = [];
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting = new Map<number | string, (r: RawResponse) => void>();

  constructor(args: readonly string[] = ['--stdio']) {
    this.proc = spawn(process.execPath, [SERVER_BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.proc.once('exit', (code) => resolve(code)));
    this.proc.stderr!.setEncoding('utf8').on('data', (d: string) => this.stderr.push(d));
    this.proc.stdout!.on('data', (chunk: Buffer) => this.read(chunk));
    // A server that exits while a frame is being written must not fail the test with EPIPE.
    this.proc.stdin!.on('error', () => undefined);
  }

  /** Writes one frame holding `message`. */
  write(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.proc.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Sends a request (with `params` exactly as given: `null` stays `null`) and waits for its response. */
  request(method: string, params: unknown = NO_PARAMS, timeoutMs = 5000): Promise<RawResponse> {
    const id = this.nextId++;
    const answered = new Promise<RawResponse>((resolve) => this.waiting.set(id, resolve));
    this.write(params === NO_PARAMS ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
    return withTimeout(answered, timeoutMs, `no response to ${method} within ${timeoutMs} ms; stderr: ${this.stderr.join('').slice(-2000)}`);
  }

  notify(method: string, params: unknown = NO_PARAMS): void {
    this.write(params === NO_PARAMS ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params });
  }

  /** `initialize` (with no capabilities worth mentioning) and `initialized`. */
  async initialize(params: object = {}): Promise<RawResponse> {
    const response = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, ...params });
    this.notify('initialized', {});
    return response;
  }

  kill(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill();
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: *(\d+)/i.exec(header)?.[1]);
      if (!Number.isInteger(length)) throw new Error(`a frame without Content-Length: ${header}`);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Record<string, unknown>);
    }
  }

  private dispatch(message: Record<string, unknown>): void {
    if (typeof message.method === 'string') {
      if ('id' in message) {
        this.serverRequests.push({ method: message.method, params: message.params });
        this.write({ jsonrpc: '2.0', id: message.id, result: null });
      } else {
        this.notifications.push({ method: message.method, params: message.params });
      }
      return;
    }
    const id = message.id as number | string;
    const resolve = this.waiting.get(id);
    if (!resolve) return;
    this.waiting.delete(id);
    resolve(message as unknown as RawResponse);
  }
}
