/**
 * What the code actions share: whether a request's `only` asks for a kind, and a fix's edits as a
 * WorkspaceEdit — a snippet edit (LSP 3.18, `$0` where the cursor goes) for a client that takes them.
 */
import type { SnippetTextEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { FixEdit } from '../core/diagnostic';
import type { FeatureContext } from './context';

/** Whether the request's `only` (absent: everything) asks for actions of `kind`: a kind or one of its parents. */
export function wants(only: unknown, kind: string): boolean {
  if (!Array.isArray(only) || only.length === 0) return true;
  return only.some((k) => typeof k === 'string' && (k === kind || kind.startsWith(`${k}.`)));
}

/** `text` as the literal text of a snippet. */
function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** The workspace edit of a fix: a snippet edit for the edit with a cursor, when the client takes them. */
export function fixEdit(uri: string, edits: readonly FixEdit[], context: FeatureContext): WorkspaceEdit {
  if (context.snippetEdits && edits.some((e) => e.cursor !== undefined)) {
    const out: Array<TextEdit | SnippetTextEdit> = edits.map((e) => (e.cursor === undefined
      ? { range: e.range, newText: e.newText }
      : { range: e.range, snippet: { kind: 'snippet', value: `${escapeSnippet(e.newText.slice(0, e.cursor))}$0${escapeSnippet(e.newText.slice(e.cursor))}` } }));
    return { documentChanges: [{ textDocument: { uri, version: null }, edits: out }] };
  }
  return { changes: { [uri]: edits.map((e) => ({ range: e.range, newText: e.newText })) } };
}
