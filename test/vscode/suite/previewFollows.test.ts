// The preview and the editor commands in the states a user reaches beside the usual one, inside a real
// VS Code: a row's preview of a .txt Kamervraag nobody opened yet; a preview that follows its file when it
// is renamed and closes when it is deleted; a Kamervraag shown from another scheme (as a Git version is),
// which the server does not have: the command says so instead of "no questions".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, type KamervraagApi } from './support';

const nl = vscode.env.language.startsWith('nl');

const api = () => vscode.extensions.getExtension<KamervraagApi>('kamervraag.kamervraag')!.exports;
const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
const TEXT = 'Kamervraag 2099Z00002\n\nVragen voor het voorbeeld\n\nIngediend 1 januari 2099\nIndiener Jansen (D66)\n • Vraag 1\n  Waarom?\n\n • Vraag 2\n  Hoe?\n';

type Information = typeof vscode.window.showInformationMessage;

/** Runs `fn` with every information message recorded (and answered with nothing); the original restored. */
async function withInformation<T>(fn: () => Thenable<T>): Promise<{ result: T; messages: string[] }> {
  const window = vscode.window as { showInformationMessage: Information };
  const original = window.showInformationMessage;
  const messages: string[] = [];
  window.showInformationMessage = ((message: string) => {
    messages.push(message);
    return Promise.resolve(undefined);
  }) as Information;
  try {
    return { result: await fn(), messages };
  } finally {
    window.showInformationMessage = original;
  }
}

suite('The preview and the commands beside the usual case', () => {
  const created: vscode.Uri[] = [];
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('a row\'s "Open Preview" on a .txt Kamervraag that is not open: the preview, at once', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'preview-test-2099Z00002.txt');
    created.push(uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEXT));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { messages } = await withInformation(() =>
      vscode.commands.executeCommand('kamervraag.overview.openPreview', { kind: 'document', document: { uri: uri.toString(), zaaknummer: '2099Z00002' } }));
    assert.deepEqual(messages, [], 'no "Open a Kamervraag" for a row of the view');
    const body = await waitFor('the preview of the .txt', () => api().previewBody(uri));
    assert.match(body, /Vragen voor het voorbeeld/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the preview follows its file when it is renamed, and closes when it is deleted', async () => {
    const before = vscode.Uri.joinPath(folder(), 'preview-test-voor.kvr');
    const after = vscode.Uri.joinPath(folder(), 'preview-test-na.kvr');
    created.push(before, after);
    await vscode.workspace.fs.writeFile(before, new TextEncoder().encode(TEXT));
    const doc = await vscode.workspace.openTextDocument(before);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('kamervraag.showPreviewToSide');
    await waitFor('the preview', () => api().previewBody(before));
    const rename = new vscode.WorkspaceEdit();
    rename.renameFile(before, after);
    assert.ok(await vscode.workspace.applyEdit(rename));
    await waitFor('the preview under the new name', () => api().previewBody(after));
    assert.equal(api().previewBody(before), undefined);
    await waitFor('the tab under the new name', () => (vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .some((t) => t.input instanceof vscode.TabInputWebview && /preview-test-na\.kvr$/.test(t.label)) ? true : undefined));
    // It follows an edit of the renamed document.
    const renamed = await vscode.workspace.openTextDocument(after);
    const editor = await vscode.window.showTextDocument(renamed);
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(2, 0, 2, renamed.lineAt(2).text.length), 'Vragen na het hernoemen')));
    await waitFor('the edit in the preview', () => (api().previewBody(after)?.includes('Vragen na het hernoemen') ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.files.save');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // Deleted: the preview closes, as VS Code's Markdown preview does.
    await vscode.workspace.fs.delete(after);
    await waitFor('the preview closed', () => (api().previewBody(after) === undefined ? true : undefined), 10_000);
    await waitFor('its tab gone', () => (vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputWebview) ? undefined : true));
  });

  test('a preview of a file whose name a glob would read otherwise ([concept] {v2}) closes when it is deleted', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'preview-test [concept] {v2,v3} (1)*.kvr');
    created.push(uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEXT));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('kamervraag.showPreviewToSide');
    await waitFor('the preview', () => api().previewBody(uri));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
    await waitFor('the preview closed', () => (api().previewBody(uri) === undefined ? true : undefined), 10_000);
  });

  /**
   * Opens `uri` as a Kamervraag and runs three commands on it: each shows one message, which names the
   * scheme (the server does not have such a document). The messages.
   */
  async function commandMessages(uri: vscode.Uri): Promise<string[]> {
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== 'kamervraag') doc = await vscode.languages.setTextDocumentLanguage(doc, 'kamervraag');
    await vscode.window.showTextDocument(doc);
    const all: string[] = [];
    for (const command of ['kamervraag.goToQuestion', 'kamervraag.renumber', 'kamervraag.showPreview']) {
      const { messages } = await withInformation(() => vscode.commands.executeCommand(command));
      assert.equal(messages.length, 1, command);
      assert.match(messages[0]!, new RegExp(`"${uri.scheme}"`), `${command}: ${messages[0]}`);
      all.push(messages[0]!);
    }
    return all;
  }

  test('a Kamervraag shown from another scheme (as a Git version is): the commands say the server does not have it', async () => {
    const scheme = 'kamervraag-test-versie';
    const registration = vscode.workspace.registerTextDocumentContentProvider(scheme, { provideTextDocumentContent: () => TEXT });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    try {
      const messages = await commandMessages(vscode.Uri.from({ scheme, path: '/2099Z00002.kvr' }));
      assert.ok(!vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputWebview), 'no blank preview');
      // Shown read-only: the message says to open the file itself.
      for (const message of messages) assert.match(message, /Git/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      registration.dispose();
    }
  });

  test('a Kamervraag in a writable file system of another extension: the commands say the checks do not read it, not that it is a Git version', async () => {
    const scheme = 'kamervraag-test-fs';
    const files = new Map<string, Uint8Array>([['/2099Z00003.kvr', new TextEncoder().encode(TEXT)]]);
    const notFound = (uri: vscode.Uri) => vscode.FileSystemError.FileNotFound(uri);
    const provider: vscode.FileSystemProvider = {
      onDidChangeFile: new vscode.EventEmitter<vscode.FileChangeEvent[]>().event,
      watch: () => new vscode.Disposable(() => undefined),
      stat: (uri) => {
        if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
        const file = files.get(uri.path);
        if (!file) throw notFound(uri);
        return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.byteLength };
      },
      readDirectory: () => [...files.keys()].map((p) => [p.slice(1), vscode.FileType.File]),
      createDirectory: () => undefined,
      readFile: (uri) => files.get(uri.path) ?? (() => { throw notFound(uri); })(),
      writeFile: (uri, content) => void files.set(uri.path, content),
      delete: (uri) => void files.delete(uri.path),
      rename: (from, to) => {
        files.set(to.path, files.get(from.path) ?? new Uint8Array());
        files.delete(from.path);
      },
    };
    const registration = vscode.workspace.registerFileSystemProvider(scheme, provider, { isCaseSensitive: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    try {
      assert.equal(vscode.workspace.fs.isWritableFileSystem(scheme), true);
      for (const message of await commandMessages(vscode.Uri.from({ scheme, path: '/2099Z00003.kvr' }))) {
        assert.match(message, nl ? /een bestandssysteem dat de Kamervraag-controles niet lezen/ : /a file system the Kamervraag checks do not read/, message);
        assert.doesNotMatch(message, /Git/, message);
      }
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      registration.dispose();
    }
  });
});
