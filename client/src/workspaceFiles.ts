/**
 * The client's side of the workspace files for a server without a disk (the Web Worker in the browser;
 * server/src/service/clientWorkspace.ts): folders listed, files stat'ed and read with
 * `vscode.workspace.fs`, which reaches whatever file system the browser workbench has (a VS Code
 * server's disk, github.dev's repository, a local folder opened in vscode.dev).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { WORKSPACE_FILE_REQUESTS } from '../../server/src/service/clientWorkspace';

type Params = { uri?: unknown } | null | undefined;

function uriOf(params: Params): vscode.Uri {
  if (typeof params?.uri !== 'string') throw new Error('uri must be a string');
  return vscode.Uri.parse(params.uri, true);
}

/** Not there: answered with null. Other failures are thrown and reach the server as a request error. */
function missing(e: unknown): boolean {
  return e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'FileNotADirectory' || e.code === 'FileIsADirectory');
}

function kindOf(type: vscode.FileType): 'file' | 'directory' | 'other' {
  if (type & vscode.FileType.SymbolicLink) type &= ~vscode.FileType.SymbolicLink;
  return type === vscode.FileType.File ? 'file' : type === vscode.FileType.Directory ? 'directory' : 'other';
}

/** Answers the server's workspace file requests (registered before the client starts). */
export function registerWorkspaceFiles(client: BaseLanguageClient): void {
  // Kept as on disk by the Node server (readFileSync 'utf8'): a byte order mark stays in the text.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  client.onRequest(WORKSPACE_FILE_REQUESTS.readDirectory, async (params: Params) => {
    const dir = uriOf(params);
    try {
      const entries = await vscode.workspace.fs.readDirectory(dir);
      return entries.map(([name, type]) => ({ name, uri: vscode.Uri.joinPath(dir, name).toString(), kind: kindOf(type) }));
    } catch (e) {
      if (missing(e)) return null;
      throw e;
    }
  });
  client.onRequest(WORKSPACE_FILE_REQUESTS.stat, async (params: Params) => {
    try {
      const stat = await vscode.workspace.fs.stat(uriOf(params));
      return kindOf(stat.type) === 'file' ? { size: stat.size } : null;
    } catch (e) {
      if (missing(e)) return null;
      throw e;
    }
  });
  client.onRequest(WORKSPACE_FILE_REQUESTS.readFile, async (params: Params) => {
    try {
      return decoder.decode(await vscode.workspace.fs.readFile(uriOf(params)));
    } catch (e) {
      if (missing(e)) return null;
      throw e;
    }
  });
}
