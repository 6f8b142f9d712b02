/**
 * Cross-document references resolved against the workspace: a zaaknummer or `kv-tk-…` id in one
 * Kamervraag (core/crossReferences.ts) leads to the workspace document with that zaaknummer, "vraag 4 van
 * … (2024Z12345)" to the heading of its question 4. Document links (documentLinks.ts) and go to definition
 * (definition.ts) both answer from here. Never to the document itself.
 */
import type { Analysis } from '../core/analysis';
import { crossReferences, type CrossReference } from '../core/crossReferences';
import type { Position, Range } from '../core/model';
import { touches } from '../core/ranges';
import { uriKey } from '../service/uris';
import type { FeatureContext } from './context';

export interface ResolvedCrossReference {
  readonly reference: CrossReference;
  readonly uri: string;
  /** The other document's header line, or the heading of the question named. */
  readonly targetRange: Range;
}

/** The cross references of the document whose target is in the workspace (the first document with that zaaknummer). */
export function resolvedCrossReferences(analysis: Analysis, uri: string, context: FeatureContext): ResolvedCrossReference[] {
  const workspace = context.workspace;
  if (!workspace) return [];
  const self = uriKey(uri);
  const out: ResolvedCrossReference[] = [];
  for (const reference of crossReferences(analysis.document, (line) => analysis.lineText(line))) {
    const target = workspace.byZaaknummer(reference.zaaknummer).find((d) => uriKey(d.uri) !== self);
    if (!target) continue;
    const symbol = reference.question === null
      ? target.symbols[0]
      : target.symbols.find((s) => s.level === 2 && s.number === reference.question);
    if (!symbol) continue;
    const targetRange = { start: { line: symbol.line, character: symbol.start }, end: { line: symbol.line, character: symbol.end } };
    out.push({ reference, uri: target.uri, targetRange });
  }
  return out;
}

/** The resolved cross reference under `position`, if any. */
export function crossReferenceAt(analysis: Analysis, uri: string, position: Position, context: FeatureContext): ResolvedCrossReference | null {
  if (!context.workspace) return null;
  const line = position.line;
  for (const r of resolvedCrossReferences(analysis, uri, context)) {
    if (r.reference.range.start.line === line && touches(r.reference.range, position)) return r;
  }
  return null;
}
