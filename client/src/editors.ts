/**
 * The Kamervraag a command works on. The language server is given the documents of some schemes only
 * (`documentSchemes`: files, untitled documents, virtual workspaces); a Kamervraag shown from elsewhere —
 * a Git version, the left side of a compare view — is coloured, but the server neither checks it nor
 * answers for it. A command on it says so, instead of "no questions" or a blank preview.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { isKamervraagFirstLine } from './detect';
import { documentSchemes } from './serverNode';

export const LANGUAGE_ID = 'kamervraag';

/** Whether the language server has `document`: a Kamervraag of a scheme it is given. */
export function isServed(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID && documentSchemes.includes(document.uri.scheme);
}

/**
 * `document` when the server has it; else undefined, after a message: `none` when it is no Kamervraag,
 * and when it is one from elsewhere, where it is and what to do.
 */
export function servedKamervraag(document: vscode.TextDocument | undefined, none: string): vscode.TextDocument | undefined {
  if (!document || document.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(none);
    return undefined;
  }
  if (!isServed(document)) {
    const scheme = document.uri.scheme;
    // A file system another extension provides and that can be written (a remote one, say) holds the
    // file itself; what cannot be written is a view of a file (a Git version, one side of a comparison).
    void vscode.window.showInformationMessage(vscode.workspace.fs.isWritableFileSystem(scheme) === true
      ? vscode.l10n.t('This Kamervraag is in "{0}", a file system the Kamervraag checks do not read: save a copy on disk to use this command.', scheme)
      : vscode.l10n.t('This Kamervraag is shown from "{0}" (a Git version or a comparison, for instance), which is not checked: open the file itself to use this command.', scheme));
    return undefined;
  }
  return document;
}

/** The active editor, when its document is a Kamervraag the server has (`servedKamervraag`). */
export function activeKamervraag(none = vscode.l10n.t('Open a Kamervraag to use this command.')): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return servedKamervraag(editor?.document, none) ? editor : undefined;
}

/**
 * The document at `uri` as a Kamervraag, for a command given a file (a row of the Kamervragen view): a
 * `.txt` Kamervraag not open yet opens as plain text, and is switched here at once rather than after the
 * detection of plain text has seen it (or never, with `kamervraag.detectPlainText` off).
 */
export async function openKamervraag(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId === 'plaintext' && document.lineCount > 0 && isKamervraagFirstLine(document.lineAt(0).text)) {
    return vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  }
  return document;
}

/** vscode-languageclient's `State` (the client packages differ per platform; the values do not). */
export const CLIENT_STATE = { stopped: 1, running: 2, starting: 3 } as const;

/** How long a command waits for a server that is (re)starting. */
const START_WAIT_MS = 15_000;

/**
 * `start` for a command: the client once its server runs — waiting while it (re)starts — or undefined,
 * after a message that says the server does not run and what to do, rather than a command that answers
 * "no questions" or fails with the client's English error. `restarting` is the restart in progress, if
 * any: a restart stops the client before it starts it again, and a command in that moment waits for it.
 */
export function whenRunning(
  start: () => Promise<LanguageClient | undefined>,
  restarting: () => Promise<unknown> | undefined = () => undefined,
): () => Promise<LanguageClient | undefined> {
  return async () => {
    await restarting()?.catch(() => undefined);
    const client = await start();
    if (client && (client.isRunning() || (client.state === CLIENT_STATE.starting && await running(client)))) return client;
    if (client) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The Kamervraag language server does not run. Run "Kamervraag: Restart Language Server", or see the output channel "Kamervraag".'));
    }
    return undefined;
  };
}

/** Resolves whether `client`, starting, runs within `START_WAIT_MS`. */
function running(client: LanguageClient): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      listener.dispose();
      resolve(ok);
    };
    const timer = setTimeout(() => done(client.isRunning()), START_WAIT_MS);
    const listener = client.onDidChangeState((e) => {
      if (e.newState === CLIENT_STATE.running) done(true);
      else if (e.newState !== CLIENT_STATE.starting) done(false);
    });
  });
}

/**
 * A runner that runs what it is given one at a time, each after the one before has ended (failed or not):
 * a command pressed twice works on what the first made, not on what both started from.
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = last.then(task);
    last = next.catch(() => undefined);
    return next;
  };
}
