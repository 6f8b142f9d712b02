/**
 * Selection ranges ("expand selection"): from a question number outwards to its mention, the paragraph,
 * the question or answer, the whole block and the document; in the metadata from the value to the line,
 * the block and the document.
 */
import type { SelectionRangeParams } from 'vscode-languageserver';
import type { SelectionRange } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import type { KamervraagDocument, Position, Range, Span } from '../core/model';
import { rangeContains, sameRange, spansRange, touches, union } from '../core/ranges';
import type { FeatureContext } from './context';

function documentRange(doc: KamervraagDocument): Range | null {
  const parts: Range[] = [];
  if (doc.header) parts.push(doc.header.range);
  if (doc.title) parts.push(doc.title.range);
  if (doc.metadata.range) parts.push(doc.metadata.range);
  for (const q of doc.questions) parts.push(q.range);
  for (const m of doc.mededelingen) parts.push(m.range);
  if (doc.footer) parts.push(doc.footer.range);
  return parts.length === 0 ? null : parts.reduce(union);
}

function spanAt(spans: readonly Span[], pos: Position): Span | undefined {
  return spans.find((s) => touches(s.range, pos));
}

/** The ranges around `pos`, innermost first (each inside the next, none repeated). */
function chain(doc: KamervraagDocument, pos: Position): Range[] {
  const out: (Range | null | undefined)[] = [];
  for (const q of doc.questions) {
    if (!touches(q.range, pos)) continue;
    const reference = q.references.find((r) => touches(r.range, pos));
    if (reference) {
      const target = reference.targets.filter((t) => touches(t.range, pos)).sort((a, b) => Number(a.implied) - Number(b.implied))[0];
      out.push(target?.range, reference.range);
    }
    if (q.numberRange && touches(q.numberRange, pos)) out.push(q.numberRange);
    if (touches(q.heading.range, pos)) out.push(q.heading.range);
    const inQuestion = spanAt(q.question, pos);
    const inAnswer = spanAt(q.answer, pos);
    if (inQuestion) out.push(inQuestion.range, spansRange(q.question));
    if (inAnswer) out.push(inAnswer.range, q.answerRange);
    out.push(q.range);
    break;
  }
  for (const m of doc.mededelingen) {
    if (!touches(m.range, pos)) continue;
    const reference = m.references.find((r) => touches(r.range, pos));
    if (reference) out.push(reference.range);
    if (m.dateRange && touches(m.dateRange, pos)) out.push(m.dateRange);
    if (touches(m.heading.range, pos)) out.push(m.heading.range);
    out.push(spanAt(m.paragraphs, pos)?.range, m.range);
    break;
  }
  const meta = doc.metadata;
  if (meta.range && touches(meta.range, pos)) {
    const field = meta.fields.find((f) => touches(f.range, pos));
    if (field) {
      const member = meta.indieners?.field === field ? meta.indieners.members.find((mb) => touches(mb.range, pos)) : undefined;
      out.push(member?.name.range, member?.range);
      out.push(touches(field.keyRange, pos) ? field.keyRange : field.valueRange, field.range);
    }
    out.push(meta.range);
  }
  const footer = doc.footer;
  if (footer && touches(footer.range, pos)) {
    const field = footer.fields.find((f) => touches(f.range, pos));
    if (field) out.push(touches(field.keyRange, pos) ? field.keyRange : field.value.range, field.range);
    out.push(footer.range);
  }
  if (doc.header && touches(doc.header.range, pos)) {
    const z = doc.header.zaaknummer;
    out.push(z && touches(z.range, pos) ? z.range : null, doc.header.range);
  }
  if (doc.title && touches(doc.title.range, pos)) out.push(doc.title.range);
  out.push(documentRange(doc));
  // Keep each range only when it contains the position and grows the previous one.
  const ranges: Range[] = [];
  for (const r of out) {
    if (!r || !touches(r, pos)) continue;
    const last = ranges[ranges.length - 1];
    if (last && (sameRange(last, r) || !rangeContains(r, last))) continue;
    ranges.push(r);
  }
  return ranges;
}

/** For each of `params.positions` (inside the document: the server takes one past an end to that end). */
export function selectionRanges(analysis: Analysis, params: SelectionRangeParams, _context: FeatureContext): SelectionRange[] {
  const doc = analysis.document;
  return params.positions.map((pos) => {
    const ranges = chain(doc, pos);
    if (ranges.length === 0) return { range: { start: pos, end: pos } };
    let result: SelectionRange | undefined;
    for (let i = ranges.length - 1; i >= 0; i--) result = result ? { range: ranges[i]!, parent: result } : { range: ranges[i]! };
    return result!;
  });
}
