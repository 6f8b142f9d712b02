/**
 * The workspace index: a summary (`summaries.ts`) of every Kamervraag in the workspace folders, for
 * `workspace/symbol` (matched by `fuzzy.ts`). Kamervragen are recognised as everywhere else
 * (`core/kamervraagFile.ts`). Folders are listed and files read through a `WorkspaceFiles`
 * (`workspace.ts`): the disk in the server, memory in tests. Indexing runs in time slices between which
 * the server keeps answering requests; open documents replace their file's entry with their live text.
 * Entries are kept by `uriKey`, so a file is one entry however the client spells its URI (`uris.ts`); a
 * file read from the workspace is listed under the URI VS Code gives it, an open document under the URI
 * the client opened it with.
 */
import { hasKamervraagExtension, isKamervraagFile } from '../core/kamervraagFile';
import type { KamervraagDocument } from '../core/model';
import { searchDocuments, type SymbolHit } from './fuzzy';
import { MemoryWorkspace } from './memoryWorkspace';
import { summarize, summarizeText, type IndexedDocument } from './summaries';
import { countNames, personOf, ranked, withCounts, type WorkspaceNames } from './workspaceNames';
import { folderKey, uriKey } from './uris';
import { folderPrefix, searchesFolder, WorkspaceFolderSet } from './workspaceFolders';
import { MAX_FILE_BYTES, type WorkspaceFiles } from './workspace';

export type { NameCount, WorkspaceNames } from './workspaceNames';
export { WATCHED_FILES } from './workspaceFolders';

/** At most this many candidate files are read from the workspace folders. */
const MAX_FILES = 200_000;

/** Runs `f` once the messages waiting now have had their turn. */
const nextTurn: (f: () => void) => void = typeof setImmediate === 'function' ? (f) => setImmediate(f) : (f) => setTimeout(f, 0);

export interface IndexStats {
  readonly documents: number;
  readonly pendingFiles: number;
  readonly ready: boolean;
}

export class WorkspaceIndex {
  /** The entries, by `uriKey` of their URI. */
  private readonly documents = new Map<string, IndexedDocument>();
  /** Keys of the documents held open by the editor: their entry comes from the live text, not from disk. */
  private readonly open = new Set<string>();
  /** The latest model of open documents (by key) whose entry has not been made yet: made when the index is
   * read, not on every keystroke (summarizing 10,000 questions takes longer than checking them). */
  private readonly unsummarized = new Map<string, { uri: string; doc: KamervraagDocument }>();
  /**
   * Open documents edited since their last `update` (by key): how to get their current model, parsed only
   * when the index is read before their check. A request across documents in the moment between an edit
   * and its (debounced) check then sees the text as it is, not as it was.
   */
  private readonly edits = new Map<string, { uri: string; model: () => KamervraagDocument | undefined }>();
  /** The entry made of each open document's model (weakly: a model is summarized once). */
  private readonly summaries = new WeakMap<KamervraagDocument, IndexedDocument>();
  /** The workspace folders, by key. */
  private readonly folders = new WorkspaceFolderSet();
  /** Keys of directories still to list (a stack) and of files still to read (a queue from `head`). */
  private dirs: string[] = [];
  private files: string[] = [];
  private head = 0;
  /** Candidate files found by the folders' search since it last started (a folder added or removed counts them anew). */
  private seenFiles = 0;
  /** How many candidate files the search takes at most (`MAX_FILES`; smaller in the tests). */
  maxFiles = MAX_FILES;
  private scheduled = false;
  private readyWaiters: Array<() => void> = [];
  /** How long one slice of indexing may hold the event loop before other messages get their turn. */
  sliceMs = 8;
  /** Called after the entries changed (a file read, changed or gone; an open document edited or closed). */
  private readonly listeners: Array<() => void> = [];
  /** Set when a file read changed the entries: the listeners hear of it when the queue is done. */
  private dirty = false;
  /**
   * The keys of the entries by zaaknummer, made when first asked for after an entry came, went or got
   * another zaaknummer (an open document's edits mostly keep it: a keystroke does not list 10,000 entries
   * again).
   */
  private byZaaknummerCache: Map<string, string[]> | null = null;
  /** The names after `Indiener(s)` and `Beantwoord door` of the entries that are not open documents, made when first asked for after a change. */
  private namesCache: WorkspaceNames | null = null;

  constructor(
    private readonly workspace: WorkspaceFiles = new MemoryWorkspace(),
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  get stats(): IndexStats {
    this.summarizeOpen();
    return { documents: this.documents.size, pendingFiles: this.files.length - this.head, ready: !this.scheduled };
  }

  /** Calls `listener` whenever the entries have changed (not on every file of a folder being read: once it is done). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Counts the changes of the entries (`WorkspaceDocuments.version`): every call of `changed` and `edited`. */
  version = 0;

  /**
   * `files`: an entry that does not come from an open document changed (or a document was opened or
   * closed). An open document's new text (`files` false) leaves the zaaknummers to `summarizeOpen`.
   */
  private changed(files = true): void {
    this.version++;
    if (files) {
      this.byZaaknummerCache = null;
      this.namesCache = null;
    }
    for (const listener of this.listeners) listener();
  }

  /** Every entry (open documents' from their current text). */
  entries(): IterableIterator<IndexedDocument> {
    this.summarizeOpen();
    return this.documents.values();
  }

  /** The entries whose header names `zaaknummer` (more than one when a folder holds copies). */
  byZaaknummer(zaaknummer: string): readonly IndexedDocument[] {
    this.summarizeOpen();
    if (!this.byZaaknummerCache) {
      const map = new Map<string, string[]>();
      for (const [key, entry] of this.documents) {
        if (!entry.zaaknummer) continue;
        const list = map.get(entry.zaaknummer);
        if (list) list.push(key);
        else map.set(entry.zaaknummer, [key]);
      }
      this.byZaaknummerCache = map;
    }
    const keys = this.byZaaknummerCache.get(zaaknummer);
    if (!keys) return [];
    const out: IndexedDocument[] = [];
    for (const key of keys) {
      const entry = this.documents.get(key);
      if (entry) out.push(entry);
    }
    return out;
  }

  /** The names after `Indiener(s)` and `Beantwoord door` in every entry but `uri`'s, the most frequent first. */
  names(uri: string): WorkspaceNames {
    this.summarizeOpen();
    // The files' names are counted once after they change; the open documents' (a few, edited as the
    // user types) are added on each call.
    if (!this.namesCache) {
      const indieners = new Map<string, number>();
      const beantwoordDoor = new Map<string, number>();
      for (const [key, entry] of this.documents) if (!this.open.has(key)) countNames(entry, indieners, beantwoordDoor);
      this.namesCache = { indieners: ranked(indieners), beantwoordDoor: ranked(beantwoordDoor) };
    }
    const asking = uriKey(uri);
    const indieners = new Map<string, number>();
    const beantwoordDoor = new Map<string, number>();
    for (const key of this.open) {
      const entry = this.documents.get(key);
      if (key !== asking && entry) countNames(entry, indieners, beantwoordDoor);
    }
    // Asked for a file that is not open (not the editor's way): its names are in the counts, and go.
    const own = this.open.has(asking) ? undefined : this.documents.get(asking);
    if (own) countNames(own, indieners, beantwoordDoor, -1);
    return { indieners: withCounts(this.namesCache.indieners, indieners), beantwoordDoor: withCounts(this.namesCache.beantwoordDoor, beantwoordDoor) };
  }

  /** The entries whose `Indiener(s)` (or `Beantwoord door`) names `name`, the party or role in parentheses aside, in any case; by zaaknummer. */
  byName(field: 'indieners' | 'beantwoordDoor', name: string): IndexedDocument[] {
    this.summarizeOpen();
    const wanted = personOf(name);
    const out: IndexedDocument[] = [];
    for (const entry of this.documents.values()) {
      const names = field === 'indieners' ? entry.indieners : entry.beantwoordDoor ? [entry.beantwoordDoor] : [];
      if (names.some((n) => personOf(n) === wanted)) out.push(entry);
    }
    return out.sort((a, b) => ((a.zaaknummer ?? '') < (b.zaaknummer ?? '') ? -1 : (a.zaaknummer ?? '') > (b.zaaknummer ?? '') ? 1 : 0));
  }

  /** Resolves when every queued file has been read. */
  whenReady(): Promise<void> {
    if (this.stats.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  addFolder(uri: string): void {
    const key = folderKey(uri);
    if (!this.folders.add(key)) return;
    this.dirs.push(key);
    this.schedule();
  }

  removeFolder(uri: string): void {
    const key = folderKey(uri);
    if (!this.folders.delete(key)) return;
    const prefix = folderPrefix(key);
    let removed = false;
    for (const doc of [...this.documents.keys()]) {
      if (doc.startsWith(prefix) && !this.folders.contains(doc) && !this.open.has(doc)) removed = this.documents.delete(doc) || removed;
    }
    if (removed) this.changed();
    this.files = this.files.slice(this.head).filter((f) => this.folders.contains(f));
    this.head = 0;
    this.dirs = this.dirs.filter((d) => this.folders.contains(d) || this.folders.has(d));
    // The count of the limit starts again from what the folders left hold (their Kamervragen and the files
    // still to read): a folder removed and added again is not counted twice.
    this.seenFiles = this.documents.size + this.files.length;
  }

  /**
   * A file was created or changed on disk; or something else was created, perhaps a folder (moved or
   * copied here with its Kamervragen, of which the editor reports only the folder): it is listed.
   */
  fileChanged(uri: string): void {
    const key = uriKey(uri);
    if (this.open.has(key) || !this.folders.searches(key)) return;
    if (hasKamervraagExtension(key)) this.enqueue(key);
    else if (searchesFolder(key.slice(key.lastIndexOf('/') + 1))) {
      this.dirs.push(key);
      this.schedule();
    }
  }

  /**
   * Files were deleted; or folders (deleted or moved away with their Kamervragen, of which the editor
   * reports only the folder): the entries under them go, but those of open documents. The entries are
   * looked over once for a batch of events, each against the folders it lies in.
   */
  filesDeleted(uris: Iterable<string>): void {
    let removed = false;
    const folders = new Set<string>();
    for (const uri of uris) {
      const key = uriKey(uri);
      if (this.open.has(key)) continue;
      if (this.documents.delete(key)) removed = true;
      else if (!hasKamervraagExtension(key)) folders.add(key);
    }
    if (folders.size > 0) {
      for (const doc of [...this.documents.keys()]) {
        if (this.open.has(doc)) continue;
        for (let i = doc.lastIndexOf('/'); i > 0; i = doc.lastIndexOf('/', i - 1)) {
          if (!folders.has(doc.slice(0, i))) continue;
          removed = this.documents.delete(doc) || removed;
          break;
        }
      }
    }
    if (removed) this.changed();
  }

  /** An open document's current model (its entry is made when the index is next read). */
  update(uri: string, doc: KamervraagDocument): void {
    const key = uriKey(uri);
    const opened = !this.open.has(key);
    this.open.add(key);
    this.edits.delete(key);
    this.unsummarized.set(key, { uri, doc });
    this.changed(opened);
  }

  /**
   * An open document was edited; its `update` follows with its check. Until then a read of the index takes
   * its current model from `model` (undefined: none, the entry stays). The listeners hear of it with the
   * `update`, not now: a keystroke notifies nobody twice. A document not in the index yet waits for its `update`.
   */
  edited(uri: string, model: () => KamervraagDocument | undefined): void {
    const key = uriKey(uri);
    if (!this.open.has(key)) return;
    this.edits.set(key, { uri, model });
    // What was read of the entries no longer holds (`WorkspaceDocuments.version`).
    this.version++;
  }

  private summarizeOpen(): void {
    for (const [key, { uri, model }] of this.edits) {
      const doc = model();
      if (doc) this.unsummarized.set(key, { uri, doc });
    }
    this.edits.clear();
    for (const [key, { uri, doc }] of this.unsummarized) {
      // The check's `update` gives the model an edit was read at: summarized once.
      const known = this.summaries.get(doc);
      const entry = known?.uri === uri ? known : summarize(uri, doc);
      this.summaries.set(doc, entry);
      const before = this.documents.get(key);
      if (!before || before.zaaknummer !== entry.zaaknummer) this.byZaaknummerCache = null;
      this.documents.set(key, entry);
    }
    this.unsummarized.clear();
  }

  /**
   * The editor closed a document: its entry comes from disk again (or goes, when it is not in a folder).
   * Until the file is read, the entry of its last text stays: the overview keeps its row, and the checks of
   * the files that are not open (`closedFileChecks.ts`) see the file's entry replace it, no gap between.
   * True when an entry stays until then (a Kamervraag of the folders).
   */
  closed(uri: string): boolean {
    const key = uriKey(uri);
    // Its entry of its last text made as every open document's is when the index is read.
    this.summarizeOpen();
    this.open.delete(key);
    this.edits.delete(key);
    if (this.folders.searches(key)) this.enqueue(key);
    else this.documents.delete(key);
    this.changed();
    return this.documents.has(key);
  }

  /** Symbols matching `query` (see `searchDocuments`); an empty query lists every document, not its questions. */
  search(query: string, limit = Number.POSITIVE_INFINITY): SymbolHit[] {
    this.summarizeOpen();
    return searchDocuments(this.documents.values(), query, limit);
  }

  private enqueue(key: string): void {
    this.files.push(key);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    nextTurn(() => void this.drain());
  }

  /**
   * Lists directories and reads files until none are left, giving other messages their turn after each
   * time slice. (With `nodeWorkspace`, whose promises are settled at once, a slice holds the event loop.)
   */
  private async drain(): Promise<void> {
    let until = performance.now() + this.sliceMs;
    let n = 0;
    while (this.head < this.files.length || this.dirs.length > 0) {
      if (this.head < this.files.length) await this.indexFile(this.files[this.head++]!);
      else await this.list(this.dirs.pop()!);
      if ((++n & 15) === 0 && performance.now() > until) {
        if (this.head >= this.files.length) {
          this.files = [];
          this.head = 0;
        }
        await new Promise<void>((resolve) => nextTurn(resolve));
        until = performance.now() + this.sliceMs;
      }
    }
    this.files = [];
    this.head = 0;
    this.scheduled = false;
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) w();
    if (this.dirty) {
      this.dirty = false;
      this.changed();
    }
  }

  /** Reads one directory: its folders go on the stack, its candidate files in the queue. */
  private async list(dir: string): Promise<void> {
    let entries;
    try {
      entries = await this.workspace.readDirectory(dir);
    } catch {
      return;
    }
    if (!entries || !(this.folders.contains(dir) || this.folders.has(dir))) return;
    for (const e of entries) {
      if (e.kind === 'directory') {
        if (searchesFolder(e.name)) this.dirs.push(uriKey(e.uri));
      } else if (e.kind === 'file' && hasKamervraagExtension(e.name)) {
        if (++this.seenFiles === this.maxFiles + 1) this.log(`kamervraag: more than ${this.maxFiles} candidate files in the workspace; indexing only the first ${this.maxFiles}`);
        if (this.seenFiles <= this.maxFiles) this.files.push(uriKey(e.uri));
      }
    }
  }

  private async indexFile(key: string): Promise<void> {
    if (this.open.has(key)) return;
    try {
      const stat = await this.workspace.stat(key);
      if (stat && stat.size > MAX_FILE_BYTES) {
        // Too big to index (grown so since it was read, or the entry of a document just closed).
        if (this.documents.delete(key)) this.dirty = true;
        return;
      }
      const text = stat && (await this.workspace.readFile(key));
      // Opened, or its folder removed, while it was read (only when the workspace answers later).
      if (this.open.has(key) || !this.folders.contains(key)) return;
      if (text === undefined || !isKamervraagFile(key, text)) {
        // Gone, or not a Kamervraag (any longer).
        if (this.documents.delete(key)) this.dirty = true;
        return;
      }
      this.documents.set(key, summarizeText(key, text));
      this.dirty = true;
    } catch (err) {
      // Unreadable: drop it.
      if (this.documents.delete(key)) this.dirty = true;
      this.log(`kamervraag: cannot index ${key}: ${String(err)}`);
    }
  }
}
