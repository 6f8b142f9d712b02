/**
 * Structural edits of the question blocks — insert a question after the one at the cursor, move one up
 * or down, delete one — each renumbered through the engine of `renumber.ts`, so that every reference
 * keeps naming the same block. One result is one edit of the document (one undo).
 *
 * A block's *core* runs from the start of its heading line to the end of its last line with text; what
 * stands between two cores (blank lines, a Mededeling) stays where it is. Moving swaps two cores; the
 * text of every block is kept byte for byte, apart from the renumbered digits.
 */
import type { Position, TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import { blockStyle, firstQuestion } from './blockStyle';
import { readHeadingAt } from './headings';
import { dominantLineEnd, isBlank, lineEndAfter } from './lines';
import type { Range } from './model';
import type { TextChange } from './editedText';
import {
  applyWithin, mergeChanges, numbering, outside, toTextEdits, type NewNumbers, type NumberingNote,
} from './renumber';

export interface StructureEdit {
  /** One edit of the document: apply together (one undo). */
  readonly edits: TextEdit[];
  readonly notes: NumberingNote[];
  /** Where the cursor goes in the text after the edits. */
  readonly cursor: Position;
}

/** A reference that names the question being deleted. */
export interface Referrer {
  readonly range: Range;
  /** The reference as written ("Zie antwoord vraag 3"). */
  readonly text: string;
  /** The number of the question it stands in (null: a Mededeling, or a block without number). */
  readonly fromQuestion: number | null;
  readonly inPart: 'question' | 'answer' | 'mededeling';
}

export interface DeleteEdit extends StructureEdit {
  /** The number of the deleted question as written (null when its heading has none). */
  readonly question: number | null;
  /** The references outside the block that name it: they are left as they stand, so warn first. */
  readonly referrers: Referrer[];
}

export type Direction = 'up' | 'down';

/** The block (index in `doc.blocks`) whose lines hold `pos`, or -1 (before the first heading). */
export function blockAt(analysis: Analysis, pos: Position): number {
  const rows = analysis.document.blocks;
  let lo = 0;
  let hi = rows.questionCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows.headingLine(mid) <= pos.line) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  if (i < 0) return -1;
  // Past the block (in a Mededeling or the footer that follows it): still the block before, for insert.
  return i;
}

/** The block whose own lines (heading to the line before the next block or footer) hold `pos`, or -1. */
export function blockUnder(analysis: Analysis, pos: Position): number {
  const i = blockAt(analysis, pos);
  return i >= 0 && pos.line < analysis.document.blocks.endLine(i) ? i : -1;
}

function lastLine(analysis: Analysis, i: number): number {
  const rows = analysis.document.blocks;
  const last = rows.lastTextLine(i);
  return last >= 0 ? last : rows.headingLine(i);
}

const coreStart = (a: Analysis, i: number) => a.lines.start(a.document.blocks.headingLine(i));
const coreEnd = (a: Analysis, i: number) => a.lines.end(lastLine(a, i));

function result(analysis: Analysis, changes: TextChange[], notes: NumberingNote[], cursor: Position): StructureEdit {
  return { edits: toTextEdits(analysis.lines, mergeChanges(analysis.text, changes)), notes, cursor };
}

/**
 * A new question after the block at `pos` (before the first when `pos` stands above it): a heading
 * numbered in sequence in the document's style, an indented empty question line with the cursor on it.
 */
export function insertQuestion(analysis: Analysis, pos: Position): StructureEdit {
  const rows = analysis.document.blocks;
  const count = rows.questionCount;
  const at = blockAt(analysis, pos);
  const newNumber: NewNumbers = (i) => (i <= at ? i + 1 : i + 2);
  const { changes, notes } = numbering(analysis, newNumber, { countAfter: count + 1 });
  if (count === 0) {
    const first = firstQuestion(analysis.document);
    changes.push({ start: first.at, end: first.at, newText: first.newText });
    return result(analysis, changes, notes, first.cursorAt);
  }
  // Where the question goes: after the block's last line, or (before the first block) after the line
  // above its heading; its line ends are that line's.
  const line = at < 0 ? rows.headingLine(0) - 1 : lastLine(analysis, at);
  const eol = line >= 0 ? lineEndAfter(analysis.lines, line) : dominantLineEnd(analysis.lines);
  const { lead, indent, blankBetween } = blockStyle(rows, Math.max(0, at));
  const sep = blankBetween ? eol + eol : eol;
  const heading = `${lead}Vraag ${at + 2}`;
  if (at < 0) {
    // Before the first block.
    const p = coreStart(analysis, 0);
    changes.push({ start: p, end: p, newText: heading + eol + indent + sep });
    return result(analysis, changes, notes, { line: rows.headingLine(0) + 1, character: indent.length });
  }
  const p = analysis.lines.end(line);
  changes.push({ start: p, end: p, newText: sep + heading + eol + indent });
  const headingLine = line + (blankBetween ? 2 : 1);
  return result(analysis, changes, notes, { line: headingLine + 1, character: indent.length });
}

/**
 * The block at `pos` swapped with its neighbour above or below, then renumbered: references follow
 * their blocks. Null when there is no block at `pos` or no neighbour on that side.
 */
export function moveQuestion(analysis: Analysis, pos: Position, direction: Direction): StructureEdit | null {
  const rows = analysis.document.blocks;
  const i = blockUnder(analysis, pos);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= rows.questionCount) return null;
  const [a, b] = i < j ? [i, j] : [j, i];
  const newNumber: NewNumbers = (k) => (k === a ? b + 1 : k === b ? a + 1 : k + 1);
  const { changes, notes } = numbering(analysis, newNumber);
  const text = analysis.text;
  const from = coreStart(analysis, a);
  const to = coreEnd(analysis, b);
  const aEnd = coreEnd(analysis, a);
  const bStart = coreStart(analysis, b);
  const swapped = applyWithin(text, bStart, to, changes) + applyWithin(text, aEnd, bStart, changes) + applyWithin(text, from, aEnd, changes);
  const kept = changes.filter((c) => outside(c, from, to));
  kept.push({ start: from, end: to, newText: swapped });
  // The cursor stays in the moved block, on the same line of it (on its last line with text when it stood
  // on a blank line after it: those lines stay where they are).
  const offset = Math.min(pos.line, lastLine(analysis, i)) - rows.headingLine(i);
  const bLines = lastLine(analysis, b) - rows.headingLine(b);
  const gapLines = rows.headingLine(b) - lastLine(analysis, a);
  const heading = i === a ? rows.headingLine(a) + bLines + gapLines : rows.headingLine(a);
  return result(analysis, kept, notes, { line: heading + offset, character: pos.character });
}

/**
 * The block at `pos` deleted, with the blank lines that separated it (the blank lines before a footer
 * stay), and the blocks after it renumbered. References to it are left as they stand: `referrers`
 * lists them so that the client can warn before applying. Null when there is no block at `pos`.
 */
export function deleteQuestion(analysis: Analysis, pos: Position): DeleteEdit | null {
  const rows = analysis.document.blocks;
  const lines = analysis.lines;
  const d = blockUnder(analysis, pos);
  if (d < 0) return null;
  const headingLine = rows.headingLine(d);
  const endLine = rows.endLine(d);
  const newNumber: NewNumbers = (k) => (k < d ? k + 1 : k === d ? null : k);
  const { changes, notes } = numbering(analysis, newNumber, { skipLines: { from: headingLine, to: endLine } });
  let from: number;
  let to: number;
  let cursorLine = headingLine;
  if (endLine < lines.count && readHeadingAt(lines, endLine)) {
    // Another block follows: the core and the blank lines after it go.
    from = lines.start(headingLine);
    to = lines.start(endLine);
  } else {
    // The last block: from the end of the text before it, so that the blank lines before the footer stay.
    let prev = headingLine - 1;
    while (prev >= 0 && isBlank(lines.line(prev))) prev--;
    from = prev >= 0 ? lines.end(prev) : lines.start(headingLine);
    cursorLine = Math.max(0, prev);
    const last = lastLine(analysis, d);
    to = prev >= 0 || last + 1 >= lines.count ? lines.end(last) : lines.start(last + 1);
  }
  const kept = changes.filter((c) => outside(c, from, to));
  kept.push({ start: from, end: to, newText: '' });
  const n = rows.number(d);
  const referrers: Referrer[] = [];
  const seen = new Set<object>();
  if (n !== null && analysis.graph.questionsNumbered(n).length === 1) {
    for (const use of analysis.graph.referencesTo(n)) {
      const r = use.reference;
      if ((r.range.start.line >= headingLine && r.range.start.line < endLine) || seen.has(r)) continue;
      seen.add(r);
      referrers.push({ range: r.range, text: analysis.textOf(r.range), fromQuestion: r.fromQuestion, inPart: r.inPart });
    }
  }
  // The cursor: where the next block now starts, or on the line before the deleted one.
  return { ...result(analysis, kept, notes, { line: cursorLine, character: 0 }), question: n, referrers };
}
