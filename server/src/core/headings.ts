/**
 * Reading a question or Mededeling heading line: ` • Vraag 3`, `- Vraag 3`, `Vraag 3`,
 * ` • Mededeling - 15 november 2024`.
 */
import { isSpace, skipSpaces, trimEnd, type LineTable } from './lines';

/** A question or Mededeling heading line, read. Offsets are offsets in the text. */
export interface HeadingLine {
  /** As in `Reference.inPart`: code names are English, but a Mededeling (a postponement notice) keeps its
   * Dutch name, the domain's word, as in the model and the JSON of `kamervraag parse`. */
  readonly kind: 'question' | 'mededeling';
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

/** The bullets a heading may start with, by character code: • - – * · ● ▪ ◦ */
export function isBullet(c: number): boolean {
  return c === 0x2022 || c === 0x2d || c === 0x2013 || c === 0x2a || c === 0xb7 || c === 0x25cf || c === 0x25aa || c === 0x25e6;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** `word` (lower case) stands at `at` in any case, and no letter or digit follows it. */
function startsWithWord(s: string, at: number, word: string): boolean {
  if (s.length < at + word.length) return false;
  for (let k = 0; k < word.length; k++) {
    if ((s.charCodeAt(at + k) | 32) !== word.charCodeAt(k)) return false;
  }
  const next = s.charCodeAt(at + word.length);
  if (Number.isNaN(next)) return true;
  if (next < 128) return !((next >= 48 && next <= 57) || ((next | 32) >= 97 && (next | 32) <= 122));
  return !LETTER_OR_DIGIT.test(s[at + word.length]!);
}

const UPPER_OR_SYMBOL = /[\p{Lu}\p{Lt}\p{So}\p{Sk}\p{Cs}]/u;

/**
 * True when the text at `at`, after `Vraag N` on its line, starts something new: a `:` or `.` and text,
 * a parenthesis (`(vervolg)`), a capital (the question pasted onto the heading line) or a symbol such as
 * an emoji. Not a lower-case word, a digit or a list sign (`en 3`, `, 4 en 5`, `- 5`, `t/m 5`), which go
 * on with a sentence that names the question.
 */
function startsAnew(s: string, at: number): boolean {
  const c = s.charCodeAt(at);
  if (c === 58 /* : */ || c === 46 /* . */ || c === 40 /* ( */) return true;
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_OR_SYMBOL.test(String.fromCodePoint(s.codePointAt(at)!));
}

/** A `:` or `.` at `at` of `s`. */
function isColonOrDot(s: string, at: number): boolean {
  const c = s.charCodeAt(at);
  return c === 58 || c === 46;
}

/**
 * Where the text after question heading `h`'s number starts on its line `s`: past spaces and a `:` or `.`
 * that a space or the end follows (`Vraag 2: Wat …`, `Vraag 2.`), which the format drops; `h.end` when there
 * is no text. Or -1 when that text is glued to the number (`Vraag 2.1`, `Vraag 2A`, `Vraag 2:Wat`,
 * `Vraag 2 .5`): a sub-number or letter the writer gave the question, which no edit may split or drop.
 */
export function textAfterNumber(s: string, h: HeadingLine): number {
  const end = h.end;
  let at = h.numberEnd;
  if (at < end && !isSpace(s.charCodeAt(at)) && !isColonOrDot(s, at)) return -1;
  at = skipSpaces(s, at);
  if (at < end && isColonOrDot(s, at)) {
    if (at + 1 < end && !isSpace(s.charCodeAt(at + 1))) return -1;
    at = skipSpaces(s, at + 1);
  }
  return Math.min(at, end);
}

/**
 * Where the question text written on a question heading's own line starts (`• Vraag 1: Bent u bekend …?`,
 * after the number's colon or full stop, as Word pastes it), or -1: a heading without such text, or with
 * another kind (`Vraag 2 (vervolg)`). The parser reads that text as the question's first paragraph.
 */
export function questionTextOnHeading(s: string, h: HeadingLine): number {
  if (h.kind !== 'question' || h.numberEnd <= h.numberStart) return -1;
  const separator = skipSpaces(s, h.numberEnd);
  if (separator >= h.end || !isColonOrDot(s, separator)) return -1;
  const rest = textAfterNumber(s, h);
  return rest >= 0 && rest < h.end ? rest : -1;
}

/**
 * Reads ` • Vraag 3`, `- Vraag 3`, `• vraag 3`, `Vraag 3`, `Vraag 3:`, `• Vraag`, ` • Mededeling - 15 november 2024`;
 * not `- Vraag 3 en 4 beantwoord ik samen` (text after the number).
 */
export function readHeading(s: string): HeadingLine | null {
  const h = blankHeading();
  return readHeadingIn(s, 0, s.length, h) ? h : null;
}

export type HeadingRecord = { -readonly [K in keyof HeadingLine]: HeadingLine[K] };

export function blankHeading(): HeadingRecord {
  return { kind: 'question', start: 0, wordStart: 0, end: 0, number: null, numberStart: -1, numberEnd: -1, canonical: false, dateStart: -1 };
}

function setHeading(
  h: HeadingRecord, kind: HeadingLine['kind'], start: number, wordStart: number, end: number, number: number | null,
  numberStart: number, numberEnd: number, canonical: boolean, dateStart: number,
): true {
  h.kind = kind;
  h.start = start;
  h.wordStart = wordStart;
  h.end = end;
  h.number = number;
  h.numberStart = numberStart;
  h.numberEnd = numberEnd;
  h.canonical = canonical;
  h.dateStart = dateStart;
  return true;
}

/**
 * `readHeading` of the line `text[from, to)`, read in place: true when it is a heading, which is then
 * written to `into` (offsets in `text`). Writing into a record that the parser reuses saves an object per
 * line tried.
 */
export function readHeadingIn(s: string, from: number, to: number, into: HeadingRecord): boolean {
  let i = skipSpaces(s, from);
  if (i >= to) return false;
  // Quick reject: a heading starts with a bullet, V/v or M/m.
  const first = s.charCodeAt(i);
  const c = first | 32;
  const bullet = isBullet(first) ? first : 0;
  if (c !== 118 /* v */ && c !== 109 /* m */ && bullet === 0) return false;
  const start = i;
  if (bullet !== 0) i = skipSpaces(s, i + 1);
  const end = Math.max(from, trimEnd(s, to));
  const wordStart = i;
  if (startsWithWord(s, i, 'vraag')) {
    i = skipSpaces(s, i + 5);
    const numberStart = i;
    let value = 0;
    for (let d = s.charCodeAt(i); i < end && d >= 48 && d <= 57; d = s.charCodeAt(++i)) value = value * 10 + (d - 48);
    const numberEnd = i;
    const digits = numberEnd - numberStart;
    const after = skipSpaces(s, i);
    let rest = after;
    if (rest < end && (s.charCodeAt(rest) === 58 /* : */ || s.charCodeAt(rest) === 46 /* . */)) rest++;
    rest = skipSpaces(s, rest);
    // A heading is a line of its own shape: `Vraag N`, perhaps with a `:` or `.` (`Vraag 3:` pasted from
    // Word). A bulleted line of an answer may start with the word too: `- vraag en aanbod …`,
    // `- Vraag 3 en 4 beantwoord ik hieronder samen.` are text. What follows `Vraag N` on a heading line
    // (`Vraag 2: Kunt u …`, `• Vraag 2 (vervolg)`) starts something new instead of going on with the
    // sentence; the malformed-heading fix moves it to a line of its own. Only a bullet makes `• Vraag` a
    // heading without a number.
    if (rest < end && !(digits > 0 && digits <= 9 && s.charCodeAt(wordStart) === 86 /* V */ && startsAnew(s, after))) return false;
    if (bullet === 0 && digits === 0) return false;
    const number = digits > 0 && digits <= 9 ? value : null;
    const canonical = bullet === 0x2022 /* • */ && s.startsWith('Vraag', wordStart) && s.charCodeAt(wordStart + 5) === 32
      && numberStart === wordStart + 6 && number !== null && numberEnd === end;
    return setHeading(into, 'question', start, wordStart, end, number, numberStart, numberEnd, canonical, -1);
  }
  if (startsWithWord(s, i, 'mededeling')) {
    let j = skipSpaces(s, i + 10);
    const sep = s.charCodeAt(j);
    if (j < end && (sep === 45 /* - */ || sep === 0x2013 /* – */ || sep === 58 /* : */)) j = skipSpaces(s, j + 1);
    else if (j < end) return false;
    if (bullet === 0 && j >= end) return false;
    const canonical = bullet === 0x2022 && s.startsWith('Mededeling', wordStart);
    return setHeading(into, 'mededeling', start, wordStart, end, null, -1, -1, canonical, j < end ? j : -1);
  }
  return false;
}

/** The heading on line `line` of `table`, or null. */
export function readHeadingAt(table: LineTable, line: number): HeadingLine | null {
  const h = blankHeading();
  return readHeadingIn(table.text, table.start(line), table.end(line), h) ? h : null;
}
