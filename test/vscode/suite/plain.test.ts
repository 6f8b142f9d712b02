// Run in its own extension host (KAMERVRAAG_VSCODE_SUITE=plain) on a folder without Kamervragen (only a
// notes.txt): VS Code fires onLanguage:plaintext for any plain-text model, so the extension activates,
// but it starts no language server for plain text; a Kamervraag opened starts it, and the Kamervragen
// view becomes useful then.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, type KamervraagApi } from './support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

suite('a folder without Kamervragen', () => {
  test('plain text starts no server; a Kamervraag opened starts it and gets diagnostics', async () => {
    const ext = vscode.extensions.getExtension<KamervraagApi>('kamervraag.kamervraag');
    assert.ok(ext);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    const notes = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'notes.txt'));
    await vscode.window.showTextDocument(notes);
    assert.equal(notes.languageId, 'plaintext');
    await waitFor('the extension active (onLanguage:plaintext)', () => (ext.isActive ? true : undefined), 30_000);
    // Time for a server that should not start: the folder search of the view and the plain-text detection.
    await sleep(2000);
    assert.equal(ext.exports.client, undefined, 'no language server while only plain text is open');

    // A Kamervraag written to the folder now (the folder was searched without it) and opened.
    const file = vscode.Uri.joinPath(folder, '2024Z99999.kvr');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode([
      'Kamervraag 2024Z99999', '', 'Vragen over de test', '', 'Ingediend 2 december 2024', 'Indiener Jansen (VVD)', '',
      ' • Vraag 1', '  Werkt het?', '',
    ].join('\n')));
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'kamervraag');
    assert.ok((await ext.exports.whenStarted())?.isRunning(), 'the language server runs');
    const codes = await waitFor('diagnostics of the Kamervraag', () => {
      const found = vscode.languages.getDiagnostics(doc.uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
      return found.length > 0 ? found : undefined;
    });
    assert.ok(codes.includes('unanswered-document'), codes.join(', '));
  });
});
