/** Folding ranges: the metadata, each question block (and its answer), each Mededeling, the footer. */
import type { FoldingRangeParams } from 'vscode-languageserver';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import type { Range } from '../core/model';
import type { FeatureContext } from './context';

function fold(range: Range | null | undefined, kind?: FoldingRangeKind): FoldingRange | null {
  if (!range || range.end.line <= range.start.line) return null;
  const f: FoldingRange = { startLine: range.start.line, endLine: range.end.line };
  if (kind) f.kind = kind;
  return f;
}

export function foldingRanges(analysis: Analysis, _params: FoldingRangeParams, _context: FeatureContext): FoldingRange[] {
  const doc = analysis.document;
  const out: (FoldingRange | null)[] = [fold(doc.metadata.range, FoldingRangeKind.Imports)];
  for (const q of doc.questions) {
    out.push(fold(q.range, FoldingRangeKind.Region));
    // The answer alone, when it has several paragraphs (the question stays visible).
    if (q.answerRange && q.answerRange.start.line > q.range.start.line) out.push(fold(q.answerRange));
  }
  for (const md of doc.mededelingen) out.push(fold(md.range, FoldingRangeKind.Region));
  out.push(fold(doc.footer?.range, FoldingRangeKind.Region));
  return out
    .filter((f): f is FoldingRange => f !== null)
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
