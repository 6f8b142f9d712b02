/**
 * The Kamervraag language server: wiring only. Every answer comes from a pure feature function of the
 * feature table (`features/index.ts`) applied to the cached analysis of the document
 * (`service/analysis.ts`), the request's parameters and the session's `FeatureContext`.
 *
 * Transport: `--stdio` (the default when no transport flag is given), `--node-ipc` (the VS Code
 * client), `--socket=PORT` or `--pipe=NAME`.
 */
import {
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  RequestType,
  ResponseError,
  TextDocuments,
  type CancellationToken,
  type CodeLens,
  type InitializeParams,
  type InitializeResult,
  type Message,
  type Position,
  type ResponseMessage,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from './core/checks';
import { localeOf } from './core/diagnostic';
import { clockFrom, systemClock } from './core/clock';
import { isPosition } from './core/ranges';
import { AnalysisCache, type Analysis } from './service/analysis';
import { watchDays } from './service/dayWatcher';
import { Lifecycle } from './service/lifecycle';
import { WATCHED_FILES, WorkspaceIndex } from './service/workspaceIndex';
import { ClosedFileChecks } from './service/closedFileChecks';
import { OpenDocumentChecks } from './service/openDocumentChecks';
import { uriKey } from './service/uris';
import { keepValid, SettingsStore } from './service/settings';
import { readSettings } from './core/config';
import { serverCapabilities, withClientCapabilities } from './features/capabilities';
import { DEFAULT_CONTEXT, type FeatureContext } from './features/context';
import { closedFileDiagnostics, diagnostics, outOfSyncDiagnostic } from './features/diagnostics';
import { DocumentSync } from './service/documentSync';
import { CODE_LENS_RESOLVE, DOCUMENT_FEATURES, OVERVIEW, Refusal as FeatureRefusal, WORKSPACE_SYMBOLS, type DocumentFeature } from './features/index';
import { OVERVIEW_CHANGED } from './features/overview';
import { crossReferenceState } from './features/crossReferences';
// Connection, workspace files, environment; the browser build swaps in ./platform/browser (scripts/build.mjs).
import { platform } from './platform/node';

declare const KAMERVRAAG_VERSION: string | undefined;
export const VERSION = typeof KAMERVRAAG_VERSION === 'string' ? KAMERVRAAG_VERSION : '0.0.0-dev';

/** The lifecycle order and the shape of parameters, checked before any handler runs (service/lifecycle.ts). */
const lifecycle = new Lifecycle();
/** The method a refused request is rerouted to, carrying its error: the JSON-RPC layer then answers it. */
const REFUSED = '$/kamervraag/refused';
class Refusal {
  constructor(readonly error: ResponseError<void>) {}
}

const connection = platform.createConnection({
  messageStrategy: {
    // Every incoming message passes here first, in order: before initialize, after shutdown, a second
    // initialize and parameters that are not an object are answered (or dropped) in this one place,
    // before the library's own handlers read the parameters.
    handleMessage(message: Message, next: (message: Message) => void | Promise<void>) {
      const verdict = lifecycle.admit(message);
      if (verdict.kind === 'drop') return;
      if (verdict.kind === 'reject') {
        const { id } = message as unknown as { id: number | string };
        return next({ jsonrpc: '2.0', id, method: REFUSED, params: new Refusal(new ResponseError(verdict.code, verdict.message)) } as Message);
      }
      return next(message);
    },
  },
  connectionStrategy: {
    // A request cancelled while still queued is answered at once, without running its handler.
    cancelUndispatched: (message) =>
      ({
        jsonrpc: '2.0',
        id: (message as { id?: number | string }).id ?? null,
        error: { code: LSPErrorCodes.RequestCancelled, message: 'Request cancelled' },
      }) as ResponseMessage,
  },
});
// Only a Refusal made above arrives with its error; the method sent by a client is unknown to it.
connection.onRequest(REFUSED, (params: unknown) =>
  params instanceof Refusal ? params.error : new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${REFUSED}`),
);
const sync = new DocumentSync(TextDocument, (message) => connection.console.warn(message));
const documents = new TextDocuments(sync.configuration);
const cache = new AnalysisCache(check);
const workspaceFiles = platform.workspace(connection);
const index = new WorkspaceIndex(workspaceFiles, (message) => connection.console.warn(message));
/** Workspace folders to index once initialized. */
let folders: string[] = [];
let [watchFiles, folderEvents] = [false, false];
/** The client asked to hear when the overview changed (`initializationOptions.overviewNotifications`). */
let overviewNotifications = false;

/** What the features need from the session: locale, client capabilities, settings. */
let context: FeatureContext = DEFAULT_CONTEXT;

// --- settings: `.kamervraag.json` of the workspace folder, then the editor's (service/settings.ts) ---

/** The client answers `workspace/configuration` (per document); otherwise the settings it pushed apply. */
let configurationPull = false;
let pushedSettings: unknown = undefined;
const refreshSupport = { inlayHint: false, codeLens: false };
const settingsStore = new SettingsStore(
  workspaceFiles,
  async (uri) => (configurationPull ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'kamervraag' }) : pushedSettings),
  (message) => connection.console.warn(message),
);

/** The session's context with the settings of one document. */
function contextFor(uri: unknown): FeatureContext {
  const settings = (typeof uri === 'string' ? settingsStore.settingsFor(uri) : undefined) ?? context.settings;
  return { ...context, settings, maxNumberOfProblems: settings.maxNumberOfProblems };
}

/**
 * Reads every open document's settings again; republishes and refreshes what changed (no restart). The
 * overview, whose rows follow the settings of files that are not open too, is told in any case.
 */
async function reloadSettings(): Promise<void> {
  const changed = await Promise.all(documents.all().map(async (d) => ((await settingsStore.load(d.uri)) ? d.uri : null)));
  overviewChanged();
  void closedFiles.invalidate();
  if (!changed.some((u) => u !== null)) return;
  for (const uri of changed) if (uri) openChecks.changed(uri);
  if (refreshSupport.inlayHint) void connection.sendRequest('workspace/inlayHint/refresh').catch(() => undefined);
  if (refreshSupport.codeLens) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { locale?: unknown; diagnosticDelay?: unknown; today?: unknown; overviewNotifications?: unknown; commands?: unknown };
  overviewNotifications = options.overviewNotifications === true;
  const base = (options as { maxNumberOfProblems?: unknown }).maxNumberOfProblems;
  // The editor's value at start (the VS Code client sends it); the settings read later override it.
  settingsStore.base = typeof base === 'number' ? { maxNumberOfProblems: base } : undefined;
  const settings = readSettings(settingsStore.base).settings;
  context = {
    ...context,
    settings,
    maxNumberOfProblems: settings.maxNumberOfProblems,
    locale: localeOf(typeof options.locale === 'string' ? options.locale : params.locale),
    clock: clockFrom(options.today ?? platform.env('KAMERVRAAG_TODAY')),
    workspace: index,
    clientCommands: new Set(Array.isArray(options.commands) ? options.commands.filter((c): c is string => typeof c === 'string') : []),
  };
  if (typeof options.diagnosticDelay === 'number' && options.diagnosticDelay >= 0) openChecks.baseDelayMs = options.diagnosticDelay;
  context = withClientCapabilities(context, params.capabilities ?? {});
  folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => f.uri);
  watchFiles = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  folderEvents = params.capabilities?.workspace?.workspaceFolders === true;
  for (const folder of folders) settingsStore.addFolder(folder);
  configurationPull = params.capabilities?.workspace?.configuration === true;
  refreshSupport.inlayHint = params.capabilities?.workspace?.inlayHint?.refreshSupport === true;
  refreshSupport.codeLens = params.capabilities?.workspace?.codeLens?.refreshSupport === true;
  return {
    capabilities: serverCapabilities(params.capabilities ?? {}),
    serverInfo: { name: 'kamervraag-language-server', version: VERSION },
  };
});

/** Stops the watch for a new day (none with a fixed day: `initializationOptions.today`, `KAMERVRAAG_TODAY`). */
let dayWatch: { dispose(): void } | undefined;

connection.onInitialized(() => {
  for (const folder of folders) index.addFolder(folder);
  // What is judged against today is judged again when the day changes: every open document's
  // diagnostics (answer-overdue; the client's status follows them) and the overview.
  if (context.clock === systemClock) {
    dayWatch = watchDays(context.clock, () => {
      for (const d of documents.all()) openChecks.changed(d.uri);
      overviewChanged();
      void closedFiles.invalidate();
    });
  }
  if (watchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: WATCHED_FILES,
    });
  }
  if (folderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const f of e?.removed ?? []) {
        if (typeof f?.uri === 'string') {
          index.removeFolder(f.uri);
          settingsStore.removeFolder(f.uri);
        }
      }
      for (const f of e?.added ?? []) {
        if (typeof f?.uri === 'string') {
          index.addFolder(f.uri);
          settingsStore.addFolder(f.uri);
        }
      }
      void reloadSettings();
    });
  }
});

connection.onDidChangeWatchedFiles((params) => {
  const changes = (Array.isArray(params?.changes) ? params.changes : []).filter((c) => typeof c?.uri === 'string');
  for (const change of changes) {
    if (SettingsStore.isConfigFile(change.uri)) {
      settingsStore.filesChanged();
      void reloadSettings();
    } else if (change.type !== FileChangeType.Deleted) index.fileChanged(change.uri);
  }
  // The deletions in one go (a folder's entries looked over once per batch).
  index.filesDeleted(changes.filter((c) => c.type === FileChangeType.Deleted && !SettingsStore.isConfigFile(c.uri)).map((c) => c.uri));
});

// --- diagnostics of the open documents: debounced per document, published for the version they were
// computed on, and again when the workspace changes what they find across documents (service/openDocumentChecks.ts) ---

const openChecks = new OpenDocumentChecks({
  openUris: () => documents.keys(),
  settingsPending: (uri) => settingsStore.pending(uri),
  check: (uri) => {
    const document = documents.get(uri);
    if (!document) return undefined;
    if (sync.isLost(uri)) return { version: document.version, diagnostics: [outOfSyncDiagnostic(context.locale)], crossState: '' };
    const analysis = cache.get(document);
    index.update(uri, analysis.document);
    const documentContext = contextFor(uri);
    return {
      version: document.version,
      diagnostics: diagnostics(analysis, { textDocument: { uri } }, documentContext),
      crossState: crossReferenceState(analysis, uri, documentContext),
    };
  },
  crossState: (uri) => {
    const document = documents.get(uri);
    if (document && sync.isLost(uri)) return '';
    return document ? crossReferenceState(cache.get(document), uri, contextFor(uri)) : undefined;
  },
  publish: (uri, version, published) => void connection.sendDiagnostics({ uri, version, diagnostics: published }),
});
index.onDidChange(() => openChecks.workspaceChanged());

documents.onDidOpen((e) => {
  closedFiles.opened(e.document.uri);
  void settingsStore.load(e.document.uri);
});
documents.onDidChangeContent(({ document: { uri } }) => {
  openChecks.changed(uri);
  // Until its check, a read of the index takes the document's current text (`WorkspaceIndex.edited`).
  index.edited(uri, () => analysisOf({ textDocument: { uri } })?.document);
});
// Settings changed: pulled again per document (`workspace/configuration`) or, from a client that cannot
// answer that, the `kamervraag` section it pushed (`synchronize.configurationSection: 'kamervraag'`).
connection.onDidChangeConfiguration((change) => {
  if (!configurationPull) {
    const next = (change?.settings as { kamervraag?: unknown } | null)?.kamervraag;
    pushedSettings = keepValid(pushedSettings, next, (p) => connection.console.warn(`kamervraag.* settings: ${p} (ignored)`));
  }
  void reloadSettings();
});
documents.onDidClose((e) => {
  const uri = e.document.uri;
  sync.closed(uri);
  openChecks.closed(uri);
  cache.delete(uri);
  const checkedClosed = settingsStore.settingsFor(uri)?.validate.workspace === true;
  settingsStore.forget(uri);
  // A file of the folders whose settings check the files that are not open: its file's problems replace
  // the document's (closedFileChecks.ts); else the Problems panel forgets it now.
  if (index.closed(uri) && checkedClosed) closedFiles.closed(uri);
  else void connection.sendDiagnostics({ uri, diagnostics: [] });
});

// --- requests: every document feature through one registration (features/index.ts) ---

const cancelled = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');

/** The analysis of the document a request names, or undefined when the document is not open or out of sync. */
function analysisOf(params: unknown): Analysis | undefined {
  const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
  if (typeof uri !== 'string' || sync.isLost(uri)) return undefined;
  const document = documents.get(uri);
  return document ? cache.get(document) : undefined;
}

/** The parameters as the feature may read them: its position(s) checked, `positions` taken into the text. */
function checkedParams(feature: DocumentFeature<unknown, unknown>, params: unknown, analysis: Analysis): unknown {
  if (feature.input === 'position' && !isPosition((params as { position?: unknown }).position)) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'position must be { line, character } with non-negative integers');
  }
  if (feature.input === 'range') {
    const range = (params as { range?: { start?: unknown; end?: unknown } | null }).range;
    if (!range || !isPosition(range.start) || !isPosition(range.end)) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'range must be { start, end } with positions of non-negative integers');
    }
  }
  if (feature.input === 'positions') {
    const positions: unknown = (params as { positions?: unknown }).positions;
    if (!Array.isArray(positions) || !positions.every(isPosition)) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'positions must be an array of { line, character }');
    }
    // A position past the end of its line or of the document is taken to that end (the empty range the
    // answer gives there must lie inside the document).
    return { ...(params as object), positions: positions.map((p: Position) => analysis.clamp(p)) };
  }
  return params;
}

/** Answers a request with `feature`: cancelled → error, unknown document → null, a refusal → RequestFailed. */
function answer(feature: DocumentFeature<unknown, unknown>, params: unknown, token: CancellationToken): unknown {
  if (token.isCancellationRequested) return cancelled();
  try {
    const analysis = analysisOf(params);
    if (!analysis) return null;
    const uri = (params as { textDocument?: { uri?: unknown } }).textDocument?.uri;
    const result = feature.run(analysis, checkedParams(feature, params, analysis), contextFor(uri));
    if (!(result instanceof FeatureRefusal)) return result;
    return new ResponseError(result.kind === 'invalidParams' ? ErrorCodes.InvalidParams : LSPErrorCodes.RequestFailed, result.message);
  } catch (err) {
    if (err instanceof ResponseError) return err;
    throw err;
  }
}

// A request that waited for its document's settings while the document changed: its positions and edits
// were for a text that is gone (LSP's ContentModified), not for the new one.
const contentModified = () => new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while the request waited for its settings');

for (const feature of Object.values(DOCUMENT_FEATURES) as DocumentFeature<unknown, unknown>[]) {
  // A typed request: a call without parameters gets InvalidParams from the JSON-RPC layer.
  connection.onRequest(new RequestType<unknown, unknown, void>(feature.method), (params, token) => {
    // A request right after didOpen (or a change of settings) waits for the document's settings.
    const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
    const loading = typeof uri === 'string' ? settingsStore.pending(uri) : undefined;
    if (!loading) return answer(feature, params, token);
    const asked = documents.get(uri as string);
    const version = asked?.version;
    return loading.then(() => {
      const now = documents.get(uri as string);
      return now !== asked || now?.version !== version ? contentModified() : answer(feature, params, token);
    });
  });
}

connection.onRequest(new RequestType<unknown, unknown, void>(CODE_LENS_RESOLVE.method), (lens, token) => {
  if (token.isCancellationRequested) return cancelled();
  const data = (lens as { data?: unknown } | null)?.data;
  if (!CODE_LENS_RESOLVE.accepts(data)) return new ResponseError(ErrorCodes.InvalidParams, 'not a code lens of this server: its data must name the document, the number and the position');
  const analysis = analysisOf({ textDocument: { uri: data.uri } });
  return analysis ? CODE_LENS_RESOLVE.run(analysis, { ...(lens as CodeLens), data }, contextFor(data.uri)) : lens; // closed: as it came
});

connection.onRequest(new RequestType<unknown, unknown, void>(WORKSPACE_SYMBOLS.method), (params, token) =>
  token.isCancellationRequested ? cancelled() : WORKSPACE_SYMBOLS.run(index, params as Parameters<typeof WORKSPACE_SYMBOLS.run>[1], context),
);

// Each row with the settings of its document, as its hover and checks have them.
connection.onRequest(new RequestType<unknown, unknown, void>(OVERVIEW.method), async (params, token) => {
  if (token.isCancellationRequested) return cancelled();
  const entries = [...index.entries()];
  const settings = await settingsStore.settingsForAll(entries.map((e) => e.uri));
  if (token.isCancellationRequested) return cancelled();
  return OVERVIEW.run({ entries: () => entries }, params as Parameters<typeof OVERVIEW.run>[1], context, (uri) => settings.get(uri));
});
// The overview follows the index and the settings: one notification for a burst of changes.
let overviewTimer: NodeJS.Timeout | undefined;
function overviewChanged(): void {
  if (!overviewNotifications || overviewTimer) return;
  overviewTimer = setTimeout(() => {
    overviewTimer = undefined;
    void connection.sendNotification(OVERVIEW_CHANGED);
  }, 150);
}
index.onDidChange(overviewChanged);

// The workspace's Kamervragen that are not open, checked where their settings ask for it
// (`kamervraag.validate.workspace`; service/closedFileChecks.ts says what to check again when).
const closedFiles = new ClosedFileChecks({
  entries: () => index.entries(),
  isOpen: (uri) => documents.get(uri) !== undefined || documents.all().some((d) => uriKey(d.uri) === uriKey(uri)),
  settingsForAll: (uris) => settingsStore.settingsForAll(uris),
  readFile: (uri) => workspaceFiles.readFile(uri),
  check: (uri, text, settings) => closedFileDiagnostics(uri, text, { ...context, settings, maxNumberOfProblems: settings.maxNumberOfProblems }),
  publish: (uri, published) => void connection.sendDiagnostics({ uri, diagnostics: published }),
  yieldToRequests: () => new Promise((resolve) => setTimeout(resolve, 0)),
  report: (message) => connection.console.warn(message),
});
index.onDidChange(() => closedFiles.changed());

connection.onShutdown(() => {
  dayWatch?.dispose();
  if (overviewTimer) clearTimeout(overviewTimer);
  openChecks.dispose();
  closedFiles.dispose();
});

documents.listen(sync.guard(connection));
connection.listen();
