/**
 * The workspace folders as the index searches them: which URIs lie inside one, and which the search of
 * the folders finds — every folder below them but `node_modules`, build output and hidden ones — and the
 * file events that keep it current.
 */
import { WatchKind, type FileSystemWatcher } from 'vscode-languageserver';
import { CONFIG_FILE } from '../core/configFile';

/**
 * The file events the index (and the settings) follow: the candidate files and `.kamervraag.json` as they
 * change; and every creation and deletion, since a folder moved, copied or deleted with its Kamervragen is
 * reported as the folder alone.
 */
export const WATCHED_FILES: FileSystemWatcher[] = [
  { globPattern: '**/*.{txt,kvr,kamervraag}' },
  { globPattern: `**/${CONFIG_FILE}` },
  { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
];

/** Folders never searched (nor are hidden ones). */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test']);

/** Whether the search goes into a folder of this name. */
export function searchesFolder(name: string): boolean {
  return !SKIP_DIRS.has(name) && !name.startsWith('.');
}

/** What the key of a URI inside the folder of this key starts with. */
export function folderPrefix(key: string): string {
  return key.endsWith('/') ? key : key + '/';
}

/** The workspace folders, by key (`folderKey`). */
export class WorkspaceFolderSet {
  private readonly keys = new Set<string>();

  /** False when it was there already. */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }

  /** False when it was not there. */
  delete(key: string): boolean {
    return this.keys.delete(key);
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** Whether `key` lies inside one of the folders, at any depth. */
  contains(key: string): boolean {
    for (const folder of this.keys) if (key.startsWith(folderPrefix(folder))) return true;
    return false;
  }

  /**
   * Whether the search of the folders finds `key`: inside a folder, and in none of the folders the search
   * passes over (`searchesFolder`). A file changed there, or a document of there closed, has no entry, as
   * after a fresh start.
   */
  searches(key: string): boolean {
    for (const folder of this.keys) {
      const prefix = folderPrefix(folder);
      if (key.startsWith(prefix) && key.slice(prefix.length).split('/').slice(0, -1).every(searchesFolder)) return true;
    }
    return false;
  }
}
