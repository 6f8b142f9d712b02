/**
 * `workspace/symbol`: every Kamervraag of the workspace by zaaknummer and title, and every question by
 * number and the start of its text, fuzzy-matched (the query's characters in order, case-insensitive,
 * spaces ignored). An empty query lists the documents only.
 */
import type { WorkspaceSymbolParams } from 'vscode-languageserver';
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import type { FeatureContext } from './context';
import { rangeOf } from '../service/summaries';
import type { WorkspaceIndex } from '../service/workspaceIndex';

/** At most this many symbols for a non-empty query (an editor shows the best ones first). */
export const WORKSPACE_SYMBOL_LIMIT = 5000;

export function workspaceSymbols(index: WorkspaceIndex, params: WorkspaceSymbolParams, _context: FeatureContext): SymbolInformation[] {
  const query: unknown = params?.query;
  const q = typeof query === 'string' ? query : '';
  return index.search(q, q.trim() === '' ? Number.POSITIVE_INFINITY : WORKSPACE_SYMBOL_LIMIT).map(({ uri, symbol, container }) => {
    const info: SymbolInformation = {
      name: symbol.name,
      kind: symbol.level === 1 ? SymbolKind.File : SymbolKind.Class,
      location: { uri, range: rangeOf(symbol) },
    };
    if (container) info.containerName = container;
    return info;
  });
}
