/**
 * The protocol tests' client: the shared LSP client (test/support/lspClient.ts), which spawns the built
 * server binary and talks JSON-RPC to it over stdio, plus a history of the diagnostics it published.
 * Not a test file itself (no tests are declared here).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspClient, ROOT, type InitializeOptions } from '../support/lspClient';

export { EXAMPLES, FULL_CAPABILITIES, ROOT, SERVER_BIN, withTimeout } from '../support/lspClient';
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'protocol');

export function fixture(dir: string, name: string): { uri: string; text: string } {
  const file = path.join(dir, name);
  return { uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') };
}

export interface StartOptions extends InitializeOptions {
  /** The server's arguments (default `--stdio`). */
  readonly args?: readonly string[];
  /** Node's arguments, before the server's (`--require` of a preloaded module). */
  readonly nodeArgs?: readonly string[];
}

export class Client extends LspClient {
  /** Every publishDiagnostics, by URI, in the order received. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  /** Every publishDiagnostics, for any URI, in the order received. */
  readonly publishedInOrder: PublishDiagnosticsParams[] = [];

  /** Spawns the server and initializes it. */
  static async start(options: StartOptions = {}): Promise<Client> {
    const client = new Client({ args: options.args, nodeArgs: options.nodeArgs });
    await client.initialize(options);
    return client;
  }

  protected override published(p: PublishDiagnosticsParams): void {
    const list = this.diagnostics.get(p.uri) ?? [];
    list.push(p);
    this.diagnostics.set(p.uri, list);
    this.publishedInOrder.push(p);
    super.published(p);
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
    return this.nextDiagnostics(uri, accept, timeoutMs);
  }
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
