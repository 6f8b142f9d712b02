/**
 * The VS Code side of Kamervraag: starts the language server (dist/server.js over IPC on the desktop,
 * dist/web/server.js in a Web Worker in the browser: serverNode.ts / serverBrowser.ts), switches
 * plain-text documents that are Kamervragen to the `kamervraag` language, and shows the active
 * document's state in a language status item ("10 questions · 2 without answer", in Dutch
 * "10 vragen · 2 zonder antwoord").
 */
import * as vscode from 'vscode';
// Types only: the browser build bundles vscode-languageclient/browser, whose client has the same API.
import type { LanguageClient, LanguageClientOptions } from 'vscode-languageclient/node';
// How the server runs; the browser build (scripts/build.mjs) swaps in ./serverBrowser.
import { createLanguageClient, documentSchemes, prepareServer } from './serverNode';
import { statusText, statusDetail, statusSeverity, type KamervraagStatus } from './status';
import { isKamervraagFirstLine } from './detect';
import { registerStructure } from './structure';
import { registerAnswerDocument } from './answerDocument';
import { registerPreview } from './preview';
import { insightMiddleware } from './insight';
import { registerAuthoring } from './authoring';
import { registerOverview } from './overview';
import { CLIENT_STATE, LANGUAGE_ID, whenRunning } from './editors';

const STATUS_REQUEST = 'kamervraag/status';

/** What activate() returns: used by the integration tests, and by anyone who wants to script the extension. */
export interface KamervraagApi {
  /** The language client once it has been created (a Kamervraag document open, or Kamervragen in the workspace). */
  readonly client: LanguageClient | undefined;
  /** Resolves when the language server is running (started by the first Kamervraag document or the workspace's Kamervragen), or failed to. */
  whenStarted(): Promise<LanguageClient | undefined>;
  /** The language status item's current text and detail. */
  languageStatus(): { text: string; detail: string | undefined; severity: vscode.LanguageStatusSeverity };
  /** Re-queries the server for the active document and updates the status item; resolves when done. */
  refreshStatus(): Promise<void>;
  /** The Kamervragen view's badge (on its activity bar icon too): the documents past their term. */
  overviewBadge(): vscode.ViewBadge | undefined;
  /** The content (HTML) the preview of `uri` shows, or undefined when it has no preview (preview.ts). */
  previewBody(uri: vscode.Uri): string | undefined;
}

let client: LanguageClient | undefined;
/** The restart of the language server in progress (*Restart Language Server*), if any. */
let restarting: Promise<void> | undefined;

/** The extension's output channel (created on first use). */
type Output = () => vscode.LogOutputChannel;

/**
 * Activation comes from `onLanguage:kamervraag` (implicit for the contributed language) or from
 * `onLanguage:plaintext`, which VS Code fires early and often (any plain-text model, even the output
 * panel's). So activation itself only registers the cheap plain-text detection; the language server
 * is started when the first Kamervraag document is open, or once the workspace is found to hold
 * Kamervragen (`workspaceContains`, for the Kamervragen view and its badge: overview.ts). Plain text
 * alone never starts it.
 */
export async function activate(context: vscode.ExtensionContext): Promise<KamervraagApi> {
  // The output channel is created on first use, so that it shows up only where Kamervragen are edited.
  let channel: vscode.LogOutputChannel | undefined;
  const output: Output = () => {
    if (!channel) {
      channel = vscode.window.createOutputChannel('Kamervraag', { log: true });
      context.subscriptions.push(channel);
    }
    return channel;
  };

  registerPlainTextDetection(context, output);
  // The editor menus of a Kamervraag only where the server has it (not for a Git version of one).
  void vscode.commands.executeCommand('setContext', 'kamervraag.servedSchemes', documentSchemes);

  const status = vscode.languages.createLanguageStatusItem('kamervraag.status', { language: LANGUAGE_ID });
  status.name = 'Kamervraag';
  status.text = 'Kamervraag';
  context.subscriptions.push(status);
  const updater = new StatusUpdater(status, output);
  context.subscriptions.push(updater);

  let started: Promise<LanguageClient | undefined> | undefined;
  let resolveFirstStart: (c: LanguageClient | undefined) => void = () => {};
  const firstStart = new Promise<LanguageClient | undefined>((r) => { resolveFirstStart = r; });
  const start = (): Promise<LanguageClient | undefined> => {
    if (!started) {
      started = startClient(context, output, status, updater, (c) => overview.attach(c));
      void started.then(resolveFirstStart);
    }
    return started;
  };
  const startIfNeeded = () => {
    if (!started && vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID)) void start();
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.languageId === LANGUAGE_ID) startIfNeeded();
    }),
    vscode.commands.registerCommand('kamervraag.restartServer', async () => {
      if (!client) {
        await start();
      } else {
        output().info('restarting the language server');
        const restart = (restarting = client.restart());
        try {
          await restart;
        } finally {
          if (restarting === restart) restarting = undefined;
        }
      }
      await updater.refresh();
    }),
  );
  // The commands wait for a server that (re)starts, and say so when it does not run.
  const running = whenRunning(start, () => restarting);
  registerStructure(context, running);
  registerAnswerDocument(context, running);
  registerAuthoring(context, running);
  const preview = registerPreview(context, start, running);
  const overview = registerOverview(context, start, (message) => output().debug(message), () => prepareServer(context));
  startIfNeeded();

  return {
    get client() {
      return client;
    },
    whenStarted: () => firstStart,
    languageStatus: () => snapshot(status),
    refreshStatus: () => updater.refresh(),
    overviewBadge: () => overview.badge(),
    previewBody: (uri) => preview.previewBody(uri),
  };
}

async function startClient(
  context: vscode.ExtensionContext,
  output: Output,
  status: vscode.LanguageStatusItem,
  updater: StatusUpdater,
  /** Called with the client before it starts (its notification handlers). */
  beforeStart: (c: LanguageClient) => void,
): Promise<LanguageClient | undefined> {
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSchemes.map((scheme) => ({ language: LANGUAGE_ID, scheme })),
    outputChannel: output(),
    initializationOptions: {
      // The server's messages, outline, hovers and quick fixes in VS Code's display language.
      locale: vscode.env.language,
      maxNumberOfProblems: vscode.workspace.getConfiguration('kamervraag').get<number>('maxNumberOfProblems'),
      // The "Kamervragen" view (overview.ts) refreshes on kamervraag/overviewChanged.
      overviewNotifications: true,
      // Commands of this extension that a code lens of the server may name (authoring.ts).
      commands: ['kamervraag.startAnswering'],
    },
    // Sends the `kamervraag` settings to the server when they change (maxNumberOfProblems).
    synchronize: { configurationSection: 'kamervraag' },
    // The settings the user set (not the defaults) and the references lens's arguments (insight.ts).
    middleware: insightMiddleware(),
    // (The server registers its own file watchers for its workspace index: dynamic registration.)
  };
  // The id `kamervraag` makes the client read the setting `kamervraag.trace.server`.
  const { client: c, server: serverModule } = await createLanguageClient(context, LANGUAGE_ID, 'Kamervraag Language Server', clientOptions);
  if (!c) {
    const msg = vscode.l10n.t('Kamervraag: the language server {0} is missing. Run `npm run build`.', serverModule);
    output().error(msg);
    status.text = vscode.l10n.t('Kamervraag: no language server');
    status.severity = vscode.LanguageStatusSeverity.Error;
    void vscode.window.showErrorMessage(msg);
    return undefined;
  }
  client = c;
  beforeStart(c);
  // The status says when the server stopped for good, and is itself again once it runs.
  context.subscriptions.push(c.onDidChangeState(() => void updater.refresh()));
  try {
    await c.start();
    output().info(`language server started: ${serverModule}`);
  } catch (e) {
    output().error(`the language server did not start: ${String(e)}`);
    status.text = vscode.l10n.t('Kamervraag: language server did not start');
    status.severity = vscode.LanguageStatusSeverity.Error;
    return c;
  }
  void updater.refresh();
  return c;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function snapshot(item: vscode.LanguageStatusItem) {
  return { text: item.text, detail: item.detail, severity: item.severity };
}

/**
 * VS Code maps `.txt` to plain text before it looks at `firstLine`, and most Kamervragen are `.txt`.
 * Switch a plain-text document to `kamervraag` when its first line is `Kamervraag <zaaknummer>`: the
 * documents open at activation and every document opened later (setting `kamervraag.detectPlainText`).
 */
function registerPlainTextDetection(context: vscode.ExtensionContext, output: Output): void {
  // Documents we switched. Switching fires close + open; when the user switches such a document
  // back to plain text, we see it open as plain text again and leave it alone once.
  const switched = new Set<string>();
  const enabled = (doc: vscode.TextDocument) =>
    vscode.workspace.getConfiguration('kamervraag', doc).get<boolean>('detectPlainText', true);

  const consider = async (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'plaintext' || !enabled(doc)) return;
    if (doc.lineCount === 0 || !isKamervraagFirstLine(doc.lineAt(0).text)) return;
    const key = doc.uri.toString();
    if (switched.has(key)) {
      switched.delete(key); // the user chose plain text for a document we had switched
      return;
    }
    switched.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
      output().info(`detected a Kamervraag in plain text: ${doc.uri.toString(true)}`);
    } catch (e) {
      switched.delete(key);
      output().warn(`could not switch ${doc.uri.toString(true)} to kamervraag: ${String(e)}`);
    }
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void consider(doc)),
    // An untitled plain-text document becomes a Kamervraag when one is pasted or typed into it.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.isUntitled && e.contentChanges.some((c) => c.range.start.line === 0)) void consider(e.document);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('kamervraag.detectPlainText')) {
        for (const doc of vscode.workspace.textDocuments) void consider(doc);
      }
    }),
  );
  for (const doc of vscode.workspace.textDocuments) void consider(doc);
}

/** Keeps the language status item in step with the active editor (on switch, after edits, debounced). */
class StatusUpdater implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(
    private readonly item: vscode.LanguageStatusItem,
    private readonly output: Output,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      // A plain-text document switched to kamervraag is re-opened under the new language.
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.languageId === LANGUAGE_ID && d.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.schedule(100);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule(300);
      }),
      // The server publishes diagnostics shortly after an edit; the counts in the status follow them.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule(100);
      }),
    );
  }

  schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delayMs);
  }

  async refresh(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!client || !doc || doc.languageId !== LANGUAGE_ID) return;
    if (client.state === CLIENT_STATE.stopped) {
      // Stopped for good (it crashed too often): the counts shown would be of a text the server no longer reads.
      this.generation++;
      this.item.busy = false;
      this.item.text = 'Kamervraag';
      this.item.detail = vscode.l10n.t('the language server does not run');
      this.item.severity = vscode.LanguageStatusSeverity.Error;
      this.item.command = { title: vscode.l10n.t('Restart'), command: 'kamervraag.restartServer' };
      return;
    }
    if (!client.isRunning()) return;
    const generation = ++this.generation;
    this.item.busy = true;
    let result: KamervraagStatus | null = null;
    let failed = false;
    try {
      result = await client.sendRequest<KamervraagStatus | null>(STATUS_REQUEST, {
        textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri) },
      });
    } catch (e) {
      failed = true;
      this.output().debug(`${STATUS_REQUEST} failed: ${String(e)}`);
    }
    if (generation !== this.generation) return; // a newer refresh is under way
    this.item.busy = false;
    if (failed || !result) {
      this.item.text = 'Kamervraag';
      this.item.detail = failed ? vscode.l10n.t('status not available') : undefined;
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      this.item.command = undefined;
      return;
    }
    this.item.text = statusText(result, vscode.l10n);
    this.item.detail = statusDetail(result, vscode.l10n);
    this.item.severity = statusSeverity(result);
    this.item.command =
      result.diagnostics.errors + result.diagnostics.warnings > 0
        ? { title: vscode.l10n.t('Problems'), command: 'workbench.actions.view.problems' }
        : undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
