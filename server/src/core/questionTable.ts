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
import type { Question, QuestionRows, Reference } from './model';
import { grow, type LineTable } from './lines';
import { NONE, QuestionBlock } from './nodes';
import { LineReference, type MentionRecord, type MentionSink } from './mentions';
import { smallInt32Array } from './smallArrays';

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
const R_TRIGGER = 3; // the trigger word (`vraag`, `vragen`, `antwoord`)
const R_END = 4; // the end of the last number
const R_FROM_QUESTION = 5; // the number of the block it stands in, or -1
const R_FLAGS = 6; // the part (PARTS) in bits 0–1, DELEGATES
const R_NUMBERS = 7; // its numbers: [R_NUMBERS, R_NUMBERS_END) of `numberList`
const R_NUMBERS_END = 8;
const R_STRIDE = 9;

const PARTS: readonly Reference['inPart'][] = ['question', 'answer', 'mededeling'];
const DELEGATES = 4;

/** A question block as the parser writes it (`QuestionTable.addQuestion`); one record may be reused. */
export interface QuestionRecord {
  /** The heading's line. */
  headingLine: number;
  /** The number in the heading, or null. */
  number: number | null;
  /** True when the heading is not written `• Vraag N`. */
  malformed: boolean;
  /** The answer's first line, or -1. */
  answerLine: number;
  /** The line after the block. */
  endLine: number;
  /** The block's last line with text, or -1. */
  lastTextLine: number;
  /** The block's references are the rows [firstReference, referenceCount) added before it. */
  firstReference: number;
}

/** The three lists a table is written in. */
interface Room {
  questions: Int32Array;
  references: Int32Array;
  numbers: Int32Array;
}

/**
 * The lists the last finished table was written in, kept for the next (`QuestionTable.finish`): a parse
 * writes its rows into lists grown by doubling, and made anew for every document they were several
 * arrays outside the JavaScript heap per parse, most of them garbage at once; new memory from the system
 * costs more than its size says (it is handed out page by page). The lists of a pasted collection of
 * 100,000 questions are kept too (some 9 MB), so that its next parse writes in them again rather than
 * growing new ones; lists grown past `KEEP` entries (8 MB each) are not kept: they stay the table's own.
 */
let kept: Room | null = null;
const KEEP = 1 << 21;

function newRoom(): Room {
  return { questions: new Int32Array(Q_STRIDE * 64), references: new Int32Array(R_STRIDE * 64), numbers: new Int32Array(128) };
}

export class QuestionTable implements QuestionRows, MentionSink {
  private questionRows: Int32Array;
  private referenceRows: Int32Array;
  private numberList: Int32Array;
  private numberCount = 0;
  private questionsAdded = 0;
  private referencesAdded = 0;
  /** True until `finish`: the rows are in lists lent by `kept`, with room to grow. */
  private writing = true;

  // The model's objects, made when first asked for.
  private questionObjects: (QuestionBlock | undefined)[] = [];
  private referenceObjects: (LineReference | undefined)[] = [];
  private allQuestions: readonly Question[] | undefined = undefined;
  private allReferences: readonly Reference[] | undefined = undefined;

  constructor(readonly lines: LineTable) {
    const room = kept ?? newRoom();
    kept = null;
    this.questionRows = room.questions;
    this.referenceRows = room.references;
    this.numberList = room.numbers;
  }

  /**
   * Ends the writing (the parser calls it when the document is read): the rows move into one array of
   * their exact size (`smallInt32Array`), and the lists they were written in go back for the next table.
   * A table that is never finished keeps its lists and works as well.
   */
  finish(): void {
    if (!this.writing) return;
    this.writing = false;
    const q = this.questionsAdded * Q_STRIDE;
    const r = this.referencesAdded * R_STRIDE;
    const n = this.numberCount;
    const lent: Room = { questions: this.questionRows, references: this.referenceRows, numbers: this.numberList };
    if (lent.questions.length > KEEP || lent.references.length > KEEP || lent.numbers.length > KEEP) {
      // Lists too large to keep stay this table's own: no copy.
      this.questionRows = lent.questions.subarray(0, q);
      this.referenceRows = lent.references.subarray(0, r);
      this.numberList = lent.numbers.subarray(0, n);
      return;
    }
    const all = smallInt32Array(q + r + n);
    all.set(lent.questions.subarray(0, q));
    all.set(lent.references.subarray(0, r), q);
    all.set(lent.numbers.subarray(0, n), q + r);
    this.questionRows = all.subarray(0, q);
    this.referenceRows = all.subarray(q, q + r);
    this.numberList = all.subarray(q + r);
    kept = lent;
  }

  /** How many questions (rows) the table has. */
  get questionCount(): number {
    return this.questionsAdded;
  }

  get referenceCount(): number {
    return this.referencesAdded;
  }

  /** Adds a question block (the record is read, not kept). */
  addQuestion(q: QuestionRecord): void {
    if (!this.writing) throw new Error('QuestionTable: a question added after finish()');
    if ((this.questionsAdded + 1) * Q_STRIDE > this.questionRows.length) this.questionRows = grow(this.questionRows);
    const rows = this.questionRows;
    const at = this.questionsAdded++ * Q_STRIDE;
    rows[at + Q_LINE] = q.headingLine;
    rows[at + Q_ANSWER] = q.answerLine;
    rows[at + Q_END] = q.endLine;
    rows[at + Q_LAST_TEXT] = q.lastTextLine;
    rows[at + Q_NUMBER] = q.number ?? -1;
    rows[at + Q_MALFORMED] = q.malformed ? 1 : 0;
    rows[at + Q_REFERENCES] = q.firstReference;
    rows[at + Q_REFERENCES_END] = this.referencesAdded;
  }

  /** Adds a mention the scanner found (the record is read, not kept). */
  addReference(m: MentionRecord): void {
    if (!this.writing) throw new Error('QuestionTable: a reference added after finish()');
    if ((this.referencesAdded + 1) * R_STRIDE > this.referenceRows.length) this.referenceRows = grow(this.referenceRows);
    const count = m.count;
    while (this.numberCount + count > this.numberList.length) this.numberList = grow(this.numberList);
    for (let k = 0; k < count; k++) this.numberList[this.numberCount + k] = m.numbers[k]!;
    const rows = this.referenceRows;
    const at = this.referencesAdded++ * R_STRIDE;
    rows[at + R_LINE] = m.line;
    rows[at + R_LINE_START] = m.lineStart;
    rows[at + R_START] = m.start;
    rows[at + R_TRIGGER] = m.trigger;
    rows[at + R_END] = m.end;
    rows[at + R_FROM_QUESTION] = m.fromQuestion ?? -1;
    rows[at + R_FLAGS] = PARTS.indexOf(m.inPart) | (m.delegates ? DELEGATES : 0);
    rows[at + R_NUMBERS] = this.numberCount;
    rows[at + R_NUMBERS_END] = (this.numberCount += count);
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

  targetCount(r: number): number {
    const at = r * R_STRIDE;
    return this.referenceRows[at + R_NUMBERS_END]! - this.referenceRows[at + R_NUMBERS]!;
  }

  targetNumber(r: number, k: number): number {
    return this.numberList[this.referenceRows[r * R_STRIDE + R_NUMBERS]! + k]!;
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
