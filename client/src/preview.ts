/**
 * The preview (*Kamervraag: Open Preview*, *Open Preview to the Side*; Ctrl+Shift+V, Ctrl+K V, and the
 * button in the editor's title bar, as for Markdown): the Kamervraag as a reader sees it — its title, the
 * metadata, the answer term, every question with its answer (one not yet written stands out) and each
 * Mededeling — in a webview beside the text. It follows the edits, scrolls with the editor and marks the
 * paragraph of its cursor; a reference's number jumps to the question or answer it names, and a double
 * click shows that line in the editor.
 *
 * One preview per document. The content comes from the language server (`kamervraag/preview`,
 * server/src/features/preview.ts) and is laid out by previewHtml.ts; the page's script is previewScript.ts.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { PreviewAnswer } from '../../server/src/features/preview';
import { previewBody, previewPage } from './previewHtml';
import { previewScript } from './previewScript';
import { openKamervraag, servedKamervraag } from './editors';

const METHOD = 'kamervraag/preview';
export const PREVIEW_VIEW_TYPE = 'kamervraag.preview';
/** How long the preview waits after a keystroke before it asks for its content again (at least; see `scheduleUpdate`). */
const UPDATE_DELAY_MS = 250;

type Start = () => Promise<LanguageClient | undefined>;

/** A random value for the page's content security policy. */
function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The last path segment of a URI: `2014Z19222.txt`, `Untitled-1`. */
const nameOf = (uri: vscode.Uri): string => uri.path.split('/').pop() || uri.toString();
/** A file name as a glob pattern that matches only itself: each of `*?[]{}` in brackets (`[[]`). */
const literalGlob = (name: string): string => name.replace(/[*?[\]{}]/g, '[$&]');

class KamervraagPreview {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts the requests: only the answer to the latest is shown. */
  private asked = 0;
  /** The content in the page's HTML: a hidden webview is made again from it when shown (no context is retained). */
  private pageBody: string | undefined;
  /** How long the last update took, from the request to the content sent to the page. */
  private lastUpdateMs = 0;
  /** The content shown now (the tests read it). */
  body: string | undefined;
  private disposed = false;
  /** `uri` as the events' documents are compared with it. */
  private key: string;
  /** A file's deletion: the preview closes (as VS Code's Markdown preview does), unless the file was renamed. */
  private watcher: vscode.Disposable | undefined;

  constructor(
    public uri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private readonly start: Start,
    private readonly onDispose: () => void,
  ) {
    this.key = uri.toString();
    this.watch();
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.key && e.contentChanges.length > 0) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() !== this.key || !this.panel.visible) return;
        void this.panel.webview.postMessage({ type: 'cursor', line: e.selections[0]?.active.line ?? -1 });
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document.uri.toString() !== this.key || !this.panel.visible) return;
        const top = e.visibleRanges[0]?.start.line;
        if (top !== undefined) void this.panel.webview.postMessage({ type: 'scroll', line: top });
      }),
      panel.webview.onDidReceiveMessage((message: { type?: unknown; line?: unknown }) => {
        if (message.type === 'reveal' && typeof message.line === 'number' && Number.isInteger(message.line) && message.line >= 0) void this.reveal(message.line);
      }),
      panel.onDidChangeViewState(() => {
        // Shown again: its page is made from the HTML, which the updates while it was shown did not change.
        if (this.panel.visible && this.body !== undefined && this.body !== this.pageBody) this.setPage(this.body);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The document is now at `uri` (its file renamed, an untitled document saved): the preview follows it there. */
  retarget(uri: vscode.Uri): void {
    this.uri = uri;
    this.key = uri.toString();
    this.panel.title = vscode.l10n.t('Preview {0}', nameOf(uri));
    this.watch();
    void this.update();
  }

  private watch(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    if (this.uri.scheme !== 'file') return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(this.uri, '..'), literalGlob(nameOf(this.uri))), true, true, false);
    watcher.onDidDelete((deleted) => {
      const key = deleted.toString();
      // A rename reports the old name deleted too: closed only when the file is still gone a moment later
      // and the preview was not moved to the new name meanwhile.
      setTimeout(() => {
        if (this.disposed || key !== this.key) return;
        vscode.workspace.fs.stat(this.uri).then(() => undefined, () => this.panel.dispose());
      }, 500);
    });
    this.watcher = watcher;
  }

  /** An update after a pause in the typing: the longer an update takes (a document of megabytes), the longer the pause it waits for. */
  scheduleUpdate(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, Math.max(UPDATE_DELAY_MS, 2 * this.lastUpdateMs));
  }

  /** Asks the server for the content and shows it; an answer overtaken by a newer request is dropped. */
  async update(): Promise<void> {
    const asked = ++this.asked;
    const started = Date.now();
    const client = await this.start();
    if (!client) return;
    let answer: PreviewAnswer | null;
    try {
      answer = await client.sendRequest<PreviewAnswer | null>(METHOD, { textDocument: { uri: client.code2ProtocolConverter.asUri(this.uri) } });
    } catch {
      // The document is not open any more (or the server restarts): the preview keeps what it shows.
      return;
    }
    // Closed meanwhile, or overtaken by a newer request.
    if (!answer || asked !== this.asked || this.disposed) return;
    const body = previewBody(answer, vscode.l10n);
    this.body = body;
    // A page shown takes the new content in place (the reader keeps the place); else the page is made anew.
    if (this.pageBody !== undefined && this.panel.visible) void this.panel.webview.postMessage({ type: 'update', body });
    else this.setPage(body);
    this.lastUpdateMs = Date.now() - started;
  }

  private setPage(body: string): void {
    this.pageBody = body;
    // The page opens where the editor is (a page shown again, where the reader left it: previewScript.ts).
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.key);
    const line = editor?.visibleRanges[0]?.start.line ?? 0;
    const cursor = editor?.selection.active.line ?? -1;
    this.panel.webview.html = previewPage(body, { nonce: nonce(), script: `(${previewScript.toString()})();`, title: this.panel.title, line, cursor });
  }

  /** Shows line `line` of the document in an editor, the one beside the preview when there is one. */
  private async reveal(line: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uri);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const at = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
    await vscode.window.showTextDocument(document, {
      viewColumn: editor?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One),
      selection: new vscode.Range(at, at),
    });
  }

  dispose(): void {
    this.disposed = true;
    this.watcher?.dispose();
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
    this.onDispose();
  }
}

export interface PreviewApi {
  /** The content the preview of `uri` shows, or undefined when it has none. */
  previewBody(uri: vscode.Uri): string | undefined;
}

/** `start` gives the client for the updates; `running` (`whenRunning`) for the commands, which say when the server does not run. */
export function registerPreview(context: vscode.ExtensionContext, start: Start, running: Start): PreviewApi {
  const previews = new Map<string, KamervraagPreview>();

  const show = async (toSide: boolean, uri?: vscode.Uri): Promise<void> => {
    let given: vscode.TextDocument | undefined;
    if (uri instanceof vscode.Uri) {
      try {
        given = await openKamervraag(uri);
      } catch {
        // A row of the view whose file went a moment ago (the view follows a moment later).
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} cannot be opened: the file is not there any more.', nameOf(uri)));
        return;
      }
    }
    const document = servedKamervraag(given ?? vscode.window.activeTextEditor?.document, vscode.l10n.t('Open a Kamervraag to use this command.'));
    if (!document || !(await running())) return;
    const key = document.uri.toString();
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    const existing = previews.get(key);
    if (existing) {
      existing.panel.reveal(toSide ? undefined : column, toSide);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      vscode.l10n.t('Preview {0}', nameOf(document.uri)),
      { viewColumn: column, preserveFocus: toSide },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
    );
    const preview: KamervraagPreview = new KamervraagPreview(document.uri, panel, start, () => {
      if (previews.get(preview.uri.toString()) === preview) previews.delete(preview.uri.toString());
    });
    previews.set(key, preview);
    await preview.update();
  };

  /** The preview of `from` shows `to` from now on (none of `to` open already). */
  const retarget = (from: vscode.Uri, to: vscode.Uri) => {
    const preview = previews.get(from.toString());
    if (!preview || previews.has(to.toString())) return;
    previews.delete(from.toString());
    previews.set(to.toString(), preview);
    preview.retarget(to);
  };

  context.subscriptions.push(
    // The answer term and the messages follow the settings.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('kamervraag')) for (const p of previews.values()) p.scheduleUpdate();
    }),
    vscode.workspace.onDidRenameFiles((e) => {
      for (const f of e.files) retarget(f.oldUri, f.newUri);
    }),
    // An untitled document closes when it is saved (the file opens in its place) or thrown away: its
    // preview follows the saved file, or closes with it.
    vscode.workspace.onDidCloseTextDocument((closed) => {
      const preview = previews.get(closed.uri.toString());
      if (!preview || closed.uri.scheme !== 'untitled') return;
      const text = closed.getText();
      setTimeout(() => {
        if (previews.get(closed.uri.toString()) !== preview) return;
        const active = vscode.window.activeTextEditor?.document;
        const saved = [active, ...vscode.workspace.textDocuments].find((d) => d && d.uri.scheme !== 'untitled' && !d.isClosed && d.getText() === text && !previews.has(d.uri.toString()));
        if (saved) retarget(closed.uri, saved.uri);
        else preview.panel.dispose();
      }, 100);
    }),
    vscode.commands.registerCommand('kamervraag.showPreview', (uri?: vscode.Uri) => show(false, uri)),
    vscode.commands.registerCommand('kamervraag.showPreviewToSide', (uri?: vscode.Uri) => show(true, uri)),
    { dispose: () => [...previews.values()].forEach((p) => p.panel.dispose()) },
  );
  return { previewBody: (uri) => previews.get(uri.toString())?.body };
}
