/**
 * `parse(text)`: reads a Kamervraag document into the model of `model.ts`.
 *
 * One pass over the lines, top to bottom: header, title, metadata, question and Mededeling blocks,
 * footer. The parser is tolerant: it never throws, whatever the input; what does not fit the format is
 * kept in the model (a malformed heading, a stray line, an unreadable value) for the checks to report.
 */
import type {
  BeantwoordValue, DateValue, ExternalReference, Footer, FooterField, Header, IndienersValue, KamervraagDocument,
  Mededeling, Member, Metadata, MetadataField, MinisterValue, OnderwerpenValue, Question, Range,
  Reference, SourceValue, Span,
} from './model';
import { readDutchDate } from './dates';
import { isBlank, isSpace, lineRange, lineStarts, range, skipSpaces, splitLines, trimEnd } from './lines';
import { findAnchors, scanExternals, scanLine, type LineFindings } from './references';
import { groupTopics } from './topics';

/** The metadata keys of the format, in their required order. */
export const METADATA_KEYS = [
  'Ingediend', 'Beantwoord', 'Indiener', 'Indieners', 'Beantwoord door', 'Onderwerpen', 'Bron vraag', 'Bron antwoord',
] as const;

/** Longest first, so that `Beantwoord door` is not read as `Beantwoord`. */
const KEYS_LONGEST_FIRST = [...METADATA_KEYS].sort((a, b) => b.length - a.length);

export const FOOTER_KEYS = ['Kamervraag document nummer', 'Volledige titel', 'Kamerantwoord document nummer'] as const;

export const ZAAKNUMMER = /^\d{4}Z\d{5}$/;

/** The bullets a heading may start with, by character code: • - – * · ● ▪ ◦ */
const BULLETS = new Set([0x2022, 0x2d, 0x2013, 0x2a, 0xb7, 0x25cf, 0x25aa, 0x25e6]);

/** A question or Mededeling heading line, read. */
interface HeadingLine {
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

/** `word` (lower case) stands at `at` in any case, and no letter or digit follows it. */
function startsWithWord(s: string, at: number, word: string): boolean {
  if (s.length < at + word.length) return false;
  for (let k = 0; k < word.length; k++) {
    if ((s.charCodeAt(at + k) | 32) !== word.charCodeAt(k)) return false;
  }
  const next = s[at + word.length];
  return next === undefined || !/[\p{L}\p{N}]/u.test(next);
}

/** Reads ` • Vraag 3`, `- Vraag 3`, `• vraag 3`, `Vraag 3`, `• Vraag`, ` • Mededeling - 15 november 2024`. */
export function readHeading(s: string): HeadingLine | null {
  let i = skipSpaces(s);
  if (i >= s.length) return null;
  // Quick reject: a heading starts with a bullet, V/v or M/m.
  const first = s.charCodeAt(i);
  const c = first | 32;
  if (c !== 118 /* v */ && c !== 109 /* m */ && !BULLETS.has(first)) return null;
  let bullet = '';
  const start = i;
  if (BULLETS.has(first)) {
    bullet = s[i]!;
    i = skipSpaces(s, i + 1);
  }
  const end = trimEnd(s);
  const wordStart = i;
  if (startsWithWord(s, i, 'vraag')) {
    i = skipSpaces(s, i + 5);
    const numberStart = i;
    while (i < end && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    const numberEnd = i;
    const digits = s.slice(numberStart, numberEnd);
    let rest = i;
    if (rest < end && (s[rest] === ':' || s[rest] === '.')) rest++;
    rest = skipSpaces(s, rest);
    // Without a bullet, only a line that is nothing but `Vraag N` is a heading; with one, the bullet decides.
    if (rest < end && !bullet) return null;
    if (!bullet && digits.length === 0) return null;
    const number = digits.length > 0 && digits.length <= 9 ? Number(digits) : null;
    const canonical = bullet === '•' && s.startsWith('Vraag', wordStart) && s[wordStart + 5] === ' '
      && numberStart === wordStart + 6 && number !== null && numberEnd === end;
    return { kind: 'vraag', start, wordStart, end, number, numberStart, numberEnd, canonical, dateStart: -1 };
  }
  if (startsWithWord(s, i, 'mededeling')) {
    let j = skipSpaces(s, i + 10);
    if (j < end && (s[j] === '-' || s[j] === '–' || s[j] === ':')) j = skipSpaces(s, j + 1);
    else if (j < end) return null;
    if (!bullet && j >= end) return null;
    const canonical = bullet === '•' && s.startsWith('Mededeling', wordStart);
    return { kind: 'mededeling', start, wordStart, end, number: null, numberStart: -1, numberEnd: -1, canonical, dateStart: j < end ? j : -1 };
  }
  return null;
}

/** The first line of a file that is a Kamervraag: `Kamervraag <zaaknummer>` (an optional BOM before it). */
export const KAMERVRAAG_FIRST_LINE = /^\uFEFF?Kamervraag \d{4}Z\d{5}(?!\d)/;

/** Reads the header line: `Kamervraag` (any case, after an optional BOM and spaces), then the zaaknummer. */
export function readHeaderLine(s: string): { start: number; end: number; zaaknummerStart: number } | null {
  let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  i = skipSpaces(s, i);
  if (s.substr(i, 10).toLowerCase() !== 'kamervraag') return null;
  const after = s.charCodeAt(i + 10);
  if (!Number.isNaN(after) && !isSpace(after)) return null;
  return { start: i, end: trimEnd(s), zaaknummerStart: skipSpaces(s, i + 10) };
}

/** Reads a footer line `Key: value` with a key of the format. */
export function readFooterKey(s: string): (typeof FOOTER_KEYS)[number] | null {
  for (const key of FOOTER_KEYS) {
    if (s.startsWith(key) && s[key.length] === ':') return key;
  }
  return null;
}

/** The metadata key a line starts with, or null. */
export function readMetadataKey(s: string): string | null {
  for (const key of KEYS_LONGEST_FIRST) {
    if (s.startsWith(key) && (s.length === key.length || isSpace(s.charCodeAt(key.length)))) return key;
  }
  return null;
}

function span(line: number, s: string, start: number, end: number): Span {
  return { text: s.slice(start, end), range: lineRange(line, start, end) };
}

/** The span of `s[start, end)` with surrounding spaces removed. */
function trimmedSpan(line: number, s: string, start: number, end: number): Span {
  const a = skipSpaces(s, start);
  const b = Math.max(a, trimEnd(s, end));
  return span(line, s, a, b);
}

/** The number of `\n` in `text`, when every line of `lines` ended with one: the lengths add up. */
function countNewlines(lines: readonly string[], text: string): number {
  let chars = 0;
  for (const l of lines) chars += l.length;
  return text.length - chars;
}

/** The one empty list that every empty part of the model shares (frozen: the model is read-only). */
const NONE: readonly never[] = Object.freeze([]);

class Parser {
  private readonly lines: string[];
  private readonly strayLines: Span[] = [];
  private readonly references: Reference[] = [];

  /** Where each line starts in the text, and where a reference may start (see `findAnchors`). */
  private readonly starts: Int32Array;
  private readonly anchors: Int32Array;
  /** The first anchor not yet passed by `readBody`, which reads the lines in order. */
  private nextAnchor = 0;

  constructor(text: string) {
    this.lines = splitLines(text);
    // splitLines gives one line more than there are line ends; \n-only text has one \n per line end.
    this.starts = lineStarts(text, this.lines, text.length > 0 && this.lines.length - 1 !== countNewlines(this.lines, text));
    this.anchors = findAnchors(text);
  }

  parse(): KamervraagDocument {
    const lines = this.lines;
    let i = 0;
    const header = this.readHeader();
    if (header) i = 1;
    // Title: the first non-blank line after the header that is no metadata, heading or footer.
    let title: Span | null = null;
    while (i < lines.length && isBlank(lines[i]!)) i++;
    if (i < lines.length && !readMetadataKey(lines[i]!) && !readHeading(lines[i]!) && !readFooterKey(lines[i]!)) {
      title = trimmedSpan(i, lines[i]!, 0, lines[i]!.length);
      i++;
    }
    // Metadata: up to the first heading or footer line.
    const metaStart = i;
    while (i < lines.length && !readHeading(lines[i]!) && !readFooterKey(lines[i]!)) i++;
    const metadata = this.readMetadata(metaStart, i);
    // Blocks, then the footer: one heading test per line; a block runs to the next heading or the footer.
    const questions: Question[] = [];
    const mededelingen: Mededeling[] = [];
    let open: { line: number; heading: HeadingLine } | null = null;
    const close = (to: number) => {
      if (!open) return;
      if (open.heading.kind === 'vraag') questions.push(this.readQuestion(open.line, open.heading, to));
      else mededelingen.push(this.readMededeling(open.line, open.heading, to));
      open = null;
    };
    for (; i < lines.length; i++) {
      const s = lines[i]!;
      if (readFooterKey(s)) break;
      const heading = readHeading(s);
      if (heading) {
        close(i);
        open = { line: i, heading };
      }
    }
    close(i);
    const footer = this.readFooter(i);
    return {
      lineCount: lines.length,
      header,
      title,
      metadata,
      questions,
      mededelingen,
      footer,
      references: this.references,
      // Computed when first asked for: few users of the model need them.
      get externalReferences(): readonly ExternalReference[] {
        return findExternals(questions, mededelingen);
      },
      strayLines: this.strayLines,
    };
  }

  private readHeader(): Header | null {
    const s = this.lines[0]!;
    const h = readHeaderLine(s);
    if (!h) return null;
    const zaaknummer = h.zaaknummerStart < h.end ? span(0, s, h.zaaknummerStart, h.end) : null;
    return {
      range: lineRange(0, h.start, h.end),
      zaaknummer,
      wellFormed: h.start === (s.charCodeAt(0) === 0xfeff ? 1 : 0) && s.startsWith('Kamervraag ', h.start)
        && h.zaaknummerStart === h.start + 11 && h.end === s.length && zaaknummer !== null && !/\s/.test(zaaknummer.text),
    };
  }

  private readMetadata(from: number, to: number): Metadata {
    const lines = this.lines;
    const fields: MetadataField[] = [];
    const isField: boolean[] = [];
    for (let i = from; i < to; i++) isField.push(readMetadataKey(lines[i]!) !== null);
    for (let i = from; i < to; i++) {
      const s = lines[i]!;
      if (isBlank(s)) continue;
      const key = readMetadataKey(s);
      const neighbourIsField = (i > from && isField[i - 1 - from]) || (i + 1 < to && isField[i + 1 - from]);
      if (key === null && !(neighbourIsField && /^\p{Lu}\p{Ll}*/u.test(s))) {
        this.strayLines.push(trimmedSpan(i, s, 0, s.length));
        continue;
      }
      let keyEnd: number;
      if (key !== null) keyEnd = key.length;
      else {
        keyEnd = 0;
        while (keyEnd < s.length && !isSpace(s.charCodeAt(keyEnd))) keyEnd++;
      }
      const value = trimmedSpan(i, s, keyEnd, s.length);
      fields.push({
        key: s.slice(0, keyEnd),
        keyRange: lineRange(i, 0, keyEnd),
        value: value.text,
        valueRange: value.range,
        range: lineRange(i, 0, trimEnd(s)),
        known: key !== null,
      });
    }
    const first = (key: string) => fields.find((f) => f.known && f.key === key) ?? null;
    const indienerField = fields.find((f) => f.known && (f.key === 'Indiener' || f.key === 'Indieners')) ?? null;
    return {
      fields,
      ingediend: this.dateValue(first('Ingediend')),
      beantwoord: this.beantwoordValue(first('Beantwoord')),
      indieners: this.indienersValue(indienerField),
      beantwoordDoor: this.ministerValue(first('Beantwoord door')),
      onderwerpen: this.onderwerpenValue(first('Onderwerpen')),
      bronVraag: this.sourceValue(first('Bron vraag')),
      bronAntwoord: this.sourceValue(first('Bron antwoord')),
      range: fields.length > 0 ? { start: fields[0]!.range.start, end: fields[fields.length - 1]!.range.end } : null,
    };
  }

  private dateValue(field: MetadataField | null): DateValue | null {
    if (!field) return null;
    const reading = readDutchDate(field.value);
    return { field, date: reading.kind === 'ok' ? reading.date : null, dateRange: field.valueRange };
  }

  private beantwoordValue(field: MetadataField | null): BeantwoordValue | null {
    if (!field) return null;
    const line = field.range.start.line;
    const s = this.lines[line]!;
    const valueStart = field.valueRange.start.character;
    const valueEnd = field.valueRange.end.character;
    const open = s.lastIndexOf('(', valueEnd);
    let dateEnd = valueEnd;
    let days: number | null = null;
    let daysRange: Range | null = null;
    if (open >= valueStart) {
      const m = /^\(\s*na\s+(\d{1,6})\s+dag(?:en)?\s*\)$/i.exec(s.slice(open, valueEnd));
      if (m) {
        const digitsStart = s.indexOf(m[1]!, open);
        days = Number(m[1]);
        daysRange = lineRange(line, digitsStart, digitsStart + m[1]!.length);
        dateEnd = trimEnd(s, open);
      }
    }
    const reading = readDutchDate(s.slice(valueStart, dateEnd));
    return {
      field,
      date: reading.kind === 'ok' ? reading.date : null,
      dateRange: lineRange(line, valueStart, Math.max(valueStart, dateEnd)),
      days,
      daysRange,
    };
  }

  /** Splits `s[start, end)` at commas outside parentheses. */
  private splitTopLevel(s: string, start: number, end: number): Array<[number, number]> {
    const parts: Array<[number, number]> = [];
    let depth = 0;
    let from = start;
    for (let i = start; i < end; i++) {
      const c = s[i];
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (c === ',' && depth === 0) {
        parts.push([from, i]);
        from = i + 1;
      }
    }
    parts.push([from, end]);
    return parts;
  }

  /** `Name (PARTY)` or `Name`: the name, and the party inside the last parentheses. */
  private readPerson(line: number, s: string, start: number, end: number): { name: Span; groups: Span[] } {
    const a = skipSpaces(s, start);
    const b = trimEnd(s, end);
    const groups: Span[] = [];
    let nameEnd = b;
    let depth = 0;
    let open = -1;
    for (let i = a; i < b; i++) {
      const c = s[i];
      if (c === '(') {
        if (depth === 0) {
          open = i;
          if (groups.length === 0) nameEnd = i;
        }
        depth++;
      } else if (c === ')' && depth > 0) {
        depth--;
        if (depth === 0 && open >= 0) groups.push(trimmedSpan(line, s, open + 1, i));
      }
    }
    return { name: trimmedSpan(line, s, a, nameEnd), groups };
  }

  private indienersValue(field: MetadataField | null): IndienersValue | null {
    if (!field) return null;
    const line = field.range.start.line;
    const s = this.lines[line]!;
    const members: Member[] = [];
    for (const [a, b] of this.splitTopLevel(s, field.valueRange.start.character, field.valueRange.end.character)) {
      if (isBlank(s.slice(a, b))) continue;
      const person = this.readPerson(line, s, a, b);
      const whole = trimmedSpan(line, s, a, b);
      members.push({ name: person.name, party: person.groups[person.groups.length - 1] ?? null, range: whole.range });
    }
    return { field, plural: field.key === 'Indieners', members };
  }

  private ministerValue(field: MetadataField | null): MinisterValue | null {
    if (!field) return null;
    const line = field.range.start.line;
    const s = this.lines[line]!;
    const person = this.readPerson(line, s, field.valueRange.start.character, field.valueRange.end.character);
    let role: Span | null = null;
    let party: Span | null = null;
    if (person.groups.length >= 2) {
      role = person.groups[0]!;
      party = person.groups[person.groups.length - 1]!;
    } else if (person.groups.length === 1) {
      const g = person.groups[0]!;
      if (/^(minister|staatssecretaris|vice|premier)/i.test(g.text) || /\s\p{Ll}/u.test(g.text)) role = g;
      else party = g;
    }
    return { field, name: person.name, role, party };
  }

  private onderwerpenValue(field: MetadataField | null): OnderwerpenValue | null {
    if (!field) return null;
    const line = field.range.start.line;
    const s = this.lines[line]!;
    const starts: number[] = [];
    const ends: number[] = [];
    const words: string[] = [];
    const re = /\S+/gu;
    re.lastIndex = field.valueRange.start.character;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null && m.index < field.valueRange.end.character) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
      words.push(m[0]);
    }
    const topics = groupTopics(words).map(([a, b]) => span(line, s, starts[a]!, ends[b]!));
    return { field, topics };
  }

  private sourceValue(field: MetadataField | null): SourceValue | null {
    if (!field) return null;
    const line = field.range.start.line;
    const s = this.lines[line]!;
    const url = span(line, s, field.valueRange.start.character, field.valueRange.end.character);
    const m = /(?:kv|ah)-tk-[A-Za-z0-9-]+/.exec(url.text);
    let documentId: Span | null = null;
    if (m) {
      let idEnd = m.index + m[0].length;
      const start = url.range.start.character + m.index;
      documentId = span(line, s, start, url.range.start.character + idEnd);
    }
    return { field, url, documentId };
  }

  /** Question and answer paragraphs of a block body `[from, to)`. Arrays are made only when needed. */
  private readBody(from: number, to: number, fromQuestion: number | null, firstPart: 'question' | 'mededeling') {
    const lines = this.lines;
    let first: Span[] | null = null;
    let rest: Span[] | null = null;
    let findings: LineFindings | null = null;
    let seenText = false;
    let inRest = false;
    let lastText = -1;
    for (let i = from; i < to; i++) {
      const s = lines[i]!;
      const textStart = skipSpaces(s);
      if (textStart === s.length) {
        if (seenText) inRest = true;
        continue;
      }
      seenText = true;
      lastText = i;
      const p = span(i, s, textStart, trimEnd(s));
      if (inRest) (rest ??= []).push(p);
      else (first ??= []).push(p);
      const lineStart = this.starts[i]!;
      let anchor = this.nextAnchor;
      while (anchor < this.anchors.length && this.anchors[anchor]! < lineStart) anchor++;
      let upto = anchor;
      while (upto < this.anchors.length && this.anchors[upto]! < lineStart + s.length) upto++;
      this.nextAnchor = upto;
      if (upto > anchor) {
        const part = inRest ? (firstPart === 'question' ? 'answer' : 'mededeling') : firstPart;
        scanLine(s, { line: i, fromQuestion, inPart: part }, (findings ??= { references: [] }), { anchors: this.anchors, from: anchor, to: upto, lineStart });
      }
    }
    const references = findings?.references ?? NONE;
    for (const r of references) this.references.push(r);
    return { first: first ?? NONE, rest: rest ?? NONE, references, lastText };
  }

  private readQuestion(line: number, h: HeadingLine, to: number): Question {
    const s = this.lines[line]!;
    const body = this.readBody(line + 1, to, h.number, 'question');
    const end = body.lastText >= 0 ? body.lastText : line;
    const endChar = body.lastText >= 0 ? trimEnd(this.lines[body.lastText]!) : h.end;
    // Unanswered documents have no blank line between question text and answer: then it is all question.
    const answer = body.rest;
    return {
      number: h.number,
      heading: span(line, s, h.wordStart, h.end),
      headingRange: lineRange(line, h.start, h.end),
      numberRange: h.numberEnd > h.numberStart ? lineRange(line, h.numberStart, h.numberEnd) : null,
      range: range(line, h.wordStart, end, endChar),
      question: body.first,
      answer,
      answerRange: answer.length > 0 ? { start: answer[0]!.range.start, end: answer[answer.length - 1]!.range.end } : null,
      references: body.references,
      malformedHeading: !h.canonical,
    };
  }

  private readMededeling(line: number, h: HeadingLine, to: number): Mededeling {
    const s = this.lines[line]!;
    const body = this.readBody(line + 1, to, null, 'mededeling');
    const end = body.lastText >= 0 ? body.lastText : line;
    const endChar = body.lastText >= 0 ? trimEnd(this.lines[body.lastText]!) : h.end;
    let date = null;
    let dateRange: Range | null = null;
    if (h.dateStart >= 0) {
      dateRange = lineRange(line, h.dateStart, h.end);
      const reading = readDutchDate(s.slice(h.dateStart, h.end));
      if (reading.kind === 'ok') date = reading.date;
    }
    return {
      heading: span(line, s, h.wordStart, h.end),
      date,
      dateRange,
      range: range(line, h.wordStart, end, endChar),
      paragraphs: [...body.first, ...body.rest],
      references: body.references,
    };
  }

  private readFooter(from: number): Footer | null {
    const lines = this.lines;
    if (from >= lines.length) return null;
    const fields: FooterField[] = [];
    let kamervraagNummer: FooterField | null = null;
    let kamervraagTitel: FooterField | null = null;
    let kamerantwoordNummer: FooterField | null = null;
    let kamerantwoordTitel: FooterField | null = null;
    let last = from;
    for (let i = from; i < lines.length; i++) {
      const s = lines[i]!;
      if (isBlank(s)) continue;
      const key = readFooterKey(s);
      if (!key) {
        this.strayLines.push(trimmedSpan(i, s, 0, s.length));
        continue;
      }
      const field: FooterField = {
        key,
        keyRange: lineRange(i, 0, key.length),
        value: trimmedSpan(i, s, key.length + 1, s.length),
        range: lineRange(i, 0, trimEnd(s)),
      };
      fields.push(field);
      last = i;
      if (key === 'Kamervraag document nummer') kamervraagNummer ??= field;
      else if (key === 'Kamerantwoord document nummer') kamerantwoordNummer ??= field;
      else if (kamerantwoordNummer) kamerantwoordTitel ??= field;
      else kamervraagTitel ??= field;
    }
    return {
      range: range(from, 0, last, trimEnd(lines[last]!)),
      fields,
      kamervraagNummer,
      kamervraagTitel,
      kamerantwoordNummer,
      kamerantwoordTitel,
    };
  }
}

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

/** Reads a Kamervraag document. Never throws. */
export function parse(text: string): KamervraagDocument {
  return new Parser(typeof text === 'string' ? text : String(text)).parse();
}
