// Writing in VS Code (issue 12): formatting a document pasted from Word through the formatting provider,
// "Nieuwe Kamervraag" (an untitled Kamervraag from the snippet, today's date in Dutch), "Ga naar vraag…"
// with a number, "Copy as Answer Document" and the preview. Runs after extension.test.js, on a copy of test/vscode/workspace/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { dutchDate, waitFor, type KamervraagApi } from './support';

/** A Word paste (test/fixtures/formatting/ of the repository) with CRLF line ends, and what formatting makes of it (LF). */
const fixtureText = (name: string) =>
  fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'formatting', name), 'utf8').replace(/\r\n/g, '\n');
const PASTED = fixtureText('word-paste.txt').replace(/\n/g, '\r\n');
const FORMATTED = fixtureText('word-paste.formatted.txt');

suite('Writing a Kamervraag', () => {
  test('a document pasted from Word is formatted into the format (executeFormatDocumentProvider + applyEdit), and again changes nothing', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'kamervraag', content: PASTED });
    await vscode.window.showTextDocument(doc);
    const options = { tabSize: 2, insertSpaces: true };
    // The provider is there once the language server has started for this document.
    const edits = await waitFor('formatting edits', async () => {
      const e = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', doc.uri, options);
      return e && e.length > 0 ? e : undefined;
    });
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.getText().replace(/\r\n/g, '\n'), FORMATTED);
    const again = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', doc.uri, options);
    assert.equal(again?.length ?? 0, 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('"Nieuwe Kamervraag" opens an untitled Kamervraag: header, title, metadata with today\'s date, one question, footer', async () => {
    await vscode.commands.executeCommand('kamervraag.newDocument');
    const editor = await waitFor('the new document', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.isUntitled && e.document.getText().startsWith('Kamervraag') ? e : undefined;
    });
    const doc = editor.document;
    assert.equal(doc.languageId, 'kamervraag');
    const now = new Date();
    const year = now.getFullYear();
    const text = doc.getText().replace(/\r\n/g, '\n');
    assert.equal(text, [
      `Kamervraag ${year}Z00000`, '', 'Titel', '', `Ingediend ${dutchDate(now)}`, 'Indiener Naam (PARTIJ)',
      'Onderwerpen onderwerp', `Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-${year}Z00000.html`,
      ' • Vraag 1', '  Vraag', '', '', `Kamervraag document nummer: kv-tk-${year}Z00000`, 'Volledige titel: Titel', '',
    ].join('\n'));
    // The first tab stop: the digits of the zaaknummer, selected for typing.
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character, editor.selection.end.character], [0, 16, 21]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('"Nieuwe Kamervraag" twice at once: two new Kamervragen, each with the template', async () => {
    const before = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    await Promise.all([vscode.commands.executeCommand('kamervraag.newDocument'), vscode.commands.executeCommand('kamervraag.newDocument')]);
    const made = vscode.workspace.textDocuments.filter((d) => !before.has(d.uri.toString()) && d.isUntitled && d.languageId === 'kamervraag');
    assert.equal(made.length, 2, made.map((d) => d.uri.toString()).join(', '));
    for (const d of made) assert.match(d.getText(), /^Kamervraag \d{4}Z00000\n/);
    for (let i = 0; i < 2; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Format Selection (executeFormatRangeProvider) formats the block under the selection only; completion offers today\'s date and the workspace\'s names', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'kamervraag', content: PASTED.replace(/\r\n/g, '\n') });
    await vscode.window.showTextDocument(doc);
    const line = doc.getText().split('\n').findIndex((l) => l === '* Vraag 2');
    const edits = await waitFor('range formatting edits', async () => {
      const e = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>(
        'vscode.executeFormatRangeProvider', doc.uri, new vscode.Range(line + 1, 0, line + 1, 3), { tabSize: 2, insertSpaces: true });
      return e && e.length > 0 ? e : undefined;
    });
    assert.ok(edits.every((e) => e.range.start.line >= line - 1 && e.range.end.line <= line + 7), JSON.stringify(edits.map((e) => e.range)));
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.lineAt(line).text, ' • Vraag 2');
    assert.equal(doc.lineAt(0).text, 'Kamervraag\t2024Z30000  ', 'the header, outside the selection, stays');
    // Completion in a date field: today's date in Dutch.
    const ingediend = doc.getText().split('\n').findIndex((l) => l.startsWith('Ingediend'));
    const whole = new vscode.WorkspaceEdit();
    whole.replace(doc.uri, doc.lineAt(ingediend).range, 'Ingediend ');
    assert.ok(await vscode.workspace.applyEdit(whole));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(ingediend, 10));
    const today = dutchDate();
    assert.ok(list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === today), JSON.stringify(list.items.map((i) => i.label)));
    // Completion of a name written in the workspace's other Kamervragen (2014Z19222.txt), once the server has read them.
    const more = new vscode.WorkspaceEdit();
    more.replace(doc.uri, doc.lineAt(ingediend).range, 'Ingediend 1 oktober 2024\nBeantwoord door Opst');
    assert.ok(await vscode.workspace.applyEdit(more));
    const named = await waitFor('a name from the workspace', async () => {
      const names = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(ingediend + 1, 20));
      return names.items.find((i) => i.label === 'Opstelten' && i.kind === vscode.CompletionItemKind.Value);
    });
    assert.match(String(named.detail), /^in \d+ Kamervra(ag|gen)$/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('"Copy as Answer Document" puts Vraag N and Antwoord N with the texts on the clipboard, from the editor\'s unsaved text', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, '2024Z18294.txt'));
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor('2024Z18294.txt as a Kamervraag', () => (doc.languageId === 'kamervraag' ? true : undefined));
    // An answer edited and not saved: the copy has the edit.
    const line = doc.getText().split('\n').indexOf(' • Vraag 1') + 3;
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, doc.lineAt(line).text.length), ' Nog niet verzonden.')));
    await vscode.env.clipboard.writeText('');
    const copied = await vscode.commands.executeCommand<{ text: string; questions: number; unanswered: number }>('kamervraag.copyAnswerDocument');
    assert.deepEqual([copied.questions, copied.unanswered], [8, 0]);
    const text = await vscode.env.clipboard.readText();
    assert.equal(text, copied.text);
    const lines = text.split('\n');
    assert.equal(lines[0], 'Het landelijk kwaliteitskader in relatie tot Preventie met gezag');
    assert.deepEqual([lines[2], lines[4], lines[5]], ['Vraag 1', '', 'Antwoord 1']);
    assert.ok(lines[6]!.endsWith(' Nog niet verzonden.'), lines[6]);
    assert.ok(text.includes('\n\nVraag 8\n') && text.includes('\n\nAntwoord 8\n'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('"Open Preview to the Side" shows the Kamervraag in a webview beside it, which follows an unsaved edit', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, '2024Z18294.txt'));
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await waitFor('2024Z18294.txt as a Kamervraag', () => (doc.languageId === 'kamervraag' ? true : undefined));
    const api = vscode.extensions.getExtension<KamervraagApi>('kamervraag.kamervraag')!.exports;
    await vscode.commands.executeCommand('kamervraag.showPreviewToSide');
    const tab = await waitFor('the preview tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('kamervraag.preview')));
    assert.match(tab.label, /^(Preview|Voorbeeld) 2024Z18294\.txt$/);
    assert.equal(tab.group.viewColumn, vscode.ViewColumn.Two, 'beside the text');
    assert.equal(vscode.window.activeTextEditor?.document, doc, 'the focus stays in the text');
    const body = await waitFor('the preview\'s content', () => api.previewBody(doc.uri));
    assert.match(body, /<h1 data-line="2">Het landelijk kwaliteitskader in relatie tot Preventie met gezag<\/h1>/);
    assert.match(body, /<section class="answer" id="antwoord-0" data-line="\d+"><h2>Antwoord 1<\/h2>/);
    // An edit, not saved: the preview has it a moment later.
    const line = doc.getText().split('\n').indexOf(' • Vraag 1') + 3;
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, doc.lineAt(line).text.length), ' Zie ook vraag 2 <nu>.')));
    const edited = await waitFor('the edit in the preview', () => (api.previewBody(doc.uri)?.includes('Zie ook vraag <a href="#antwoord-1">2</a> &lt;nu&gt;.</p>') ? api.previewBody(doc.uri) : undefined));
    assert.ok(edited.includes(`<p data-line="${line}">`));
    // The command again shows the same preview, no second one.
    await vscode.commands.executeCommand('kamervraag.showPreviewToSide');
    assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview).length, 1);
    await vscode.window.tabGroups.close(tab);
    await waitFor('the preview closed', () => (api.previewBody(doc.uri) === undefined ? true : undefined));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('"Ga naar vraag…" with a number jumps to that heading', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'kamervraag', content: FORMATTED.replace(/\n\n\nKamervraag document/, '\n\n • Vraag 3\n  Waar?\n\n\nKamervraag document') });
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor('the outline', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
      return symbols && symbols.length > 0 ? symbols : undefined;
    });
    await vscode.commands.executeCommand('kamervraag.goToQuestion', 2);
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, ' • Vraag 2');
    await vscode.commands.executeCommand('kamervraag.goToQuestion', 3);
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, ' • Vraag 3');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a mistyped month gets its quick fix, a date its hover, a Kamerstuk its link, Bron vraag its address', async () => {
    const content = [
      'Kamervraag 2024Z19300', '', 'Vragen over de politie', '',
      'Ingediend 25 october 2024', 'Indiener Jansen (D66)', 'Onderwerpen politie', 'Bron vraag ',
      ' • Vraag 1', '  Klopt het dat Kamerstuk 29 628, nr. 1234 nog niet is uitgevoerd?', '',
    ].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'kamervraag', content });
    await vscode.window.showTextDocument(doc);
    const code = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
    const invalid = await waitFor('date-invalid on "october"', () => vscode.languages.getDiagnostics(doc.uri).find((d) => code(d) === 'date-invalid'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, invalid.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /oktober/.test(a.title));
    assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(4).text, 'Ingediend 25 oktober 2024');
    await waitFor('date-invalid gone', () => (vscode.languages.getDiagnostics(doc.uri).some((d) => code(d) === 'date-invalid') ? undefined : true));
    // The date's hover: its weekday and the last day of the term.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(4, 12));
    const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(shown, /\*\*(Friday 25 October 2024|vrijdag 25 oktober 2024)\*\*/);
    assert.match(shown, /(15 November 2024|15 november 2024)/);
    // The Kamerstuk links to its publication.
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    const kst = links.find((l) => l.range.start.line === 9);
    assert.equal(kst?.target?.toString(true), 'https://zoek.officielebekendmakingen.nl/kst-29628-1234.html');
    assert.equal(doc.getText(kst!.range), 'Kamerstuk 29 628, nr. 1234');
    // After `Bron vraag `, the address the zaaknummer gives.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(7, 11));
    assert.ok(list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'https://zoek.officielebekendmakingen.nl/kv-tk-2024Z19300.html'), JSON.stringify(list.items.map((i) => i.label).slice(0, 10)));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('"Beantwoording starten" turns the questions into an answer to write: Beantwoord today, the keys, an answer line under each, the cursor on the first', async () => {
    const content = [
      'Kamervraag 2024Z19400', '', 'Vragen over de bibliotheek', '',
      'Ingediend 1 oktober 2024', 'Indiener Jansen (D66)', 'Onderwerpen cultuur', 'Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z19400.html',
      ' • Vraag 1', '  Hoeveel bibliotheken zijn er?', ' • Vraag 2', '  Hoeveel zijn er gesloten?',
    ].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'kamervraag', content });
    const editor = await vscode.window.showTextDocument(doc);
    const code = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
    await waitFor('the note that nothing is answered yet', () => vscode.languages.getDiagnostics(doc.uri).find((d) => code(d) === 'unanswered-document'));
    // Over the header, a lens that runs the command (the client announced it to the server).
    const lens = await waitFor('the Start Answering lens', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return lenses.find((l) => l.command?.command === 'kamervraag.startAnswering');
    });
    assert.equal(lens.range.start.line, 0);
    assert.match(lens.command!.title, /^(Start answering|Beantwoording starten)$/);
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    await waitFor('the answer started', () => (doc.getText().includes('Bron antwoord') ? true : undefined));
    const lines = doc.getText().split('\n');
    assert.match(lines[5]!, /^Beantwoord \d{1,2} [a-z]+ \d{4} \(na \d+ dagen\)$/);
    assert.equal(lines[5], `Beantwoord ${dutchDate()} (na ${Math.round((Date.UTC(new Date().getFullYear(), new Date().getMonth(), new Date().getDate()) - Date.UTC(2024, 9, 1)) / 86_400_000)} dagen)`);
    assert.deepEqual(lines.slice(6, 19), [
      'Indiener Jansen (D66)', 'Beantwoord door ', 'Onderwerpen cultuur', 'Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2024Z19400.html', 'Bron antwoord ',
      ' • Vraag 1', '  Hoeveel bibliotheken zijn er?', '', '  ', ' • Vraag 2', '  Hoeveel zijn er gesloten?', '', '  ',
    ]);
    assert.equal(editor.selection.active.line, 14, 'the cursor on the first answer line');
    // One undo takes it all back.
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), content);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

