// Run in its own extension host (KAMERVRAAG_VSCODE_SUITE=activation), before anything else opens a
// document: the folder (test/vscode/workspace, with .kvr files) activates the extension for the
// Kamervragen view (the manifest's workspaceContains), and VS Code fires onLanguage:plaintext for any
// plain-text model of the workbench, so the extension starts its language server only once a Kamervraag
// document is open: check both, the second with a .kvr file (and then the Kamervragen view's badge, the view
// never shown).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { overviewGroup, overviewGroups, waitFor, type KamervraagApi, type ShownItem } from './support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

suite('lazy start of the language server', () => {
  test('a folder of Kamervragen activates the extension before any document is opened (for the Kamervragen view), without a server', async () => {
    assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => d.uri.path), [], 'no document is open yet');
    const ext = vscode.extensions.getExtension<KamervraagApi>('kamervraag.kamervraag');
    assert.ok(ext);
    // workspaceContains: VS Code searches the folder once the window is up.
    await waitFor('the extension active without a document (the folder holds .kvr files)', () => (ext.isActive ? true : undefined), 30_000);
    assert.ok(ext.isActive);
    assert.equal(ext.exports.client, undefined, 'and no language server until the view or a Kamervraag needs one');
  });

  test('no server for plain text; a .kvr file starts it and gets diagnostics', async () => {
    const ext = vscode.extensions.getExtension<KamervraagApi>('kamervraag.kamervraag');
    assert.ok(ext);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    const notes = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'notes.txt'));
    await vscode.window.showTextDocument(notes);
    assert.equal(notes.languageId, 'plaintext');
    const api = await ext.activate();
    await sleep(500);
    assert.equal(api.client, undefined, 'no language server while only plain text is open');

    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, '2024Z18439.kvr'));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'kamervraag');
    const client = await api.whenStarted();
    assert.ok(client?.isRunning());
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

    // The Kamervragen view was never shown: its badge (on the activity bar icon) comes from the server's
    // word that it has read the folder, and counts the overdue documents of the view's tree.
    const badge = await waitFor('the Kamervragen view\'s badge, the view closed', () => api.overviewBadge(), 30_000);
    const tree = await vscode.commands.executeCommand<ShownItem[]>('kamervraag.overview.items');
    const late = overviewGroup(tree, overviewGroups(vscode.env.language.startsWith('nl')).late);
    assert.ok(late, JSON.stringify(tree.map((g) => g.label)));
    assert.equal(badge.value, late.children!.length);
  });
});
