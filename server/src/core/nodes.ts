/**
 * The objects behind the model's interfaces (`model.ts`) where a document has thousands of them.
 *
 * They keep line numbers and character offsets, and make their text and ranges when first asked:
 * checking a document reads the numbers, answers and references of every question but the text and
 * ranges of only the few it reports on. Parsing 10,000 questions this way makes far fewer objects than
 * a tree of plain ranges would (see bench/README.md). `toJSON` gives the plain view, as the interfaces
 * describe it.
 */
import type { Question, Range, Reference, ReferenceTarget, Span } from './model';
import { isSpace, lineRange, range, type LineTable } from './lines';

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
    let a = lineStart;
    while (a < lineEnd && isSpace(text.charCodeAt(a))) a++;
    if (a === lineEnd) continue;
    let b = lineEnd;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    (out ??= []).push(new LineSpan(table, i, a - lineStart, b - lineStart));
  }
  return out ?? NONE;
}

/** A question or Mededeling heading line, read. Offsets are offsets in the text. */
export interface HeadingLine {
  readonly kind: 'vraag' | 'mededeling';
  /** Offset of the bullet, or of the word when there is none. */
  readonly start: number;
  /** Offset of the word `Vraag`/`Mededeling`. */
  readonly wordStart: number;
  /** End of the heading text (trailing spaces excluded). */
  readonly end: number;
  readonly number: number | null;
  readonly numberStart: number;
  readonly numberEnd: number;
  readonly canonical: boolean;
  /** For a Mededeling: the text after `-`. */
  readonly dateStart: number;
}

/** A `• Vraag N` block: its heading on line `line`, its text up to line `endLine`. */
export class QuestionBlock implements Question {
  readonly number: number | null;
  readonly malformedHeading: boolean;
  readonly hasQuestionText: boolean;
  readonly hasAnswer: boolean;

  /**
   * `answerLine`: the first line of the answer (the first text after a blank line), or -1 when there is
   * none; `lastTextLine`: the last line with text, or -1 when there is none.
   */
  constructor(
    private readonly table: LineTable,
    private readonly line: number,
    private readonly head: HeadingLine,
    private readonly answerLine: number,
    private readonly endLine: number,
    private readonly lastTextLine: number,
    readonly references: readonly Reference[],
  ) {
    this.number = head.number;
    this.malformedHeading = !head.canonical;
    // Text in a block is question text up to the first blank line after it (see Question.question).
    this.hasQuestionText = lastTextLine >= 0;
    this.hasAnswer = answerLine >= 0;
  }

  /** Character of the text offset `offset` on the heading line. */
  private char(offset: number): number {
    return offset - this.table.start(this.line);
  }

  get heading(): Span {
    return new LineSpan(this.table, this.line, this.char(this.head.wordStart), this.char(this.head.end));
  }

  get headingRange(): Range {
    return lineRange(this.line, this.char(this.head.start), this.char(this.head.end));
  }

  get numberRange(): Range | null {
    const { numberStart, numberEnd } = this.head;
    return numberEnd > numberStart ? lineRange(this.line, this.char(numberStart), this.char(numberEnd)) : null;
  }

  get range(): Range {
    const last = this.lastTextLine;
    if (last < 0) return lineRange(this.line, this.char(this.head.wordStart), this.char(this.head.end));
    const lineStart = this.table.start(last);
    let end = this.table.end(last);
    while (end > lineStart && isSpace(this.table.text.charCodeAt(end - 1))) end--;
    return range(this.line, this.char(this.head.wordStart), last, end - lineStart);
  }

  // Made anew when asked for, not kept: most questions are checked without them, and kept paragraphs
  // would make every later garbage collection copy them.
  get question(): readonly Span[] {
    return this.hasQuestionText ? paragraphs(this.table, this.line + 1, this.answerLine >= 0 ? this.answerLine : this.endLine) : NONE;
  }

  get answer(): readonly Span[] {
    return this.hasAnswer ? paragraphs(this.table, this.answerLine, this.endLine) : NONE;
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
      references: this.references,
      malformedHeading: this.malformedHeading,
    };
  }
}

/** A mention of questions on line `line`, characters `[start, end)`. */
export class LineReference implements Reference {
  constructor(
    private readonly line: number,
    private readonly start: number,
    private readonly end: number,
    readonly targets: readonly ReferenceTarget[],
    readonly fromQuestion: number | null,
    readonly inPart: Reference['inPart'],
    readonly delegates: boolean,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.start, this.end);
  }

  toJSON(): Reference {
    const { range, targets, fromQuestion, inPart, delegates } = this;
    return { range, targets, fromQuestion, inPart, delegates };
  }
}

/** One number of a mention, on line `line`, characters `[start, end)`. */
export class LineReferenceTarget implements ReferenceTarget {
  constructor(
    readonly number: number,
    private readonly line: number,
    private readonly start: number,
    private readonly end: number,
    readonly implied: boolean,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.start, this.end);
  }

  toJSON(): ReferenceTarget {
    return { number: this.number, range: this.range, implied: this.implied };
  }
}
