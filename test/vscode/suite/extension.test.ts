// What a user of the extension sees, checked inside a real VS Code through its API: the language of
// documents, diagnostics that follow edits, the outline, go to definition, hover, references and the
// language status item. Runs on a copy of test/vscode/workspace/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { waitFor, type KamervraagApi } from './support';

const EXTENSION_ID = 'kamervraag.kamervraag';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function folderUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'a workspace folder must be open');
  return vscode.Uri.joinPath(folder, name);
}

/** The current TextDocument for `uri` (switching the language replaces the document object). */
function current(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(folderUri(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

async function openAsKamervraag(name: string): Promise<vscode.TextDocument> {
  const doc = await open(name);
  const uri = doc.uri;
  const switched = await waitFor(`${name} to become kamervraag`, () => {
    const d = current(uri);
    return d?.languageId === 'kamervraag' ? d : undefined;
  });
  await vscode.window.showTextDocument(switched);
  return switched;
}

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return String(typeof c === 'object' && c !== null ? c.value : c);
}

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

function targetOf(l: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in l ? { uri: l.targetUri, range: l.targetRange } : { uri: l.uri, range: l.range };
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

let api: KamervraagApi;

suite('Kamervraag in VS Code', () => {
  suiteSetup(async () => {
    // Start from the documents the workbench has open at startup (none with startupEditor "none").
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a .txt Kamervraag is switched from plain text to kamervraag, and the language server starts', async () => {
    const ext = vscode.extensions.getExtension<KamervraagApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    await open('2014Z19222.txt');
    // Activation comes from the manifest (onLanguage:plaintext), not from the test calling activate().
    await waitFor('the extension to activate', () => (ext.isActive ? true : undefined));
    const switched = await openAsKamervraag('2014Z19222.txt');
    assert.match(switched.lineAt(0).text, /^Kamervraag 2014Z19222$/);
    api = ext.exports;
    const client = await api.whenStarted();
    assert.ok(client?.isRunning(), 'the language client is running');
  });

  test('a .kvr file has the kamervraag language', async () => {
    const doc = await open('2024Z18439.kvr');
    assert.equal(doc.languageId, 'kamervraag');
  });

  test('the settings are contributed', () => {
    const config = vscode.workspace.getConfiguration('kamervraag');
    assert.equal(config.inspect('detectPlainText')?.defaultValue, true);
    assert.equal(config.inspect('trace.server')?.defaultValue, 'off');
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'kamervraag' });
    assert.equal(editor.get('wordWrap'), 'on');
    // Ministry texts put a no-break space after "€" and in "art. 135": no highlighted box around each.
    assert.equal(editor.get('unicodeHighlight.invisibleCharacters'), false);
    assert.equal(vscode.workspace.getConfiguration('editor').get('unicodeHighlight.invisibleCharacters'), true, 'other languages keep the default');
  });

  test('an ordinary .txt file stays plain text', async () => {
    const notes = await open('notes.txt');
    assert.equal(notes.languageId, 'plaintext');
    // Open a Kamervraag after it: once that one is switched, the detection has seen notes.txt too.
    await openAsKamervraag('2024Z16988.txt');
    await sleep(300);
    assert.equal(current(notes.uri)?.languageId, 'plaintext');
  });

  test('a user who switches a detected document back to plain text keeps plain text', async () => {
    const doc = await openAsKamervraag('2024Z16988.txt');
    const plain = await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    assert.equal(plain.languageId, 'plaintext');
    await sleep(1000);
    assert.equal(current(doc.uri)?.languageId, 'plaintext');
    // Back to kamervraag for the tests after this one.
    await vscode.languages.setTextDocumentLanguage(plain, 'kamervraag');
  });

  test('kamervraag.detectPlainText = false leaves .txt files alone; switching it on detects open ones', async () => {
    const config = vscode.workspace.getConfiguration('kamervraag');
    await config.update('detectPlainText', false, vscode.ConfigurationTarget.Global);
    try {
      const doc = await open('2024Z18294.txt');
      await sleep(1500);
      assert.equal(current(doc.uri)?.languageId, 'plaintext');
      await config.update('detectPlainText', true, vscode.ConfigurationTarget.Global);
      await waitFor('2024Z18294.txt to become kamervraag', () =>
        current(doc.uri)?.languageId === 'kamervraag' ? true : undefined);
      // The language status follows the switch of the active document (which has no diagnostics at all).
      assert.deepEqual(vscode.languages.getDiagnostics(doc.uri), []);
      await waitFor('status "8 questions · 0 without answer"', () =>
        api.languageStatus().text === '8 questions · 0 without answer' ? true : undefined);
    } finally {
      await config.update('detectPlainText', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('a missing answer is a diagnostic, and it clears when the answer is typed', async () => {
    const doc = await openAsKamervraag('ontbrekend-antwoord.txt');
    const missing = await waitFor('the missing-answer diagnostic', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => codeOf(x) === 'missing-answer');
      return d.length > 0 ? d : undefined;
    });
    assert.equal(missing.length, 1, 'only question 2 lacks an answer');
    const line = missing[0].range.start.line;
    assert.ok(line >= 16 && line <= 18, `the diagnostic is at question 2 (lines 17–19), not line ${line + 1}`);
    assert.equal(missing[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(missing[0].source, 'kamervraag');
    assert.match(doc.lineAt(19).text, /^ • Vraag 3$/);
    await waitFor('status "3 questions · 1 without answer"', () =>
      api.languageStatus().text === '3 questions · 1 without answer' ? true : undefined);

    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(19, 0), '  De gemiddelde wachttijd is twee weken.\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the missing-answer diagnostic to clear', () =>
      vscode.languages.getDiagnostics(doc.uri).some((x) => codeOf(x) === 'missing-answer') ? undefined : true);
    // The language status item follows the edit (debounced).
    await waitFor('status "3 questions · 0 without answer"', () =>
      api.languageStatus().text === '3 questions · 0 without answer' ? true : undefined);
  });

  test('an untitled document with a pasted Kamervraag is switched and checked', async () => {
    const text = fs.readFileSync(folderUri('ontbrekend-antwoord.txt').fsPath, 'utf8');
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
    assert.equal(doc.uri.scheme, 'untitled');
    await vscode.window.showTextDocument(doc);
    await waitFor('the untitled document to become kamervraag', () =>
      current(doc.uri)?.languageId === 'kamervraag' ? true : undefined);
    await waitFor('the missing-answer diagnostic on the untitled document', () =>
      vscode.languages.getDiagnostics(doc.uri).some((x) => codeOf(x) === 'missing-answer') ? true : undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the outline lists Question 1 to Question 10 (VS Code in English)', async () => {
    const doc = await openAsKamervraag('2014Z19222.txt');
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
        'vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length > 0 ? s : undefined;
    });
    const questions = flatten(symbols).filter((s) => /^Question \d+\b/.test(s.name));
    assert.deepEqual(questions.map((s) => s.name.match(/^Question \d+/)![0]),
      Array.from({ length: 10 }, (_, i) => `Question ${i + 1}`));
    const six = questions[5];
    assert.equal(six.range.start.line, 41, 'Vraag 6 starts at its heading (line 42)');
    assert.ok(six.range.contains(six.selectionRange), 'the selection range lies inside the range');
  });

  test('go to definition jumps from "Zie antwoord vraag 6" (answer 8) to answer 6', async () => {
    const doc = await openAsKamervraag('2014Z19222.txt');
    assert.equal(doc.lineAt(55).text, '  Zie antwoord vraag 6.');
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', doc.uri, new vscode.Position(55, 21));
    assert.equal(locations.length, 1);
    const target = targetOf(locations[0]);
    assert.equal(target.uri.toString(), doc.uri.toString());
    assert.equal(target.range.start.line, 44, 'answer 6 starts on line 45');
    assert.match(doc.lineAt(44).text, /^ {2}Nee\. In iedere politie-eenheid/);
  });

  test('hover on a reference shows the referenced question', async () => {
    const doc = await openAsKamervraag('2014Z19222.txt');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', doc.uri, new vscode.Position(55, 21));
    assert.ok(hovers.length > 0, 'a hover');
    assert.match(hoverText(hovers), /mensenhandelteams/, 'the text of question 6');
  });

  test('find references from the heading of Vraag 6 finds "Zie antwoord vraag 6"', async () => {
    const doc = await openAsKamervraag('2014Z19222.txt');
    assert.equal(doc.lineAt(41).text, ' • Vraag 6');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider', doc.uri, new vscode.Position(41, 9));
    const lines = refs.map((r) => r.range.start.line);
    assert.ok(lines.includes(55), `references on lines ${lines.map((l) => l + 1).join(', ')} include line 56`);
    assert.ok(refs.every((r) => r.uri.toString() === doc.uri.toString()));
  });

  test('workspace symbols find the Kamervragen of the folder by zaaknummer, opened or not', async () => {
    const symbols = await waitFor('workspace symbols for 2024Z18294', async () => {
      const s = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '2024Z18294');
      return s.some((x) => x.location.uri.path.endsWith('/2024Z18294.txt')) ? s : undefined;
    });
    assert.ok(symbols.every((x) => !x.location.uri.path.endsWith('/notes.txt')));
    // archief/2024Z20002.txt is never opened: the server found it on disk, in a subfolder.
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path.endsWith('/2024Z20002.txt')));
    const other = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '2024Z20002');
    assert.ok(other.some((x) => x.location.uri.path.endsWith('/archief/2024Z20002.txt')),
      JSON.stringify(other.map((x) => [x.name, x.location.uri.path])));
  });

  test('the language status item shows the active document', async () => {
    await openAsKamervraag('2014Z19222.txt');
    await waitFor('status "10 questions · 0 without answer"', () =>
      api.languageStatus().text === '10 questions · 0 without answer' ? true : undefined);
    assert.match(api.languageStatus().detail ?? '', /^2014Z19222 · /);
    // Switching editors updates it.
    await open('2024Z18439.kvr');
    await waitFor('status "22 questions · not answered yet"', () =>
      api.languageStatus().text === '22 questions · not answered yet' ? true : undefined);
  });

  test('"Kamervraag: Restart Language Server" restarts it and features keep working', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('kamervraag.restartServer'));
    await vscode.commands.executeCommand('kamervraag.restartServer');
    const doc = await openAsKamervraag('2014Z19222.txt');
    const locations = await waitFor('a definition after the restart', async () => {
      const l = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider', doc.uri, new vscode.Position(55, 21));
      return l.length > 0 ? l : undefined;
    });
    assert.equal(targetOf(locations[0]).range.start.line, 44);
  });
});
