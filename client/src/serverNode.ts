/**
 * The language server on the desktop (and in a VS Code server's Node extension host): dist/server.js,
 * a Node process that the client starts and talks to over IPC; it reads the workspace from disk, and
 * through VS Code (workspaceFiles.ts) in a virtual workspace.
 */
import * as fs from 'node:fs';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerWorkspaceFiles } from './workspaceFiles';

/** The URI schemes of the documents the server checks: files, untitled documents and virtual workspaces. */
export const documentSchemes: readonly string[] = ['file', 'untitled', 'vscode-vfs'];

/**
 * Called once the workspace is known to hold Kamervragen, before the server is started: nothing to do
 * here (the browser build makes its worker then; a Node process starts in a few tens of milliseconds).
 */
export function prepareServer(_context: vscode.ExtensionContext): void {}

/** The client of the language server, or none when its bundle is missing; `server` names the bundle. */
export async function createLanguageClient(
  context: vscode.ExtensionContext,
  id: string,
  name: string,
  clientOptions: LanguageClientOptions,
): Promise<{ client: LanguageClient | undefined; server: string }> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  if (!fs.existsSync(serverModule)) return { client: undefined, server: serverModule };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const client = new LanguageClient(id, name, serverOptions, clientOptions);
  // The files of a virtual workspace (not on disk) are read through VS Code.
  registerWorkspaceFiles(client);
  return { client, server: serverModule };
}
