/**
 * Reads of the settings files started before the server asks for them (the browser client).
 *
 * A document's first diagnostics wait for its settings, so that a check its `.kamervraag.json` ignores
 * does not flash up (server/src/service/settings.ts). In the browser the server reads those files
 * through the client (workspaceFiles.ts), and each read goes through the workbench's file system: a
 * network request on github.dev, and 0.6–0.7 s on a VS Code server at the start of a session on a slow
 * machine (bench/README.md). The client knows which files the server will ask for first — those of the
 * documents open when it starts — and reads them while the worker starts; the server's first read of
 * each is answered with that result.
 *
 * No `vscode` here (plain-Node tests): URIs are strings as `vscode.Uri.toString()` writes them, which is
 * how the server writes the URIs it asks for (vscode-uri).
 */
import { CONFIG_FILE } from '../../server/src/core/configFile';

/**
 * The settings files the server reads for a document in a workspace folder, in its order: the one in
 * the document's folder, then each folder up to the workspace folder's (the server stops at the first
 * that exists). None for a document outside the folder.
 */
export function settingsFiles(document: string, folder: string): string[] {
  const root = folder.replace(/\/$/, '');
  if (!document.startsWith(`${root}/`)) return [];
  const files: string[] = [];
  for (let dir = document.slice(0, document.lastIndexOf('/')); ; dir = dir.slice(0, dir.lastIndexOf('/'))) {
    files.push(`${dir}/${CONFIG_FILE}`);
    if (dir.length <= root.length) return files;
  }
}

/** How long a read started early may stand for the file: a later read goes to the file system. */
export const EARLY_READ_MS = 30_000;

/** Reads started early, each handed out once, within `EARLY_READ_MS` of its start. */
export class EarlyReads<T> {
  private readonly reads = new Map<string, { readonly started: number; readonly result: Promise<T> }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts reading `uri` (once: a read under way is not started again). */
  start(uri: string, read: (uri: string) => Promise<T>): void {
    if (this.reads.has(uri)) return;
    const result = read(uri);
    // Handed out later, or never: a failure is the asker's to see, not an unhandled rejection.
    result.catch(() => undefined);
    this.reads.set(uri, { started: this.now(), result });
  }

  /** The read of `uri` started early, if it is recent; it is not handed out again. */
  take(uri: string): Promise<T> | undefined {
    const early = this.reads.get(uri);
    this.reads.delete(uri);
    // Reads never asked for (the server found a file nearer the document) go when they are old.
    for (const [other, read] of this.reads) if (this.now() - read.started > EARLY_READ_MS) this.reads.delete(other);
    return early && this.now() - early.started <= EARLY_READ_MS ? early.result : undefined;
  }

  /** `uri` changed (or came, or went): a read of it started before is not handed out. */
  forget(uri: string): void {
    this.reads.delete(uri);
  }

  /** How many early reads are kept. */
  get size(): number {
    return this.reads.size;
  }
}
