/**
 * Workspace files held in memory, by URI: for tests, and for an editor without a disk. Folders are
 * implied by the files under them.
 */
import { textOfFile, type DirectoryEntry, type FileStat, type WorkspaceFiles } from './workspace';
import { uriKey } from './uris';

export class MemoryWorkspace implements WorkspaceFiles {
  /** File texts by `uriKey`. */
  private readonly texts = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [uri, text] of Object.entries(files)) this.write(uri, text);
  }

  write(uri: string, text: string): void {
    this.texts.set(uriKey(uri), text);
  }

  delete(uri: string): void {
    this.texts.delete(uriKey(uri));
  }

  async readDirectory(uri: string): Promise<readonly DirectoryEntry[] | undefined> {
    const key = uriKey(uri);
    if (this.texts.has(key)) return undefined;
    const prefix = key.endsWith('/') ? key : key + '/';
    const entries = new Map<string, DirectoryEntry>();
    for (const file of this.texts.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      const segment = slash < 0 ? rest : rest.slice(0, slash);
      if (!entries.has(segment)) {
        entries.set(segment, { name: decodeURIComponent(segment), uri: prefix + segment, kind: slash < 0 ? 'file' : 'directory' });
      }
    }
    return entries.size > 0 ? [...entries.values()] : undefined;
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const text = this.texts.get(uriKey(uri));
    return text === undefined ? undefined : { size: new TextEncoder().encode(text).length };
  }

  async readFile(uri: string): Promise<string | undefined> {
    const text = this.texts.get(uriKey(uri));
    return text === undefined ? undefined : textOfFile(text);
  }
}
