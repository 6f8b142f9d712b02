/**
 * "Copy as Answer Document" (*Kopiëren als beantwoording*): the active Kamervraag as its answer is sent and
 * published — the title, then `Vraag N` with its text and `Antwoord N` with its answer for each question —
 * on the clipboard, to paste into the ministry's answer in Word or an e-mail. The text comes from the
 * language server (`kamervraag/answerDocument`, server/src/features/answerDocument.ts); a question still
 * without an answer is named in the message, so nothing half-done is sent unnoticed.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { activeKamervraag } from './editors';

const METHOD = 'kamervraag/answerDocument';

interface AnswerDocument {
  readonly text: string;
  readonly questions: number;
  readonly unanswered: number;
}

/** Copies the answer document of the active Kamervraag; returns what was copied (for scripts and the tests). */
async function copyAnswerDocument(start: () => Promise<LanguageClient | undefined>): Promise<AnswerDocument | undefined> {
  const editor = activeKamervraag();
  if (!editor) return undefined;
  const client = await start();
  if (!client) return undefined;
  const answer = await client.sendRequest<AnswerDocument | null>(METHOD, { textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) } });
  if (!answer) return undefined;
  if (answer.questions === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This Kamervraag has no questions yet.'));
    return undefined;
  }
  await vscode.env.clipboard.writeText(answer.text);
  if (answer.unanswered > 0) {
    void vscode.window.showWarningMessage(answer.unanswered === 1
      ? vscode.l10n.t('Copied as an answer document; 1 question has no answer yet.')
      : vscode.l10n.t('Copied as an answer document; {0} questions have no answer yet.', answer.unanswered));
  } else {
    vscode.window.setStatusBarMessage(answer.questions === 1
      ? vscode.l10n.t('1 question and its answer copied')
      : vscode.l10n.t('{0} questions and their answers copied', answer.questions), 5000);
  }
  return answer;
}

export function registerAnswerDocument(context: vscode.ExtensionContext, start: () => Promise<LanguageClient | undefined>): void {
  context.subscriptions.push(vscode.commands.registerCommand('kamervraag.copyAnswerDocument', () => copyAnswerDocument(start)));
}
