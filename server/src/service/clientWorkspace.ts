/**
 * The workspace files as the client sees them, for a server without a disk (the Web Worker of VS Code
 * in the browser) or a folder that is not on disk (`vscode-vfs:`): three requests from server to
 * client, answered by the VS Code client with `vscode.workspace.fs` (client/src/workspaceFiles.ts).
 * Whatever the client answers is checked here: a malformed answer reads as "not there", a failed
 * request as "cannot be read" (the index logs it).
 *
 * The index reads one file after another; through the client each read is a round trip (two: stat,
 * then the text), so the files a listing names are read ahead, a few requests at a time, in the order
 * the index will ask for them (`ReadAhead`).
 */
import { hasKamervraagExtension } from '../core/kamervraagFile';
import { uriKey } from './uris';
import { MAX_FILE_BYTES, textOfFile, type DirectoryEntry, type EntryKind, type FileStat, type WorkspaceFiles } from './workspace';

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

interface Requests {
  readDirectory(uri: string): Promise<readonly DirectoryEntry[] | undefined>;
  stat(uri: string): Promise<FileStat | undefined>;
  readFile(uri: string): Promise<string | undefined>;
}

function requests(send: SendRequest): Requests {
  return {
    async readDirectory(uri) {
      const entries = await send(WORKSPACE_FILE_REQUESTS.readDirectory, { uri });
      return Array.isArray(entries) ? entries.filter(isEntry).map(({ name, uri, kind }) => ({ name, uri, kind })) : undefined;
    },
    async stat(uri) {
      const stat = (await send(WORKSPACE_FILE_REQUESTS.stat, { uri })) as Partial<FileStat> | null;
      return typeof stat?.size === 'number' && stat.size >= 0 ? { size: stat.size } : undefined;
    },
    async readFile(uri) {
      const text = await send(WORKSPACE_FILE_REQUESTS.readFile, { uri });
      return typeof text === 'string' ? textOfFile(text) : undefined;
    },
  };
}

/** What was read ahead for one file: its stat, and its text when it is not too big for the index. */
interface Ahead {
  readonly stat: FileStat | undefined;
  readonly text: string | undefined;
}

/**
 * Reads the candidate files of each listing ahead of the index: at most `parallel` requests at a time
 * and `window` files read and not yet asked for. The index asks in listing order; an entry it passes
 * by (an open document, which it does not read) is dropped when it asks for a later one. A file it
 * asks for that was not read ahead (changed, closed) is read then, as without read-ahead.
 */
class ReadAhead {
  private readonly queue: string[] = [];
  private readonly ahead = new Map<string, Promise<Ahead>>();
  private inFlight = 0;

  constructor(
    private readonly files: Requests,
    private readonly parallel = 8,
    private readonly window = 32,
  ) {}

  listed(entries: readonly DirectoryEntry[]): void {
    for (const e of entries) if (e.kind === 'file' && hasKamervraagExtension(e.name)) this.queue.push(uriKey(e.uri));
    this.pump();
  }

  /** The read-ahead of `uri`, taken out (and every entry before it, which the index passed by). */
  take(uri: string): Promise<Ahead> | undefined {
    const key = uriKey(uri);
    const found = this.ahead.get(key);
    if (found) {
      for (const k of this.ahead.keys()) {
        this.ahead.delete(k);
        if (k === key) break;
      }
    } else {
      // Not read yet (the window was full of files the index passed by): it is read now, so it and
      // everything before it leave the queue, and what was read ahead is all before it.
      const at = this.queue.indexOf(key);
      if (at >= 0) {
        this.queue.splice(0, at + 1);
        this.ahead.clear();
      }
    }
    this.pump();
    return found;
  }

  private pump(): void {
    while (this.inFlight < this.parallel && this.ahead.size < this.window && this.queue.length > 0) {
      const key = this.queue.shift()!;
      if (this.ahead.has(key)) continue;
      this.inFlight++;
      const read = (async (): Promise<Ahead> => {
        const stat = await this.files.stat(key);
        return { stat, text: stat && stat.size <= MAX_FILE_BYTES ? await this.files.readFile(key) : undefined };
      })();
      read.catch(() => undefined).finally(() => {
        this.inFlight--;
        this.pump();
      });
      this.ahead.set(key, read);
    }
  }
}

export function clientWorkspace(send: SendRequest): WorkspaceFiles {
  const files = requests(send);
  const ahead = new ReadAhead(files);
  /** The text read ahead for the file whose stat the index just took (it asks for the text next). */
  const texts = new Map<string, string | undefined>();
  return {
    async readDirectory(uri) {
      const entries = await files.readDirectory(uri);
      if (entries) ahead.listed(entries);
      return entries;
    },
    async stat(uri) {
      const read = ahead.take(uri);
      if (!read) return files.stat(uri);
      const { stat, text } = await read;
      if (text !== undefined) texts.set(uriKey(uri), text);
      return stat;
    },
    async readFile(uri) {
      const key = uriKey(uri);
      if (texts.has(key)) {
        const text = texts.get(key);
        texts.delete(key);
        return text;
      }
      return files.readFile(uri);
    },
  };
}
