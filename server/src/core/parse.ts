/**
 * `parse(text)`: reads a Kamervraag document into the model of `model.ts`.
 *
 * One pass over the lines, top to bottom: header, title, metadata, question and Mededeling blocks,
 * footer. The parser is tolerant: it never throws, whatever the input; what does not fit the format is
 * kept in the model (a malformed heading, a stray line, an unreadable value) for the checks to report.
 */
import type { ExternalReference, Footer, FooterField, Header, KamervraagDocument, Mededeling, Question, Range, Reference, Span } from './model';
import { readDutchDate } from './dates';
import { isBlank, isSpace, LineTable, lineRange, range, skipSpaces, trimEnd } from './lines';
import { blankHeading, isBullet, questionTextOnHeading, readHeading, readHeadingIn, type HeadingLine } from './headings';
import { FooterLine, LineSpan, paragraphs, trimmedSpan } from './nodes';
import { readMetadata, readMetadataKey } from './metadata';
import { AnchorReader } from './anchors';
import type { TextScans } from './textScans';
import { scanLineAt } from './mentions';
import { scanExternals } from './externals';
import { QuestionTable, type QuestionRecord } from './questionTable';

/** The line readers the workspace index shares with the parser (service/summaries.ts). */
export { METADATA_KEYS, readMetadataKey } from './metadata';

export const FOOTER_KEYS = ['Kamervraag document nummer', 'Volledige titel', 'Kamerantwoord document nummer'] as const;

export const ZAAKNUMMER = /^\d{4}Z\d{5}$/;

/**
 * Reads the header line: `Kamervraag` (any case, after an optional BOM and spaces), then the zaaknummer.
 * A footer line `Kamervraag document nummer: …` is no header, wherever it stands: a text that starts with
 * its footer has no header and no blocks (and stays so when the lines above its footer are deleted).
 */
export function readHeaderLine(s: string): { start: number; end: number; zaaknummerStart: number } | null {
  let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  i = skipSpaces(s, i);
  if (s.substr(i, 10).toLowerCase() !== 'kamervraag' || readFooterKeyAt(s, i) !== null) return null;
  const after = s.charCodeAt(i + 10);
  if (!Number.isNaN(after) && !isSpace(after)) return null;
  return { start: i, end: trimEnd(s), zaaknummerStart: skipSpaces(s, i + 10) };
}

/** Reads a footer line `Key: value` with a key of the format. */
export function readFooterKey(s: string): (typeof FOOTER_KEYS)[number] | null {
  return readFooterKeyAt(s, 0);
}

/** `readFooterKey` of the line that starts at `at` in `s`. */
function readFooterKeyAt(s: string, at: number): (typeof FOOTER_KEYS)[number] | null {
  const c = s.charCodeAt(at);
  if (c !== 75 /* K */ && c !== 86 /* V */) return null;
  for (const key of FOOTER_KEYS) {
    if (s.startsWith(key, at) && s.charCodeAt(at + key.length) === 58 /* : */) return key;
  }
  return null;
}


class Parser {
  private readonly table: LineTable;
  private readonly strayLines: Span[] = [];
  /** The question blocks and their references. */
  private readonly blocks: QuestionTable;

  constructor(text: string, private readonly scans?: TextScans) {
    this.table = new LineTable(text, scans?.lineStarts);
    this.blocks = new QuestionTable(this.table);
  }

  /** The text of line `i` (for the few lines outside the blocks, which are read as strings). */
  private line(i: number): string {
    return this.table.line(i);
  }

  private span(line: number, start: number, end: number): Span {
    return new LineSpan(this.table, line, start, end);
  }

  /** The span of `s[start, end)`, line `line`, with surrounding spaces removed. */
  private trimmedSpan(line: number, s: string, start: number, end: number): Span {
    return trimmedSpan(this.table, line, s, start, end);
  }

  parse(): KamervraagDocument {
    const count = this.table.count;
    let i = 0;
    const header = this.readHeader();
    if (header) i = 1;
    // Title: the first non-blank line after the header that is no metadata, heading or footer.
    let title: Span | null = null;
    while (i < count && isBlank(this.line(i))) i++;
    if (i < count) {
      const s = this.line(i);
      if (!readMetadataKey(s) && !readHeading(s) && !readFooterKey(s)) {
        title = this.trimmedSpan(i, s, 0, s.length);
        i++;
      }
    }
    // Metadata: up to the first heading or footer line.
    const metaStart = i;
    while (i < count && !this.headingAt(i) && !this.footerAt(i)) i++;
    const metadata = readMetadata(this.table, metaStart, i, this.strayLines);
    const mededelingen: Mededeling[] = [];
    i = this.readBlocks(i, mededelingen);
    this.blocks.finish();
    const footer = this.readFooter(i);
    // The questions and references are made when first asked for (`check` reads their rows in `blocks`),
    // the external references too (few users of the model need them): getters, shared by every document
    // (DOCUMENT_GETTERS). The rows are not enumerable: they are an index of the model, not more of its
    // content (a walk over the model's values, or JSON.stringify, passes them by).
    const doc = { lineCount: count, header, title, metadata } as Record<string, unknown>;
    Object.defineProperty(doc, 'blocks', { value: this.blocks, enumerable: false });
    Object.defineProperty(doc, 'questions', DOCUMENT_GETTERS.questions);
    doc.mededelingen = mededelingen;
    doc.footer = footer;
    Object.defineProperty(doc, 'references', DOCUMENT_GETTERS.references);
    Object.defineProperty(doc, 'externalReferences', DOCUMENT_GETTERS.externalReferences);
    doc.strayLines = this.strayLines;
    return doc as unknown as KamervraagDocument;
  }

  /** Reused by every `readHeadingIn` of the parser. */
  private readonly probe = blankHeading();

  private headingAt(i: number): boolean {
    return readHeadingIn(this.table.text, this.table.start(i), this.table.end(i), this.probe);
  }

  private footerAt(i: number): boolean {
    return readFooterKeyAt(this.table.text, this.table.start(i)) !== null;
  }

  /**
   * The question and Mededeling blocks from line `from` (a heading) up to the footer; returns the
   * footer's first line. One pass over the lines, read in place with a look at their first characters:
   * a block runs from its heading to the next heading or the footer, its first blank line after text
   * starts the answer, and the lines with a candidate position (`ANCHOR_WORDS`) are scanned for mentions.
   */
  private readBlocks(from: number, mededelingen: Mededeling[]): number {
    const table = this.table;
    const text = table.text;
    const count = table.count;
    // Where a reference may start (see `ANCHOR_WORDS`), found as the lines are read.
    const anchors = new AnchorReader(text, this.scans?.anchors);
    const blocks = this.blocks;
    // The block being read: its heading, where its answer starts, its last text, its first reference.
    // `probe` is written by each line tried; a heading found there becomes `heading`, the block's (the
    // two records trade places: no copy, no new object per block).
    let probe = blankHeading();
    let heading = blankHeading();
    let headingLine = -1;
    let blankAfterText = false;
    let answerLine = -1;
    let lastText = -1;
    let firstReference = 0;
    // The record each block is written with (one, reused).
    const record: QuestionRecord = {
      headingLine: -1, number: null, malformed: false, answerLine: -1, endLine: -1, lastTextLine: -1, firstReference: 0,
    };
    const close = (to: number) => {
      if (headingLine < 0) return;
      if (heading.kind === 'question') {
        record.headingLine = headingLine;
        record.number = heading.number;
        record.malformed = !heading.canonical;
        record.answerLine = answerLine;
        record.endLine = to;
        record.lastTextLine = lastText;
        record.firstReference = firstReference;
        blocks.addQuestion(record);
      } else {
        const mine = blocks.referencesBetween(firstReference, blocks.referenceCount);
        mededelingen.push(this.readMededeling(headingLine, heading, to, lastText, mine));
      }
      headingLine = -1;
    };
    let k = 0;
    let i = from;
    for (; i < count; i++) {
      const lineStart = table.start(i);
      const lineEnd = table.end(i);
      // (skipSpaces stops at the line end: \n and \r are no spaces.)
      const a = skipSpaces(text, lineStart);
      if (a >= lineEnd) {
        if (lastText >= 0) blankAfterText = true;
        continue;
      }
      const c = text.charCodeAt(a);
      if (a === lineStart && readFooterKeyAt(text, lineStart)) break;
      if (isBullet(c) || (c | 32) === 118 /* v */ || (c | 32) === 109 /* m */) {
        if (readHeadingIn(text, lineStart, lineEnd, probe)) {
          close(i);
          headingLine = i;
          const found = probe;
          probe = heading;
          heading = found;
          blankAfterText = false;
          answerLine = lastText = -1;
          // A question written on the heading's line (`• Vraag 1: Wat …?`): its text, so that a blank line
          // after it starts the answer.
          if (questionTextOnHeading(text, heading) >= 0) lastText = i;
          firstReference = blocks.referenceCount;
          continue;
        }
      }
      if (blankAfterText && answerLine < 0) answerLine = i;
      lastText = i;
      // Mentions: the candidates on this line, if any (those on skipped lines are passed over).
      k = Math.max(0, k - anchors.through(lineEnd, lineStart));
      const list = anchors.list;
      const n = anchors.count;
      while (k < n && list[k]! < lineStart) k++;
      if (k < n && list[k]! < lineEnd && headingLine >= 0) {
        let upto = k + 1;
        while (upto < n && list[upto]! < lineEnd) upto++;
        const question = heading.kind === 'question';
        const part = !question ? 'mededeling' : answerLine >= 0 ? 'answer' : 'question';
        scanLineAt(text, i, lineStart, list, k, upto, question ? heading.number : null, part, blocks);
        k = upto;
      }
    }
    close(i);
    anchors.release();
    return i;
  }

  private readMededeling(line: number, h: HeadingLine, to: number, lastTextLine: number, references: readonly Reference[]): Mededeling {
    const s = this.line(line);
    const lineStart = this.table.start(line);
    const wordStart = h.wordStart - lineStart;
    const headingEnd = h.end - lineStart;
    const dateStart = h.dateStart - lineStart;
    const endChar = lastTextLine >= 0 ? trimEnd(this.line(lastTextLine)) : headingEnd;
    let date = null;
    let dateRange: Range | null = null;
    if (h.dateStart >= 0) {
      dateRange = lineRange(line, dateStart, headingEnd);
      const reading = readDutchDate(s.slice(dateStart, headingEnd));
      if (reading.kind === 'ok') date = reading.date;
    }
    return {
      heading: this.span(line, wordStart, headingEnd),
      date,
      dateRange,
      range: range(line, wordStart, lastTextLine >= 0 ? lastTextLine : line, endChar),
      paragraphs: paragraphs(this.table, line + 1, to),
      references,
    };
  }

  /** The header line; spaces after the zaaknummer are tolerated, as after every line of the format. */
  private readHeader(): Header | null {
    const s = this.line(0);
    const h = readHeaderLine(s);
    if (!h) return null;
    const zaaknummer = h.zaaknummerStart < h.end ? this.span(0, h.zaaknummerStart, h.end) : null;
    return {
      range: lineRange(0, h.start, h.end),
      zaaknummer,
      wellFormed: h.start === (s.charCodeAt(0) === 0xfeff ? 1 : 0) && s.startsWith('Kamervraag ', h.start)
        && h.zaaknummerStart === h.start + 11 && zaaknummer !== null && !/\s/.test(zaaknummer.text),
    };
  }

  private readFooter(from: number): Footer | null {
    const count = this.table.count;
    if (from >= count) return null;
    const { table } = this;
    const text = table.text;
    const fields: FooterField[] = [];
    let kamervraagNummer: FooterField | null = null;
    let kamervraagTitel: FooterField | null = null;
    let kamerantwoordNummer: FooterField | null = null;
    let kamerantwoordTitel: FooterField | null = null;
    let last = from;
    let lastEnd = 0;
    for (let i = from; i < count; i++) {
      // Read in place: the line's text is cut out only for a stray line.
      const lineStart = table.start(i);
      const lineEnd = table.end(i);
      // (skipSpaces and trimEnd stop at the line's ends: \n and \r are no spaces.)
      if (skipSpaces(text, lineStart) >= lineEnd) continue;
      const key = readFooterKeyAt(text, lineStart);
      if (!key) {
        const s = this.line(i);
        this.strayLines.push(this.trimmedSpan(i, s, 0, s.length));
        continue;
      }
      const valueStart = Math.min(skipSpaces(text, lineStart + key.length + 1), lineEnd) - lineStart;
      const textEnd = trimEnd(text, lineEnd) - lineStart;
      const field = new FooterLine(table, i, key, valueStart, Math.max(valueStart, textEnd), textEnd);
      fields.push(field);
      last = i;
      lastEnd = textEnd;
      if (key === 'Kamervraag document nummer') kamervraagNummer ??= field;
      else if (key === 'Kamerantwoord document nummer') kamerantwoordNummer ??= field;
      else if (kamerantwoordNummer) kamerantwoordTitel ??= field;
      else kamervraagTitel ??= field;
    }
    return {
      range: range(from, 0, last, fields.length === 0 ? trimEnd(this.line(from)) : lastEnd),
      fields,
      kamervraagNummer,
      kamervraagTitel,
      kamerantwoordNummer,
      kamerantwoordTitel,
    };
  }
}

/**
 * The document's getters: the same functions for every document, which read its `blocks`. Getters
 * written in an object literal (new functions per document) and the non-enumerable `blocks` defined after
 * them left every document in V8's dictionary mode, and the documents' rows, lines and texts then outlived
 * the young-generation collections: 7 MB of 3,000 small documents still there after two of them, gone
 * only at the next full collection; `check` of 10,000 files spent 96 ms collecting instead of 51 ms.
 */
const DOCUMENT_GETTERS = {
  questions: { get(this: KamervraagDocument) { return this.blocks.questions(); }, enumerable: true, configurable: true },
  references: { get(this: KamervraagDocument) { return this.blocks.references(); }, enumerable: true, configurable: true },
  externalReferences: { get(this: KamervraagDocument) { return findExternals(this.blocks.questions(), this.mededelingen); }, enumerable: true, configurable: true },
} satisfies Record<string, PropertyDescriptor>;

const externalsCache = new WeakMap<readonly Question[], ExternalReference[]>();

/** The references to other documents in the text of the blocks. */
function findExternals(questions: readonly Question[], mededelingen: readonly Mededeling[]): ExternalReference[] {
  let found = externalsCache.get(questions);
  if (!found) {
    const out: ExternalReference[] = [];
    const paragraphs = [...questions.flatMap((q) => [...q.question, ...q.answer]), ...mededelingen.flatMap((m) => m.paragraphs)]
      .sort((a, b) => a.range.start.line - b.range.start.line);
    for (const p of paragraphs) scanExternals(p.text, p.range.start.line, p.range.start.character, out);
    externalsCache.set(questions, (found = out));
  }
  return found;
}

/**
 * Reads a Kamervraag document. Never throws. `scans`: `scanText(text)`, made before (by the reading thread
 * of `kamervraag check`); the parse is the same with or without them.
 */
export function parse(text: string, scans?: TextScans | null): KamervraagDocument {
  return typeof text === 'string' ? new Parser(text, scans ?? undefined).parse() : new Parser(String(text)).parse();
}
