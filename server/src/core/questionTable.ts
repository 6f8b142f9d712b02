/**
 * The question blocks of a document and the mentions of questions in them, kept as rows of numbers.
 *
 * A pasted collection may hold 100,000 questions and 40,000 references (72 MB of text). As objects they
 * took some 20 MB of new objects, more than V8's young generation holds, so the garbage collector
 * copied them while the parser was still making them, and a 10× larger document took more than 10× as
 * long (bench/README.md). Here each question and each reference is a row of an `Int32Array`, outside
 * the JavaScript heap. The checks and the question graph read the rows by index; the model's objects
 * (`QuestionBlock`, `LineReference`) are made only when something asks for them, then kept, so the same
 * question is always the same object.
 */
import type { Question, Reference } from './model';
import { grow, LineTable } from './lines';
import { NONE, QuestionBlock } from './nodes';
import { findAnchors, LineReference, scanLineAt } from './mentions';

// The columns of a question row.
const Q_LINE = 0; // the heading's line
const Q_ANSWER = 1; // the answer's first line, or -1
const Q_END = 2; // the line after the block
const Q_LAST_TEXT = 3; // the block's last line with text, or -1
const Q_NUMBER = 4; // the number in the heading, or -1
const Q_MALFORMED = 5; // 1 when the heading is not `• Vraag N`
const Q_REFERENCES = 6; // the block's references: rows [Q_REFERENCES, Q_REFERENCES_END) of the reference table
const Q_REFERENCES_END = 7;
const Q_STRIDE = 8;

// The columns of a reference row. Characters are counted from the start of the line.
const R_LINE = 0;
const R_LINE_START = 1; // the offset of the line in the text
const R_START = 2; // the phrase ("Zie antwoord")
const R_TRIGGER = 3; // the word `vraag`/`vragen`
const R_END = 4; // the end of the last number
const R_FROM_QUESTION = 5; // the number of the block it stands in, or -1
const R_FLAGS = 6; // the part (PARTS) in bits 0–1, DELEGATES
const R_NUMBERS = 7; // its numbers: [R_NUMBERS, R_NUMBERS_END) of `numbers`
const R_NUMBERS_END = 8;
const R_STRIDE = 9;

const PARTS: readonly Reference['inPart'][] = ['question', 'answer', 'mededeling'];
const DELEGATES = 4;

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

export class QuestionTable {
  private questionRows: Int32Array = new Int32Array(Q_STRIDE * 64);
  private referenceRows: Int32Array = new Int32Array(R_STRIDE * 64);
  private numberList: Int32Array = new Int32Array(64);
  private numberCount = 0;
  private questionsAdded = 0;
  private referencesAdded = 0;

  // The model's objects, made when first asked for.
  private questionObjects: (QuestionBlock | undefined)[] = [];
  private referenceObjects: (LineReference | undefined)[] = [];
  private allQuestions: readonly Question[] | undefined = undefined;
  private allReferences: readonly Reference[] | undefined = undefined;

  constructor(readonly lines: LineTable) {}

  /** How many questions (rows) the table has. */
  get questionCount(): number {
    return this.questionsAdded;
  }

  get referenceCount(): number {
    return this.referencesAdded;
  }

  /** Adds a question block; its references are the rows [firstReference, referenceCount) added before it. */
  addQuestion(
    line: number, number: number | null, malformed: boolean, answerLine: number, endLine: number, lastTextLine: number,
    firstReference: number,
  ): void {
    if ((this.questionsAdded + 1) * Q_STRIDE > this.questionRows.length) this.questionRows = grow(this.questionRows);
    const q = this.questionRows;
    const at = this.questionsAdded++ * Q_STRIDE;
    q[at + Q_LINE] = line;
    q[at + Q_ANSWER] = answerLine;
    q[at + Q_END] = endLine;
    q[at + Q_LAST_TEXT] = lastTextLine;
    q[at + Q_NUMBER] = number ?? -1;
    q[at + Q_MALFORMED] = malformed ? 1 : 0;
    q[at + Q_REFERENCES] = firstReference;
    q[at + Q_REFERENCES_END] = this.referenceCount;
  }

  /**
   * Adds a mention on line `line` (at `lineStart` in the text) with characters `[start, end)` of the line,
   * its trigger word at `trigger`, and the numbers `numbers[0, count)`.
   */
  addReference(
    line: number, lineStart: number, start: number, trigger: number, end: number, numbers: readonly number[], count: number,
    fromQuestion: number | null, inPart: Reference['inPart'], delegates: boolean,
  ): void {
    if ((this.referencesAdded + 1) * R_STRIDE > this.referenceRows.length) this.referenceRows = grow(this.referenceRows);
    while (this.numberCount + count > this.numberList.length) this.numberList = grow(this.numberList);
    for (let k = 0; k < count; k++) this.numberList[this.numberCount + k] = numbers[k]!;
    const r = this.referenceRows;
    const at = this.referencesAdded++ * R_STRIDE;
    r[at + R_LINE] = line;
    r[at + R_LINE_START] = lineStart;
    r[at + R_START] = start;
    r[at + R_TRIGGER] = trigger;
    r[at + R_END] = end;
    r[at + R_FROM_QUESTION] = fromQuestion ?? -1;
    r[at + R_FLAGS] = PARTS.indexOf(inPart) | (delegates ? DELEGATES : 0);
    r[at + R_NUMBERS] = this.numberCount;
    r[at + R_NUMBERS_END] = (this.numberCount += count);
  }

  // ---- Questions, by index (0 is the first block of the document) ----

  /** The line of the heading of question `i`. */
  headingLine(i: number): number {
    return this.questionRows[i * Q_STRIDE + Q_LINE]!;
  }

  /** The first line of the answer, or -1 when there is none. */
  answerLine(i: number): number {
    return this.questionRows[i * Q_STRIDE + Q_ANSWER]!;
  }

  /** The line after the block (the next heading or the footer). */
  endLine(i: number): number {
    return this.questionRows[i * Q_STRIDE + Q_END]!;
  }

  /** The last line of the block with text, or -1 when the block is only its heading. */
  lastTextLine(i: number): number {
    return this.questionRows[i * Q_STRIDE + Q_LAST_TEXT]!;
  }

  number(i: number): number | null {
    const n = this.questionRows[i * Q_STRIDE + Q_NUMBER]!;
    return n < 0 ? null : n;
  }

  malformedHeading(i: number): boolean {
    return this.questionRows[i * Q_STRIDE + Q_MALFORMED] === 1;
  }

  hasQuestionText(i: number): boolean {
    return this.lastTextLine(i) >= 0;
  }

  hasAnswer(i: number): boolean {
    return this.answerLine(i) >= 0;
  }

  /** The references in block `i`: the rows [firstReference(i), referencesEnd(i)). */
  firstReference(i: number): number {
    return this.questionRows[i * Q_STRIDE + Q_REFERENCES]!;
  }

  referencesEnd(i: number): number {
    return this.questionRows[i * Q_STRIDE + Q_REFERENCES_END]!;
  }

  /** True when the answer of question `i` only sends the reader to other answers (Question.answerIsReferral). */
  answerIsReferral(i: number): boolean {
    if (!this.hasAnswer(i)) return false;
    const first = this.firstReference(i);
    const end = this.referencesEnd(i);
    let r = first;
    while (r < end && !this.delegatesInAnswer(r)) r++;
    if (r === end) return false;
    // Count the letters of the answer lines outside the delegating references, stopping at too many.
    const lines = this.lines;
    const text = lines.text;
    let letters = 0;
    r = first;
    for (let line = this.answerLine(i); line < this.endLine(i); line++) {
      const lineStart = lines.start(line);
      let from = lineStart;
      for (; r < end && this.referenceLine(r) <= line; r++) {
        if (this.referenceLine(r) < line || !this.delegatesInAnswer(r)) continue;
        letters = countLetters(text, from, lineStart + this.referenceStart(r), letters);
        if (letters > REFERRAL_SLACK) return false;
        from = Math.max(from, lineStart + this.referenceEnd(r));
      }
      letters = countLetters(text, from, lines.end(line), letters);
      if (letters > REFERRAL_SLACK) return false;
    }
    return true;
  }

  // ---- References, by index (0 is the first of the document) ----

  referenceLine(r: number): number {
    return this.referenceRows[r * R_STRIDE + R_LINE]!;
  }

  /** The offset in the text of the line the reference stands on. */
  referenceLineStart(r: number): number {
    return this.referenceRows[r * R_STRIDE + R_LINE_START]!;
  }

  /** The first character of the phrase, in its line. */
  referenceStart(r: number): number {
    return this.referenceRows[r * R_STRIDE + R_START]!;
  }

  /** The character of the word `vraag`/`vragen`, in its line. */
  referenceTrigger(r: number): number {
    return this.referenceRows[r * R_STRIDE + R_TRIGGER]!;
  }

  /** The character after the last number, in its line. */
  referenceEnd(r: number): number {
    return this.referenceRows[r * R_STRIDE + R_END]!;
  }

  fromQuestion(r: number): number | null {
    const n = this.referenceRows[r * R_STRIDE + R_FROM_QUESTION]!;
    return n < 0 ? null : n;
  }

  inPart(r: number): Reference['inPart'] {
    return PARTS[this.referenceRows[r * R_STRIDE + R_FLAGS]! & 3]!;
  }

  delegates(r: number): boolean {
    return (this.referenceRows[r * R_STRIDE + R_FLAGS]! & DELEGATES) !== 0;
  }

  /** A reference in an answer that sends the reader to another answer ("zie antwoord vraag 3"). */
  delegatesInAnswer(r: number): boolean {
    return this.referenceRows[r * R_STRIDE + R_FLAGS] === (1 | DELEGATES);
  }

  /** The numbers of reference `r` are `numbers[numbersStart(r), numbersEnd(r))`, in the order of its targets. */
  numbersStart(r: number): number {
    return this.referenceRows[r * R_STRIDE + R_NUMBERS]!;
  }

  numbersEnd(r: number): number {
    return this.referenceRows[r * R_STRIDE + R_NUMBERS_END]!;
  }

  /** The numbers of every reference, one after the other (see numbersStart). */
  get numbers(): Int32Array {
    return this.numberList;
  }

  // ---- The model's objects ----

  /** Question `i` as the model's object (always the same object). */
  question(i: number): Question {
    if (!(i >= 0 && i < this.questionsAdded)) throw new RangeError(`no question ${i} (the document has ${this.questionsAdded})`);
    return (this.questionObjects[i] ??= new QuestionBlock(this, i));
  }

  /** The index of question `q` of this table, or -1 when it is not one of its questions. */
  indexOf(q: Question): number {
    return q instanceof QuestionBlock && this.questionObjects[q.index] === q ? q.index : -1;
  }

  reference(r: number): Reference {
    if (!(r >= 0 && r < this.referencesAdded)) throw new RangeError(`no reference ${r} (the document has ${this.referencesAdded})`);
    return (this.referenceObjects[r] ??= new LineReference(this, r));
  }

  /** Every question, in document order. */
  questions(): readonly Question[] {
    return (this.allQuestions ??= Array.from({ length: this.questionCount }, (_, i) => this.question(i)));
  }

  /** Every reference, in document order. */
  references(): readonly Reference[] {
    return (this.allReferences ??= this.referencesBetween(0, this.referenceCount));
  }

  /** References [from, to). */
  referencesBetween(from: number, to: number): readonly Reference[] {
    if (to <= from) return NONE;
    return Array.from({ length: to - from }, (_, k) => this.reference(from + k));
  }
}

/** The question mentions of line `s` on its own, as line `line` of block `fromQuestion`, in part `inPart`. */
export function referencesInLine(s: string, line: number, fromQuestion: number | null, inPart: Reference['inPart']): readonly Reference[] {
  const anchors = findAnchors(s);
  const table = new QuestionTable(new LineTable(s));
  scanLineAt(s, line, 0, anchors, 0, anchors.length, fromQuestion, inPart, table);
  return table.references();
}
