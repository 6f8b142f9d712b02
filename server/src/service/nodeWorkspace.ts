/**
 * The workspace files on disk (`node:fs`), for the language server. Synchronous calls behind the
 * interface's promises: the index reads thousands of small files in time slices of its own, and
 * `readFileSync` is several times faster per file than `fs.promises.readFile`.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { textOfFile, type DirectoryEntry, type FileStat, type WorkspaceFiles } from './workspace';
import { fileUri, parseFile } from './uris';

/**
 * The file system path of a `file:` URI, or null for another scheme or what is not a URI, and for a file
 * on another host (`file://server/share/…`) except on Windows, where that is a UNC path. (Here, not in
 * uris.ts, which the language server in a browser uses too.)
 */
export function uriPath(uri: string): string | null {
  if (!/^file:/i.test(uri)) return null;
  try {
    const parsed = parseFile(uri);
    if (parsed.authority !== '' && process.platform !== 'win32') return null;
    return parsed.fsPath;
  } catch {
    return null;
  }
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export const nodeWorkspace: WorkspaceFiles = {
  async readDirectory(uri: string): Promise<readonly DirectoryEntry[] | undefined> {
    const dir = uriPath(uri);
    if (!dir) return undefined;
    try {
      return readdirSync(dir, { withFileTypes: true }).map((e) => ({
        name: e.name,
        // Files found on disk get the URI VS Code gives them (uris.ts).
        uri: fileUri(path.join(dir, e.name)),
        kind: e.isDirectory() ? 'directory' : e.isFile() ? 'file' : 'other',
      }));
    } catch {
      return undefined;
    }
  },

  async stat(uri: string): Promise<FileStat | undefined> {
    const file = uriPath(uri);
    if (!file) return undefined;
    try {
      return { size: statSync(file).size };
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  },

  async readFile(uri: string): Promise<string | undefined> {
    const file = uriPath(uri);
    if (!file) return undefined;
    let fd: number;
    try {
      // Without blocking: a named pipe (FIFO) opened to read waits for a writer, and a synchronous read of it
      // would stop the server for good. (O_NONBLOCK changes nothing for a regular file; Windows has none.)
      fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
    try {
      if (!fstatSync(fd).isFile()) throw new Error(`${file}: not a regular file`);
      return textOfFile(readFileSync(fd, 'utf8'));
    } finally {
      closeSync(fd);
    }
  },
};
