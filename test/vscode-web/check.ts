// Small assertions and waits for the web suite: the npm `assert` needs Node polyfills in a Web Worker.
import * as vscode from 'vscode';
import { waitFor as pollFor } from '../vscode/suite/support';

export function equal(actual: unknown, expected: unknown, what = ''): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what ? `${what}: ` : ''}expected ${e}, got ${a}`);
}

export function ok(value: unknown, what: string): void {
  if (!value) throw new Error(`not true: ${what}`);
}

export function match(text: string, re: RegExp, what = ''): void {
  if (!re.test(text)) throw new Error(`${what ? `${what}: ` : ''}${JSON.stringify(text.slice(0, 200))} does not match ${re}`);
}

/** `waitFor` of the desktop suite, looking every 50 ms: `web_first_diagnostics_ms` is timed with it. */
export const waitFor = <T>(what: string, fn: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> =>
  pollFor(what, fn, timeoutMs, 50);

export function folderUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder!, name);
}

/** The current TextDocument for `uri` (switching the language replaces the document object). */
export function current(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Opens a workspace file and waits until it is a Kamervraag (a .txt is switched by the extension). */
export async function openAsKamervraag(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(folderUri(name));
  await vscode.window.showTextDocument(doc);
  const switched = await waitFor(`${name} to become kamervraag`, () => {
    const d = current(doc.uri);
    return d?.languageId === 'kamervraag' ? d : undefined;
  });
  await vscode.window.showTextDocument(switched);
  return switched;
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return String(typeof c === 'object' && c !== null ? c.value : c);
}
