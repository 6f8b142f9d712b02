// Run in its own extension host (KAMERVRAAG_VSCODE_SUITE=activation), before anything else opens a
// document: the folder (test/vscode/workspace, with .kvr files) activates the extension (the manifest's
// workspaceContains), which starts its language server for the Kamervragen view: the view's badge (on
// the activity bar icon) counts the overdue Kamervragen with no document open and the view never shown.
// Then a .kvr file gets its diagnostics. That plain text alone starts no server is plain.test.ts, in a
// folder without Kamervragen.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { overviewGroup, overviewGroups, waitFor, type KamervraagApi, type ShownItem } from './support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

suite('a folder of Kamervragen', () => {
  test('activates the extension and starts its server before any document is opened; the badge counts the overdue ones', async () => {
    const workspaceDocuments = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => d.uri.path);
    assert.deepEqual(workspaceDocuments(), [], 'no document is open yet');
    const ext = vscode.extensions.getExtension<KamervraagApi>('kamervraag.kamervraag');
    assert.ok(ext);
    // workspaceContains: VS Code searches the folder once the window is up.
    await waitFor('the extension active without a document (the folder holds .kvr files)', () => (ext.isActive ? true : undefined), 30_000);
    const client = await waitFor('the language server started without a document', () => ext.exports.client, 30_000);
    await ext.exports.whenStarted();
    assert.ok(client.isRunning(), 'the language server runs');
    // The Kamervragen view was never shown: its badge comes from the server's word that it has read the
    // folder, and counts the overdue documents of the view's tree.
    const badge = await waitFor('the Kamervragen view\'s badge, the view closed', () => ext.exports.overviewBadge(), 30_000);
    assert.deepEqual(workspaceDocuments(), [], 'still no document open');
    const tree = await vscode.commands.executeCommand<ShownItem[]>('kamervraag.overview.items');
    const late = overviewGroup(tree, overviewGroups(vscode.env.language.startsWith('nl')).late);
    assert.ok(late, JSON.stringify(tree.map((g) => g.label)));
    assert.ok(late.children!.length > 0);
    assert.equal(badge.value, late.children!.length);
  });

  test('a .kvr file opened gets its diagnostics', async () => {
    const api = vscode.extensions.getExtension<KamervraagApi>('kamervraag.kamervraag')!.exports;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, '2024Z18439.kvr'));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'kamervraag');
    assert.ok((await api.whenStarted())?.isRunning());
    // The not-yet-answered document gets the information "unanswered-document".
    const end = Date.now() + 20_000;
    let codes: string[] = [];
    while (Date.now() < end) {
      codes = vscode.languages.getDiagnostics(doc.uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
      if (codes.length) break;
      await sleep(100);
    }
    // answer-overdue joins it once the document is past its term (5 december 2024) on the day of the run.
    assert.ok(codes.includes('unanswered-document'), codes.join(', '));
    assert.deepEqual(codes.filter((c) => c !== 'unanswered-document' && c !== 'answer-overdue'), []);
  });
});
