// The extension in VS Code in the browser: the browser build (dist/web/) in the web-worker extension
// host of a real VS Code (code-server's), its language server in a Web Worker. What a user sees through
// VS Code's API, on a copy of test/vscode/workspace/ (scripts/vscode-web-test.mjs runs it).
import * as vscode from 'vscode';
import { codeOf, current, equal, folderUri, match, ok, openAsKamervraag, waitFor } from './check';
import { figures } from './run';
import { overviewGroup as group, overviewGroups, overviewRow as row, type ShownItem, type KamervraagApi } from '../vscode/suite/support';

const EXTENSION_ID = 'kamervraag.kamervraag';

function targetOf(l: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in l ? { uri: l.targetUri, range: l.targetRange } : { uri: l.uri, range: l.range };
}

async function revertAndClose(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

let api: KamervraagApi;

suite('Kamervraag in VS Code in the browser (web-worker extension host)', () => {
  suiteSetup(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the tests and the extension run in a Web Worker, not in Node', () => {
    equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'typeof process');
    equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'typeof importScripts');
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'uiKind');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    ok(ext, `${EXTENSION_ID} is installed`);
    equal(ext!.packageJSON.browser, './dist/web/extension.js', 'the browser entry');
  });

  test('the folder of Kamervragen activates the extension before any document is opened (workspaceContains)', async () => {
    equal(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === folderUri('x').scheme).length, 0, 'documents of the workspace open');
    const ext = vscode.extensions.getExtension<KamervraagApi>(EXTENSION_ID)!;
    await waitFor('the extension to be active', () => (ext.isActive ? true : undefined), 30_000);
    // The server for the Kamervragen view's badge starts two seconds later (client/src/overview.ts); the
    // next test opens a document before that, which starts it (as a user who opens one at once).
  });

  test('a missing answer is a diagnostic from the worker server, and it clears when the answer is typed', async () => {
    const ext = vscode.extensions.getExtension<KamervraagApi>(EXTENSION_ID)!;
    // The first diagnostics of a session: from opening the document (the .txt detection, the worker's
    // start; the extension is active already, by the folder's Kamervragen) until they are shown.
    const t0 = performance.now();
    const doc = await openAsKamervraag('ontbrekend-antwoord.txt');
    const missing = await waitFor('the missing-answer diagnostic', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => codeOf(x) === 'missing-answer');
      return d.length > 0 ? d : undefined;
    });
    figures.web_first_diagnostics_ms = Math.round(performance.now() - t0);
    console.log(`web_first_diagnostics_ms ${figures.web_first_diagnostics_ms}`);
    ok(ext.isActive, 'the extension is active');
    api = ext.exports;
    ok((await api.whenStarted())?.isRunning(), 'the language client is running');
    equal(missing.length, 1, 'only question 2 lacks an answer');
    // The workspace's .kamervraag.json (scripts/vscode-web-test.mjs) makes it an error, from the first
    // diagnostics on: they wait for the settings, read while the server's worker started.
    equal(missing[0].severity, vscode.DiagnosticSeverity.Error, 'the severity set in .kamervraag.json');
    equal(missing[0].range.start.line >= 16 && missing[0].range.start.line <= 18, true, 'at question 2');
    equal(missing[0].source, 'kamervraag', 'source');
    match(doc.lineAt(19).text, /^ • Vraag 3$/);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(19, 0), '  De gemiddelde wachttijd is twee weken.\n\n');
    ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    await waitFor('the diagnostic to clear', () =>
      vscode.languages.getDiagnostics(doc.uri).some((x) => codeOf(x) === 'missing-answer') ? undefined : true);
    await revertAndClose(current(doc.uri)!);
  });

  test('the outline lists Question 1 to Question 10 (VS Code in English)', async () => {
    const doc = await openAsKamervraag('2014Z19222.txt');
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length > 0 ? s : undefined;
    });
    const all = symbols.flatMap((s) => [s, ...(s.children ?? [])]);
    const questions = all.filter((s) => /^Question \d+\b/.test(s.name)).map((s) => s.name.match(/^Question \d+/)![0]);
    equal(questions, Array.from({ length: 10 }, (_, i) => `Question ${i + 1}`), 'questions');
    equal(all.find((s) => s.name.startsWith('Question 6'))?.range.start.line, 41, 'Question 6 starts on line 42');
  });

  test('go to definition jumps from "Zie antwoord vraag 6" to answer 6, and references lead back', async () => {
    const doc = await openAsKamervraag('2014Z19222.txt');
    equal(doc.lineAt(55).text, '  Zie antwoord vraag 6.');
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', doc.uri, new vscode.Position(55, 21));
    equal(locations.length, 1, 'one definition');
    const target = targetOf(locations[0]);
    equal(target.uri.toString(), doc.uri.toString(), 'in the same document');
    equal(target.range.start.line, 44, 'answer 6 starts on line 45');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, new vscode.Position(41, 9));
    ok(refs.some((r) => r.range.start.line === 55), `references on lines ${refs.map((r) => r.range.start.line + 1)} include line 56`);
  });

  test('hover on a reference shows the referenced question', async () => {
    const doc = await openAsKamervraag('2014Z19222.txt');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(55, 21));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    match(text, /mensenhandelteams/, 'the text of question 6');
  });

  test('a wrong "(na N dagen)" has a quick fix that puts the right number', async () => {
    const doc = await openAsKamervraag('ontbrekend-antwoord.txt');
    const line = doc.lineAt(5);
    equal(line.text, 'Beantwoord 16 september 2024 (na 14 dagen)');
    const at = line.text.indexOf('14');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(5, at, 5, at + 2), '15');
    ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    const wrong = await waitFor('the days-wrong diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((x) => codeOf(x) === 'days-wrong'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', doc.uri, wrong.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.edit);
    ok(fix, `a quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    ok(await vscode.workspace.applyEdit(fix!.edit!), 'the fix applies');
    equal(current(doc.uri)!.lineAt(5).text, 'Beantwoord 16 september 2024 (na 14 dagen)', 'the line after the fix');
    await waitFor('the days-wrong diagnostic to clear', () =>
      vscode.languages.getDiagnostics(doc.uri).some((x) => codeOf(x) === 'days-wrong') ? undefined : true);
    await revertAndClose(current(doc.uri)!);
  });

  test('rename of a question changes its heading and the references to it; completion offers the questions', async () => {
    const doc = await openAsKamervraag('2014Z19222.txt');
    equal(doc.lineAt(41).text, ' • Vraag 6');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, new vscode.Position(41, 9), '11');
    const lines = edit.get(doc.uri).map((e) => e.range.start.line).sort((a, b) => a - b);
    ok(lines.includes(41) && lines.includes(55), `edits on lines ${lines.map((l) => l + 1)} include 42 (heading) and 56 (reference)`);
    ok(edit.get(doc.uri).every((e) => e.newText === '11'), 'every edit writes 11');
    const answer = await openAsKamervraag('ontbrekend-antwoord.txt');
    const line = Array.from({ length: answer.lineCount }, (_, i) => i).find((i) => answer.lineAt(i).text.includes('zie antwoord vraag 1'))!;
    const at = answer.lineAt(line).text.indexOf('vraag ') + 'vraag '.length;
    // The number taken out first: in front of it a number would glue to it ("vraag 21"), and none is offered.
    const cut = new vscode.WorkspaceEdit();
    cut.delete(answer.uri, new vscode.Range(line, at, line, at + 1));
    ok(await vscode.workspace.applyEdit(cut), 'the number is taken out');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', answer.uri, new vscode.Position(line, at));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    ok(labels.includes('1') && labels.includes('2'), `questions 1 and 2 among ${JSON.stringify(labels.slice(0, 10))}`);
    await revertAndClose(current(answer.uri)!);
  });

  test('workspace symbols find a Kamervraag no editor opened, read through the client (vscode.workspace.fs)', async () => {
    ok(!vscode.workspace.textDocuments.some((d) => d.uri.path.endsWith('/2024Z20002.txt')), 'archief/2024Z20002.txt is not open');
    const symbols = await waitFor('workspace symbols for 2024Z20002', async () => {
      const s = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '2024Z20002');
      return s.some((x) => x.location.uri.path.endsWith('/archief/2024Z20002.txt')) ? s : undefined;
    });
    equal(symbols[0].location.uri.scheme, folderUri('x').scheme, 'the workspace scheme');
    const none = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'notes');
    ok(none.every((x) => !x.location.uri.path.endsWith('/notes.txt')), 'notes.txt is not a Kamervraag');
  });

  test('the "Kamervragen" view groups the workspace\'s documents by state, and follows a file written and deleted', async () => {
    // The rows of the view's own tree data provider, as shown (client/src/overview.ts), in English or Dutch.
    const items = () => vscode.commands.executeCommand<ShownItem[]>('kamervraag.overview.items');
    const nl = vscode.env.language.startsWith('nl');
    const GROUP = overviewGroups(nl);
    // The documents come from the server's workspace index, read through the client: archief/2024Z20002.txt
    // was never opened in this session.
    const tree = await waitFor('the view with the folder\'s documents', async () => {
      const t = await items();
      return row(group(t, GROUP.answered), '2014Z19222') && row(group(t, GROUP.postponed), '2024Z16988') && t.some((g) => row(g, '2024Z20002')) ? t : undefined;
    });
    const order = [GROUP.late, GROUP.due, GROUP.postponed, GROUP.answered];
    const indexes = tree.map((g) => order.findIndex((re) => re.test(g.label)));
    ok(indexes.every((i) => i >= 0) && indexes.every((x, i) => i === 0 || indexes[i - 1]! < x), `groups in order: ${JSON.stringify(tree.map((g) => g.label))}`);
    for (const g of tree) equal(Number(order.map((re) => re.exec(g.label)).find(Boolean)![1]), g.children!.length, `the count of ${g.label}`);
    const late = row(group(tree, GROUP.late), '2024Z18439');
    ok(late, 'the unanswered 2024Z18439 is overdue (the clock is the system\'s)');
    match(late!.description ?? '', nl ? /^\d+ dagen te laat · 22\/22 zonder antwoord$/ : /^\d+ days late · 22\/22 without answer$/);
    equal(late!.uri, folderUri('2024Z18439.kvr').toString(), 'the row opens the workspace file');
    ok(!tree.some((g) => g.children!.some((r) => r.uri?.endsWith('/notes.txt'))), 'notes.txt is no Kamervraag');
    // The view's badge (on its activity bar icon): the overdue ones.
    const overdue = group(tree, GROUP.late)!.children!.length;
    await waitFor(`a badge of ${overdue}`, () => (api.overviewBadge()?.value === overdue ? true : undefined));
    // "Copy Kamervragen as Table": the browser's clipboard, through VS Code's.
    await vscode.commands.executeCommand('kamervraag.overview.copyTable');
    const table = (await vscode.env.clipboard.readText()).split('\n').map((l) => l.split('\t'));
    equal(table[0]![0], 'Zaaknummer', 'the header row');
    equal(table.find((r) => r[0] === '2024Z18439')?.slice(7, 9), ['22', '22'], 'the overdue row: 22 questions, 22 without answer');

    const added = folderUri('web-overview-2099Z00002.kvr');
    const text = 'Kamervraag 2099Z00002\n\nVragen uit de toekomst\n\nIngediend 1 januari 2099\nIndiener Jansen (D66)\n • Vraag 1\n  Waarom?\n';
    await vscode.workspace.fs.writeFile(added, new TextEncoder().encode(text));
    try {
      const after = await waitFor('2099Z00002 in the view', async () => {
        const t = await items();
        return row(group(t, GROUP.due), '2099Z00002') ? t : undefined;
      });
      match(row(group(after, GROUP.due), '2099Z00002')!.description ?? '', nl ? / · 1\/1 zonder antwoord$/ : / · 1\/1 without answer$/);
    } finally {
      await vscode.workspace.fs.delete(added);
    }
    await waitFor('2099Z00002 gone from the view', async () => (!(await items()).some((g) => row(g, '2099Z00002')) ? true : undefined));
  });

  test('"Open Preview to the Side" shows the Kamervraag in a webview, its references linked', async () => {
    const doc = await openAsKamervraag('2014Z19222.txt');
    await vscode.commands.executeCommand('kamervraag.showPreviewToSide');
    const body = await waitFor('the preview\'s content', () => api.previewBody(doc.uri));
    match(body, /<h1 data-line="2">Te weinig capaciteit bij politie en Openbaar Ministerie om mensenhandel aan te pakken<\/h1>/);
    match(body, /<p data-line="\d+">Zie antwoord vraag <a href="#antwoord-5">6<\/a>\.<\/p>/);
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const tab = await waitFor(`the preview's tab among ${JSON.stringify(tabs().map((t) => [t.label, t.input?.constructor?.name]))}`,
      () => tabs().find((t) => t.input instanceof vscode.TabInputWebview && /^(Preview|Voorbeeld) 2014Z19222\.txt$/.test(t.label)));
    await vscode.window.tabGroups.close(tab);
  });

  test('folding ranges and the language status work on the open document', async () => {
    const doc = await openAsKamervraag('2014Z19222.txt');
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    ok(folds.some((f) => f.start === 41), `a fold at Vraag 6 among ${JSON.stringify(folds.map((f) => f.start))}`);
    await waitFor('status "10 questions · 0 without answer"', () =>
      api.languageStatus().text === '10 questions · 0 without answer' ? true : undefined);
    match(api.languageStatus().detail ?? '', /^2014Z19222 · /);
  });

  test('"Kamervraag: Restart Language Server" starts a new worker and features keep working', async () => {
    await vscode.commands.executeCommand('kamervraag.restartServer');
    ok(api.client?.isRunning(), 'running after the restart');
    const doc = await openAsKamervraag('2014Z19222.txt');
    const locations = await waitFor('a definition after the restart', async () => {
      const l = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider', doc.uri, new vscode.Position(55, 21));
      return l.length > 0 ? l : undefined;
    });
    equal(targetOf(locations[0]).range.start.line, 44, 'answer 6');
  });
});
