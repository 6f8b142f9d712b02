/**
 * Formatting: the edits that bring a document to the layout of the format (FORMAT.md), computed from
 * its parse, one line at a time, as minimal edits (a line's changed stretch, a run of blank lines).
 *
 * What changes: the header `Kamervraag <zaaknummer>` (spaces), one blank line after it and after the
 * title, the title and metadata keys at the line start with one space after a key, no blank lines in
 * the metadata or between it and the first heading, headings ` • Vraag N` / ` • Mededeling …` (bullet,
 * spaces, a `:` or `.` after the number; text after the number moves to the next line, as the
 * malformed-heading fix does), the body of a block indented as the document's dominant style (one space
 * before the bullet and two before the body, or two and four), one blank line between question and
 * answer and none inside an answer, one blank line between blocks once the document has answers (none
 * before), two blank lines before the footer and one space after a footer key's colon, no trailing
 * spaces, no blank lines at the end, every line end the document's most frequent one (LF on a tie).
 *
 * What never changes: a word, its case (`vraag 3` keeps its small v: the malformed-heading fix writes
 * the capital), spaces inside a line's text (a no-break space in `€ 5`), the order of lines (metadata
 * out of order is the quick fix's), a line's indentation where removing it would change how the line
 * reads (a title or stray line that would become a metadata key or footer line). A result whose
 * questions, answers or references differ from the document's is refused (`verifyFormat`, formatCheck.ts).
 */
import type { Position, TextEdit } from 'vscode-languageserver-types';
import type { KamervraagDocument } from './model';
import { dominantLineEnd, isBlank, isSpace, skipSpaces, trimEnd, type LineTable } from './lines';
import { readHeading, textAfterNumber, type HeadingLine } from './headings';
import { readMetadataKey } from './metadata';
import { parse, readFooterKey, readHeaderLine } from './parse';
import { EditedText } from './editedText';

export interface FormatOptions {
  /** End the document with a line end (LSP `insertFinalNewline`); a line end already there stays anyway. */
  readonly insertFinalNewline?: boolean;
  /** Keep the edits of different lines apart (range formatting picks them by line); by default touching edits merge. */
  readonly separate?: boolean;
}

// What a non-blank line is.
const OTHER = 0; // kept as written but for trailing spaces (a stray line)
const HEADER = 1;
const TITLE = 2;
const META = 3;
const QUESTION_HEADING = 4;
const MEDEDELING_HEADING = 5;
const BODY = 6;
const ANSWER_START = 7;
const FOOTER = 8;
const AFTER_FOOTER = 9;

/** The bullet's indentation and the body's: `' '` and `'  '`, or `'  '` and `'    '` when most headings stand so. */
function style(doc: KamervraagDocument): { bullet: string; body: string } {
  const blocks = doc.blocks;
  const lines = blocks.lines;
  const s = lines.text;
  let one = 0;
  let two = 0;
  const count = (line: number) => {
    const at = lines.start(line);
    if (s.charCodeAt(at) !== 32) return;
    if (s.charCodeAt(at + 1) === 32 && s.charCodeAt(at + 2) === 0x2022) two++;
    else if (s.charCodeAt(at + 1) === 0x2022) one++;
  };
  for (let q = 0; q < blocks.questionCount; q++) count(blocks.headingLine(q));
  for (const m of doc.mededelingen) count(m.heading.range.start.line);
  return two > one ? { bullet: '  ', body: '    ' } : { bullet: ' ', body: '  ' };
}

/**
 * What each line is, from the parse, and whether any block has an answer. A heading whose text moves to the
 * next line (`Vraag 2: Kunt u …?`) has question text once formatted: a blank line under it then starts the
 * answer, as after the malformed-heading fix, although the parser (reading the text as part of the heading)
 * takes the first lines of text under it for the question.
 */
function classify(doc: KamervraagDocument): { kinds: Uint8Array; answered: boolean } {
  const blocks = doc.blocks;
  const lines = blocks.lines;
  const count = lines.count;
  const kinds = new Uint8Array(count);
  const footerStart = doc.footer ? doc.footer.range.start.line : count;
  let blocksStart = footerStart;
  let answered = false;
  for (let q = 0; q < blocks.questionCount; q++) {
    const heading = blocks.headingLine(q);
    const end = blocks.endLine(q);
    blocksStart = Math.min(blocksStart, heading);
    kinds[heading] = QUESTION_HEADING;
    let answer = blocks.answerLine(q);
    if (blocks.malformedHeading(q) && movedTail(lines.line(heading)) !== null) {
      let first = heading + 1;
      while (first < end && isBlank(lines.line(first))) first++;
      if (first > heading + 1 && first < end) answer = first;
    }
    if (answer >= 0) answered = true;
    for (let i = heading + 1; i < end; i++) kinds[i] = i === answer ? ANSWER_START : BODY;
  }
  for (const m of doc.mededelingen) {
    const heading = m.heading.range.start.line;
    blocksStart = Math.min(blocksStart, heading);
    kinds[heading] = MEDEDELING_HEADING;
  }
  for (const m of doc.mededelingen) {
    for (let i = m.heading.range.start.line + 1; i < footerStart && kinds[i] === OTHER; i++) kinds[i] = BODY;
  }
  if (doc.header) kinds[0] = HEADER;
  const title = doc.title ? doc.title.range.start.line : -1;
  if (title >= 0) kinds[title] = TITLE;
  const metaStart = title >= 0 ? title + 1 : doc.header ? 1 : 0;
  for (let i = metaStart; i < blocksStart; i++) if (kinds[i] === OTHER) kinds[i] = META;
  for (let i = footerStart; i < count; i++) kinds[i] = readFooterKey(lines.line(i)) ? FOOTER : AFTER_FOOTER;
  return { kinds, answered };
}

/** The blank lines the format puts between a line of kind `prev` and one of kind `cur`. */
function blanksBetween(prev: number, cur: number, answered: boolean): number {
  if (cur === FOOTER || cur === AFTER_FOOTER) return prev === FOOTER || prev === AFTER_FOOTER ? 0 : 2;
  if (prev === HEADER || prev === TITLE) return 1;
  if (cur === QUESTION_HEADING || cur === MEDEDELING_HEADING) return prev === META || prev === OTHER ? 0 : answered ? 1 : 0;
  if (cur === ANSWER_START) return 1;
  return 0;
}

/**
 * The question heading `s` as the format writes it and the text after its number (past a `:` or `.`) that
 * moves to the next line, or null when `s` is no question heading or has no such text. Text that would read
 * as a heading of its own (`Vraag 3: Vraag 4`) does not move: it stays after the heading as written.
 */
export function movedTail(s: string, bullet = ' '): { heading: string; tail: string } | null {
  const h = readHeading(s);
  if (!h || h.kind !== 'question') return null;
  const rest = textAfterNumber(s, h);
  if (rest < 0 || rest >= h.end) return null;
  const tail = s.slice(rest, h.end);
  if (readHeading(tail)) return null;
  return { heading: headingOf(s, h, bullet), tail };
}

function headingOf(s: string, h: HeadingLine, bullet: string): string {
  const word = s.slice(h.wordStart, h.wordStart + 5);
  return `${bullet}• ${word}${h.numberEnd > h.numberStart ? ` ${s.slice(h.numberStart, h.numberEnd)}` : ''}`;
}

/** A line as the format writes it: `before`, then the old text `[keepFrom, keepTo)` (offsets in the text). */
interface Plan {
  before: string;
  keepFrom: number;
  keepTo: number;
}

/**
 * How the line `[start, end)` of `text` (not blank; its end without trailing spaces: `to`) is written,
 * into `plan`. Text that stays is kept in place (an edit changes only what is around it), so the cursor
 * in a body line stays where it is.
 */
function planLine(plan: Plan, text: string, start: number, end: number, kind: number, bullet: string, body: string, eol: string): void {
  const to = trimEnd(text, end);
  const set = (before: string, keepFrom: number, keepTo: number) => {
    plan.before = before;
    plan.keepFrom = keepFrom;
    plan.keepTo = keepTo;
  };
  if (kind === BODY || kind === ANSWER_START) return set(body, skipSpaces(text, start), to);
  const s = text.slice(start, end);
  switch (kind) {
    case HEADER: {
      const h = readHeaderLine(s)!;
      const word = (s.charCodeAt(0) === 0xfeff ? '\ufeff' : '') + s.slice(h.start, h.start + 10);
      return h.zaaknummerStart < h.end ? set(`${word} `, start + h.zaaknummerStart, start + h.end) : set(word, to, to);
    }
    case TITLE: {
      // Without the spaces at its start, unless the line would then read as a metadata key or footer line.
      const from = skipSpaces(s);
      const t = s.slice(from, to - start);
      return set('', from > 0 && (readMetadataKey(t) || readFooterKey(t)) ? start : start + from, to);
    }
    case META: {
      const from = skipSpaces(s);
      const key = readMetadataKey(s.slice(from, to - start));
      if (!key) return set('', start, to);
      const value = skipSpaces(s, from + key.length);
      return start + value < to ? set(`${key} `, start + value, to) : set(key, to, to);
    }
    case QUESTION_HEADING: {
      const h = readHeading(s)!;
      const heading = headingOf(s, h, bullet);
      const moved = movedTail(s, bullet);
      if (moved) return set(heading + eol + body, to - moved.tail.length, to);
      // What is left after the number: nothing, a `:` or `.` (dropped), text that reads as a heading, or text
      // glued to the number, a sub-number or letter (`2.1`, `2A`): kept as written.
      return textAfterNumber(s, h) >= h.end ? set(heading, to, to) : set(heading, start + h.numberEnd, to);
    }
    case MEDEDELING_HEADING:
      return set(`${bullet}• `, start + readHeading(s)!.wordStart, to);
    case FOOTER: {
      const key = readFooterKey(s)!;
      const value = skipSpaces(s, key.length + 1);
      return start + value < to ? set(`${key}: `, start + value, to) : set(`${key}:`, to, to);
    }
    default:
      return set('', start, to);
  }
}

/**
 * Whether the line `text[start, end)` (not blank) of kind `kind` is written as the format has it, read in
 * place: the body indented and without trailing spaces, a heading ` • Vraag N`. Only the most numerous
 * kinds are looked at; the others are planned and compared.
 */
function formattedAlready(text: string, start: number, end: number, kind: number, bullet: string, body: string): boolean {
  if (isSpace(text.charCodeAt(end - 1))) return false;
  if (kind === BODY || kind === ANSWER_START) return text.startsWith(body, start) && !isSpace(text.charCodeAt(start + body.length));
  if (kind !== QUESTION_HEADING || !text.startsWith(bullet, start) || !text.startsWith('• Vraag ', start + bullet.length)) return false;
  let i = start + bullet.length + 8;
  if (i >= end) return false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Whether line `i`, whose text ends at `end`, ends with `eol` (the empty string: the text ends there). */
function endsWith(lines: LineTable, i: number, end: number, eol: string): boolean {
  if (i + 1 >= lines.count) return eol === '';
  return lines.start(i + 1) - end === eol.length && lines.text.charCodeAt(end) === eol.charCodeAt(0);
}

/** Collects the edits, in text order, and merges edits that touch. */
class EditList {
  readonly edits: TextEdit[] = [];
  private last: { range: { start: Position; end: Position }; newText: string } | null = null;
  /** The formatted text: the old one with each edit's stretch replaced. */
  readonly formatted: EditedText;

  constructor(private readonly lines: LineTable, private readonly merge = true) {
    this.formatted = new EditedText(lines.text);
  }

  /** Line `i` from its start to the start of the next line becomes `next`. */
  line(i: number, next: string): void {
    const lines = this.lines;
    this.region(i, lines.start(i), i + 1 < lines.count ? lines.start(i + 1) : lines.end(i), next);
  }

  /** `[from, to)` of line `i` (its line end included) becomes `next`: only the stretch that differs is edited. */
  region(i: number, from: number, to: number, next: string): void {
    const lines = this.lines;
    const text = lines.text;
    const length = to - from;
    if (next.length === length && text.startsWith(next, from)) return;
    const lineStart = lines.start(i);
    const contentEnd = lines.end(i);
    let p = 0;
    const max = Math.min(length, next.length);
    while (p < max && text.charCodeAt(from + p) === next.charCodeAt(p)) p++;
    let q = 0;
    while (q < max - p && text.charCodeAt(to - 1 - q) === next.charCodeAt(next.length - 1 - q)) q++;
    // Not inside a \r\n, nor between the halves of a surrogate pair.
    if (from + p > contentEnd) p = Math.max(0, contentEnd - from);
    if (to - q > contentEnd && to - q < to) q = 0;
    if (p > 0 && isHighSurrogate(text.charCodeAt(from + p - 1))) p--;
    if (q > 0 && to - q < contentEnd && isLowSurrogate(text.charCodeAt(to - q))) q--;
    const start = this.position(i, from + p - lineStart, contentEnd - lineStart);
    const end = this.position(i, to - q - lineStart, contentEnd - lineStart);
    const newText = next.slice(p, next.length - q);
    this.formatted.replace(from + p, to - q, newText);
    const last = this.last;
    if (this.merge && last && last.range.end.line === start.line && last.range.end.character === start.character) {
      last.range.end = end;
      last.newText += newText;
      return;
    }
    this.last = { range: { start, end }, newText };
    this.edits.push(this.last);
  }

  private position(i: number, offset: number, contentLength: number): Position {
    return offset <= contentLength ? { line: i, character: offset } : { line: i + 1, character: 0 };
  }
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The edits that format `doc` (its text is `doc.blocks.lines.text`); none when it is formatted already. */
export function formatEdits(doc: KamervraagDocument, options: FormatOptions = {}): TextEdit[] {
  return formatDocument(doc, options).edits;
}

/** The edits that format `doc`, and the text they make (made whole only when asked: `toString`). */
export function formatDocument(doc: KamervraagDocument, options: FormatOptions = {}): { edits: TextEdit[]; formatted: EditedText } {
  const lines = doc.blocks.lines;
  const count = lines.count;
  // Blank lines above the header: without them the first line is the header, and the rest reads from there.
  let first = 0;
  while (first < count && isBlank(lines.line(first))) first++;
  if (!doc.header && first > 0 && first < count && readHeaderLine(lines.line(first))) {
    const rest = formatDocument(parse(lines.text.slice(lines.start(first))), options);
    const shift = (p: Position): Position => ({ line: p.line + first, character: p.character });
    const removal: TextEdit = { range: { start: { line: 0, character: 0 }, end: { line: first, character: 0 } }, newText: '' };
    return {
      edits: [removal, ...rest.edits.map((e) => ({ range: { start: shift(e.range.start), end: shift(e.range.end) }, newText: e.newText }))],
      formatted: EditedText.afterRemoved(lines.text, lines.start(first), rest.formatted),
    };
  }
  const { kinds, answered } = classify(doc);
  const { bullet, body } = style(doc);
  const eol = dominantLineEnd(lines);
  const out = new EditList(lines, options.separate !== true);
  const text = lines.text;
  const plan: Plan = { before: '', keepFrom: 0, keepTo: 0 };
  let lastText = count - 1;
  while (lastText >= 0 && isBlank(lines.line(lastText))) lastText--;
  // Whether the text ends with a line end once formatted: it had one (or blank lines), or the editor asks.
  const finalEol = lastText < count - 1 || options.insertFinalNewline === true;
  let prev = -1;
  let blanks = 0;
  for (let i = 0; i < count; i++) {
    const start = lines.start(i);
    const end = lines.end(i);
    if (skipSpaces(text, start) >= end) {
      blanks++;
      continue;
    }
    const kind = kinds[i]!;
    const wanted = prev < 0 ? 0 : blanksBetween(prev, kind, answered);
    // The run of blank lines before this line: the first `wanted` kept (emptied), the others removed, or more added.
    for (let k = i - blanks; k < i; k++) out.line(k, k - (i - blanks) < wanted ? eol : '');
    const withEol = i < lastText || finalEol;
    if (wanted !== blanks || !formattedAlready(text, start, end, kind, bullet, body) || !endsWith(lines, i, end, withEol ? eol : '')) {
      planLine(plan, text, start, end, kind, bullet, body, eol);
      const extra = wanted > blanks ? eol.repeat(wanted - blanks) : '';
      out.region(i, start, plan.keepFrom, extra + plan.before);
      out.region(i, plan.keepTo, i + 1 < count ? lines.start(i + 1) : end, withEol ? eol : '');
    }
    prev = kind;
    blanks = 0;
  }
  // The blank lines at the end: removed; the last line (after the final line end) left empty.
  for (let k = lastText + 1; k < count; k++) out.line(k, '');
  return { edits: out.edits, formatted: out.formatted };
}

/** `text` formatted (for tests). */
export function formatText(text: string, options: FormatOptions = {}): string {
  return formatDocument(parse(text), options).formatted.toString();
}
