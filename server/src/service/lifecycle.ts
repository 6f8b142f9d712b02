/**
 * The order of the LSP lifecycle, and the shape of parameters, checked once for every incoming message
 * before any handler runs (server.ts calls `admit` from the JSON-RPC layer's message strategy):
 *
 * - before `initialize`, a request is answered with ServerNotInitialized (-32002) and a notification is
 *   dropped, except `exit`;
 * - `initialize` is accepted once; a second one is InvalidRequest (-32600), and so is every request after
 *   `shutdown` (a second `shutdown` too), whose notifications are dropped, except `exit`;
 * - a request whose `params` are there but are not an object (`null`, an array, a number …) is
 *   InvalidParams (-32602); every LSP request takes its parameters by name. (A request without `params`
 *   is left to the JSON-RPC layer, which answers InvalidParams when its method takes parameters.) Such a
 *   notification is dropped. An `initialize` without a `capabilities` object is InvalidParams too, and
 *   leaves the server waiting for a proper one.
 *
 * Connection-free: it reads JSON-RPC messages and returns a verdict.
 */
import { ErrorCodes } from 'vscode-languageserver';

export type Verdict =
  | { readonly kind: 'pass' }
  | { readonly kind: 'drop' }
  | { readonly kind: 'reject'; readonly code: number; readonly message: string };

const PASS: Verdict = { kind: 'pass' };
const DROP: Verdict = { kind: 'drop' };

/** Requests that take no parameters (`"params"` absent, or `null` as some clients write it). */
const WITHOUT_PARAMS = new Set(['shutdown']);
/** Notifications whose parameters are not read (`initialized` has an empty object, which some clients write as `[]`). */
const NOTIFICATIONS_WITHOUT_PARAMS = new Set(['exit', 'initialized']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasObjectParams(message: { params?: unknown }): boolean {
  return !('params' in message) || message.params === undefined || isObject(message.params);
}

export class Lifecycle {
  private state: 'new' | 'running' | 'shutDown' = 'new';
  private initializedSeen = false;

  /** What to do with one incoming JSON-RPC message (a response to a request of the server always passes). */
  admit(message: unknown): Verdict {
    if (typeof message !== 'object' || message === null) return PASS;
    const m = message as { id?: unknown; method?: unknown; params?: unknown };
    if (typeof m.method !== 'string') return PASS;
    // As the JSON-RPC layer tells them apart: a request has a string or number id.
    return typeof m.id === 'string' || typeof m.id === 'number' ? this.request(m.method, m) : this.notification(m.method, m);
  }

  private request(method: string, m: { params?: unknown }): Verdict {
    if (this.state === 'shutDown') {
      return reject(ErrorCodes.InvalidRequest, `The server is shutting down: ${method} is refused; only the exit notification is accepted.`);
    }
    if (method === 'initialize' && this.state === 'running') {
      return reject(ErrorCodes.InvalidRequest, 'The server is already initialized: initialize may be sent only once.');
    }
    if (method !== 'initialize' && this.state === 'new') {
      return reject(ErrorCodes.ServerNotInitialized, `The server is not initialized: ${method} must come after the initialize request.`);
    }
    if (!WITHOUT_PARAMS.has(method) && !hasObjectParams(m)) {
      return reject(ErrorCodes.InvalidParams, `The parameters of ${method} must be an object, not ${describe(m.params)}.`);
    }
    // An initialize that would fail does not count as the initialize: the client may send a proper one.
    if (method === 'initialize' && !(isObject(m.params) && isObject(m.params.capabilities))) {
      return reject(ErrorCodes.InvalidParams, 'The parameters of initialize must be an object with a capabilities object.');
    }
    if (method === 'initialize') this.state = 'running';
    else if (method === 'shutdown') this.state = 'shutDown';
    return PASS;
  }

  private notification(method: string, m: { params?: unknown }): Verdict {
    if (method === 'exit') return PASS;
    if (this.state !== 'running') return DROP;
    if (!NOTIFICATIONS_WITHOUT_PARAMS.has(method) && !hasObjectParams(m)) return DROP;
    if (method === 'initialized') {
      if (this.initializedSeen) return DROP;
      this.initializedSeen = true;
    }
    return PASS;
  }
}

function reject(code: number, message: string): Verdict {
  return { kind: 'reject', code, message };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
