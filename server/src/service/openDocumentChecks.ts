/**
 * When the checks of the open documents run and their diagnostics are published: after an edit, debounced
 * per document (at least `baseDelayMs`, or half what the last check took, for big documents; at most
 * `MAX_DELAY_MS`), and not before the document's settings are read (an ignored check must not flash up),
 * for the version they were made on. And again when the workspace changed so that what a document's check
 * across documents finds (`cross-reference-unknown-question`: a question of another Kamervraag) would
 * differ: its own publishing changes the index too, but not those findings, so this settles.
 *
 * The checking and publishing are the server's (`OpenDocumentHost`): this class only decides when, as
 * closedFileChecks.ts does for the documents that are not open.
 */
import { platformTimers, type Timers } from './timers';

/** An open document's checks, as the server makes and publishes them. */
export interface OpenDocumentHost<D> {
  /** The URIs of the open documents. */
  openUris(): Iterable<string>;
  /** While the document's settings are still being read. */
  settingsPending(uri: string): Promise<unknown> | undefined;
  /**
   * Checks the open document's current text: its version, its diagnostics, and what its check across
   * documents found, as a string to compare (`crossState`). Undefined when it is no longer open.
   */
  check(uri: string): { version: number; diagnostics: D[]; crossState: string } | undefined;
  /** What the document's check across documents would find now (undefined when not open). */
  crossState(uri: string): string | undefined;
  publish(uri: string, version: number, diagnostics: D[]): void;
}

/** The longest wait after an edit, however long the last check took. */
export const MAX_DELAY_MS = 50;
/** How long a burst of workspace changes is gathered before the open documents' findings are compared. */
export const CROSS_DELAY_MS = 100;

export class OpenDocumentChecks<D> {
  /** The shortest wait after an edit (`initializationOptions.diagnosticDelay`). */
  baseDelayMs = 2;
  private readonly pending = new Map<string, unknown>();
  /** What the check across documents found when each open document was last published. */
  private readonly crossPublished = new Map<string, string>();
  private crossTimer: unknown;
  private lastCostMs = 0;

  private readonly now: () => number;
  private readonly timers: Timers;

  /** `now`: the time in milliseconds, to measure how long a check took (`performance.now`); `timers`: the platform's. */
  constructor(
    private readonly host: OpenDocumentHost<D>,
    options: { readonly now?: () => number; readonly timers?: Timers } = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.timers = options.timers ?? platformTimers;
  }

  /** The document was opened or edited, or its settings or the day changed: check it again soon. */
  changed(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer !== undefined) this.timers.clear(timer);
    const delay = Math.min(MAX_DELAY_MS, Math.max(this.baseDelayMs, this.lastCostMs / 2));
    this.pending.set(uri, this.timers.set(() => {
      const loading = this.host.settingsPending(uri);
      if (loading) void loading.then(() => this.publish(uri));
      else this.publish(uri);
    }, delay));
  }

  /** The workspace index changed: check again each open document whose findings across documents would differ now. */
  workspaceChanged(): void {
    if (this.crossTimer !== undefined) return;
    this.crossTimer = this.timers.set(() => {
      this.crossTimer = undefined;
      for (const uri of this.host.openUris()) {
        if (this.pending.has(uri) || !this.crossPublished.has(uri)) continue;
        if (this.host.crossState(uri) !== this.crossPublished.get(uri)) this.changed(uri);
      }
    }, CROSS_DELAY_MS);
  }

  /** The document was closed: nothing more is checked for it. */
  closed(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer !== undefined) this.timers.clear(timer);
    this.pending.delete(uri);
    this.crossPublished.delete(uri);
  }

  dispose(): void {
    if (this.crossTimer !== undefined) this.timers.clear(this.crossTimer);
    this.crossTimer = undefined;
    for (const timer of this.pending.values()) this.timers.clear(timer);
    this.pending.clear();
  }

  private publish(uri: string): void {
    this.pending.delete(uri);
    const started = this.now();
    const checked = this.host.check(uri);
    if (!checked) return;
    this.crossPublished.set(uri, checked.crossState);
    this.lastCostMs = this.now() - started;
    this.host.publish(uri, checked.version, checked.diagnostics);
  }
}
