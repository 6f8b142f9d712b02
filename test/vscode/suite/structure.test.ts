// The structure commands inside a real VS Code, on a document whose answers refer to each other
// (workspace/structuur.kvr): "Vraag omlaag" swaps question 1 with question 2, numbers and references
// rewritten, one undo gives the text back; "Vraag verwijderen" asks first in a modal warning that lists the
// answers referring to the question (vscode.window.showWarningMessage replaced for the test, restored
// after), deletes the block and renumbers the rest when confirmed, and changes nothing when cancelled.
// A test that fails puts the text back, so that the next one starts from the fixture.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KamervraagApi } from './support';
import { openWorkspaceFixture } from './workspaceFixture';

const api = () => vscode.extensions.getExtension<KamervraagApi>('kamervraag.kamervraag')!.exports;

interface Outcome {
  readonly applied: boolean;
  readonly notes: readonly string[];
}

const FIXTURE = 'structuur.kvr';

const openFixture = (): Promise<vscode.TextEditor> => openWorkspaceFixture(FIXTURE);

/** The text of the fixture from its first heading to its footer, lines joined by `\n`. */
const blocksOf = (text: string) => {
  const lines = text.split('\n');
  return lines.slice(lines.findIndex((l) => l.startsWith(' • Vraag')), lines.findIndex((l) => l.startsWith('Kamervraag document nummer'))).join('\n');
};

/** Puts the cursor in the question line of question 1. */
function inQuestionOne(editor: vscode.TextEditor): void {
  const line = editor.document.getText().split('\n').indexOf('  Hoeveel bibliotheken zijn er?');
  assert.ok(line > 0);
  editor.selection = new vscode.Selection(line, 4, line, 4);
}

type Warning = typeof vscode.window.showWarningMessage;

/** Runs `fn` with showWarningMessage answering `answer(message, rest)`; every call recorded; the original restored. */
async function withWarnings<T>(answer: (message: string, rest: unknown[]) => unknown, fn: () => Thenable<T>): Promise<{ result: T; calls: { message: string; rest: unknown[] }[] }> {
  const window = vscode.window as { showWarningMessage: Warning };
  const original = window.showWarningMessage;
  const calls: { message: string; rest: unknown[] }[] = [];
  window.showWarningMessage = ((message: string, ...rest: unknown[]) => {
    calls.push({ message, rest });
    return Promise.resolve(answer(message, rest));
  }) as Warning;
  try {
    assert.notEqual(vscode.window.showWarningMessage, original, 'the warning can be answered by the test');
    return { result: await fn(), calls };
  } finally {
    window.showWarningMessage = original;
  }
}

/**
 * Runs `fn` on the fixture's editor; if the text differs from what it was afterwards (a failed test left
 * it edited), puts it back, so that each test starts from the fixture as it is on disk.
 */
async function onFixture(fn: (editor: vscode.TextEditor, before: string) => Promise<void>): Promise<void> {
  const editor = await openFixture();
  const doc = editor.document;
  const before = doc.getText();
  try {
    await fn(editor, before);
  } finally {
    if (doc.getText() !== before) {
      await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), before));
    }
  }
}

suite('Question structure', () => {
  test('"Vraag omlaag" in question 1: the blocks swap, numbers and references are rewritten, the cursor stays, one undo restores', () => onFixture(async (editor, before) => {
    const doc = editor.document;
    assert.equal(blocksOf(before), [
      ' • Vraag 1', '  Hoeveel bibliotheken zijn er?', '', '  Ongeveer zeshonderd. Zie ook het antwoord op vraag 3.', '',
      ' • Vraag 2', '  Hoeveel boeken lenen zij uit?', '', '  Zie antwoord vraag 1.', '',
      ' • Vraag 3', '  Wat kost een abonnement?', '', '  Gemiddeld vijftig euro; zie ook vraag 2.', '', '',
    ].join('\n'));
    inQuestionOne(editor);
    const outcome = await vscode.commands.executeCommand<Outcome>('kamervraag.moveQuestionDown');
    assert.deepEqual(outcome, { applied: true, notes: [] });
    const after = doc.getText();
    // The old question 2 is question 1 and its referral names the old question 1, now 2; question 3 refers to the old 2, now 1.
    assert.equal(blocksOf(after), [
      ' • Vraag 1', '  Hoeveel boeken lenen zij uit?', '', '  Zie antwoord vraag 2.', '',
      ' • Vraag 2', '  Hoeveel bibliotheken zijn er?', '', '  Ongeveer zeshonderd. Zie ook het antwoord op vraag 3.', '',
      ' • Vraag 3', '  Wat kost een abonnement?', '', '  Gemiddeld vijftig euro; zie ook vraag 1.', '', '',
    ].join('\n'));
    assert.equal(after.slice(0, before.indexOf(' • Vraag 1')), before.slice(0, before.indexOf(' • Vraag 1')), 'the header and metadata stay');
    assert.ok(after.endsWith(before.slice(before.indexOf('Kamervraag document nummer'))), 'the footer stays');
    assert.equal(doc.lineAt(editor.selection.active.line).text, '  Hoeveel bibliotheken zijn er?', 'the cursor moved with its question');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'one undo gives the text back');
  }));

  test('"Vraag toevoegen" twice without waiting: two questions, numbered on; every reference keeps its question', () => onFixture(async (editor, before) => {
    const doc = editor.document;
    const line = before.split('\n').indexOf('  Hoeveel boeken lenen zij uit?');
    editor.selection = new vscode.Selection(line, 2, line, 2);
    // The second asks after the first is applied (in the question the first made), not on the text both started from.
    const outcomes = await Promise.all([
      vscode.commands.executeCommand<Outcome>('kamervraag.insertQuestion'),
      vscode.commands.executeCommand<Outcome>('kamervraag.insertQuestion'),
    ]);
    assert.deepEqual(outcomes.map((o) => o.applied), [true, true]);
    const headings = doc.getText().split('\n').filter((l) => l.startsWith(' • Vraag')).map((l) => l.trim());
    assert.deepEqual(headings, ['• Vraag 1', '• Vraag 2', '• Vraag 3', '• Vraag 4', '• Vraag 5']);
    // Answer 1 referred to "Wat kost een abonnement?", question 3 before and question 5 now.
    assert.match(doc.getText(), /Ongeveer zeshonderd\. Zie ook het antwoord op vraag 5\./);
    assert.match(doc.getText(), / • Vraag 5\n {2}Wat kost een abonnement\?/);
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'two undos give the text back');
  }));

  test('"Vraag toevoegen" while "Restart Language Server" restarts the server: it waits for the restart and runs, no "does not run"', () => onFixture(async (editor, before) => {
    const doc = editor.document;
    const line = before.split('\n').indexOf('  Hoeveel boeken lenen zij uit?');
    editor.selection = new vscode.Selection(line, 2, line, 2);
    // Asked the moment the restart has stopped the client (before it starts it again).
    const client = (await api().whenStarted()) as unknown as { onDidChangeState(l: (e: { newState: number }) => void): vscode.Disposable };
    const { result, calls } = await withWarnings(() => undefined, () => {
      const inserted = new Promise<Outcome | undefined>((resolve) => {
        const listener = client.onDidChangeState((e) => {
          if (e.newState !== 1 /* stopped */) return;
          listener.dispose();
          resolve(vscode.commands.executeCommand<Outcome>('kamervraag.insertQuestion'));
        });
      });
      return Promise.all([vscode.commands.executeCommand('kamervraag.restartServer'), inserted]);
    });
    assert.deepEqual(calls.map((c) => c.message), []);
    assert.equal(result[1]?.applied, true);
    assert.equal(doc.getText().split('\n').filter((l) => l.startsWith(' • Vraag')).length, 4);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before);
  }));

  test('"Vraag verwijderen" in question 1: a modal warning lists the referring answer; confirmed, the block goes and the rest is renumbered; one undo restores', () => onFixture(async (editor, before) => {
    const doc = editor.document;
    inQuestionOne(editor);
    const { result: outcome, calls } = await withWarnings(
      (_message, rest) => rest.find((r) => typeof r === 'string'),
      () => vscode.commands.executeCommand<Outcome>('kamervraag.deleteQuestion'),
    );
    assert.equal(outcome.applied, true);
    const modal = calls[0];
    assert.ok(modal, 'a warning was shown');
    assert.match(modal.message, /^Question 1 is referred to once\. Delete it anyway\? The reference stays as it is/);
    const [options, ...items] = modal.rest as [vscode.MessageOptions, ...string[]];
    assert.equal(options.modal, true);
    assert.equal(options.detail, 'Question 2, line 20: "Zie antwoord vraag 1"');
    assert.deepEqual(items, ['Delete']);
    assert.deepEqual(outcome.notes, ['line 20: "Zie antwoord vraag 1" refers to question 1, which is deleted; the reference is left as it is.']);
    assert.equal(calls[1]?.message, `1 reference left as it was: ${outcome.notes[0]}`, 'one reference, in the singular');
    const after = doc.getText();
    assert.equal(blocksOf(after), [
      ' • Vraag 1', '  Hoeveel boeken lenen zij uit?', '', '  Zie antwoord vraag 1.', '',
      ' • Vraag 2', '  Wat kost een abonnement?', '', '  Gemiddeld vijftig euro; zie ook vraag 1.', '', '',
    ].join('\n'));
    assert.equal(after.replace(blocksOf(after), ''), before.replace(blocksOf(before), ''), 'only the blocks change');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'one undo gives the text back');
  }));

  test('"Vraag verwijderen" cancelled (the modal answered with nothing, or with another button): nothing changes', () => onFixture(async (editor, before) => {
    const doc = editor.document;
    const version = doc.version;
    for (const answer of [undefined, 'Cancel']) {
      inQuestionOne(editor);
      const { result: outcome, calls } = await withWarnings(() => answer, () => vscode.commands.executeCommand<Outcome>('kamervraag.deleteQuestion'));
      assert.equal(calls.length, 1, 'the modal warning only');
      assert.equal((calls[0]!.rest[0] as vscode.MessageOptions).modal, true);
      assert.equal(outcome.applied, false, String(answer));
      assert.equal(doc.getText(), before, String(answer));
      assert.equal(doc.version, version, 'not even an edit that was undone');
    }
  }));
});
