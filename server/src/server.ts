/**
 * The Kamervraag language server: wiring only. Every answer comes from a pure feature function of the
 * feature table (`features/index.ts`) applied to the cached analysis of the document
 * (`service/analysis.ts`), the request's parameters and the session's `FeatureContext`.
 *
 * Transport: `--stdio` (the default when no transport flag is given), `--node-ipc` (the VS Code
 * client), `--socket=PORT` or `--pipe=NAME`.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ErrorCodes,
  LSPErrorCodes,
  ProposedFeatures,
  RequestType,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type InitializeParams,
  type InitializeResult,
  type Message,
  type Position,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from './core/checks';
import { localeOf } from './core/diagnostic';
import { clockFrom } from './core/clock';
import { isPosition } from './core/ranges';
import { AnalysisCache, type Analysis } from './service/analysis';
import { Lifecycle } from './service/lifecycle';
import { nodeWorkspace } from './service/nodeWorkspace';
import { WorkspaceIndex } from './service/workspaceIndex';
import { COMPLETION_TRIGGERS } from './features/completion';
import { DEFAULT_CONTEXT, type FeatureContext } from './features/context';
import { diagnostics } from './features/diagnostics';
import { DOCUMENT_FEATURES, Refusal as FeatureRefusal, WORKSPACE_SYMBOLS, type DocumentFeature } from './features/index';

declare const KAMERVRAAG_VERSION: string | undefined;
export const VERSION = typeof KAMERVRAAG_VERSION === 'string' ? KAMERVRAAG_VERSION : '0.0.0-dev';

// createConnection() reads the transport from argv and throws without one: default to stdio.
if (!process.argv.slice(2).some((a) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(a))) process.argv.push('--stdio');

/** The lifecycle order and the shape of parameters, checked before any handler runs (service/lifecycle.ts). */
const lifecycle = new Lifecycle();
/** The method a refused request is rerouted to, carrying its error: the JSON-RPC layer then answers it. */
const REFUSED = '$/kamervraag/refused';
class Refusal {
  constructor(readonly error: ResponseError<void>) {}
}

const connection = createConnection(ProposedFeatures.all, {
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
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache(check);
const index = new WorkspaceIndex(nodeWorkspace, (message) => connection.console.warn(message));
/** Workspace folders to index once initialized. */
let folders: string[] = [];
let watchFiles = false;
let folderEvents = false;

/** What the features need from the session: locale, client capabilities, settings. */
let context: FeatureContext = DEFAULT_CONTEXT;

/** Reads `maxNumberOfProblems` from initialization options or settings; ignores anything but a positive integer. */
function readMaxProblems(settings: unknown): void {
  const value = (settings as { maxNumberOfProblems?: unknown } | null | undefined)?.maxNumberOfProblems;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) context = { ...context, maxNumberOfProblems: value };
}

/** Debounce of diagnostics after an edit: at least this, or half the time the last analysis took (big documents), at most MAX_DELAY_MS. */
let baseDelayMs = 2;
const MAX_DELAY_MS = 50;

function readCapabilities(caps: ClientCapabilities): void {
  const td = caps.textDocument;
  const pd = td?.publishDiagnostics;
  context = {
    ...context,
    linkSupport: td?.definition?.linkSupport === true,
    hierarchicalSymbols: td?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    snippetSupport: td?.completion?.completionItem?.snippetSupport === true,
    diagnosticSupport: {
      relatedInformation: pd?.relatedInformation === true,
      codeDescription: pd?.codeDescriptionSupport === true,
      unnecessaryTag: pd?.tagSupport?.valueSet?.includes(1) === true,
    },
  };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { locale?: unknown; diagnosticDelay?: unknown; today?: unknown };
  readMaxProblems(options);
  context = {
    ...context,
    locale: localeOf(typeof options.locale === 'string' ? options.locale : params.locale),
    clock: clockFrom(options.today ?? process.env.KAMERVRAAG_TODAY),
  };
  if (typeof options.diagnosticDelay === 'number' && options.diagnosticDelay >= 0) baseDelayMs = options.diagnosticDelay;
  readCapabilities(params.capabilities ?? {});
  folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => f.uri);
  watchFiles = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  folderEvents = params.capabilities?.workspace?.workspaceFolders === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      hoverProvider: true,
      documentSymbolProvider: { label: 'Kamervraag' },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      documentLinkProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
      workspaceSymbolProvider: true,
      renameProvider: { prepareProvider: true },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'kamervraag-language-server', version: VERSION },
  };
});

connection.onInitialized(() => {
  for (const folder of folders) index.addFolder(folder);
  if (watchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{txt,kvr,kamervraag}' }],
    });
  }
  if (folderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const f of e?.removed ?? []) if (typeof f?.uri === 'string') index.removeFolder(f.uri);
      for (const f of e?.added ?? []) if (typeof f?.uri === 'string') index.addFolder(f.uri);
    });
  }
});

connection.onDidChangeWatchedFiles((params) => {
  for (const change of Array.isArray(params?.changes) ? params.changes : []) {
    if (typeof change?.uri !== 'string') continue;
    if (change.type === FileChangeType.Deleted) index.fileDeleted(change.uri);
    else index.fileChanged(change.uri);
  }
});

// --- diagnostics: debounced per document, published for the version they were computed on ---

const pending = new Map<string, NodeJS.Timeout>();
let lastCostMs = 0;

function schedule(uri: string): void {
  const timer = pending.get(uri);
  if (timer) clearTimeout(timer);
  const delay = Math.min(MAX_DELAY_MS, Math.max(baseDelayMs, lastCostMs / 2));
  pending.set(uri, setTimeout(() => publish(uri), delay));
}

function publish(uri: string): void {
  pending.delete(uri);
  const document = documents.get(uri);
  if (!document) return;
  const started = performance.now();
  const analysis = cache.get(document);
  index.update(uri, analysis.document);
  const published = diagnostics(analysis, { textDocument: { uri } }, context);
  lastCostMs = performance.now() - started;
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics: published });
}

documents.onDidChangeContent((e) => schedule(e.document.uri));
// Settings pushed by the client (`synchronize.configurationSection: 'kamervraag'`): republish with the new limit.
connection.onDidChangeConfiguration((change) => {
  readMaxProblems((change.settings as { kamervraag?: unknown } | null)?.kamervraag);
  for (const document of documents.all()) schedule(document.uri);
});
documents.onDidClose((e) => {
  const uri = e.document.uri;
  const timer = pending.get(uri);
  if (timer) clearTimeout(timer);
  pending.delete(uri);
  cache.delete(uri);
  index.closed(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

// --- requests: every document feature through one registration (features/index.ts) ---

const cancelled = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');

/** The analysis of the document a request names, or undefined when the document is not open. */
function analysisOf(params: unknown): Analysis | undefined {
  const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
  if (typeof uri !== 'string') return undefined;
  const document = documents.get(uri);
  return document ? cache.get(document) : undefined;
}

/** The parameters as the feature may read them: its position(s) checked, `positions` taken into the text. */
function checkedParams(feature: DocumentFeature<unknown, unknown>, params: unknown, analysis: Analysis): unknown {
  if (feature.input === 'position' && !isPosition((params as { position?: unknown }).position)) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'position must be { line, character } with non-negative integers');
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
    const result = feature.run(analysis, checkedParams(feature, params, analysis), context);
    return result instanceof FeatureRefusal ? new ResponseError(LSPErrorCodes.RequestFailed, result.message) : result;
  } catch (err) {
    if (err instanceof ResponseError) return err;
    throw err;
  }
}

for (const feature of Object.values(DOCUMENT_FEATURES) as DocumentFeature<unknown, unknown>[]) {
  // A typed request: a call without parameters gets InvalidParams from the JSON-RPC layer.
  connection.onRequest(new RequestType<unknown, unknown, void>(feature.method), (params, token) => answer(feature, params, token));
}

connection.onRequest(new RequestType<unknown, unknown, void>(WORKSPACE_SYMBOLS.method), (params, token) =>
  token.isCancellationRequested ? cancelled() : WORKSPACE_SYMBOLS.run(index, params as Parameters<typeof WORKSPACE_SYMBOLS.run>[1], context),
);

connection.onShutdown(() => {
  for (const timer of pending.values()) clearTimeout(timer);
  pending.clear();
});

documents.listen(connection);
connection.listen();
