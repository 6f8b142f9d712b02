// Quick fixes and fix-all inside a real VS Code (issue 12): a quick fix taken through
// `vscode.executeCodeActionProvider` and applied with `vscode.workspace.applyEdit` (the answer line, its
// snippet edit putting the cursor on it; the day count; the Mededeling of a document past its term; the
// question a wrong reference meant), and `editor.codeActionsOnSave` with
// `source.fixAll.kamervraag` mending a document when it is saved. Runs after extension.test.js (the
// extension is active), on its own fixtures in the copy of test/vscode/workspace/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { dutchDate, waitFor } from './support';

function folderUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'a workspace folder must be open');
  return vscode.Uri.joinPath(folder, name);
}

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return String(typeof c === 'object' && c !== null ? c.value : c);
}

async function openKvr(name: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(folderUri(name));
  assert.equal(doc.languageId, 'kamervraag');
  const editor = await vscode.window.showTextDocument(doc);
  return { doc, editor };
}

function diagnostic(doc: vscode.TextDocument, code: string): Promise<vscode.Diagnostic> {
  return waitFor(`the ${code} diagnostic`, () => vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === code));
}

/** The quick fix titled `title` that VS Code gets at the range of `d` (which carries the diagnostics there,
 * as the light bulb asks; the command's answer does not say which diagnostic an action is for). */
async function quickFix(doc: vscode.TextDocument, d: vscode.Diagnostic, title: string): Promise<vscode.CodeAction> {
  return waitFor(`the quick fix '${title}'`, async () => {
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const found = actions.filter((a): a is vscode.CodeAction => a instanceof vscode.CodeAction && a.kind?.value === 'quickfix');
    return found.find((a) => a.title === title) ?? (found.length > 0 ? assert.fail(`quick fixes: ${found.map((a) => a.title).join(', ')}`) : undefined);
  });
}

suite('Kamervraag quick fixes and fix-all in VS Code', () => {
  test('a missing answer: the quick fix inserts an answer line and puts the cursor on it', async () => {
    const { doc, editor } = await openKvr('snelle-fix.kvr');
    const before = doc.getText();
    const d = await diagnostic(doc, 'missing-answer');
    const question = before.split('\n').indexOf('  Hoe lang is de gemiddelde wachttijd voor het doen van aangifte?');
    assert.equal(d.range.start.line, question - 1, 'at the heading of Vraag 2');
    const fix = await quickFix(doc, d, 'Add an answer line');
    assert.ok(fix.edit, 'the action carries its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const after = before.replace('aangifte?\n', 'aangifte?\n\n  \n');
    await waitFor('the answer line', () => (doc.getText() === after ? true : undefined));
    // The snippet's $0: the cursor stands at the end of the new, indented answer line.
    const cursor = editor.selection.active;
    assert.deepEqual([cursor.line, cursor.character], [question + 2, 2], `cursor at ${cursor.line}:${cursor.character}`);
    // Typing there answers the question: the diagnostic goes.
    assert.ok(await editor.edit((b) => b.insert(cursor, 'Twee weken.')));
    await waitFor('the missing-answer diagnostic to clear', () =>
      vscode.languages.getDiagnostics(doc.uri).some((x) => codeOf(x) === 'missing-answer') ? undefined : true);
  });

  test('a wrong day count: the quick fix writes the right number', async () => {
    const { doc } = await openKvr('snelle-fix.kvr');
    const d = await diagnostic(doc, 'days-wrong');
    const fix = await quickFix(doc, d, 'Change to 14 days');
    assert.ok(fix.edit && await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.lineAt(5).text, /^Beantwoord 16 september 2024 \(na 14 dagen\)$/);
    await waitFor('the days-wrong diagnostic to clear', () =>
      vscode.languages.getDiagnostics(doc.uri).some((x) => codeOf(x) === 'days-wrong') ? undefined : true);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a document past its term: the quick fix adds a Mededeling of today, the cursor on its reason, and the term is postponed', async () => {
    const { doc, editor } = await openKvr('2024Z18439.kvr');
    const before = doc.getText();
    // Ingediend 14 november 2024: past its term on any day this suite runs.
    const d = await diagnostic(doc, 'answer-overdue');
    const fix = await quickFix(doc, d, 'Add a Mededeling (postponement notice) dated today');
    assert.ok(fix.edit && await vscode.workspace.applyEdit(fix.edit));
    const today = dutchDate();
    const last = '  Kunt u deze vragen afzonderlijk beantwoorden?';
    const at = before.split('\n').indexOf(last);
    await waitFor('the Mededeling', () => (doc.lineAt(at + 1).text === ` • Mededeling - ${today}` ? true : undefined));
    const body = doc.lineAt(at + 2).text;
    assert.match(body, /^ {2}De vragen van de leden Westerveld \(GroenLinks-PvdA\) en Bushoff \(GroenLinks-PvdA\) over het verdwijnen van de restitutiepolis .* \(2024Z18439\) kunnen tot mijn spijt niet binnen de gebruikelijke termijn worden beantwoord\./);
    assert.equal(doc.getText().replace(`\n • Mededeling - ${today}\n${body}`, ''), before, 'only the two new lines');
    // The snippet's $0: the cursor before the reason.
    const cursor = editor.selection.active;
    assert.deepEqual([cursor.line, cursor.character], [at + 2, body.indexOf('de afstemming')], `cursor at ${cursor.line}:${cursor.character}`);
    await waitFor('answer-overdue to clear', () => (vscode.languages.getDiagnostics(doc.uri).some((x) => codeOf(x) === 'answer-overdue') ? undefined : true));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a reference to a question that does not exist: the light bulb offers the questions it probably meant, by their text', async () => {
    const { doc, editor } = await openKvr('2014Z19222.txt');
    const before = doc.getText();
    const line = before.split('\n').indexOf('  Zie antwoord vraag 6.');
    assert.ok(line > 0);
    // As an author types it: one digit too many.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, '  Zie antwoord vraag '.length), '1')));
    const d = await diagnostic(doc, 'reference-unknown-question');
    assert.equal(d.range.start.line, line);
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.map((a) => a.title), [
      'Refer to question 1: «Wat is uw reactie op het bericht dat er te weinig…»',
      'Refer to question 6: «Hoeveel mensenhandelteams zijn er bij de politie en uit…»',
    ]);
    const six = actions[1] as vscode.CodeAction;
    assert.ok(six.edit && await vscode.workspace.applyEdit(six.edit));
    assert.equal(doc.getText(), before, 'the number the author meant, nothing else');
    await waitFor('reference-unknown-question to clear', () => (vscode.languages.getDiagnostics(doc.uri).some((x) => codeOf(x) === 'reference-unknown-question') ? undefined : true));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('editor.codeActionsOnSave with source.fixAll.kamervraag mends the document when it is saved', async () => {
    const editorConfig = () => vscode.workspace.getConfiguration('editor', { languageId: 'kamervraag' });
    await editorConfig().update('codeActionsOnSave', { 'source.fixAll.kamervraag': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    try {
      await waitFor('the setting', () => (JSON.stringify(editorConfig().get('codeActionsOnSave')) === '{"source.fixAll.kamervraag":"explicit"}' ? true : undefined));
      const { doc, editor } = await openKvr('opslaan-fixall.kvr');
      const text = doc.getText();
      await diagnostic(doc, 'metadata-order');
      // The fix-all action as the save asks for it.
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.kamervraag');
      assert.deepEqual(actions.map((a) => a.kind?.value), ['source.fixAll.kamervraag']);
      // Dirty the document (a save of an unchanged file may skip its participants), then save as Ctrl+S does.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount - 1, doc.lineAt(doc.lineCount - 1).text.length), '\n')));
      await vscode.commands.executeCommand('workbench.action.files.save');
      const want = text
        .replace('Indieners Jan de Vries (VVD)\nBeantwoord 16 september 2024 (na 15 dagen)\n', 'Beantwoord 16 september 2024 (na 14 dagen)\nIndiener Jan de Vries (VVD)\n')
        .replace('ONDERWERPEN', 'Onderwerpen')
        .replace('kv-tk-2024Z20013', 'kv-tk-2024Z20012')
        .replace(' - vraag 1\n', ' • Vraag 1\n')
        // (The footer's title completed: words added, none lost. A title to choose between two versions of
        // is left to the author: test/unit/features/fixAll.test.ts.)
        .replace('Volledige titel: Opslaan herstelt wat vanzelf te\n', 'Volledige titel: Opslaan herstelt wat vanzelf te herstellen is\n');
      assert.notEqual(want, text);
      await waitFor('the saved document to be mended', () => (doc.getText() === `${want}\n` && !doc.isDirty ? true : undefined));
      assert.equal(fs.readFileSync(doc.uri.fsPath, 'utf8'), `${want}\n`, 'what is on disk is mended');
      await waitFor('no problem left', () => (vscode.languages.getDiagnostics(doc.uri).length === 0 ? true : undefined));
    } finally {
      await editorConfig().update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });
});
