/**
 * The workspace files as the client sees them, for a server without a disk (the Web Worker of VS Code
 * in the browser): three requests from server to client, answered by the VS Code client with
 * `vscode.workspace.fs` (client/src/workspaceFiles.ts). Whatever the client answers is checked here: a
 * malformed answer reads as "not there", a failed request as "cannot be read" (the index logs it).
 */
import type { DirectoryEntry, EntryKind, FileStat, WorkspaceFiles } from './workspace';

/** The requests, each with parameters `{ uri }`. */
export const WORKSPACE_FILE_REQUESTS = {
  /** → `{ name, uri, kind }[]`, or null when the folder cannot be listed. */
  readDirectory: 'kamervraag/workspace/readDirectory',
  /** → `{ size }`, or null when there is no such file. */
  stat: 'kamervraag/workspace/stat',
  /** → the file's text (UTF-8), or null when there is no such file. */
  readFile: 'kamervraag/workspace/readFile',
} as const;

export type SendRequest = (method: string, params: { uri: string }) => Promise<unknown>;

const KINDS: ReadonlySet<string> = new Set<EntryKind>(['file', 'directory', 'other']);

function isEntry(e: unknown): e is DirectoryEntry {
  const x = e as Partial<DirectoryEntry> | null;
  return typeof x?.name === 'string' && typeof x.uri === 'string' && typeof x.kind === 'string' && KINDS.has(x.kind);
}

export function clientWorkspace(send: SendRequest): WorkspaceFiles {
  return {
    async readDirectory(uri: string): Promise<readonly DirectoryEntry[] | undefined> {
      const entries = await send(WORKSPACE_FILE_REQUESTS.readDirectory, { uri });
      return Array.isArray(entries) ? entries.filter(isEntry).map(({ name, uri, kind }) => ({ name, uri, kind })) : undefined;
    },
    async stat(uri: string): Promise<FileStat | undefined> {
      const stat = (await send(WORKSPACE_FILE_REQUESTS.stat, { uri })) as Partial<FileStat> | null;
      return typeof stat?.size === 'number' && stat.size >= 0 ? { size: stat.size } : undefined;
    },
    async readFile(uri: string): Promise<string | undefined> {
      const text = await send(WORKSPACE_FILE_REQUESTS.readFile, { uri });
      return typeof text === 'string' ? text : undefined;
    },
  };
}
