/**
 * The objects behind the model's interfaces (`model.ts`) where a document has thousands of them.
 *
 * They keep line numbers and character offsets, and make their text and ranges when first asked:
 * checking a document reads the numbers, answers and references of every question but the text and
 * ranges of only the few it reports on. Parsing 10,000 questions this way makes far fewer objects than
 * a tree of plain ranges would (see bench/README.md). `toJSON` gives the plain view, as the interfaces
 * describe it.
 */
import type { Question, Range, Span } from './model';
import type { LineReference } from './references';
import { readHeadingAt, type HeadingLine } from './headings';
import { lineRange, range, skipSpaces, trimEnd, type LineTable } from './lines';

/** The one empty list that every empty part of the model shares (frozen: the model is read-only). */
export const NONE: readonly never[] = Object.freeze([]);

/** A piece of one line: characters `[start, end)` of line `line`. */
export class LineSpan implements Span {
  private cached: string | undefined = undefined;

  constructor(
    private readonly table: LineTable,
    private readonly line: number,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get text(): string {
    if (this.cached === undefined) {
      const offset = this.table.start(this.line);
      this.cached = this.table.text.slice(offset + this.start, offset + this.end);
    }
    return this.cached;
  }

  get range(): Range {
    return lineRange(this.line, this.start, this.end);
  }

  toJSON(): Span {
    return { text: this.text, range: this.range };
  }
}

/** The non-blank lines of `[from, to)` as paragraphs, each without its surrounding spaces. */
export function paragraphs(table: LineTable, from: number, to: number): readonly Span[] {
  const text = table.text;
  let out: Span[] | null = null;
  for (let i = from; i < to; i++) {
    const lineStart = table.start(i);
    const lineEnd = table.end(i);
    // skipSpaces and trimEnd stop at the line's ends: \n and \r are no spaces.
    const a = skipSpaces(text, lineStart);
    if (a >= lineEnd) continue;
    (out ??= []).push(new LineSpan(table, i, a - lineStart, trimEnd(text, lineEnd) - lineStart));
  }
  return out ?? NONE;
}

/** At most this many letters may remain of an answer, besides its references, for it to be only a referral
 * ("Ja, zie antwoord vraag 3."). */
const REFERRAL_SLACK = 12;
const LETTER = /\p{L}/u;

/** `letters` plus the letters of `text[from, to)`; stops counting once past REFERRAL_SLACK. */
function countLetters(text: string, from: number, to: number, letters: number): number {
  for (let i = from; i < to && letters <= REFERRAL_SLACK; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : LETTER.test(text[i]!)) letters++;
  }
  return letters;
}

/** A `• Vraag N` block: its heading on line `line`, its text up to line `endLine`. */
export class QuestionBlock implements Question {
  readonly number: number | null;
  readonly malformedHeading: boolean;

  // Few fields: a document may have hundreds of thousands of questions, and every field is 8 bytes on
  // each. What the heading looks like is read again from its line when asked for.
  /**
   * `head`: the heading on line `line` (read, not kept); `answerLine`: the first line of the answer (the
   * first text after a blank line), or -1 when there is none; `lastTextLine`: the last line with text, or -1.
   */
  constructor(
    private readonly table: LineTable,
    private readonly line: number,
    head: HeadingLine,
    private readonly answerLine: number,
    private readonly endLine: number,
    private readonly lastTextLine: number,
    readonly references: readonly LineReference[],
  ) {
    this.number = head.number;
    this.malformedHeading = !head.canonical;
  }

  /** Text in a block is question text up to the first blank line after it (see Question.question). */
  get hasQuestionText(): boolean {
    return this.lastTextLine >= 0;
  }

  get hasAnswer(): boolean {
    return this.answerLine >= 0;
  }

  /** The heading, read again (characters on its line). */
  private head(): { start: number; wordStart: number; end: number; numberStart: number; numberEnd: number } {
    const h = readHeadingAt(this.table, this.line)!;
    const lineStart = this.table.start(this.line);
    return {
      start: h.start - lineStart,
      wordStart: h.wordStart - lineStart,
      end: h.end - lineStart,
      numberStart: h.numberStart - lineStart,
      numberEnd: h.numberEnd - lineStart,
    };
  }

  get heading(): Span {
    const h = this.head();
    return new LineSpan(this.table, this.line, h.wordStart, h.end);
  }

  get headingRange(): Range {
    const h = this.head();
    return lineRange(this.line, h.start, h.end);
  }

  get numberRange(): Range | null {
    const h = this.head();
    return h.numberEnd > h.numberStart ? lineRange(this.line, h.numberStart, h.numberEnd) : null;
  }

  get range(): Range {
    const h = this.head();
    const last = this.lastTextLine;
    if (last < 0) return lineRange(this.line, h.wordStart, h.end);
    // The last text line is not blank, so trimEnd stops inside it.
    return range(this.line, h.wordStart, last, trimEnd(this.table.text, this.table.end(last)) - this.table.start(last));
  }

  // Made anew when asked for, not kept: most questions are checked without them, and kept paragraphs
  // would make every later garbage collection copy them.
  get question(): readonly Span[] {
    return this.hasQuestionText ? paragraphs(this.table, this.line + 1, this.answerLine >= 0 ? this.answerLine : this.endLine) : NONE;
  }

  get answer(): readonly Span[] {
    return this.hasAnswer ? paragraphs(this.table, this.answerLine, this.endLine) : NONE;
  }

  get answerIsReferral(): boolean {
    if (!this.hasAnswer) return false;
    const refs = this.references;
    let k = 0;
    while (k < refs.length && !(refs[k]!.inPart === 'answer' && refs[k]!.delegates)) k++;
    if (k === refs.length) return false;
    // Count the letters of the answer lines outside the delegating references, stopping at too many.
    const { table } = this;
    const text = table.text;
    let letters = 0;
    k = 0;
    for (let line = this.answerLine; line < this.endLine; line++) {
      const lineStart = table.start(line);
      let from = lineStart;
      for (; k < refs.length && refs[k]!.line <= line; k++) {
        const r = refs[k]!;
        if (r.line < line || r.inPart !== 'answer' || !r.delegates) continue;
        letters = countLetters(text, from, lineStart + r.start, letters);
        if (letters > REFERRAL_SLACK) return false;
        from = Math.max(from, lineStart + r.end);
      }
      letters = countLetters(text, from, table.end(line), letters);
      if (letters > REFERRAL_SLACK) return false;
    }
    return true;
  }

  get answerRange(): Range | null {
    const answer = this.answer;
    return answer.length > 0 ? { start: answer[0]!.range.start, end: answer[answer.length - 1]!.range.end } : null;
  }

  toJSON(): Question {
    return {
      number: this.number,
      heading: this.heading,
      headingRange: this.headingRange,
      numberRange: this.numberRange,
      range: this.range,
      question: this.question,
      answer: this.answer,
      answerRange: this.answerRange,
      hasQuestionText: this.hasQuestionText,
      hasAnswer: this.hasAnswer,
      answerIsReferral: this.answerIsReferral,
      references: this.references,
      malformedHeading: this.malformedHeading,
    };
  }
}
