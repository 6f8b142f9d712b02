/**
 * Finds mentions of questions ("Zie antwoord vraag 6", "de vragen 1 tot en met 4", in answers also
 * "zie antwoord 6") in one line of text; a mention that names another document's question is left out
 * (externals.ts reads those documents' numbers).
 *
 * Candidate positions come from a fast search with `indexOf` (anchors.ts, `AnchorReader`); at each, the trigger
 * word is compared by hand, and the numbers after it are read by hand too (plain offsets, no objects);
 * sticky expressions read only what is rarer (units after a number, other documents' numbers, other askers).
 * No expression has nested quantifiers, so none can backtrack catastrophically. The scanner writes what
 * it finds to a `MentionSink` (the document's `QuestionTable`).
 */
import type { QuestionRows, Range, Reference, ReferenceTarget } from './model';
import { isBullet } from './headings';
import { lineRange } from './lines';
import { isAsciiWordChar, isBlankChar, isDigit, isLetter, isWordChar, matchesWord, skipBlanks } from './chars';
import { followsExternal, precedesExternal } from './externals';

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

/** `.`, `?`, `!`, `;`: where a sentence (or a clause that stands alone) ends. */
const isSentenceEnd = (c: number): boolean => c === 46 || c === 63 || c === 33 || c === 59;

/**
 * `zie` at `i` is the imperative that starts a clause ("Zie hiervoor …", "Ja, zie …", "(zie de beantwoording
 * …"): the line, a sentence, a `(`, `,`, `:` or a dash before it; not the verb of "Ik zie dat vraag 2 …".
 */
function saysSee(s: string, i: number, lineStart: number): boolean {
  let j = i;
  while (j > lineStart && isBlankChar(s.charCodeAt(j - 1))) j--;
  if (j === lineStart) return true;
  const c = s.charCodeAt(j - 1);
  return isSentenceEnd(c) || c === 40 /* ( */ || c === 44 /* , */ || c === 58 /* : */ || c === 45 /* - */ || c === 0x2013 /* – */;
}

/**
 * True when the phrase `s[start, trigger)` sends the reader on: it says "zie" or "naar", or "verwijs"
 * stands up to 60 characters before it on the line ("Ik verwijs u naar …"), or "zie" does in its sentence
 * ("Zie hiervoor het antwoord op vraag 2", "Zie de beantwoording van vraag 1").
 */
function delegates(s: string, start: number, trigger: number, lineStart: number): boolean {
  for (let i = start; i < trigger; i++) {
    if (i > start && isLetter(s.charCodeAt(i - 1))) continue;
    const word = matchesWord(s, i, 'zie') ? 3 : matchesWord(s, i, 'naar') ? 4 : 0;
    if (word > 0 && !isLetter(s.charCodeAt(i + word))) return true;
  }
  const from = Math.max(lineStart, start - 60);
  for (let i = start - 3; i >= from && !isSentenceEnd(s.charCodeAt(i + 2)); i--) {
    if (matchesWord(s, i, 'zie') && !isLetter(s.charCodeAt(i + 3)) && saysSee(s, i, lineStart)) return true;
  }
  for (let i = from; i + 7 <= start; i++) {
    if (matchesWord(s, i, 'verwijs') && (i === from || !isAsciiWordChar(s.charCodeAt(i - 1)))
      && (i + 7 === start || !isAsciiWordChar(s.charCodeAt(i + 7)))) return true;
  }
  return false;
}


// The number readers below return the offset of the digits they found, or -1; `digitsEnd` gives their end.
// Plain offsets, no objects: they run for every candidate mention.

/**
 * The end of one to nine digits at `at` with no letter or digit glued after them (but a sub-question's
 * letter: `2a`), or -1.
 */
function digitsEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && i - at <= 9 && isDigit(s.charCodeAt(i))) i++;
  if (i === at || i - at > 9 || (i < s.length && isWordChar(s.charCodeAt(i)) && writtenEnd(s, i) === i)) return -1;
  return i;
}

/**
 * Where a number whose digits end at `end` ends as written: after a sub-question's letter glued to it
 * ("vraag 2a en 2b": one of a–h, nothing of a word after it), which names a part of that question.
 */
function writtenEnd(s: string, end: number): number {
  const c = s.charCodeAt(end);
  return c >= 97 && c <= 104 && !isWordChar(s.charCodeAt(end + 1)) ? end + 1 : end;
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

/** The length of `en`, `of` or `en/of` at `i` followed by a blank (the word before a list's last number), or 0. */
function conjunctionLength(s: string, i: number): number {
  const n = s.startsWith('en/of', i) ? 5 : s.startsWith('en', i) || s.startsWith('of', i) ? 2 : 0;
  return n > 0 && isBlankChar(s.charCodeAt(i + n)) ? n : 0;
}

/** `, 8`, `, en 9`, ` en 9`, ` of 9` or ` en/of 9`: one more number of a list. */
function listNumber(s: string, at: number): number {
  let i = at;
  if (s.charCodeAt(i) === 44 /* , */) {
    i = skipBlanks(s, i + 1);
  } else {
    i = skipBlanks(s, i);
    if (i === at) return -1;
    if (conjunctionLength(s, i) === 0) return -1;
  }
  const conjunction = conjunctionLength(s, i);
  if (conjunction > 0) i = skipBlanks(s, i + conjunction);
  return digitsStart(s, i);
}

/** `vraag ` or `vragen ` at `i` (the word written again before a range's end: "vraag 1 tot en met vraag 3"): its end with the blanks after it, else `i`. */
function afterQuestionWord(s: string, i: number): number {
  const word = matchesWord(s, i, 'vraag') ? 5 : matchesWord(s, i, 'vragen') ? 6 : 0;
  return word > 0 && isBlankChar(s.charCodeAt(i + word)) ? skipBlanks(s, i + word) : i;
}

/** ` t/m 5`, ` tot en met 5`, `-5`, `–5`, ` t/m vraag 5`: the end of a range. */
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
  const blank = skipBlanks(s, i);
  return digitsStart(s, blank > i ? afterQuestionWord(s, blank) : blank);
}

/** Before a number: the `t/m`, `tot en met`, `-` or `–` of a range whose end it is (and perhaps `vraag` again). */
const RANGE_BEFORE = /(?:[-\u2013]|t\/m|tot[ \t\u00a0]+en[ \t\u00a0]+met)[ \t\u00a0]*(?:vra(?:ag|gen)[ \t\u00a0]+)?$/i;

/**
 * Whether the number at `[start, end)` of `line` is an end of a range (`2 t/m 5`, `4-5`: written, and
 * perhaps with no number between), whose meaning a change of the number would change.
 */
export function isRangeEnd(line: string, start: number, end: number): boolean {
  return rangeEnd(line, end) >= 0 || RANGE_BEFORE.test(line.slice(Math.max(0, start - 24), start));
}

/**
 * Words that make a number after `vraag` a quantity or a date, not a question: "de vraag 12 jaar geleden",
 * "de vragen 14 juli 2021".
 */
const UNIT = /[ \t\u00a0]+(?:jaar|jaren|keer|maal|dag|dagen|weken|maanden|uur|minuten|procent|euro|miljoen|miljard|mensen|personen|%|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)(?![\p{L}\d])/uy;

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
  // A target covers the digits; the reading goes on after the number as written (`2a`).
  if (isQuantity(s, writtenEnd(s, firstEnd))) return -1;
  let lastStart = firstStart;
  let lastEnd = writtenEnd(s, firstEnd);
  let lastValue = digitsValue(s, firstStart, firstEnd);
  add(targets, lastValue, line, lastStart - lineStart, firstEnd - lineStart, false);
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
      lastEnd = writtenEnd(s, hiEnd);
      lastValue = hi;
      continue;
    }
    const nextStart = listNumber(s, lastEnd);
    if (nextStart < 0) return lastEnd;
    const nextEnd = digitsEnd(s, nextStart);
    lastValue = digitsValue(s, nextStart, nextEnd);
    add(targets, lastValue, line, nextStart - lineStart, nextEnd - lineStart, false);
    lastStart = nextStart;
    lastEnd = writtenEnd(s, nextEnd);
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
