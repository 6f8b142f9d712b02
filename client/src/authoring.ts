/**
 * Writing from nothing: "Nieuwe Kamervraag" (an untitled Kamervraag from a snippet with tab stops, today's
 * date in Dutch), "Ga naar vraag…" (a quick pick of the questions from the server's outline: number,
 * first words, answered or not; with a number as argument it jumps there at once, for scripts and tests)
 * and "Beantwoording starten" (the server's source action that turns the questions into an answer to write).
 */
import * as vscode from 'vscode';
import { newKamervraagSnippet, pickText, questionPicks, type QuestionPick } from './authoringText';
import { activeKamervraag, LANGUAGE_ID, oneAtATime } from './editors';


function today(): { year: number; month: number; day: number } {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** Run twice at once, the second new document waits for the first (else VS Code gave both one untitled name). */
const creating = oneAtATime();

function newKamervraag(): Promise<void> {
  return creating(async () => {
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await editor.insertSnippet(new vscode.SnippetString(newKamervraagSnippet(today())), new vscode.Position(0, 0));
  });
}

/** The language client once its server runs (`whenRunning`): the outline and the source actions come from it. */
type Running = () => Promise<unknown>;

function jump(editor: vscode.TextEditor, q: QuestionPick): void {
  const at = new vscode.Position(q.line, q.character);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function goToQuestion(running: Running, number?: unknown): Promise<void> {
  const editor = activeKamervraag(vscode.l10n.t('Open a Kamervraag to go to one of its questions.'));
  if (!editor || !(await running())) return;
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', editor.document.uri);
  const questions = questionPicks((symbols ?? []).filter((s) => Array.isArray(s.children)));
  if (questions.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This Kamervraag has no questions yet.'));
    return;
  }
  if (typeof number === 'number') {
    const q = questions.find((x) => x.number === number);
    if (q) jump(editor, q);
    return;
  }
  const answered = vscode.l10n.t('answered');
  const open = vscode.l10n.t('not answered');
  const items = questions.map((q) => ({
    label: pickText(q.name),
    description: q.answered ? `$(check) ${answered}` : `$(circle-large-outline) ${open}`,
    detail: pickText(q.words),
    question: q,
  }));
  const start = editor.selection;
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('Go to question'),
    matchOnDetail: true,
    matchOnDescription: true,
    // Show each question while the user moves through the list.
    onDidSelectItem: (item) => jump(editor, (item as (typeof items)[number]).question),
  });
  if (picked) jump(editor, picked.question);
  else {
    editor.selection = start;
    editor.revealRange(start, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

/** The language server's source action that starts the answer (server/src/features/startAnswering.ts). */
const START_ANSWERING_KIND = 'source.startAnswering.kamervraag';

/**
 * "Beantwoording starten": the server's source action, applied as VS Code applies a source action (one
 * undo, the cursor on the first answer line); a document that is answered already, or has no questions,
 * gets a message in our words instead of VS Code's "no source actions".
 */
async function startAnswering(running: Running): Promise<void> {
  const editor = activeKamervraag(vscode.l10n.t('Open a Kamervraag to start its answer.'));
  if (!editor || !(await running())) return;
  const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
  const offered = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', editor.document.uri, whole, START_ANSWERING_KIND);
  if (!offered || offered.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This Kamervraag is answered already, or has no questions.'));
    return;
  }
  await vscode.commands.executeCommand('editor.action.sourceAction', { kind: START_ANSWERING_KIND, apply: 'first' });
}

/** Registers the commands; `running` gives the language client once its server runs (`whenRunning`). */
export function registerAuthoring(context: vscode.ExtensionContext, running: Running): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('kamervraag.newDocument', newKamervraag),
    vscode.commands.registerCommand('kamervraag.goToQuestion', (number?: unknown) => goToQuestion(running, number)),
    vscode.commands.registerCommand('kamervraag.startAnswering', () => startAnswering(running)),
  );
}
