/**
 * How a document writes its question blocks, so that what the server adds to it (a question, a
 * Mededeling) looks like what stands there: the heading's lead (` • `), the indentation of the text
 * under it, and whether a blank line stands between blocks.
 */
import { readHeadingAt } from './headings';
import { isBlank, isSpace, skipSpaces } from './lines';
import type { QuestionRows } from './model';

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
