/**
 * Selection ranges ("expand selection"): from a question number outwards to its mention, the paragraph,
 * the question or answer, the whole block and the document; in the metadata from the value to the line,
 * the block and the document.
 */
import type { SelectionRangeParams } from 'vscode-languageserver';
import type { SelectionRange } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { blockIndexAt } from '../core/cursor';
import type { KamervraagDocument, Position, Question, Range, Span } from '../core/model';
import { comparePositions, rangeContains, sameRange, spansRange, touches, union } from '../core/ranges';
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

/**
 * The first of `items` (in document order, one after the other) whose range touches `pos`, found by binary
 * search: a request with a cursor on every line of a long document asks this for each (once a walk from the
 * start each time: lines × questions).
 */
function touching<T>(items: readonly T[], rangeOf: (item: T) => Range, pos: Position): T | undefined {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePositions(rangeOf(items[mid]!).start, pos) <= 0) lo = mid + 1;
    else hi = mid;
  }
  // `lo - 1` is the last to start at or before `pos`; the one before it may end just where `pos` is.
  for (let i = Math.max(0, lo - 2); i < lo; i++) if (touches(rangeOf(items[i]!), pos)) return items[i];
  return undefined;
}

function spanAt(spans: readonly Span[], pos: Position): Span | undefined {
  return touching(spans, (s) => s.range, pos);
}

/** The question block `pos` lies in (the first, where two touch it), without a walk over the blocks before it. */
function questionAt(doc: KamervraagDocument, pos: Position): Question | undefined {
  const i = blockIndexAt(doc, pos.line);
  for (let k = Math.max(0, i - 1); k <= i; k++) {
    const q = doc.blocks.question(k);
    if (touches(q.range, pos)) return q;
  }
  return undefined;
}

/** The ranges around `pos`, innermost first (each inside the next, none repeated); `whole`: the document's. */
function chain(doc: KamervraagDocument, pos: Position, whole: Range | null): Range[] {
  const out: (Range | null | undefined)[] = [];
  const q = questionAt(doc, pos);
  if (q) {
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
  }
  const m = touching(doc.mededelingen, (x) => x.range, pos);
  if (m) {
    const reference = m.references.find((r) => touches(r.range, pos));
    if (reference) out.push(reference.range);
    if (m.dateRange && touches(m.dateRange, pos)) out.push(m.dateRange);
    if (touches(m.heading.range, pos)) out.push(m.heading.range);
    out.push(spanAt(m.paragraphs, pos)?.range, m.range);
  }
  const meta = doc.metadata;
  if (meta.range && touches(meta.range, pos)) {
    const field = touching(meta.fields, (f) => f.range, pos);
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
  out.push(whole);
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
  const whole = params.positions.length > 0 ? documentRange(doc) : null;
  return params.positions.map((pos) => {
    const ranges = chain(doc, pos, whole);
    if (ranges.length === 0) return { range: { start: pos, end: pos } };
    let result: SelectionRange | undefined;
    for (let i = ranges.length - 1; i >= 0; i--) result = result ? { range: ranges[i]!, parent: result } : { range: ranges[i]! };
    return result!;
  });
}
