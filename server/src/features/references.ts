/**
 * Find references and document highlights: from a heading number or any reference to question N, every
 * reference target naming N (and the heading number when the declaration is wanted); from the document's
 * own zaaknummer, every place that writes it (the header's is the declaration).
 */
import type { DocumentHighlightParams, ReferenceParams } from 'vscode-languageserver';
import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import type { QuestionGraph } from '../core/graph';
import type { Range } from '../core/model';
import type { FeatureContext } from './context';
import { numbersOf, objectAt } from '../core/cursor';
import { comparePositions, rangeKey } from '../core/ranges';
import { ownZaaknummerAt } from '../core/zaaknummer';

interface Occurrence {
  readonly range: Range;
  readonly declaration: boolean;
}

/** Every place that names one of `numbers`: heading numbers first per number, then uses, deduplicated, in document order. */
function occurrences(graph: QuestionGraph, numbers: readonly number[], includeDeclaration: boolean): Occurrence[] {
  const seen = new Set<string>();
  const out: Occurrence[] = [];
  const add = (range: Range, declaration: boolean): void => {
    const key = rangeKey(range);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ range, declaration });
  };
  for (const n of numbers) {
    if (includeDeclaration) for (const q of graph.questionsNumbered(n)) if (q.numberRange) add(q.numberRange, true);
    for (const use of graph.referencesTo(n)) add(use.target.range, false);
  }
  return out.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

export function references(analysis: Analysis, params: ReferenceParams, _context: FeatureContext): Location[] {
  const uri = params.textDocument.uri;
  const own = ownZaaknummerAt(analysis.document, params.position);
  if (own) return own.places.slice(params.context?.includeDeclaration === true ? 0 : 1).map((range) => ({ uri, range }));
  const symbol = objectAt(analysis.document, params.position);
  if (!symbol) return [];
  const includeDeclaration = params.context?.includeDeclaration === true;
  return occurrences(analysis.graph, numbersOf(symbol), includeDeclaration).map((o) => ({ uri, range: o.range }));
}

export function documentHighlights(analysis: Analysis, params: DocumentHighlightParams, _context: FeatureContext): DocumentHighlight[] {
  const own = ownZaaknummerAt(analysis.document, params.position);
  if (own) return own.places.map((range, k) => ({ range, kind: k === 0 ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
  const symbol = objectAt(analysis.document, params.position);
  if (!symbol) return [];
  return occurrences(analysis.graph, numbersOf(symbol), true).map((o) => ({
    range: o.range,
    kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
