// `.kamervraag.json` in a real VS Code: the manifest's `jsonValidation` hands VS Code's JSON support the
// schema of the display language (schemas/, made by server/src/cli/configSchema.ts), so a misspelt check
// code is underlined where it stands and hovering a code says what it reports. Runs in the main run and,
// with VS Code in Dutch, in the `nl` suite (the Dutch schema through package.nls.nl.json). The file lies in
// a folder of its own, without Kamervragen, and is deleted afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './support';

const TEXT = '{\n  "answerTermDays": 21,\n  "diagnostics": {\n    "severity": {\n      "late-answer": "ignore",\n      "late-anwser": "ignore"\n    }\n  }\n}\n';

/** The text of the hovers at `at`, once VS Code's JSON support has one (it starts on the first JSON file). */
function hoverText(uri: vscode.Uri, at: vscode.Position, what: string): Promise<string> {
  return waitFor(what, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    return all.trim() ? all : undefined;
  }, 45_000);
}

suite('.kamervraag.json: schema', () => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const dir = folder && vscode.Uri.joinPath(folder, 'schema-check');
  let doc: vscode.TextDocument;
  suiteSetup(async () => {
    assert.ok(dir, 'a workspace folder must be open');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, '.kamervraag.json'), new TextEncoder().encode(TEXT));
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir, '.kamervraag.json'));
    await vscode.window.showTextDocument(doc);
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    if (dir) await vscode.workspace.fs.delete(dir, { recursive: true });
  });

  test('a misspelt check code is underlined, and only it', async () => {
    assert.equal(doc.languageId, 'json');
    const found = await waitFor('the JSON diagnostics of .kamervraag.json', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.length > 0 ? d : undefined;
    }, 45_000);
    assert.deepEqual(found.map((d) => doc.getText(d.range)), ['"late-anwser"']);
  });

  test('hovering a check code says what it reports, in the display language', async () => {
    const nl = vscode.env.language.startsWith('nl');
    const at = doc.positionAt(TEXT.indexOf('"late-answer"') + 3);
    const text = await hoverText(doc.uri, at, 'a hover on "late-answer"');
    const expected = nl ? 'Na meer dan drie weken beantwoord zonder uitstelbericht (Mededeling). (standaard: `information`)'
      : 'Answered after more than three weeks without a postponement notice (Mededeling). (default: `information`)';
    assert.ok(text.includes(expected), text);
  });

  test('in settings.json too, a check code\'s severity setting says what it reports, in the display language', async () => {
    const nl = vscode.env.language.startsWith('nl');
    const settings = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder!, '.vscode', 'settings.json'));
    const editor = await vscode.window.showTextDocument(settings);
    // An edit never saved: the workspace's settings stay as they are.
    const text = '{\n  "kamervraag.diagnostics.severity": { "late-answer": "information" }\n}\n';
    try {
      await editor.edit((e) => e.replace(new vscode.Range(settings.positionAt(0), settings.positionAt(settings.getText().length)), text));
      const at = settings.positionAt(text.indexOf('"late-answer"') + 3);
      const shown = await hoverText(settings.uri, at, 'a hover on "late-answer" in settings.json');
      assert.ok(shown.includes(nl ? 'Na meer dan drie weken beantwoord zonder uitstelbericht (Mededeling). (standaard: `information`)'
        : 'Answered after more than three weeks without a postponement notice (Mededeling). (default: `information`)'), shown);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
