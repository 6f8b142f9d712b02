/**
 * The Kamervraag document model: what `parse(text)` returns.
 *
 * Every element carries an LSP `Range` (0-based line, UTF-16 character offsets), so an
 * editor can point at it exactly. The model knows nothing of a connection or a URI.
 */
import type { Range } from 'vscode-languageserver-types';
import type { LineTable } from './lines';

export type { Range, Position } from 'vscode-languageserver-types';

/** A piece of text and where it stands. */
export interface Span {
  readonly text: string;
  readonly range: Range;
}

/** A calendar date as written in Dutch (`30 oktober 2014`). */
export interface DutchDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
}

export interface Header {
  /** The whole first line. */
  readonly range: Range;
  /** The zaaknummer as written (`2014Z19222`), or null when the line has none. */
  readonly zaaknummer: Span | null;
  /** True when the line is `Kamervraag <zaaknummer>`: that word, one space, nothing before (spaces after are tolerated). */
  readonly wellFormed: boolean;
}

/** One `<Key> <value>` line of the metadata block. */
export interface MetadataField {
  /** The key as written (`Ingediend`, `Beantwoord door`, or an unknown word). */
  readonly key: string;
  readonly keyRange: Range;
  /** The value after the key, trimmed; empty string when the line has only the key. */
  readonly value: string;
  readonly valueRange: Range;
  /** The whole line. */
  readonly range: Range;
  /** True when the key is one FORMAT.md knows. */
  readonly known: boolean;
}

export interface DateValue {
  readonly field: MetadataField;
  /** The date, or null when it could not be read or does not exist (`31 februari`). */
  readonly date: DutchDate | null;
  /** Range of the date text itself (`24 november 2014`). */
  readonly dateRange: Range;
}

export interface BeantwoordValue extends DateValue {
  /** N of `(na N dagen)`, or null when absent. */
  readonly days: number | null;
  /** Range of the N digits. */
  readonly daysRange: Range | null;
}

/** A member of parliament who put the questions. */
export interface Member {
  readonly name: Span;
  /** The party without parentheses (`SP`), or null when not given. */
  readonly party: Span | null;
  /** Name and party together. */
  readonly range: Range;
}

export interface IndienersValue {
  readonly field: MetadataField;
  /** True for the key `Indieners`, false for `Indiener`. */
  readonly plural: boolean;
  readonly members: readonly Member[];
}

export interface MinisterValue {
  readonly field: MetadataField;
  /** The name (`Conny Helder`, `Opstelten`). */
  readonly name: Span;
  /** The function in parentheses, when given (`minister zonder portefeuille ...`). */
  readonly role: Span | null;
  readonly party: Span | null;
}

export interface OnderwerpenValue {
  readonly field: MetadataField;
  readonly topics: readonly Span[];
}

export interface SourceValue {
  readonly field: MetadataField;
  readonly url: Span;
  /** The document id inside the URL: `kv-tk-2014Z19222` or `ah-tk-20142015-637`; null when not found. */
  readonly documentId: Span | null;
}

export interface Metadata {
  /** Every line of the metadata block, known or not, in document order. */
  readonly fields: readonly MetadataField[];
  readonly ingediend: DateValue | null;
  readonly beantwoord: BeantwoordValue | null;
  readonly indieners: IndienersValue | null;
  readonly beantwoordDoor: MinisterValue | null;
  readonly onderwerpen: OnderwerpenValue | null;
  readonly bronVraag: SourceValue | null;
  readonly bronAntwoord: SourceValue | null;
  /** From the first to the last metadata line; null when there is none. */
  readonly range: Range | null;
}

/** One number inside a reference: `8` in "vraag 3, 8 en 9". */
export interface ReferenceTarget {
  readonly number: number;
  /** The digits of this number. A range `2 t/m 5` gives targets 2 and 5 with their own digits, and the
   * numbers between (3, 4) as `implied` targets whose range is the whole `2 t/m 5`; so a cursor on a written
   * number finds that number (the narrowest range), and a cursor on `t/m` finds every number in between. */
  readonly range: Range;
  /** True for numbers that stand between the ends of a range and are not written out. */
  readonly implied: boolean;
}

/** A mention of one or more questions of the same document ("Zie antwoord vraag 6"). */
export interface Reference {
  /** From the start of the phrase ("Zie", "vraag", "de vragen") to the last number. */
  readonly range: Range;
  readonly targets: readonly ReferenceTarget[];
  /** The number of each target, in the order of `targets`: all that most readers need. */
  readonly numbers: readonly number[];
  /** The number of the question block that contains the mention (null when the block has no valid number). */
  readonly fromQuestion: number | null;
  /** Where the mention stands. */
  readonly inPart: 'question' | 'answer' | 'mededeling';
  /** True when the phrase sends the reader to an answer ("zie antwoord vraag 3", "verwijs ... naar vraag 9"),
   * so that this answer is (partly) given there. False for a mention in passing ("zoals bij vraag 1 toegelicht"). */
  readonly delegates: boolean;
}

/** A reference to another document: a zaaknummer, a Kamerstuk, an Aanhangsel number. */
export interface ExternalReference {
  readonly kind: 'zaaknummer' | 'documentnummer' | 'kamerstuk' | 'aanhangsel';
  readonly text: string;
  readonly range: Range;
}

export interface Question {
  /** The number in the heading, or null when the heading has none (`• Vraag`). */
  readonly number: number | null;
  /** `Vraag 3` as written in the heading (without bullet). */
  readonly heading: Span;
  /** The whole heading line from its bullet (or first character) to its end. */
  readonly headingRange: Range;
  /** Range of the number digits in the heading (null when there is none). */
  readonly numberRange: Range | null;
  /** The whole block: heading to last non-blank line of the block. */
  readonly range: Range;
  /** The question paragraph(s): lines after the heading up to the first blank line. Empty when missing. */
  readonly question: readonly Span[];
  /** The answer paragraphs: one line each, after the first blank line. Empty when not answered. */
  readonly answer: readonly Span[];
  /** From the first to the last answer line; null when not answered. */
  readonly answerRange: Range | null;
  /** `question.length > 0`, without making the paragraphs. */
  readonly hasQuestionText: boolean;
  /** `answer.length > 0`, without making the paragraphs. */
  readonly hasAnswer: boolean;
  /** True when the answer only sends the reader elsewhere ("Ja, zie antwoord vraag 3."): it has a reference
   * that `delegates`, and besides such references at most a dozen letters. */
  readonly answerIsReferral: boolean;
  readonly references: readonly Reference[];
  /** True when the heading was not written the canonical way (`- Vraag 3`, `vraag 3`, missing bullet). */
  readonly malformedHeading: boolean;
}

export interface Mededeling {
  readonly heading: Span;
  readonly date: DutchDate | null;
  readonly dateRange: Range | null;
  readonly range: Range;
  readonly paragraphs: readonly Span[];
  readonly references: readonly Reference[];
}

export interface FooterField {
  readonly key: string;
  readonly keyRange: Range;
  readonly value: Span;
  readonly range: Range;
}

export interface Footer {
  readonly range: Range;
  readonly fields: readonly FooterField[];
  /** `kv-tk-2014Z19222` */
  readonly kamervraagNummer: FooterField | null;
  /** The first `Volledige titel` (of the questions). */
  readonly kamervraagTitel: FooterField | null;
  /** `ah-tk-20142015-637` */
  readonly kamerantwoordNummer: FooterField | null;
  /** The second `Volledige titel` (of the answer). */
  readonly kamerantwoordTitel: FooterField | null;
}

export interface KamervraagDocument {
  readonly lineCount: number;
  readonly header: Header | null;
  readonly title: Span | null;
  readonly metadata: Metadata;
  /** In document order. */
  readonly questions: readonly Question[];
  readonly mededelingen: readonly Mededeling[];
  readonly footer: Footer | null;
  /** Every reference of every block, in document order. */
  readonly references: readonly Reference[];
  readonly externalReferences: readonly ExternalReference[];
  /** Lines that belong to no block. The parser keeps what does not fit the format in the model (stray
   * lines, malformed headings, unreadable values); `check` turns it into diagnostics. */
  readonly strayLines: readonly Span[];
  /** The question blocks and their references as rows of numbers, read by index: for readers that go
   * through all of them (the checks, the question graph) without an object per question. Its objects
   * are the ones of `questions` and `references`. */
  readonly blocks: QuestionRows;
}

/**
 * The question blocks and their references as rows, read by index (`doc.blocks`; stored in
 * `questionTable.ts`). Questions are numbered 0, 1, 2 … in document order, and so are references.
 * What the rows mean for the document (a referral, the question a number names) the question graph says.
 */
export interface QuestionRows {
  /** The document's lines and text. */
  readonly lines: LineTable;
  readonly questionCount: number;
  readonly referenceCount: number;

  /** The line of the heading of question `i`. */
  headingLine(i: number): number;
  /** The first line of the answer, or -1 when there is none. */
  answerLine(i: number): number;
  /** The line after the block (the next heading or the footer). */
  endLine(i: number): number;
  /** The last line of the block with text, or -1 when the block is only its heading. */
  lastTextLine(i: number): number;
  number(i: number): number | null;
  malformedHeading(i: number): boolean;
  hasQuestionText(i: number): boolean;
  hasAnswer(i: number): boolean;
  /** The references in block `i` are the rows [firstReference(i), referencesEnd(i)). */
  firstReference(i: number): number;
  referencesEnd(i: number): number;

  referenceLine(r: number): number;
  /** The offset in the text of the line reference `r` stands on. */
  referenceLineStart(r: number): number;
  /** The first character of the phrase, in its line. */
  referenceStart(r: number): number;
  /** The character of the trigger word (`vraag`, `vragen`, `antwoord`), in its line. */
  referenceTrigger(r: number): number;
  /** The character after the last number, in its line. */
  referenceEnd(r: number): number;
  fromQuestion(r: number): number | null;
  inPart(r: number): Reference['inPart'];
  delegates(r: number): boolean;
  /** How many numbers reference `r` names (a range `2 t/m 5` names 2, 3, 4 and 5), in the order of its targets. */
  targetCount(r: number): number;
  /** The number of target `k` of reference `r`, 0 <= k < targetCount(r). */
  targetNumber(r: number, k: number): number;

  /** Question `i` as the model's object (always the same object). */
  question(i: number): Question;
  /** The index of question `q`, or -1 when it is not one of these rows. */
  indexOf(q: Question): number;
  /** Reference `r` as the model's object (always the same object). */
  reference(r: number): Reference;
  /** Every question, in document order. */
  questions(): readonly Question[];
  /** Every reference, in document order. */
  references(): readonly Reference[];
  /** References [from, to). */
  referencesBetween(from: number, to: number): readonly Reference[];
}
