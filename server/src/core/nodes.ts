/**
 * The objects behind the model's interfaces (`model.ts`) where a document has thousands of them.
 *
 * They keep line numbers and character offsets (a question: its row in the document's `QuestionTable`),
 * and make their text and ranges when first asked: checking a document reads the numbers, answers and
 * references of every question but the text and ranges of only the few it reports on (see
 * bench/README.md). `toJSON` gives the plain view, as the interfaces describe it.
 */
import type { FooterField, Question, QuestionRows, Range, Reference, Span } from './model';
import { answerIsReferral } from './graph';
import { questionTextOnHeading, readHeadingAt } from './headings';
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

/** A footer line `Key: value`: its key, and its value as offsets on the line; its ranges are made when asked for. */
export class FooterLine implements FooterField {
  private cachedValue: Span | undefined = undefined;

  constructor(
    private readonly table: LineTable,
    private readonly line: number,
    readonly key: string,
    /** Where the value starts and ends on the line, and where the line's text ends (without trailing spaces). */
    private readonly valueStart: number,
    private readonly valueEnd: number,
    private readonly textEnd: number,
  ) {}

  get keyRange(): Range {
    return lineRange(this.line, 0, this.key.length);
  }

  get value(): Span {
    return (this.cachedValue ??= new LineSpan(this.table, this.line, this.valueStart, this.valueEnd));
  }

  get range(): Range {
    return lineRange(this.line, 0, this.textEnd);
  }

  toJSON(): FooterField {
    return { key: this.key, keyRange: this.keyRange, value: this.value, range: this.range };
  }
}

/** The span of `s[start, end)` (the text of line `line`) without its surrounding spaces. */
export function trimmedSpan(table: LineTable, line: number, s: string, start: number, end: number): Span {
  const a = skipSpaces(s, start);
  const b = Math.max(a, trimEnd(s, end));
  return new LineSpan(table, line, a, b);
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

/**
 * A `• Vraag N` block: question `index` of `table`, which holds its lines and numbers. Its text and
 * ranges are read from the document when asked for.
 */
export class QuestionBlock implements Question {
  private cachedReferences: readonly Reference[] | undefined = undefined;

  constructor(
    private readonly table: QuestionRows,
    /** The question's place in the document: 0 for its first block. */
    readonly index: number,
  ) {}

  get number(): number | null {
    return this.table.number(this.index);
  }

  get malformedHeading(): boolean {
    return this.table.malformedHeading(this.index);
  }

  /** Text in a block is question text up to the first blank line after it (see Question.question). */
  get hasQuestionText(): boolean {
    return this.table.hasQuestionText(this.index);
  }

  get hasAnswer(): boolean {
    return this.table.hasAnswer(this.index);
  }

  get answerIsReferral(): boolean {
    return answerIsReferral(this.table, this.index);
  }

  get references(): readonly Reference[] {
    const { table, index } = this;
    return (this.cachedReferences ??= table.referencesBetween(table.firstReference(index), table.referencesEnd(index)));
  }

  private get line(): number {
    return this.table.headingLine(this.index);
  }

  /** The heading, read again (characters on its line). */
  private head(): { start: number; wordStart: number; end: number; numberStart: number; numberEnd: number } {
    const lines = this.table.lines;
    const h = readHeadingAt(lines, this.line)!;
    const lineStart = lines.start(this.line);
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
    return new LineSpan(this.table.lines, this.line, h.wordStart, h.end);
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
    const last = this.table.lastTextLine(this.index);
    if (last < 0) return lineRange(this.line, h.wordStart, h.end);
    // The last text line is not blank, so trimEnd stops inside it.
    const lines = this.table.lines;
    return range(this.line, h.wordStart, last, trimEnd(lines.text, lines.end(last)) - lines.start(last));
  }

  // Made anew when asked for, not kept: most questions are checked without them.
  get question(): readonly Span[] {
    if (!this.hasQuestionText) return NONE;
    const lines = this.table.lines;
    const answerLine = this.table.answerLine(this.index);
    const below = paragraphs(lines, this.line + 1, answerLine >= 0 ? answerLine : this.table.endLine(this.index));
    // A question written on the heading's line (`• Vraag 1: Wat …?`) starts there.
    const h = readHeadingAt(lines, this.line)!;
    const at = questionTextOnHeading(lines.text, h);
    if (at < 0) return below;
    const lineStart = lines.start(this.line);
    return [new LineSpan(lines, this.line, at - lineStart, h.end - lineStart), ...below];
  }

  get answer(): readonly Span[] {
    return this.hasAnswer ? paragraphs(this.table.lines, this.table.answerLine(this.index), this.table.endLine(this.index)) : NONE;
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
