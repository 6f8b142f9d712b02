/**
 * The client's side of the workspace files for a server without a disk (the Web Worker in the browser;
 * server/src/service/clientWorkspace.ts): folders listed, files stat'ed and read with
 * `vscode.workspace.fs`, which reaches whatever file system the browser workbench has (a VS Code
 * server's disk, github.dev's repository, a local folder opened in vscode.dev).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { WORKSPACE_FILE_REQUESTS } from '../../server/src/service/clientWorkspace';
import { EarlyReads, settingsFiles } from './settingsPrefetch';

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

// As the Node server reads a file on disk (readFileSync 'utf8'): a byte order mark stays in the text, and the
// server drops it as the editor does (server/src/service/workspace.ts `textOfFile`).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The text of a file, or null when it is not there. What is no regular file is refused, not read: a named
 * pipe (FIFO) would keep the read, and the server waiting for it, until a writer came.
 */
async function readText(uri: vscode.Uri): Promise<string | null> {
  try {
    if (kindOf((await vscode.workspace.fs.stat(uri)).type) !== 'file') throw new Error(`${uri.toString()}: not a regular file`);
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    if (missing(e)) return null;
    throw e;
  }
}

/**
 * Starts reading the settings files of the documents open now that `selector` matches (the server's
 * documents), for the server's first reads of them (settingsPrefetch.ts), into `early`.
 */
export function readSettingsEarly(selector: vscode.DocumentSelector, early: EarlyReads<string | null>): void {
  for (const doc of vscode.workspace.textDocuments) {
    const folder = vscode.languages.match(selector, doc) > 0 ? vscode.workspace.getWorkspaceFolder(doc.uri) : undefined;
    if (!folder) continue;
    for (const file of settingsFiles(doc.uri.toString(), folder.uri.toString())) {
      early.start(file, (uri) => readText(vscode.Uri.parse(uri, true)));
    }
  }
}

/**
 * Starts reading the settings file of each workspace folder (`.kamervraag.json` at its top), into
 * `early`: before any document is open, the one file the server will read for any document of the
 * folder that has none nearer.
 */
export function readFolderSettingsEarly(early: EarlyReads<string | null>): void {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    // The files of a document at the folder's top: the folder's own, spelt as the server asks for it.
    const files = settingsFiles(`${folder.uri.toString().replace(/\/$/, '')}/x`, folder.uri.toString());
    for (const file of files) early.start(file, (uri) => readText(vscode.Uri.parse(uri, true)));
  }
}

/**
 * Answers the server's workspace file requests (registered before the client starts); a file read
 * early (`readSettingsEarly`) is answered once with that read.
 */
export function registerWorkspaceFiles(client: BaseLanguageClient, early?: EarlyReads<string | null>): void {
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
  client.onRequest(WORKSPACE_FILE_REQUESTS.readFile, (params: Params) => {
    const uri = uriOf(params);
    return early?.take(uri.toString()) ?? readText(uri);
  });
}
