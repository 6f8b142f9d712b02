// The "Kamervragen" view judges each document with its own settings: a folder's `.kamervraag.json`
// (`answerTermDays: 42`) gives its Kamervraag a deadline 21 days later than the same document beside
// it, which has the default; `kamervraag.answerTermDays` set in the workspace overrides the file, and
// unset, the file counts again. The clock is the system's, so the rows are compared with each other:
// both documents were submitted on 1 January 2099.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { overviewRow, waitFor, type ShownItem } from './support';

function inFolder(...names: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'a workspace folder must be open');
  return vscode.Uri.joinPath(folder, ...names);
}

const FOLDER = inFolder('termijn-test');
const CONFIG = inFolder('termijn-test', '.kamervraag.json');
const WITH_FILE = inFolder('termijn-test', '2099Z00042.kvr');
const WITHOUT = inFolder('termijn-test-2099Z00021.kvr');

const kamervraag = (zaaknummer: string) =>
  `Kamervraag ${zaaknummer}\n\nVragen over de termijn\n\nIngediend 1 januari 2099\nIndiener Jansen (D66)\n • Vraag 1\n  Waarom?\n`;
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

/** The days left of each zaaknummer's row, once the view shows both. */
async function daysLeft(what: string, accept: (d42: number, d21: number) => boolean): Promise<[number, number]> {
  return waitFor(what, async () => {
    const tree = await vscode.commands.executeCommand<ShownItem[]>('kamervraag.overview.items');
    const days = (z: string) => {
      const match = /(\d+)/.exec(tree.map((g) => overviewRow(g, z)).find(Boolean)?.description ?? '');
      return match ? Number(match[1]) : undefined;
    };
    const [a, b] = [days('2099Z00042'), days('2099Z00021')];
    return a !== undefined && b !== undefined && accept(a, b) ? ([a, b] as [number, number]) : undefined;
  }, 30_000);
}

suite('Kamervragen view with each document\'s settings', () => {
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('kamervraag').update('answerTermDays', undefined, vscode.ConfigurationTarget.Workspace);
    for (const uri of [FOLDER, WITHOUT]) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
  });

  test("a folder's .kamervraag.json gives its Kamervraag its term; the workspace setting overrides it", async () => {
    await vscode.workspace.fs.createDirectory(FOLDER);
    await write(CONFIG, JSON.stringify({ answerTermDays: 42 }));
    await write(WITH_FILE, kamervraag('2099Z00042'));
    await write(WITHOUT, kamervraag('2099Z00021'));
    const [file, plain] = await daysLeft('42 against 21 days', (a, b) => a - b === 21);
    const config = vscode.workspace.getConfiguration('kamervraag');
    await config.update('answerTermDays', 30, vscode.ConfigurationTarget.Workspace);
    await daysLeft('30 days for both', (a, b) => a === b && b === plain + 9);
    await config.update('answerTermDays', undefined, vscode.ConfigurationTarget.Workspace);
    assert.deepEqual(await daysLeft('the file counts again', (a, b) => a - b === 21), [file, plain]);
  });
});
