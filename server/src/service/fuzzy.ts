/**
 * The fuzzy matching of `workspace/symbol`, as VS Code matches: the query's characters (spaces ignored,
 * lower case) in order in a symbol's name. A symbol's `charMask` (summaries.ts) is a cheap first test
 * before `fuzzyScore`.
 */
import { charMask, type IndexedDocument, type IndexedSymbol } from './summaries';

/**
 * VS Code-style fuzzy match: the query's characters (spaces ignored, lower case) appear in order in
 * the name, case-insensitively. Returns a score (lower is better) or -1.
 */
export function fuzzyScore(query: string, key: string): number {
  let qi = 0;
  let gaps = 0;
  let last = -1;
  for (let i = 0; i < key.length && qi < query.length; i++) {
    let c = key.charCodeAt(i);
    // Lower case without allocating: ASCII by arithmetic, the rest (É, Ö …) through toLowerCase.
    if (c >= 65 && c <= 90) c += 32;
    else if (c > 127) c = key[i]!.toLowerCase().charCodeAt(0);
    if (c === query.charCodeAt(qi)) {
      if (last >= 0) gaps += i - last - 1;
      else gaps += i;
      last = i;
      qi++;
    }
  }
  return qi === query.length ? gaps : -1;
}

/** One symbol found by `searchDocuments`, with the name of its document when it is a question. */
export interface SymbolHit {
  readonly uri: string;
  readonly symbol: IndexedSymbol;
  readonly container: string | undefined;
}

/**
 * The symbols of `documents` matching `query`, best first (see `fuzzyScore`; documents before their
 * questions on a tie); an empty query lists every document, not its questions, in the given order.
 */
export function searchDocuments(documents: Iterable<IndexedDocument>, query: string, limit = Number.POSITIVE_INFINITY): SymbolHit[] {
  const q = query.replace(/\s+/g, '').toLowerCase();
  const qMask = charMask(q);
  const hits: Array<SymbolHit & { score: number }> = [];
  for (const doc of documents) {
    const container = doc.symbols[0]!.name;
    for (const symbol of doc.symbols) {
      if (q === '') {
        if (symbol.level === 1) hits.push({ uri: doc.uri, symbol, container: undefined, score: 0 });
        continue;
      }
      if ((symbol.mask & qMask) !== qMask) continue;
      const score = fuzzyScore(q, symbol.name);
      if (score >= 0) hits.push({ uri: doc.uri, symbol, container: symbol.level === 1 ? undefined : container, score });
    }
  }
  if (q !== '') hits.sort((a, b) => a.score - b.score || a.symbol.level - b.symbol.level);
  return hits.length > limit ? hits.slice(0, limit) : hits;
}
