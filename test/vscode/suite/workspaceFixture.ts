// A document of the suite's workspace (test/vscode/workspace/) opened in an editor, with the extension
// started: what the structure and renumbering suites begin with. Not a test file (index.ts loads only
// `*.test.js`); desktop only (the web suite imports support.ts, which uses nothing of Node).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** Opens `name` from the workspace folder as a Kamervraag, once the language server has started. */
export async function openWorkspaceFixture(name: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'a workspace folder must be open');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name));
  assert.equal(doc.languageId, 'kamervraag');
  const editor = await vscode.window.showTextDocument(doc);
  const ext = vscode.extensions.getExtension<{ whenStarted(): Promise<unknown> }>('kamervraag.kamervraag');
  assert.ok(ext);
  await ext.activate();
  await ext.exports.whenStarted();
  return editor;
}
