// Renumbering inside a real VS Code (issue 12): "Vragen hernummeren" on a document whose blocks were cut
// and pasted out of order (workspace/hernummeren.kvr: 1, 4, 2, 3), the numbers and references afterwards,
// and one undo giving back the text; "Vraag toevoegen" with the cursor on the new question line; "Vraag omhoog";
// F2 on a question number and on the zaaknummer.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openWorkspaceFixture } from './workspaceFixture';
import { waitFor } from './support';

interface Outcome {
  readonly applied: boolean;
  readonly notes: readonly string[];
}

const openFixture = (): Promise<vscode.TextEditor> => openWorkspaceFixture('hernummeren.kvr');

const headings = (text: string) => text.split('\n').filter((l) => l.startsWith(' • Vraag')).map((l) => l.slice(3));

suite('Renumbering', () => {
  test('"Vragen hernummeren" numbers 1…n, the references follow their questions, and one undo restores the text', async () => {
    const editor = await openFixture();
    const doc = editor.document;
    const before = doc.getText();
    assert.deepEqual(headings(before), ['Vraag 1', 'Vraag 4', 'Vraag 2', 'Vraag 3']);
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['kamervraag.renumber', 'kamervraag.insertQuestion', 'kamervraag.moveQuestionUp', 'kamervraag.moveQuestionDown', 'kamervraag.deleteQuestion']) {
      assert.ok(commands.includes(c), c);
    }
    const outcome = await vscode.commands.executeCommand<Outcome>('kamervraag.renumber');
    assert.deepEqual(outcome, { applied: true, notes: [] });
    const after = doc.getText();
    assert.deepEqual(headings(after), ['Vraag 1', 'Vraag 2', 'Vraag 3', 'Vraag 4']);
    // Each reference still names the question it named: old 4 (leraren) is 2, old 2 (leerlingen) 3, old 3 (kosten) 4.
    assert.ok(after.includes('Ruim zesduizend. Zie ook het antwoord op vraag 2.'), after);
    assert.ok(after.includes('zie voor de leerlingen antwoord vraag 3.'));
    assert.ok(after.includes('Ruim twee miljoen; zie ook de vragen 4 en 2.'));
    assert.ok(after.includes('  Zie antwoord vraag 1.'));
    assert.equal(after.replace(/\d+/g, '#'), before.replace(/\d+/g, '#'), 'only digits changed');
    // The diagnostics follow: no numbering problem is left.
    await waitFor('the numbering diagnostic to clear', () => {
      const codes = vscode.languages.getDiagnostics(doc.uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
      return codes.includes('question-number-sequence') ? undefined : true;
    });
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'one undo gives the shuffled text back');
  });

  test('"Vraag toevoegen": a numbered block after the question at the cursor, the cursor on its question line; undo removes it', async () => {
    const editor = await openFixture();
    const doc = editor.document;
    const before = doc.getText();
    const line = before.split('\n').indexOf('  Hoeveel scholen zijn er in Nederland?');
    editor.selection = new vscode.Selection(line, 3, line, 3);
    const outcome = await vscode.commands.executeCommand<Outcome>('kamervraag.insertQuestion');
    assert.equal(outcome.applied, true);
    const cursor = editor.selection.active;
    assert.equal(doc.lineAt(cursor.line - 1).text, ' • Vraag 2');
    assert.equal(doc.lineAt(cursor.line).text, '  ');
    assert.equal(cursor.character, 2);
    // Inserting renumbers through the same engine: the blocks after it are 3, 4, 5, the references follow.
    assert.deepEqual(headings(doc.getText()), ['Vraag 1', 'Vraag 2', 'Vraag 3', 'Vraag 4', 'Vraag 5']);
    assert.ok(doc.getText().includes('Zie ook het antwoord op vraag 3.'), 'old 4 (leraren) is now 3');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before);
  });

  test('F2 (executeDocumentRenameProvider): a question number from a reference, and the zaaknummer from the footer; undo restores', async () => {
    const editor = await openWorkspaceFixture('2024Z16988.txt');
    const doc = editor.document;
    const before = doc.getText();
    const lines = before.split('\n');
    const footerLine = lines.findIndex((l) => l.startsWith('Kamervraag document nummer: kv-tk-'));
    const footer = new vscode.Position(footerLine, lines[footerLine]!.indexOf('2024Z16988') + 3);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', doc.uri, footer);
    assert.equal(prepared.placeholder, '2024Z16988');
    assert.equal(doc.getText(prepared.range), '2024Z16988');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, footer, '2024z17000');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.getText(), before.replaceAll('2024Z16988', '2024Z17000'), 'header, Bron vraag, Mededeling and footer');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before);
    // A name that is no zaaknummer: the server's message, and no edit.
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, footer, '2024Z170')),
      /four digits, Z and five digits/,
    );
    // A question number (the fixture hernummeren.kvr refers to its questions).
    const renumber = (await openFixture()).document;
    const text = renumber.getText();
    const refLine = text.split('\n').findIndex((l) => l.includes('Zie antwoord vraag 1.'));
    const ref = new vscode.Position(refLine, renumber.lineAt(refLine).text.indexOf('vraag 1') + 6);
    const renamed = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', renumber.uri, ref, '9');
    assert.ok(await vscode.workspace.applyEdit(renamed));
    assert.ok(renumber.getText().includes(' • Vraag 9') && renumber.getText().includes('Zie antwoord vraag 9.'), renumber.getText());
    await vscode.commands.executeCommand('undo');
    assert.equal(renumber.getText(), text);
  });

  test('"Vraag omhoog": the question swaps with the one above, the references follow, the cursor stays in it', async () => {
    const editor = await openFixture();
    const doc = editor.document;
    const before = doc.getText();
    const line = before.split('\n').indexOf('  Hoeveel leerlingen zijn er?');
    editor.selection = new vscode.Selection(line, 5, line, 5);
    const outcome = await vscode.commands.executeCommand<Outcome>('kamervraag.moveQuestionUp');
    assert.equal(outcome.applied, true);
    const after = doc.getText();
    assert.deepEqual(after.split('\n').filter((l) => l.startsWith('  Hoeveel') || l.startsWith('  Wat')), [
      '  Hoeveel scholen zijn er in Nederland?', '  Hoeveel leerlingen zijn er?', '  Hoeveel leraren werken er?', '  Wat kost het onderwijs per jaar?',
    ]);
    assert.deepEqual(headings(after), ['Vraag 1', 'Vraag 2', 'Vraag 3', 'Vraag 4']);
    assert.ok(after.includes('Zie ook het antwoord op vraag 3.'), 'leraren (old 4) is now 3');
    assert.ok(after.includes('Ruim twee miljoen; zie ook de vragen 4 en 3.'));
    assert.equal(doc.lineAt(editor.selection.active.line).text, '  Hoeveel leerlingen zijn er?');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before);
  });
});
