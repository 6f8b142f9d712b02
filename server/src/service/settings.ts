/**
 * The settings of each open document: the `.kamervraag.json` nearest above it inside its workspace
 * folder (read through `WorkspaceFiles`, so an editor without a disk can serve it too), then the
 * editor's `kamervraag.*` settings for the document, which override the file key by key (`readSettings`
 * of core/config.ts). The server asks `settingsFor(uri)` synchronously; `load(uri)` (re)reads what a
 * document's settings come from and says whether they changed.
 */
import { URI, Utils } from 'vscode-uri';
import { readSettings, type KamervraagSettings } from '../core/config';
import { CONFIG_FILE } from '../core/configFile';
import type { WorkspaceFiles } from './workspace';
import { folderKey, uriKey } from './uris';
import { folderPrefix } from './workspaceFolders';

/** How long the server waits for the editor's settings (a client that never answers must not hold the diagnostics back). */
export const EDITOR_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One `.kamervraag.json` read: its JSON value (null when it is not valid JSON) and what was wrong. */
interface FileLayer {
  readonly uri: string;
  readonly value: unknown;
  readonly problems: readonly string[];
}

/** Where the editor's settings come from: `workspace/configuration` for one document, or what the client pushed. */
export type EditorSettings = (uri: string) => Promise<unknown>;

/**
 * The settings a client pushed, as the next editor layer: each key of `next` that is valid, and for a key
 * whose new value is not, the value `previous` had (nonsense leaves the last good choice in place); a key
 * no longer pushed is gone. A group (`diagnostics.severity`, `validate`) is judged key by key, as a
 * `.kamervraag.json` is read: one unknown check code costs only its own line, not the group's other
 * choices. `report` hears what was wrong.
 */
export function keepValid(previous: unknown, next: unknown, report: (problem: string) => void): unknown {
  return keepValidAt([], previous, next, report);
}

const isGroup = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `keepValid` of the group at `path` (the keys above it). */
function keepValidAt(path: readonly string[], previous: unknown, next: unknown, report: (problem: string) => void): unknown {
  if (!isGroup(next)) return next;
  const old = isGroup(previous) ? previous : {};
  const within = (value: unknown): unknown => path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const { problems } = readSettings(within({ [key]: value }));
    if (problems.length === 0) out[key] = value;
    // A group the settings have, with a wrong line in it: its other lines are kept.
    else if (isGroup(value) && readSettings(within({ [key]: {} })).problems.length === 0) out[key] = keepValidAt([...path, key], old[key], value, report);
    else {
      for (const p of problems) report(p.en);
      if (Object.hasOwn(old, key)) out[key] = old[key];
    }
  }
  return out;
}

export class SettingsStore {
  private readonly folders = new Set<string>();
  /** Per folder key: the nearest `.kamervraag.json` at or above it (null: none), as a promise shared by its readers. */
  private readonly nearestFile = new Map<string, Promise<FileLayer | null>>();
  private readonly byDocument = new Map<string, KamervraagSettings>();
  private readonly loading = new Map<string, Promise<boolean>>();
  /** Documents closed while their settings were being read: what the read finds is not kept. */
  private readonly closed = new Set<string>();
  /** Problems already reported, so that each is said once. */
  private readonly said = new Set<string>();
  /** Layers below the file (the initialization options). */
  base: unknown = undefined;

  constructor(
    private readonly workspace: WorkspaceFiles,
    private readonly editor: EditorSettings,
    private readonly report: (message: string) => void,
    private readonly editorTimeoutMs = EDITOR_TIMEOUT_MS,
  ) {}

  /** A workspace folder came: where each folder's walk up to its `.kamervraag.json` stops may differ now. */
  addFolder(uri: string): void {
    this.folders.add(folderKey(uri));
    this.nearestFile.clear();
  }

  /** A workspace folder went: a `.kamervraag.json` above the folders left applies no more. */
  removeFolder(uri: string): void {
    this.folders.delete(folderKey(uri));
    this.nearestFile.clear();
  }

  /** A `.kamervraag.json` changed, appeared or went: read them again when next asked. */
  filesChanged(): void {
    this.nearestFile.clear();
  }

  /** True when `uri` names a settings file. */
  static isConfigFile(uri: string): boolean {
    return uri.endsWith(`/${CONFIG_FILE}`);
  }

  /** The settings of a document: what was last loaded, or (before that) the editor-independent base. */
  settingsFor(uri: string): KamervraagSettings | undefined {
    return this.byDocument.get(uriKey(uri));
  }

  /** The load under way for a document, if any. */
  pending(uri: string): Promise<boolean> | undefined {
    return this.loading.get(uriKey(uri));
  }

  forget(uri: string): void {
    const key = uriKey(uri);
    this.byDocument.delete(key);
    if (this.loading.has(key)) this.closed.add(key);
  }

  /** Reads the layers of a document's settings again; resolves true when its settings changed. Never rejects. */
  load(uri: string): Promise<boolean> {
    const key = uriKey(uri);
    this.closed.delete(key);
    const previous = this.loading.get(key) ?? Promise.resolve(false);
    const next = previous.then(() => this.read(uri, key)).catch((e: unknown) => {
      this.report(`kamervraag: the settings of ${uri} could not be read: ${String(e)}`);
      return false;
    });
    this.loading.set(key, next);
    void next.then(() => {
      if (this.loading.get(key) !== next) return;
      this.loading.delete(key);
      this.closed.delete(key);
    });
    return next;
  }

  /**
   * The settings of many documents at once, open or not (the workspace overview): an open document's as
   * `load` made them (after a load under way); any other's from the same layers — the base, the nearest
   * `.kamervraag.json` inside its workspace folder, the editor's settings on top — with the editor asked
   * once per workspace folder rather than once per file (an editor's `resource` settings differ per
   * folder, not per file). By the URIs as given. Never rejects.
   */
  async settingsForAll(uris: Iterable<string>): Promise<Map<string, KamervraagSettings>> {
    const byScope = new Map<string, Promise<unknown>>();
    const editorFor = (scope: string): Promise<unknown> => {
      let layer = byScope.get(scope);
      if (!layer) byScope.set(scope, (layer = this.editorLayer(scope)));
      return layer;
    };
    const out = new Map<string, KamervraagSettings>();
    await Promise.all([...uris].map(async (uri) => {
      const key = uriKey(uri);
      await this.loading.get(key);
      try {
        out.set(uri, this.byDocument.get(key) ?? await this.layers(key, editorFor(this.folderOf(key) ?? uri)));
      } catch (e) {
        this.report(`kamervraag: the settings of ${uri} could not be read: ${String(e)}`);
      }
    }));
    return out;
  }

  /** What the editor says for `scope` (a document or a folder); undefined when it fails or keeps silent. */
  private editorLayer(scope: string): Promise<unknown> {
    return withTimeout(Promise.resolve().then(() => this.editor(scope)), this.editorTimeoutMs).catch(() => undefined);
  }

  /** The settings of the document `key` from its layers: the base, its `.kamervraag.json`, `editor` on top. */
  private async layers(key: string, editor: Promise<unknown>): Promise<KamervraagSettings> {
    const [file, layer] = await Promise.all([this.fileFor(key), editor]);
    // Each layer's problems on their own, so that a file's are said with its name.
    // In English, as the rest of the server's log.
    if (file) for (const p of [...file.problems, ...readSettings(file.value).problems.map((m) => m.en)]) this.say(`${file.uri}: ${p} (ignored)`);
    for (const p of readSettings(layer).problems) this.say(`kamervraag.* settings: ${p.en} (ignored)`);
    return readSettings(this.base, file?.value, layer).settings;
  }

  private async read(uri: string, key: string): Promise<boolean> {
    const settings = await this.layers(key, this.editorLayer(uri));
    if (this.closed.has(key)) return false;
    const before = this.byDocument.get(key);
    this.byDocument.set(key, settings);
    return before === undefined || JSON.stringify(before) !== JSON.stringify(settings);
  }

  private say(message: string): void {
    if (this.said.has(message)) return;
    this.said.add(message);
    this.report(message);
  }

  /** The workspace folder (key) that holds the document, if any: the longest that is a prefix. */
  private folderOf(key: string): string | undefined {
    let best: string | undefined;
    for (const f of this.folders) if (key.startsWith(folderPrefix(f)) && (!best || f.length > best.length)) best = f;
    return best;
  }

  /** The nearest `.kamervraag.json` above a document, inside its workspace folder. */
  private fileFor(key: string): Promise<FileLayer | null> {
    const folder = this.folderOf(key);
    if (!folder) return Promise.resolve(null);
    return this.nearest(Utils.dirname(URI.parse(key)).toString(), folder);
  }

  private nearest(dir: string, folder: string): Promise<FileLayer | null> {
    const known = this.nearestFile.get(dir);
    if (known) return known;
    const result = this.readFile(Utils.joinPath(URI.parse(dir), CONFIG_FILE).toString()).then((found) => {
      if (found || dir === folder || dir.length <= folder.length) return found;
      return this.nearest(Utils.dirname(URI.parse(dir)).toString(), folder);
    });
    this.nearestFile.set(dir, result);
    return result;
  }

  private async readFile(uri: string): Promise<FileLayer | null> {
    let text: string | undefined;
    try {
      text = await this.workspace.readFile(uri);
    } catch (e) {
      return { uri, value: null, problems: [`cannot be read: ${String((e as Error)?.message ?? e)}`] };
    }
    if (text === undefined) return null;
    try {
      // (Read without a byte order mark, as every `WorkspaceFiles` reads a file.)
      const value: unknown = JSON.parse(text);
      return { uri, value, problems: [] };
    } catch (e) {
      // A file that is not JSON counts as empty: the editor's settings and the defaults apply.
      return { uri, value: null, problems: [`not valid JSON (${String((e as Error)?.message ?? e)}); its settings are not used`] };
    }
  }
}
