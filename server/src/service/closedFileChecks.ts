/**
 * The checks of the workspace's Kamervragen that are not open (`kamervraag.validate.workspace`): their
 * problems published as an open document's are, so that the Problems panel lists those of a whole folder
 * and a team lead sees which documents need work without opening each. An open document publishes its own
 * (the server's debounced publishing); when it closes, its file is checked here again, and what it
 * published stays until then (`closed`).
 *
 * What is checked again, on each `update()` (the index changed; a burst is one sweep): a closed document
 * whose index entry is new (its file was read again, or it was just closed), and one published that names
 * a Kamervraag whose entry changed (the check across documents may say otherwise now); an edit of an open
 * document costs no more than that. On `invalidate()` (the settings, a new day) every closed document. A
 * document whose settings no longer ask for it, or that left the workspace, gets an empty list. The sweep
 * yields between files, so requests are answered meanwhile; an update during a sweep starts one more when
 * it ends.
 *
 * The reading and checking are the server's (`ClosedFileHost`): this class only decides what to check when.
 */
import type { KamervraagSettings } from '../core/config';
import type { IndexedDocument } from './summaries';
import { uriKey } from './uris';

/** A closed document's checks, as the server makes and publishes them. */
export interface ClosedFileHost<D> {
  /** The workspace index's entries: every Kamervraag of the workspace folders, the open ones too. */
  entries(): Iterable<IndexedDocument>;
  isOpen(uri: string): boolean;
  settingsForAll(uris: readonly string[]): Promise<ReadonlyMap<string, KamervraagSettings>>;
  readFile(uri: string): Promise<string | undefined>;
  /** The diagnostics of `text` at `uri` with `settings`, and the zaaknummers of other Kamervragen it names. */
  check(uri: string, text: string, settings: KamervraagSettings): { diagnostics: D[]; cites: readonly string[] };
  publish(uri: string, diagnostics: D[]): void;
  /** Between two files: lets the server answer what came in meanwhile. */
  yieldToRequests(): Promise<void>;
  /** What failed (a file that could not be checked), for the server's log. */
  report(message: string): void;
}

/**
 * What was published for a closed document: under which URI (the editor's spelling of it when the editor
 * had it open: one file has one list of problems, however its name is escaped), and the zaaknummers of the
 * other Kamervragen it names.
 */
interface Published {
  readonly uri: string;
  readonly cites: readonly string[];
}

export class ClosedFileChecks<D> {
  /** Closed documents whose problems are published (an empty list is not kept), by `uriKey`. */
  private readonly published = new Map<string, Published>();
  /** Every entry of the last sweep, by uri: what changed since is what the next sweep compares. */
  private seen = new Map<string, IndexedDocument>();
  private running: Promise<void> | null = null;
  private again = false;
  /** The next sweep looks at every closed document (the first one, and after `invalidate()`). */
  private everything = true;
  private disposed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** How long `changed()` waits for more changes. */
  static readonly DELAY_MS = 300;

  constructor(private readonly host: ClosedFileHost<D>) {}

  /** The index changed: one `update()` for a burst of changes (an edit of an open document changes it each time). */
  changed(): void {
    if (this.timer !== undefined || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, ClosedFileChecks.DELAY_MS);
  }

  /** Something changed (the index, the open documents): check what it concerns, now or after the sweep running. */
  update(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    // A sweep never fails its caller: what went wrong is reported, and the next change tries again.
    this.running = this.sweep().catch((e: unknown) => this.host.report(`kamervraag: the checks of the files that are not open stopped: ${String(e)}`)).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Everything may read otherwise (the settings, the day): check every closed document again. */
  invalidate(): Promise<void> {
    this.everything = true;
    return this.update();
  }

  /** A document was opened: its own publishing takes over (what was published for its file is replaced by it). */
  opened(uri: string): void {
    // Also when it was published under another spelling of its name: the editors read both as one file
    // (VS Code's URIs, Neovim's file names), so the open document's list replaces it, and an empty one
    // now would only empty the Problems panel until then.
    this.published.delete(uriKey(uri));
  }

  /**
   * A document of the workspace index was closed where its settings ask for this: what it published stays
   * until its file's problems replace it (the index reads the file again, and the next sweep checks it), or
   * an empty list does (the settings say otherwise now, the file is gone) — the Problems panel does not
   * empty itself in between.
   */
  closed(uri: string): void {
    if (!this.disposed) this.published.set(uriKey(uri), { uri, cites: [] });
  }

  /** The closed documents whose problems are published now, as published (for the tests). */
  publishedUris(): string[] {
    return [...this.published.values()].map((p) => p.uri);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  private async sweep(): Promise<void> {
    do {
      this.again = false;
      const all = this.everything;
      this.everything = false;
      const entries = [...this.host.entries()];
      const now = new Map(entries.map((e) => [e.uri, e]));
      // The zaaknummers whose Kamervraag changed, came or went: those naming them are checked again.
      const touched = new Set<string>();
      const changed: IndexedDocument[] = [];
      for (const e of entries) {
        const was = this.seen.get(e.uri);
        if (was === e) continue;
        if (e.zaaknummer) touched.add(e.zaaknummer);
        // A Kamervraag that now has another zaaknummer is gone from under its old one.
        if (was?.zaaknummer) touched.add(was.zaaknummer);
        changed.push(e);
      }
      for (const [uri, e] of this.seen) if (!now.has(uri) && e.zaaknummer) touched.add(e.zaaknummer);
      const before = this.seen;
      this.seen = now;
      // What to look at: every closed document after `invalidate()`; else those whose file changed and
      // those published that name a changed Kamervraag (an edit of an open document asks for no more).
      // A published document's entry: under its key (a file read from disk) or its editor's spelling (just closed).
      const entryOf = (key: string, p: Published) => now.get(key) ?? now.get(p.uri);
      const candidates = (all ? entries : [
        ...changed,
        ...[...this.published].flatMap(([key, p]) => {
          const e = entryOf(key, p);
          return e && before.get(e.uri) === e && p.cites.some((z) => touched.has(z)) ? [e] : [];
        }),
      ]).filter((e) => !this.host.isOpen(e.uri));
      const settings = candidates.length > 0 ? await this.host.settingsForAll(candidates.map((e) => e.uri)) : new Map<string, KamervraagSettings>();
      if (this.disposed) return;
      for (const entry of candidates) {
        const key = uriKey(entry.uri);
        if (settings.get(entry.uri)?.validate.workspace !== true) {
          this.forget(key);
          continue;
        }
        try {
          const text = await this.host.readFile(entry.uri);
          // Opened while it was read (its own publishing has it), or gone.
          if (this.disposed) return;
          if (text === undefined || this.host.isOpen(entry.uri)) continue;
          const { diagnostics, cites } = this.host.check(entry.uri, text, settings.get(entry.uri)!);
          // Where its problems stand already: the editor's spelling of a document it had open.
          const target = this.published.get(key)?.uri ?? entry.uri;
          this.host.publish(target, diagnostics);
          this.published.set(key, { uri: target, cites });
        } catch (e) {
          // One file that cannot be read or checked costs its own problems, not the others'.
          this.host.report(`kamervraag: ${entry.uri} could not be checked: ${String(e)}`);
        }
        await this.host.yieldToRequests();
        if (this.disposed) return;
      }
      // Deleted, or outside the folders now: nothing stays in the Problems panel.
      for (const [key, p] of [...this.published]) if (!entryOf(key, p)) this.forget(key);
    } while (this.again && !this.disposed);
  }

  /** The document of `key` is no longer checked here: its problems go from the Problems panel (unless it is open and publishes its own). */
  private forget(key: string): void {
    const published = this.published.get(key);
    if (!published) return;
    this.published.delete(key);
    if (!this.host.isOpen(published.uri)) this.host.publish(published.uri, []);
  }
}
