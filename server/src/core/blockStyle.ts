/**
 * How a document writes its question blocks, so that what the server adds to it (a question, a
 * Mededeling) looks like what stands there: the heading's lead (` • `), the indentation of the text
 * under it, and whether a blank line stands between blocks.
 */
import { readHeadingAt } from './headings';
import { isBlank, isSpace, lineEndAfter, skipSpaces } from './lines';
import type { KamervraagDocument, Position, QuestionRows } from './model';

export interface BlockStyle {
  /** From the start of a heading line to its word (` • `). */
  readonly lead: string;
  /** The indentation of a block's first line of text (may be empty). */
  readonly indent: string;
  readonly blankBetween: boolean;
}

/** The style of the block nearest to block `near` whose heading is canonical (` • `, `  ` without one). */
export function blockStyle(rows: QuestionRows, near: number): BlockStyle {
  const lines = rows.lines;
  const count = rows.questionCount;
  let lead = ' • ';
  let indent = '  ';
  // The nearest block with a canonical heading: its lead, and the indent of its question.
  for (let d = 0; d < count; d++) {
    const i = [near - d, near + d].find((k) => k >= 0 && k < count && !rows.malformedHeading(k));
    if (i === undefined) continue;
    const h = readHeadingAt(lines, rows.headingLine(i))!;
    lead = lines.text.slice(lines.start(rows.headingLine(i)), h.wordStart);
    // `•Vraag 2` reads as a heading too, but the format writes a space after the bullet, and so does what
    // is added.
    if (!isSpace(lead.charCodeAt(lead.length - 1))) lead += ' ';
    // The first line with text after the heading: the question.
    let q = rows.headingLine(i) + 1;
    while (q < rows.endLine(i) && isBlank(lines.line(q))) q++;
    if (q < rows.endLine(i)) {
      // The spaces the parser reads as spaces; not `\s`, which takes U+2028 and U+2029 (line and
      // paragraph separators) too, and would copy them into what is written.
      const text = lines.line(q);
      indent = text.slice(0, skipSpaces(text));
    }
    break;
  }
  // A blank line between blocks when the second block has one before it (one block: when it is answered).
  const blankBetween = count >= 2 ? isBlank(lines.line(rows.headingLine(1) - 1)) : count === 1 && rows.hasAnswer(0);
  return { lead, indent, blankBetween };
}

/** The first question of a document without questions, as one insertion (`firstQuestion`). */
export interface FirstQuestion {
  /** Where it is inserted: an offset of the text. */
  readonly at: number;
  /** A ` • Vraag 1` heading and an empty question line, indented, with the text's line ends. */
  readonly newText: string;
  /** The cursor's offset in `newText`: at the end of the empty question line. */
  readonly cursor: number;
  /** The same place in the text once `newText` is inserted. */
  readonly cursorAt: Position;
}

/**
 * Where and how a document without questions gets its first (*Vraag toevoegen*, and the fix of
 * `no-questions`): after its last line with text before the footer; in a text that starts with its footer,
 * before it (after the footer's first line it would be read as footer). Only inserts: nothing is replaced.
 */
export function firstQuestion(doc: KamervraagDocument): FirstQuestion {
  const lines = doc.blocks.lines;
  const { lead, indent } = blockStyle(doc.blocks, 0);
  const heading = `${lead}Vraag 1`;
  const footer = doc.footer ? doc.footer.range.start.line : -1;
  if (footer === 0) {
    const eol = lineEndAfter(lines, 0);
    return { at: 0, newText: heading + eol + indent + eol + eol, cursor: heading.length + eol.length + indent.length, cursorAt: { line: 1, character: indent.length } };
  }
  let line = footer > 0 ? footer - 1 : lines.count - 1;
  while (line > 0 && isBlank(lines.line(line))) line--;
  line = Math.max(0, line);
  const eol = lineEndAfter(lines, line);
  const newText = eol + heading + eol + indent;
  return { at: lines.end(line), newText, cursor: newText.length, cursorAt: { line: line + 2, character: indent.length } };
}
