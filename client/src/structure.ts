/**
 * The commands that renumber and restructure the questions of the active Kamervraag: "Vragen hernummeren",
 * "Vraag toevoegen", "Vraag omhoog", "Vraag omlaag", "Vraag verwijderen". Each asks the language server
 * (server/src/features/structure.ts) for one WorkspaceEdit, applies it as one edit (one undo), puts the
 * cursor where the server says and shows the server's notes on references it left as they stood.
 * Deleting a question that answers refer to asks first, in a modal dialog that lists them.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type * as lsp from 'vscode-languageserver-protocol';
import { activeKamervraag, oneAtATime } from './editors';

/** The answer of the server's requests (features/structure.ts, StructureAnswer and DeleteAnswer). */
interface StructureAnswer {
  readonly edit: lsp.WorkspaceEdit;
  readonly notes: { range: lsp.Range; message: string }[];
  readonly cursor?: lsp.Position;
  readonly question?: number | null;
  readonly referrers?: { range: lsp.Range; text: string; fromQuestion: number | null; inPart: string }[];
  /** Renumbering: the document's number of questions (absent from servers before it). */
  readonly questions?: number;
}

/** What a command returns (for scripts and the tests): whether the edit was applied, and the notes. */
export interface StructureOutcome {
  readonly applied: boolean;
  readonly notes: readonly string[];
}

type Start = () => Promise<LanguageClient | undefined>;

const COMMANDS = {
  'kamervraag.renumber': { method: 'kamervraag/renumber', position: false },
  'kamervraag.insertQuestion': { method: 'kamervraag/insertQuestion', position: true },
  'kamervraag.moveQuestionUp': { method: 'kamervraag/moveQuestion', position: true, direction: 'up' },
  'kamervraag.moveQuestionDown': { method: 'kamervraag/moveQuestion', position: true, direction: 'down' },
  'kamervraag.deleteQuestion': { method: 'kamervraag/deleteQuestion', position: true },
} as const;

export function registerStructure(context: vscode.ExtensionContext, start: Start): void {
  // One command at a time: pressed twice, the second asks the server about the text the first made (two
  // questions inserted), not about the text both started from (which wrote one question over the other).
  const inTurn = oneAtATime();
  for (const [command, how] of Object.entries(COMMANDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(command, () => inTurn(() => run(start, command, how))));
  }
}

const changedMeanwhile = () =>
  void vscode.window.showWarningMessage(vscode.l10n.t('The document changed meanwhile; nothing was done. Try again.'));

const NOT_APPLIED: StructureOutcome = { applied: false, notes: [] };

async function run(
  start: Start, command: string, how: { method: string; position: boolean; direction?: string },
): Promise<StructureOutcome> {
  const editor = activeKamervraag();
  if (!editor) return NOT_APPLIED;
  const client = await start();
  if (!client) return NOT_APPLIED;
  const document = editor.document;
  const version = document.version;
  const params = {
    textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
    ...(how.position ? { position: client.code2ProtocolConverter.asPosition(editor.selection.active) } : {}),
    ...(how.direction ? { direction: how.direction } : {}),
  };
  let answer: StructureAnswer | null;
  try {
    answer = await client.sendRequest<StructureAnswer | null>(how.method, params);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Kamervraag: {0}', String((e as Error)?.message ?? e)));
    return NOT_APPLIED;
  }
  if (!answer) {
    void vscode.window.showInformationMessage(command === 'kamervraag.renumber' || command === 'kamervraag.insertQuestion'
      ? vscode.l10n.t('Nothing to do here.')
      : vscode.l10n.t('Put the cursor in a question (and not in the first or last one to move it past its neighbour).'));
    return NOT_APPLIED;
  }
  const notes = answer.notes.map((n) => vscode.l10n.t('line {0}: {1}', n.range.start.line + 1, n.message));
  if (command === 'kamervraag.deleteQuestion' && !(await confirmDelete(answer))) return { applied: false, notes };
  if (document.version !== version) {
    changedMeanwhile();
    return { applied: false, notes };
  }
  const edits = Object.values(answer.edit.changes ?? {}).flat();
  if (edits.length === 0) {
    if (command === 'kamervraag.renumber') {
      void vscode.window.showInformationMessage(answer.questions === 0
        ? vscode.l10n.t('This Kamervraag has no questions yet.')
        : vscode.l10n.t('The questions are numbered 1, 2, 3 … already.'));
    }
    return { applied: false, notes };
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(answer.edit);
  // Checked again with nothing awaited before the edit is handed on: VS Code applies it to the version the
  // extension host knows now, and refuses it when the editor has moved on since.
  if (document.version !== version) {
    changedMeanwhile();
    return { applied: false, notes };
  }
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) {
    changedMeanwhile();
    return { applied, notes };
  }
  if (applied && answer.cursor && vscode.window.activeTextEditor?.document === document) {
    const at = client.protocol2CodeConverter.asPosition(answer.cursor);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  if (applied && notes.length > 0) {
    void vscode.window.showWarningMessage(notes.length === 1
      ? vscode.l10n.t('1 reference left as it was: {0}', notes[0]!)
      : vscode.l10n.t('{0} references left as they were: {1}', notes.length, notes.join(' — ')));
  }
  return { applied, notes };
}

/** True when the question can go: no answer refers to it, or the user says so in a modal dialog. */
async function confirmDelete(answer: StructureAnswer): Promise<boolean> {
  const referrers = answer.referrers ?? [];
  if (referrers.length === 0) return true;
  const n = answer.question ?? '?';
  const lines = referrers.map((r) => r.fromQuestion !== null
    ? vscode.l10n.t('Question {0}, line {1}: "{2}"', r.fromQuestion, r.range.start.line + 1, r.text)
    : vscode.l10n.t('Line {0}: "{1}"', r.range.start.line + 1, r.text));
  const remove = vscode.l10n.t('Delete');
  const choice = await vscode.window.showWarningMessage(
    referrers.length === 1
      ? vscode.l10n.t('Question {0} is referred to once. Delete it anyway? The reference stays as it is and will name another question.', n)
      : vscode.l10n.t('Question {0} is referred to {1} times. Delete it anyway? The references stay as they are and will name another question.', n, referrers.length),
    { modal: true, detail: lines.join('\n') },
    remove,
  );
  return choice === remove;
}
