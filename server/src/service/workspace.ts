/**
 * The file system as the workspace index sees it (as vscode-markdown-languageservice's `IWorkspace`):
 * folders listed and files read by URI, so that the index runs over the disk in the server
 * (`nodeWorkspace.ts`), in memory in tests (`memoryWorkspace.ts`), and over an editor's file system in a
 * browser. An answer of `undefined` says the thing is not there (or not a folder, not a file); a thrown
 * error says it is there but cannot be read, and the index logs it.
 */

/** Files bigger than this are not indexed (a workspace of logs must not fill the memory). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type EntryKind = 'file' | 'directory' | 'other';

/** One entry of a folder: its name (decoded, as on disk) and its URI. */
export interface DirectoryEntry {
  readonly name: string;
  readonly uri: string;
  readonly kind: EntryKind;
}

export interface FileStat {
  /** The size in bytes. */
  readonly size: number;
}

export interface WorkspaceFiles {
  /** The entries of a folder; `undefined` when it cannot be listed. */
  readDirectory(uri: string): Promise<readonly DirectoryEntry[] | undefined>;
  stat(uri: string): Promise<FileStat | undefined>;
  /** A file's text (UTF-8), as an editor shows it: without a byte order mark (`textOfFile`). */
  readFile(uri: string): Promise<string | undefined>;
}

/**
 * A file's decoded text as the editors open it: a leading byte order mark (U+FEFF) is no character of
 * the document (VS Code, Neovim and Emacs drop it, and so does the `kamervraag` command). What the server
 * reads of a file that is not open (the workspace index, the problems of closed files) is placed with the
 * editor's positions so, and a headerless text is read as the editor reads it (a first line `Ingediend …`
 * after a mark is metadata, not the title).
 */
export function textOfFile(decoded: string): string {
  return decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
}
