/**
 * Finds mentions of questions ("Zie antwoord vraag 6", "de vragen 1 tot en met 4", in answers also
 * "zie antwoord 6") in one line of text, and references to other documents (zaaknummers, Kamerstukken,
 * Aanhangsel numbers).
 *
 * Candidate positions come from a fast search with `indexOf` (`ANCHOR_WORDS`, `mergeAnchors`); at each, the trigger
 * word is compared by hand, and the numbers after it are read by hand too (plain offsets, no objects);
 * sticky expressions read only what is rarer (units after a number, other documents' numbers, other askers).
 * No expression has nested quantifiers, so none can backtrack catastrophically. The scanner writes what
 * it finds to a `MentionSink` (the document's `QuestionTable`).
 */
import type { ExternalReference, QuestionRows, Range, Reference, ReferenceTarget } from './model';
import { isBullet } from './headings';
import { lineRange } from './lines';

/**
 * Where a question mention may start. Searching the text with `indexOf` (which V8 runs as a fast
 * memory scan) for `vra` (vraag, vragen), `V` (Vraag, VRAGEN) and `woord` (antwoord, Antwoord) is several
 * times faster than one regular expression over every character. `indexOf` looks for the first character
 * of a word with `memchr`, so a word whose first letter is rare in Dutch costs little: `woord`, not
 * `antwoord` (an `n` or `t` stands every few characters; searching `antwoord` took three times as long).
 * An all-capitals `ANTWOORD 6` is not searched for: one more pass over the text for a rare spelling.
 */
export const ANCHOR_WORDS: readonly string[] = ['vra', 'V', 'woord'];

/** `woord` stands this far into `antwoord`: the anchor of the trigger word is that much earlier. */
const WOORD_IN_ANTWOORD = 3;

/**
 * The occurrences of the `ANCHOR_WORDS` (from `searchAll` or `LineTable`) as one ascending list of the
 * offsets where a trigger word would start (`antwoord` three characters before its `woord`).
 */
export function mergeAnchors([lower, upper, woord]: readonly Int32Array[]): Int32Array {
  const out = new Int32Array(lower!.length + upper!.length + woord!.length);
  let a = 0;
  let b = 0;
  let c = 0;
  // `woord` at the start of the text can be no `antwoord`.
  while (c < woord!.length && woord![c]! < WOORD_IN_ANTWOORD) c++;
  let n = 0;
  while (a < lower!.length || b < upper!.length || c < woord!.length) {
    const x = a < lower!.length ? lower![a]! : 0x7fffffff;
    const y = b < upper!.length ? upper![b]! : 0x7fffffff;
    const z = c < woord!.length ? woord![c]! - WOORD_IN_ANTWOORD : 0x7fffffff;
    if (x <= y && x <= z) out[n++] = lower![a++]!;
    else if (y <= z) out[n++] = upper![b++]!;
    else {
      out[n++] = z;
      c++;
    }
  }
  return out.subarray(0, n);
}

/** `word` (lower case) at `at` in any case. */
function matchesWord(s: string, at: number, word: string): boolean {
  if (at + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) if ((s.charCodeAt(at + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * What follows `Kamerstuk(ken)`: the dossier number in its usual form, five digits (`29 383`, `21 501-02`,
 * `35 300 VII`), then mostly `, nr. 406`; a chamber and year may come first (`II 2019/20,`). Text glued by
 * PDF extraction (`Kamerstuk 215`, a bare `Kamerstukken`) is then no reference.
 */
const KAMERSTUK_TAIL =
  /(?:[ \u00a0]+I{1,2}(?![\p{L}\d]))?(?:,?[ \u00a0]+\d{4}[/–-]\d{2,4})?,?[ \u00a0]+\d{2}[ \u00a0]?\d{3}(?!\d)(?:-[\dA-Za-z]+|[ \u00a0][IVXLC]+(?![\p{L}\d]))?(?:,?[ \u00a0]*nr\.?[ \u00a0]*\d+)?/uy;
/**
 * What follows `Aanhangsel`, up to its number, which it needs: ` Handelingen, vergaderjaar 2022–2023, nr. 844`,
 * ` Handelingen II 2022/23, nr. 844`.
 */
const AANHANGSEL_TAIL =
  /(?:[ \u00a0]+(?:van[ \u00a0]+de[ \u00a0]+)?Handelingen(?:[ \u00a0]+(?:II|TK)(?![\p{L}\d]))?)?(?:,?[ \u00a0]*(?:vergaderjaar[ \u00a0]*)?\d{4}[ \u00a0]*[/–-][ \u00a0]*\d{2,4})?,?[ \u00a0]*nr\.?[ \u00a0]*\d+/iuy;

/** Words that belong to the phrase before `vraag`: "zie ook mijn antwoord op vraag 7". */
const PHRASE_WORDS = [
  'zie', 'ook', 'tevens', 'mijn', 'het', 'de', 'antwoord', 'antwoorden', 'op', 'beantwoording', 'bij', 'naar',
] as const;

/** The phrase word that is `s[from, to)`, in any case, or undefined. */
function phraseWord(s: string, from: number, to: number): (typeof PHRASE_WORDS)[number] | undefined {
  for (const word of PHRASE_WORDS) if (word.length === to - from && matchesWord(s, from, word)) return word;
  return undefined;
}

/** Ranges longer than this give only their two ends as targets (a typo such as `1 t/m 100000`). */
export const MAX_IMPLIED_RANGE = 500;

/** A letter or digit: what may not touch a trigger word. Any non-ASCII character counts as a letter. */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  // Latin-1 and later letters; not the no-break space, « », ×, ÷, nor General Punctuation (’ “ ” …).
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f) && c !== 0x3000 && c !== 0xfeff;
}

function isLetter(c: number): boolean {
  // ASCII letters and the Latin-1/Latin Extended letters of Dutch text; enough for phrase words.
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** Extends the start of a mention backwards over phrase words ("zie ook mijn antwoord op"). */
function phraseStart(s: string, trigger: number): number {
  let start = trigger;
  let i = trigger;
  for (;;) {
    let j = i;
    while (j > 0 && isBlankChar(s.charCodeAt(j - 1))) j--;
    if (j === i && i !== trigger) break;
    let k = j;
    while (k > 0 && isLetter(s.charCodeAt(k - 1))) k--;
    if (k === j || phraseWord(s, k, j) === undefined) break;
    start = k;
    i = k;
  }
  return start;
}

/**
 * True when the phrase `s[start, trigger)` sends the reader on: it says "zie" or "naar", or "verwijs"
 * stands up to 60 characters before it on the line ("Ik verwijs u naar …").
 */
function delegates(s: string, start: number, trigger: number, lineStart: number): boolean {
  for (let i = start; i < trigger; i++) {
    if (i > start && isLetter(s.charCodeAt(i - 1))) continue;
    const word = matchesWord(s, i, 'zie') ? 3 : matchesWord(s, i, 'naar') ? 4 : 0;
    if (word > 0 && !isLetter(s.charCodeAt(i + word))) return true;
  }
  const from = Math.max(lineStart, start - 60);
  for (let i = from; i + 7 <= start; i++) {
    if (matchesWord(s, i, 'verwijs') && (i === from || !isAsciiWordChar(s.charCodeAt(i - 1)))
      && (i + 7 === start || !isAsciiWordChar(s.charCodeAt(i + 7)))) return true;
  }
  return false;
}

/** What `\b` in a regular expression takes for a word character. */
function isAsciiWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** A space, tab or no-break space: what may stand between the words and numbers of a mention. */
const isBlankChar = (c: number) => c === 32 || c === 0xa0 || c === 9;

function skipBlanks(s: string, at: number): number {
  while (at < s.length && isBlankChar(s.charCodeAt(at))) at++;
  return at;
}

// The number readers below return the offset of the digits they found, or -1; `digitsEnd` gives their end.
// Plain offsets, no objects: they run for every candidate mention.

/** The end of one to nine digits at `at` with no letter or digit glued after them, or -1. */
function digitsEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && i - at <= 9 && isDigit(s.charCodeAt(i))) i++;
  if (i === at || i - at > 9 || (i < s.length && isWordChar(s.charCodeAt(i)))) return -1;
  return i;
}

function digitsValue(s: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + (s.charCodeAt(i) - 48);
  return value;
}

/** `at` when digits stand there, else -1. */
function digitsStart(s: string, at: number): number {
  return digitsEnd(s, at) >= 0 ? at : -1;
}

/** ` 6`: the question number right after the trigger word (at least one space between). */
function firstNumber(s: string, at: number): number {
  const i = skipBlanks(s, at);
  return i > at ? digitsStart(s, i) : -1;
}

/** `, 8`, `, en 9` or ` en 9`: one more number of a list. */
function listNumber(s: string, at: number): number {
  let i = at;
  if (s.charCodeAt(i) === 44 /* , */) {
    i = skipBlanks(s, i + 1);
  } else {
    i = skipBlanks(s, i);
    if (i === at) return -1;
    if (!(s.startsWith('en', i) && isBlankChar(s.charCodeAt(i + 2)))) return -1;
  }
  if (s.startsWith('en', i) && isBlankChar(s.charCodeAt(i + 2))) i = skipBlanks(s, i + 2);
  return digitsStart(s, i);
}

/** ` t/m 5`, ` tot en met 5`, `-5`, `–5`: the end of a range. */
function rangeEnd(s: string, at: number): number {
  let i = skipBlanks(s, at);
  const c = s.charCodeAt(i);
  if (c === 45 /* - */ || c === 0x2013 /* – */) i++;
  else if (matchesWord(s, i, 't/m')) i += 3;
  else if (matchesWord(s, i, 'tot') && isBlankChar(s.charCodeAt(i + 3))) {
    i = skipBlanks(s, i + 3);
    if (!(matchesWord(s, i, 'en') && isBlankChar(s.charCodeAt(i + 2)))) return -1;
    i = skipBlanks(s, i + 2);
    if (!matchesWord(s, i, 'met')) return -1;
    i += 3;
  } else return -1;
  return digitsStart(s, skipBlanks(s, i));
}

/** Words that make a number after `vraag` a quantity, not a question: "de vraag 12 jaar geleden". */
const UNIT = /[ \t\u00a0]+(?:jaar|jaren|keer|maal|dag|dagen|weken|maanden|uur|minuten|procent|euro|miljoen|miljard|mensen|personen|%)(?![\p{L}\d])/uy;

function isQuantity(s: string, numberEnd: number): boolean {
  UNIT.lastIndex = numberEnd;
  return UNIT.test(s);
}

/** The numbers `readNumbers` read last: `found[0, foundCount)` (one list, reused, never shrunk). */
const found: number[] = [];
let foundCount = 0;

/**
 * Reads the numbers of a mention from `at` (just after `vraag`/`vragen`): ` 6`, ` 3, 8 en 9`,
 * ` 2 t/m 5`. Writes them to `found` (a range gives the numbers between too) and, when `targets` is
 * given, a target for each; returns the end of the last number, or -1 when no question number stands
 * there ("vraag 12 jaar geleden").
 */
function readNumbers(s: string, at: number, line: number, lineStart: number, targets: ReferenceTarget[] | null): number {
  foundCount = 0;
  const firstStart = firstNumber(s, at);
  if (firstStart < 0) return -1;
  const firstEnd = digitsEnd(s, firstStart);
  if (isQuantity(s, firstEnd)) return -1;
  let lastStart = firstStart;
  let lastEnd = firstEnd;
  let lastValue = digitsValue(s, firstStart, firstEnd);
  add(targets, lastValue, line, lastStart - lineStart, lastEnd - lineStart, false);
  for (;;) {
    const hiStart = rangeEnd(s, lastEnd);
    if (hiStart >= 0) {
      const hiEnd = digitsEnd(s, hiStart);
      const hi = digitsValue(s, hiStart, hiEnd);
      if (hi > lastValue && hi - lastValue <= MAX_IMPLIED_RANGE) {
        for (let n = lastValue + 1; n < hi; n++) add(targets, n, line, lastStart - lineStart, hiEnd - lineStart, true);
      }
      add(targets, hi, line, hiStart - lineStart, hiEnd - lineStart, false);
      lastStart = hiStart;
      lastEnd = hiEnd;
      lastValue = hi;
      continue;
    }
    const nextStart = listNumber(s, lastEnd);
    if (nextStart < 0) return lastEnd;
    const nextEnd = digitsEnd(s, nextStart);
    lastValue = digitsValue(s, nextStart, nextEnd);
    add(targets, lastValue, line, nextStart - lineStart, nextEnd - lineStart, false);
    lastStart = nextStart;
    lastEnd = nextEnd;
  }
}

function add(targets: ReferenceTarget[] | null, n: number, line: number, start: number, end: number, implied: boolean): void {
  found[foundCount++] = n;
  if (targets) targets.push(new LineReferenceTarget(n, line, start, end, implied));
}

/** `vraag` (5), `vragen` (6), `antwoord` (8) or `antwoorden` (10) standing as a word at `a`, or 0. */
function triggerLength(s: string, a: number): number {
  if (isWordChar(s.charCodeAt(a - 1))) return 0;
  const word = (s.charCodeAt(a) | 32) === 97 /* a */
    ? matchesWord(s, a, 'antwoorden') ? 10 : matchesWord(s, a, 'antwoord') ? 8 : 0
    : matchesWord(s, a, 'vraag') ? 5 : matchesWord(s, a, 'vragen') ? 6 : 0;
  return word > 0 && !isWordChar(s.charCodeAt(a + word)) ? word : 0;
}

/**
 * `antwoord` at `a` is no trigger here: outside an answer (a question is asked before any answer
 * exists, so "antwoord 6" there is another document's), or first on its line, after at most a bullet:
 * `Antwoord 3` is the label of an answer document pasted in, not a reference.
 */
function answerLabelOrElsewhere(s: string, a: number, lineStart: number, inPart: Reference['inPart']): boolean {
  if (inPart !== 'answer') return true;
  let i = a;
  while (i > lineStart && isBlankChar(s.charCodeAt(i - 1))) i--;
  if (i > lineStart && isBullet(s.charCodeAt(i - 1))) {
    i--;
    while (i > lineStart && isBlankChar(s.charCodeAt(i - 1))) i--;
  }
  return i === lineStart;
}

/** A mention of questions as the scanner found it: where it stands and its numbers. */
export interface MentionRecord {
  /** The line, and the offset in the text where it starts. */
  line: number;
  lineStart: number;
  /** Characters of the line: the phrase's start ("Zie antwoord"), the trigger word, the end of the last number. */
  start: number;
  trigger: number;
  end: number;
  /** The numbers named, `numbers[0, count)` (a range gives the numbers between too), in the order of its targets. */
  numbers: readonly number[];
  count: number;
  /** The number of the block it stands in, or null. */
  fromQuestion: number | null;
  inPart: Reference['inPart'];
  /** The phrase sends the reader on ("zie", "naar", "verwijs"). */
  delegates: boolean;
}

/** Where the scanner writes the mentions it finds. The record is reused: read it, do not keep it. */
export interface MentionSink {
  addReference(mention: MentionRecord): void;
}

/** The record `scanLineAt` fills for each mention (one, reused: scanning makes no object per mention). */
const mention: MentionRecord = {
  line: 0, lineStart: 0, start: 0, trigger: 0, end: 0, numbers: found, count: 0, fromQuestion: null, inPart: 'question', delegates: false,
};

/**
 * Scans line number `line`, which starts at offset `lineStart` of `text`, for question mentions at the
 * candidate positions `anchors[from, to)` (offsets in `text`, from `mergeAnchors`); appends what it
 * finds to `out`. The mentions stand in block `fromQuestion`, in part `inPart`.
 *
 * The line is read where it stands in the whole text (plain numbers, no objects: this runs for every
 * line with a candidate). Nothing needs the line's end: every reader stops at a character that cannot
 * end a line (a letter, digit or blank), and `\n`/`\r` are none of those.
 */
export function scanLineAt(
  s: string, line: number, lineStart: number, anchors: Int32Array, from: number, to: number,
  fromQuestion: number | null, inPart: Reference['inPart'], out: MentionSink,
): void {
  let consumed = 0;
  for (let k = from; k < to; k++) {
    const a = anchors[k]!;
    if (a < consumed) continue;
    const word = triggerLength(s, a);
    if (word === 0 || (word >= 8 && answerLabelOrElsewhere(s, a, lineStart, inPart))) continue;
    const end = readNumbers(s, a + word, line, lineStart, null);
    if (end < 0) continue;
    const start = phraseStart(s, a);
    if (followsExternal(s, start, lineStart) || precedesExternal(s, end)) {
      consumed = end;
      continue;
    }
    mention.line = line;
    mention.lineStart = lineStart;
    mention.start = start - lineStart;
    mention.trigger = a - lineStart;
    mention.end = end - lineStart;
    mention.count = foundCount;
    mention.fromQuestion = fromQuestion;
    mention.inPart = inPart;
    mention.delegates = delegates(s, start, a, lineStart);
    out.addReference(mention);
    consumed = end;
  }
}

/**
 * A mention of questions: reference `index` of `table`, which holds where it stands and its numbers. Its
 * targets (with their ranges) are read again from the text when first asked for, since checking a
 * document needs only the numbers (a 72 MB document has 100,000 targets: bench/README.md).
 */
export class LineReference implements Reference {
  private madeNumbers: readonly number[] | undefined = undefined;
  private madeTargets: readonly ReferenceTarget[] | undefined = undefined;

  constructor(
    private readonly table: QuestionRows,
    private readonly index: number,
  ) {}

  get range(): Range {
    const { table, index } = this;
    return lineRange(table.referenceLine(index), table.referenceStart(index), table.referenceEnd(index));
  }

  get fromQuestion(): number | null {
    return this.table.fromQuestion(this.index);
  }

  get inPart(): Reference['inPart'] {
    return this.table.inPart(this.index);
  }

  get delegates(): boolean {
    return this.table.delegates(this.index);
  }

  get numbers(): readonly number[] {
    const { table, index } = this;
    return (this.madeNumbers ??= Array.from({ length: table.targetCount(index) }, (_, k) => table.targetNumber(index, k)));
  }

  get targets(): readonly ReferenceTarget[] {
    if (!this.madeTargets) {
      const { table, index } = this;
      const text = table.lines.text;
      const targets: ReferenceTarget[] = [];
      const lineStart = table.referenceLineStart(index);
      const a = lineStart + table.referenceTrigger(index);
      readNumbers(text, a + triggerLength(text, a), table.referenceLine(index), lineStart, targets);
      this.madeTargets = targets;
    }
    return this.madeTargets;
  }

  toJSON(): Reference {
    const { range, targets, numbers, fromQuestion, inPart, delegates } = this;
    return { range, targets, numbers, fromQuestion, inPart, delegates };
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

/** The end of a zaaknummer or document number, or of `nr. 844` after Kamerstuk or Aanhangsel. */
const EXTERNAL_END = /(?:(?<![\p{L}\d])\d{4}[ZD]\d{5}|(?:Kamerstuk(?:ken)?|Aanhangsel)\b[^()]{0,60}?\bnr\.?[ \u00a0]*\d+)$/u;

/**
 * "(2024Z16988, vraag 2)", "(2024Z16988), vraag 2" or "Kamerstuk 29 383, nr. 406, vraag 3": the question
 * is the other document's.
 */
function followsExternal(s: string, phraseStart: number, lineStart: number): boolean {
  // Skip the separators between the other document's number and the question: `, `, ` (`, `), `, `; `.
  let end = phraseStart;
  for (let c = s.charCodeAt(end - 1); isBlankChar(c) || c === 44 || c === 59 || c === 58 || c === 40 || c === 41; c = s.charCodeAt(end - 1)) end--;
  return end > lineStart && isDigit(s.charCodeAt(end - 1)) && EXTERNAL_END.test(s.slice(Math.max(lineStart, end - 100), end));
}

/** After the numbers: "van het lid Omtzigt", "van de leden …", "uit de (schriftelijke) vragen van …". */
const OTHER_ASKERS =
  /[ \t\u00a0]+(?:van[ \t\u00a0]+(?:het[ \t\u00a0]+(?:kamer)?lid|de[ \t\u00a0]+(?:kamer)?leden)|uit[ \t\u00a0]+de[ \t\u00a0]+(?:\p{L}+[ \t\u00a0]+)?(?:kamer)?vragen)(?![\p{L}\d])/iuy;

/**
 * "vraag 3 van het lid Omtzigt (2024Z12345)", "vraag 5 (2024Z12345)", "vraag 5, Kamerstuk 29 383, nr. 406":
 * the question is the other document's, named after the numbers that end at `end`.
 */
function precedesExternal(s: string, end: number): boolean {
  let i = end;
  for (let c = s.charCodeAt(i); isBlankChar(c) || c === 44 || c === 58 || c === 40; c = s.charCodeAt(++i));
  if (i === end) return false;
  const c = s.charCodeAt(i);
  if (isDigit(c) || c === 75 /* K */ || c === 65 /* A */) return externalEnd(s, i) > 0;
  // Most mentions end a sentence or go on with another word: the expression runs only before `van`/`uit`.
  if ((c | 32) !== 118 /* v */ && (c | 32) !== 117 /* u */) return false;
  OTHER_ASKERS.lastIndex = end;
  return OTHER_ASKERS.test(s);
}

/**
 * The end of the reference to another document that starts at `at` (its first letter or digit, nothing
 * glued before it): a zaaknummer `2024Z16988`, a document number `2023D39037`, `Kamerstuk 29 383, nr. 406`
 * or `Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844`; or -1.
 */
function externalEnd(s: string, at: number): number {
  const c = s.charCodeAt(at);
  if (isDigit(c)) {
    // 2024Z16988: four digits, Z or D, five digits, nothing glued after.
    const letter = s.charCodeAt(at + 4);
    if (letter !== 90 /* Z */ && letter !== 68 /* D */) return -1;
    const end = at + 10;
    if (end > s.length || (end < s.length && isWordChar(s.charCodeAt(end)))) return -1;
    for (let i = at; i < end; i++) if (i !== at + 4 && !isDigit(s.charCodeAt(i))) return -1;
    return end;
  }
  if (c !== 75 /* K */ && c !== 65 /* A */) return -1;
  const word = c === 75 ? (matchesWord(s, at, 'kamerstukken') ? 'kamerstukken' : 'kamerstuk') : 'aanhangsel';
  const end = at + word.length;
  if (!matchesWord(s, at, word) || (end < s.length && isWordChar(s.charCodeAt(end)))) return -1;
  const tail = c === 75 ? KAMERSTUK_TAIL : AANHANGSEL_TAIL;
  tail.lastIndex = end;
  return tail.test(s) ? tail.lastIndex : -1;
}

/**
 * References to other documents in one line: zaaknummers (`2024Z16988`), document numbers
 * (`2023D39037`), `Kamerstuk 29 383, nr. 406`, `Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844`.
 * `offset` is the character of `s` in its line (for a trimmed paragraph).
 */
export function scanExternals(s: string, line: number, offset: number, out: ExternalReference[]): void {
  const found: number[] = [];
  for (const a of ['Z', 'D', 'K', 'A']) {
    for (let i = s.indexOf(a); i !== -1; i = s.indexOf(a, i + 1)) found.push(i);
  }
  found.sort((x, y) => x - y);
  let consumed = 0;
  for (const anchor of found) {
    const c = s.charCodeAt(anchor);
    // A zaaknummer or document number starts four digits before its Z or D.
    const at = c === 90 /* Z */ || c === 68 /* D */ ? anchor - 4 : anchor;
    if (at < consumed || at < 0 || (at > 0 && isWordChar(s.charCodeAt(at - 1)))) continue;
    const end = externalEnd(s, at);
    if (end < 0) continue;
    const kind = c === 90 ? 'zaaknummer' : c === 68 ? 'documentnummer' : c === 75 ? 'kamerstuk' : 'aanhangsel';
    out.push({ kind, text: s.slice(at, end), range: lineRange(line, offset + at, offset + end) });
    consumed = end;
  }
}
