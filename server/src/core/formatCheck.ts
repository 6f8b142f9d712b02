/**
 * The checks around formatting (format.ts): whether a formatted text reads as the document does
 * (`verifyFormat`: the same questions, answers and references, the headings' text moved to the next line
 * as the formatter writes it), and what range formatting needs (`widenedLines`: a range widened to whole
 * blocks; `applyLineEdits`).
 */
import type { Position, TextEdit } from 'vscode-languageserver-types';
import type { KamervraagDocument } from './model';
import { dominantLineEnd, type LineTable } from './lines';
import { movedTail } from './format';
import { parse } from './parse';

/** The text of `doc` with the text after each question heading's number (on lines `only`, when given) moved to a line of its own (`movedTail`). */
export function withTailsMoved(doc: KamervraagDocument, eol: string, only: { from: number; to: number } | null = null): string {
  const blocks = doc.blocks;
  const lines = blocks.lines;
  const parts: string[] = [];
  let from = 0;
  for (let q = 0; q < blocks.questionCount; q++) {
    if (!blocks.malformedHeading(q)) continue;
    const i = blocks.headingLine(q);
    if (only && (i < only.from || i > only.to)) continue;
    const moved = movedTail(lines.line(i));
    if (!moved) continue;
    parts.push(lines.text.slice(from, lines.start(i)), moved.heading, eol, '  ', moved.tail);
    from = lines.end(i);
  }
  if (parts.length === 0) return lines.text;
  parts.push(lines.text.slice(from));
  return parts.join('');
}

/**
 * What differs between the blocks of `before` and of `after`, or null: the numbers of the questions,
 * which have an answer, and each reference's part and numbers. `before` is read with the headings' text
 * moved to the next line (`withTailsMoved`; only those on lines `only` when given), as the formatter writes it.
 */
export function verifyFormat(original: KamervraagDocument, after: KamervraagDocument, only: { from: number; to: number } | null = null): string | null {
  const lines = original.blocks.lines;
  const moved = withTailsMoved(original, dominantLineEnd(lines), only);
  const before = moved === lines.text ? original : parse(moved);
  const a = before.blocks;
  const b = after.blocks;
  if (a.questionCount !== b.questionCount) return `${a.questionCount} questions became ${b.questionCount}`;
  if (before.mededelingen.length !== after.mededelingen.length) return 'the Mededelingen change';
  if (a.referenceCount !== b.referenceCount) return `${a.referenceCount} references became ${b.referenceCount}`;
  for (let q = 0; q < a.questionCount; q++) {
    if (a.number(q) !== b.number(q)) return `question ${a.number(q)} became ${b.number(q)}`;
    if (a.hasAnswer(q) !== b.hasAnswer(q)) return `the answer of question ${a.number(q)} changes`;
  }
  for (let r = 0; r < a.referenceCount; r++) {
    const same = a.inPart(r) === b.inPart(r) && a.fromQuestion(r) === b.fromQuestion(r) && a.targetCount(r) === b.targetCount(r);
    if (!same) return `a reference on line ${a.referenceLine(r) + 1} changes`;
    for (let t = 0; t < a.targetCount(r); t++) {
      if (a.targetNumber(r, t) !== b.targetNumber(r, t)) return `a reference on line ${a.referenceLine(r) + 1} changes`;
    }
  }
  return null;
}

/** The text of `lines` with `edits` (in text order, not overlapping) applied. */
export function applyLineEdits(lines: LineTable, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let from = 0;
  const offset = (p: Position) => (p.line < lines.count ? lines.start(p.line) + p.character : lines.text.length);
  for (const e of edits) {
    parts.push(lines.text.slice(from, offset(e.range.start)), e.newText);
    from = offset(e.range.end);
  }
  parts.push(lines.text.slice(from));
  return parts.join('');
}

/**
 * The lines formatting a range changes: the range's lines widened to whole parts of the document (the
 * header, title and metadata; each question or Mededeling block with the blank lines after it; the
 * footer), so that a block's heading, blank lines and text change together.
 */
export function widenedLines(doc: KamervraagDocument, from: number, to: number): { from: number; to: number } {
  const count = doc.lineCount;
  const starts = [0];
  const blocks = doc.blocks;
  for (let q = 0; q < blocks.questionCount; q++) starts.push(blocks.headingLine(q));
  for (const m of doc.mededelingen) starts.push(m.heading.range.start.line);
  if (doc.footer) starts.push(doc.footer.range.start.line);
  starts.sort((a, b) => a - b);
  let a = 0;
  let b = count - 1;
  for (let k = 0; k < starts.length; k++) {
    if (starts[k]! <= from) a = starts[k]!;
    if (starts[k]! > to) {
      b = starts[k]! - 1;
      break;
    }
  }
  return { from: a, to: Math.max(a, b) };
}
