/**
 * The checks around formatting (format.ts): whether a formatted text reads as the document does
 * (`verifyFormat`: the same questions, answers and references, the headings' text moved to the next line
 * as the formatter writes it, read in parts when it is large), and what range
 * formatting needs (`widenedLines`: a range widened to whole blocks).
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { msg } from './checks/messages';
import type { Message } from './diagnostic';
import type { KamervraagDocument } from './model';
import { dominantLineEnd, isBlank } from './lines';
import type { EditedText } from './editedText';
import { formatDocument, movedTail, type FormatOptions } from './format';
import { parse } from './parse';

/** What formatting a whole document gives once checked: its edits and the text they make, or why not. */
export type CheckedFormat = { readonly edits: TextEdit[]; readonly formatted: EditedText } | { readonly wrong: Message };

/**
 * The formatter's edits of `doc`, checked by `verifyFormat` before anyone applies them: the editor's Format
 * Document (features/formatting.ts) and `kamervraag format` (cli/format.ts) both take them from here.
 * `wrong` says what the formatted text would read differently (then nothing may change).
 */
export function checkedFormat(doc: KamervraagDocument, options: FormatOptions = {}): CheckedFormat {
  const result = formatDocument(doc, options);
  if (result.edits.length === 0) return result;
  const wrong = verifyFormat(doc, result.formatted);
  return wrong === null ? result : { wrong };
}

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
 * Characters of the original per part when a formatted text is read a part at a time: 32K characters (64 KB
 * as a two-byte string) stay below V8's large-object size, so each part is made and dropped in the young
 * generation. A whole formatted 7 MB text took fresh pages from the system each time (some 3,600 page
 * faults, about 50 ms on a machine where a page costs 13 µs).
 */
export const PART_CHARACTERS = 1 << 15;

/**
 * What differs between the blocks of `original` and of the formatted text (`formatted`: the original with
 * the formatter's edits), or null: the numbers of the questions, which have an answer, and each
 * reference's part and numbers. `original` is read with the headings' text moved to the next line
 * (`withTailsMoved`; only those on lines `only` when given), as the formatter writes it.
 *
 * A large formatted text is read in parts, cut where the original has a question heading (`partSize`
 * characters or more apart), each parsed alone. Their blocks are the whole text's, line for line, when
 * each part but the last ends with a line end and has no footer, and each part but the first has nothing
 * but blank lines before its first heading: the parser reads a block from its heading to the next one,
 * and carries nothing else from line to line once it reads blocks. When that does not hold, or an edit
 * crosses a cut, the text is read whole.
 */
export function verifyFormat(
  original: KamervraagDocument, formatted: EditedText, only: { from: number; to: number } | null = null, partSize = PART_CHARACTERS,
): Message | null {
  const before = readBefore(original, only);
  const inParts = compareInParts(before, original, formatted, partSize);
  if (inParts !== undefined) return inParts;
  const whole = new BlockComparison(before);
  whole.add(parse(formatted.toString()));
  return whole.result();
}

/** `verifyFormat` when the formatted text can be read in parts; undefined when it is read whole. For the tests. */
export function verifyFormatInParts(
  original: KamervraagDocument, formatted: EditedText, only: { from: number; to: number } | null, partSize: number,
): Message | null | undefined {
  return compareInParts(readBefore(original, only), original, formatted, partSize);
}

/** `original` with the headings' text moved to the next line, as the formatter writes it. */
function readBefore(original: KamervraagDocument, only: { from: number; to: number } | null): KamervraagDocument {
  const lines = original.blocks.lines;
  const moved = withTailsMoved(original, dominantLineEnd(lines), only);
  return moved === lines.text ? original : parse(moved);
}

/**
 * What differs when `formatted` is read in parts (see `verifyFormat`), or undefined when it is not read so:
 * a text of one part, an edit across a cut, a part that does not start or end where the whole text's blocks do.
 */
function compareInParts(before: KamervraagDocument, original: KamervraagDocument, formatted: EditedText, partSize: number): Message | null | undefined {
  const blocks = original.blocks;
  const lines = blocks.lines;
  const cuts = [0];
  for (let q = 0; q < blocks.questionCount; q++) {
    const at = lines.start(blocks.headingLine(q));
    if (at - cuts[cuts.length - 1]! >= partSize) cuts.push(at);
  }
  if (cuts.length === 1) return undefined;
  cuts.push(lines.text.length);
  const comparison = new BlockComparison(before);
  let previous = '';
  for (let k = 0; k + 1 < cuts.length; k++) {
    const text = formatted.between(cuts[k]!, cuts[k + 1]!);
    if (text === null) return undefined;
    if (k > 0) {
      // The part before ended its last line (a \r there and a \n here would be one line end, not two).
      const end = previous.charCodeAt(previous.length - 1);
      if (!(end === 10 || (end === 13 && text.charCodeAt(0) !== 10))) return undefined;
    }
    const part = parse(text);
    if (k + 2 < cuts.length && part.footer !== null) return undefined;
    if (k > 0 && !opensWithBlock(part)) return undefined;
    comparison.add(part);
    previous = text;
  }
  return comparison.result();
}

/** Whether `doc` has a question or Mededeling heading with nothing but blank lines before it. */
function opensWithBlock(doc: KamervraagDocument): boolean {
  const blocks = doc.blocks;
  let first = blocks.questionCount > 0 ? blocks.headingLine(0) : doc.lineCount;
  if (doc.mededelingen.length > 0) first = Math.min(first, doc.mededelingen[0]!.heading.range.start.line);
  if (first >= doc.lineCount) return false;
  for (let i = 0; i < first; i++) if (!isBlank(blocks.lines.line(i))) return false;
  return true;
}

/**
 * The blocks of a formatted text, read whole or one part after another, against those of the document
 * before: the counts, then the first question that differs, then the first reference.
 */
class BlockComparison {
  private questions = 0;
  private references = 0;
  private mededelingen = 0;
  private question: Message | null = null;
  private reference: Message | null = null;

  constructor(private readonly before: KamervraagDocument) {}

  /** Compares the blocks of the next part of the formatted text. */
  add(part: KamervraagDocument): void {
    const a = this.before.blocks;
    const b = part.blocks;
    for (let j = 0; j < b.questionCount && this.question === null; j++) {
      const q = this.questions + j;
      if (q >= a.questionCount) break;
      if (a.number(q) !== b.number(j)) this.question = msg(`question ${a.number(q)} became ${b.number(j)}`, `vraag ${a.number(q)} wordt vraag ${b.number(j)}`);
      else if (a.hasAnswer(q) !== b.hasAnswer(j)) this.question = msg(`the answer of question ${a.number(q)} changes`, `het antwoord op vraag ${a.number(q)} verandert`);
    }
    for (let j = 0; j < b.referenceCount && this.reference === null; j++) {
      const r = this.references + j;
      if (r >= a.referenceCount) break;
      let same = a.inPart(r) === b.inPart(j) && a.fromQuestion(r) === b.fromQuestion(j) && a.targetCount(r) === b.targetCount(j);
      for (let t = 0; same && t < a.targetCount(r); t++) same = a.targetNumber(r, t) === b.targetNumber(j, t);
      if (!same) this.reference = msg(`a reference on line ${a.referenceLine(r) + 1} changes`, `een verwijzing op regel ${a.referenceLine(r) + 1} verandert`);
    }
    this.questions += b.questionCount;
    this.references += b.referenceCount;
    this.mededelingen += part.mededelingen.length;
  }

  /** What differs, or null. */
  result(): Message | null {
    const a = this.before.blocks;
    if (a.questionCount !== this.questions) {
      return msg(`${a.questionCount} question${a.questionCount === 1 ? '' : 's'} became ${this.questions}`, `het aantal vragen gaat van ${a.questionCount} naar ${this.questions}`);
    }
    if (this.before.mededelingen.length !== this.mededelingen) return msg('the Mededelingen change', 'de Mededelingen veranderen');
    if (a.referenceCount !== this.references) {
      return msg(`${a.referenceCount} reference${a.referenceCount === 1 ? '' : 's'} became ${this.references}`, `het aantal verwijzingen gaat van ${a.referenceCount} naar ${this.references}`);
    }
    return this.question ?? this.reference;
  }
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
