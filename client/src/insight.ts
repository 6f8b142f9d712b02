/**
 * What the client adds for inlay hints, code lens and settings (issue 13), as language client middleware:
 *  - `workspace/configuration` for the `kamervraag` section answers only what the user set (user,
 *    workspace, folder), not VS Code's defaults, so that a workspace folder's `.kamervraag.json` is
 *    overridden by the editor's own choices only;
 *  - a code lens that opens the references peek carries LSP values (a URI string, a position, locations):
 *    `editor.action.showReferences` wants a `vscode.Uri`, a `vscode.Position` and `vscode.Location`s.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { SERVER_SETTINGS } from './serverSettings';

const SHOW_REFERENCES = 'editor.action.showReferences';

/** The `kamervraag` settings the user set for `scope`, the most specific level winning (objects merged key by key). */
export function explicitSettings(scope: vscode.Uri | undefined): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('kamervraag', scope);
  const out: Record<string, unknown> = {};
  for (const key of SERVER_SETTINGS) {
    const i = config.inspect(key);
    if (!i) continue;
    const levels = [i.globalValue, i.workspaceValue, i.workspaceFolderValue].filter((v) => v !== undefined && v !== null);
    if (levels.length === 0) continue;
    out[key] = key === 'diagnostics.severity'
      ? Object.assign({}, ...levels.filter((v) => typeof v === 'object'))
      : levels[levels.length - 1];
  }
  return out;
}

interface LspPosition { line: number; character: number }
interface LspLocation { uri: string; range: { start: LspPosition; end: LspPosition } }

const position = (p: LspPosition) => new vscode.Position(p.line, p.character);

/** A references lens's arguments as VS Code values; other commands as they are. */
export function convertLens(lens: vscode.CodeLens): vscode.CodeLens {
  const command = lens.command;
  const args = command?.arguments;
  if (command?.command !== SHOW_REFERENCES || !args || typeof args[0] !== 'string') return lens;
  const [uri, at, locations] = args as [string, LspPosition, LspLocation[]];
  command.arguments = [
    vscode.Uri.parse(uri),
    position(at),
    (locations ?? []).map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(position(l.range.start), position(l.range.end)))),
  ];
  return lens;
}

export function insightMiddleware(): Middleware {
  return {
    async provideCodeLenses(document, token, next) {
      const lenses = await next(document, token);
      return lenses?.map(convertLens);
    },
    // A lens the server sent without its command (a document with very many references) gets it here.
    async resolveCodeLens(lens, token, next) {
      const resolved = await next(lens, token);
      return resolved && convertLens(resolved);
    },
    workspace: {
      async configuration(params, token, next) {
        const answer = await next(params, token);
        if (!Array.isArray(answer)) return answer;
        return params.items.map((item, i) =>
          item.section === 'kamervraag' ? explicitSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : answer[i]);
      },
    },
  };
}
