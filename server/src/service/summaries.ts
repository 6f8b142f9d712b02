/**
 * What the workspace index holds of a document: its zaaknummer, title and question headings, as
 * compact symbols (`IndexedDocument`). An open document is summarized from its model (`summarize`); a
 * file read from disk by `summarizeText`, a light reader made of the parser's own line readers, because
 * with the full parser (`summarize(parse(text))`) the benchmark's 10,000 files took 3.6–4.1 s and
 * 210 MB (`workspace_10k_ready_s`, `workspace_10k_rss_mb`; targets 3 s, 200 MB) instead of 1.0–1.6 s
 * and 146 MB. A unit test and the fuzzer keep the two equal.
 */
import type { DutchDate, KamervraagDocument, Metadata, Range } from '../core/model';
import { isWhiteSpace, skipWhiteSpace } from '../core/chars';
import { readDutchDate } from '../core/dates';
import { readHeading } from '../core/headings';
import { readMetadata } from '../core/metadata';
import { readFooterKey, readHeaderLine, readMetadataKey } from '../core/parse';
import { isBlank, LineTable, skipSpaces, splitLines, trimEnd } from '../core/lines';

/**
 * A bit per letter a–z and per pair of digits, case-insensitive; other characters are not counted. Kept
 * with each symbol, it is the fuzzy match's cheap first test (`fuzzy.ts`).
 */
export function charMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) mask |= 1 << (26 + ((c - 48) >> 1));
  }
  return mask;
}

/** One symbol of the index: a document or a question heading (a one-line range, stored flat). */
export interface IndexedSymbol {
  readonly name: string;
  /** 1 = document, 2 = question. */
  readonly level: 1 | 2;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The number of a question's heading (null for the document, or a heading without one). */
  readonly number: number | null;
  /** Which letters and digits the name holds (see `charMask`): a cheap first test before the fuzzy match. */
  readonly mask: number;
}

/** The range of a symbol's name on its line. */
export function rangeOf(s: Pick<IndexedSymbol, 'line' | 'start' | 'end'>): Range {
  return { start: { line: s.line, character: s.start }, end: { line: s.line, character: s.end } };
}

/**
 * A copy of `s` that does not share memory with the text it was cut from. V8 keeps a substring as a
 * slice of its parent string, which would keep every indexed file's whole text alive.
 */
function detach(s: string): string {
  return (' ' + s).slice(1);
}

function symbolOf(name: string, level: 1 | 2, range: Range, number: number | null): IndexedSymbol {
  const end = range.end.line === range.start.line ? range.end.character : range.start.character;
  return { name: detach(name), level, line: range.start.line, start: range.start.character, end, number, mask: charMask(name) };
}

/** A date as the index keeps it (what `core/term.ts`'s `answerTerm` reads). */
export interface IndexedDate {
  readonly date: DutchDate | null;
}

/**
 * The index entry of one document: the first symbol is the document, the others its questions; and what
 * the workspace overview shows (the members who asked, the dates the answer term is read from, the
 * questions without an answer). An entry is a `TermSource`: `answerTerm(entry, today, days)`.
 */
export interface IndexedDocument {
  readonly uri: string;
  readonly zaaknummer: string | null;
  readonly title: string | null;
  readonly symbols: readonly IndexedSymbol[];
  /** `Naam (PARTIJ)` of each Indiener, as written. */
  readonly indieners: readonly string[];
  /** The value of `Beantwoord door` as written (`Opstelten`), or null: for completion and the hover on a name. */
  readonly beantwoordDoor: string | null;
  readonly metadata: { readonly ingediend: IndexedDate | null; readonly beantwoord: IndexedDate | null };
  /** The date of each Mededeling, in document order. */
  readonly mededelingen: readonly IndexedDate[];
  /** Question blocks without an answer. */
  readonly unanswered: number;
}

/** The index's part of the metadata: the members who asked, the minister who answered, and the two dates. */
function metadataOf(metadata: Metadata): Pick<IndexedDocument, 'indieners' | 'beantwoordDoor' | 'metadata'> {
  const indieners = (metadata.indieners?.members ?? []).map((m) => detach(m.party ? `${m.name.text} (${m.party.text})` : m.name.text));
  const beantwoordDoor = metadata.beantwoordDoor?.field.value ? detach(metadata.beantwoordDoor.field.value) : null;
  const date = (v: { date: DutchDate | null } | null): IndexedDate | null => (v ? { date: v.date ? { ...v.date } : null } : null);
  return { indieners, beantwoordDoor, metadata: { ingediend: date(metadata.ingediend), beantwoord: date(metadata.beantwoord) } };
}

/** Characters of a title, or of a question, kept in a symbol name. */
const TITLE_CHARS = 160;
const QUESTION_CHARS = 80;

function clip(text: string, max: number): string {
  // Only as much of the text as the result needs: up to the character that makes it longer than `max`
  // (a question may be pages long; the index of a big workspace clips every one).
  let end = text.length;
  let length = 0;
  let space = false;
  for (let i = skipWhiteSpace(text, 0); i < text.length; i++) {
    if (isWhiteSpace(text.charCodeAt(i))) {
      space = true;
      continue;
    }
    length += space ? 2 : 1;
    space = false;
    if (length > max) {
      end = i + 1;
      break;
    }
  }
  const t = text.slice(0, end).replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : t.slice(0, max - 1).trimEnd() + '…';
}

/** The index entry of one parsed document. */
export function summarize(uri: string, doc: KamervraagDocument): IndexedDocument {
  const zaaknummer = doc.header?.zaaknummer ? detach(doc.header.zaaknummer.text) : null;
  const title = doc.title?.text.trim() ? detach(doc.title.text.trim()) : null;
  const label = zaaknummer ? `Kamervraag ${zaaknummer}` : 'Kamervraag';
  const symbols: IndexedSymbol[] = [];
  const docName = title ? `${label}: ${clip(title, TITLE_CHARS)}` : label;
  const docRange = doc.header?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  symbols.push(symbolOf(docName, 1, docRange, null));
  for (const q of doc.questions) {
    // The first line of the question (as `summarizeText` reads it).
    const text = q.question[0]?.text ?? '';
    const heading = q.number !== null ? `Vraag ${q.number}` : q.heading.text;
    const name = text ? `${heading}: ${clip(text, QUESTION_CHARS)}` : heading;
    symbols.push(symbolOf(name, 2, q.heading.range, q.number));
  }
  let unanswered = 0;
  for (let i = 0; i < doc.blocks.questionCount; i++) if (!doc.blocks.hasAnswer(i)) unanswered++;
  const mededelingen = doc.mededelingen.map((m) => ({ date: m.date ? { ...m.date } : null }));
  return { uri, zaaknummer, title, symbols, ...metadataOf(doc.metadata), mededelingen, unanswered };
}

/**
 * The index entry of a file read from disk, without building the full model: the header, the title and
 * the question headings (with the parser's own heading reader) and the first line of each question.
 * Far fewer objects than `parse`, which matters for a workspace of thousands of files. A unit test keeps
 * it equal to `summarize(uri, parse(text))`.
 */
export function summarizeText(uri: string, text: string): IndexedDocument {
  const lines = splitLines(text);
  const header = readHeaderLine(lines[0]!);
  const zaaknummer = header && header.zaaknummerStart < header.end ? detach(lines[0]!.slice(header.zaaknummerStart, header.end)) : null;
  const label = zaaknummer ? `Kamervraag ${zaaknummer}` : 'Kamervraag';
  let i = header ? 1 : 0;
  let title: string | null = null;
  while (i < lines.length && isBlank(lines[i]!)) i++;
  if (i < lines.length && !readMetadataKey(lines[i]!) && !readHeading(lines[i]!) && !readFooterKey(lines[i]!)) {
    const s = lines[i]!;
    // Trimmed as `summarize` trims the parsed title (JavaScript's trim also removes U+2028/U+2029).
    const t = s.slice(skipSpaces(s), Math.max(skipSpaces(s), trimEnd(s))).trim();
    title = t ? detach(t) : null;
    i++;
  }
  // The metadata: up to the first heading or footer line, read by the parser's own reader over those lines.
  const metaStart = i;
  let metaEnd = i;
  while (metaEnd < lines.length && !readHeading(lines[metaEnd]!) && !readFooterKey(lines[metaEnd]!)) metaEnd++;
  const metadata = readMetadata(new LineTable(lines.slice(0, metaEnd).join('\n')), metaStart, metaEnd, []);
  const symbols: IndexedSymbol[] = [];
  const docName = title ? `${label}: ${clip(title, TITLE_CHARS)}` : label;
  symbols.push({ name: detach(docName), level: 1, line: 0, start: header ? header.start : 0, end: header ? header.end : 0, number: null, mask: charMask(docName) });
  const mededelingen: IndexedDate[] = [];
  let unanswered = 0;
  // The block being read, as the parser reads it: its first blank line after text starts the answer.
  let inQuestion = false;
  let hadText = false;
  let blankAfterText = false;
  let answered = false;
  for (i = metaEnd; i < lines.length; i++) {
    const s = lines[i]!;
    if (readFooterKey(s)) break;
    if (isBlank(s)) {
      if (hadText) blankAfterText = true;
      continue;
    }
    const h = readHeading(s);
    if (!h) {
      if (blankAfterText) answered = true;
      hadText = true;
      continue;
    }
    if (inQuestion && !answered) unanswered++;
    inQuestion = h.kind === 'question';
    hadText = blankAfterText = answered = false;
    if (h.kind !== 'question') {
      const reading = h.dateStart >= 0 ? readDutchDate(s.slice(h.dateStart, h.end)) : null;
      mededelingen.push({ date: reading?.kind === 'ok' ? reading.date : null });
      continue;
    }
    const heading = h.number !== null ? `Vraag ${h.number}` : s.slice(h.wordStart, h.end);
    // The question: as the parser reads it, the first non-blank line of the block (blank lines skipped),
    // unless the block ends first (another heading or the footer).
    let j = i + 1;
    while (j < lines.length && isBlank(lines[j]!)) j++;
    const q = lines[j];
    const isQuestion = q !== undefined && !readHeading(q) && !readFooterKey(q);
    const name = isQuestion ? `${heading}: ${clip(q.slice(skipSpaces(q), trimEnd(q)), QUESTION_CHARS)}` : heading;
    symbols.push({ name: detach(name), level: 2, line: i, start: h.wordStart, end: h.end, number: h.number, mask: charMask(name) });
  }
  if (inQuestion && !answered) unanswered++;
  return { uri, zaaknummer, title, symbols, ...metadataOf(metadata), mededelingen, unanswered };
}
