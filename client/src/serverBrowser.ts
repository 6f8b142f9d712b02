/**
 * The language server in VS Code in the browser (vscode.dev, github.dev, code-server): dist/web/server.js
 * in a Web Worker started from the web-worker extension host. The worker has no disk: the server asks
 * the client for the workspace files (workspaceFiles.ts). The browser build (scripts/build.mjs) puts
 * this module where extension.ts imports ./serverNode.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import type { LanguageClient as NodeLanguageClient } from 'vscode-languageclient/node';
import { CONFIG_FILE } from '../../server/src/core/configFile';
import { EarlyReads } from './settingsPrefetch';
import { readFolderSettingsEarly, readSettingsEarly, registerWorkspaceFiles } from './workspaceFiles';

/**
 * The URI schemes of the documents the server checks in the browser: a VS Code server's files
 * (`vscode-remote:`, code-server), github.dev's (`vscode-vfs:`), a local folder in vscode.dev (`file:`),
 * @vscode/test-web's (`vscode-test-web:`) and untitled documents.
 */
export const documentSchemes: readonly string[] = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'];

/** The path of the server bundle inside the extension. */
export const WEB_SERVER = 'dist/web/server.js';

/**
 * A worker running the server bundle. The extension host refuses `new Worker(uri)` for an extension on
 * a VS Code server (`vscode-remote:`: "Creating workers from remote extensions is currently not
 * supported"), so then the bundle is fetched (or read through the workspace file system) and started
 * from a `blob:` URL; it is one self-contained file for that reason.
 */
async function startWorker(uri: vscode.Uri): Promise<Worker | undefined> {
  try {
    return new Worker(uri.toString(true));
  } catch {
    // The extension host's fetch takes `vscode-remote:` (and `file:`) URIs to the server's HTTP
    // address: much faster than the workspace file system, which is the fallback.
    let bytes: Uint8Array | undefined;
    const res = await fetch(uri.toString(true)).catch(() => undefined);
    if (res?.ok) bytes = new Uint8Array(await res.arrayBuffer());
    else bytes = await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => undefined);
    if (!bytes) return undefined;
    return new Worker(URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/javascript' })));
  }
}

/** The settings files read ahead of the server's first reads of them (`prepareServer`, `createLanguageClient`). */
const early = new EarlyReads<string | null>();
let earlyWatched = false;

/**
 * A settings file changed after its early read started (a `git pull` as the folder opens, another
 * extension writing it): that read is not handed to the server, which then reads the file as it is. The
 * server's own watcher is registered only once it runs, too late for such a change.
 */
function watchEarlyReads(context: vscode.ExtensionContext): void {
  if (earlyWatched) return;
  earlyWatched = true;
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
  const forget = (uri: vscode.Uri) => early.forget(uri.toString());
  context.subscriptions.push(watcher, watcher.onDidChange(forget), watcher.onDidCreate(forget), watcher.onDidDelete(forget));
}

/** The worker `prepareServer` made, until the client takes it; `taken` once the client is made. */
let prepared: Promise<Worker | undefined> | 'taken' | undefined;

/**
 * Makes the server's worker, and starts reading the workspace folders' settings files, ahead of the
 * client: once the workspace is known to hold Kamervragen (the server is started for the Kamervragen
 * view's badge two seconds later, or for the first document opened). On a VS Code server, fetching the
 * bundle took 310–345 ms of the 0.75–0.95 s from opening a document to its first diagnostics; with the
 * worker made ahead, the first diagnostics waited 0.5–0.85 s for the read of `.kamervraag.json`, which
 * the workbench, busy opening the document's editor, answered only then (bench/README.md,
 * `web_first_diagnostics_ms`). The worker only loads the bundle; the server in it starts with the client.
 */
export function prepareServer(context: vscode.ExtensionContext): void {
  if (prepared !== undefined) return;
  prepared = startWorker(vscode.Uri.joinPath(context.extensionUri, WEB_SERVER));
  watchEarlyReads(context);
  readFolderSettingsEarly(early);
}

/** The worker made ahead, or a new one; after the first client, always a new one (`prepareServer` does nothing then). */
function takeWorker(uri: vscode.Uri): Promise<Worker | undefined> {
  const ahead = prepared;
  prepared = 'taken';
  return ahead === undefined || ahead === 'taken' ? startWorker(uri) : ahead;
}

/** The browser client, with the restart of the Node one: a new worker each time it starts. */
class WebLanguageClient extends LanguageClient {
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

/** The client of the language server in its worker, or none when the bundle cannot be read. */
export async function createLanguageClient(
  context: vscode.ExtensionContext,
  id: string,
  name: string,
  clientOptions: LanguageClientOptions,
): Promise<{ client: NodeLanguageClient | undefined; server: string }> {
  const uri = vscode.Uri.joinPath(context.extensionUri, WEB_SERVER);
  const server = uri.toString(true);
  // While the worker starts: the settings files the server reads before the first diagnostics.
  // (The selector's filters are a language and a scheme, the same for VS Code as for LSP.)
  const selector = clientOptions.documentSelector as vscode.DocumentSelector | undefined;
  watchEarlyReads(context);
  if (selector) readSettingsEarly(selector, early);
  let next: Worker | undefined = await takeWorker(uri);
  if (!next) return { client: undefined, server };
  let current: Worker | undefined;
  const client = new WebLanguageClient(id, name, async () => {
    current?.terminate(); // the server of the last start (stopped before a restart)
    current = next ?? (await startWorker(uri));
    next = undefined;
    if (!current) throw new Error(`cannot read ${server}`);
    // Transports, not the worker: the client takes a worker only when it passes `instanceof Worker`,
    // and the extension host's own Worker (which makes nested workers) fails that test.
    return { reader: new BrowserMessageReader(current), writer: new BrowserMessageWriter(current) };
  }, clientOptions);
  registerWorkspaceFiles(client, early);
  // The shared code (extension.ts and the feature modules) types the client as the Node one: the same
  // API (BaseLanguageClient, and restart() above) without the Node process behind it.
  return { client: client as unknown as NodeLanguageClient, server };
}
