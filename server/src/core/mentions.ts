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
import { isAsciiWordChar, isBlankChar, isLetter, isWordChar, matchesWord } from './chars';
import { followsExternal, precedesExternal } from './externals';
import { digitsEnd, digitsValue, firstNumber, isQuantity, listNumber, rangeEnd, writtenEnd } from './mentionNumbers';

export { isRangeEnd } from './mentionNumbers';

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
  let lastEnd = writtenEnd(s, firstEnd);
  if (isQuantity(s, lastEnd)) return -1;
  let lastStart = firstStart;
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
