/**
 * Finds mentions of questions ("Zie antwoord vraag 6", "de vragen 1 tot en met 4") and references to
 * other documents (zaaknummers, Kamerstukken, Aanhangsel numbers) in one line of text.
 *
 * One left-to-right pass with a single global regular expression to find the trigger words, and
 * sticky expressions anchored right after them to read the numbers. No expression has nested
 * quantifiers, so none can backtrack catastrophically.
 */
import type { ExternalReference, Reference, ReferenceTarget } from './model';
import { lineRange } from './lines';

/**
 * The words that start a scan: `vraag`/`vragen` (a question mention), a zaaknummer (`2024Z16988`) or
 * document number (`2023D39037`), `Kamerstuk(ken)`, `Aanhangsel`.
 */
// Kept free of lookbehind and of the `u` flag so that V8 runs it as fast native code; the word
// boundaries are checked in `scanLine`.
const TRIGGER = /(vra(?:ag|gen))|(\d{4}[ZD]\d{5})|(kamerstuk(?:ken)?)|(aanhangsel)/gi;

/** A question number right after the trigger word. */
const FIRST_NUMBER = /[ \u00a0]+(\d{1,9})(?![\d\p{L}])/uy;
/** `, 8` or `, en 9` or ` en 9`: one more number in a list. */
const LIST_NUMBER = /(?:,[ \u00a0]*(?:en[ \u00a0]+)?|[ \u00a0]+en[ \u00a0]+)(\d{1,9})(?![\d\p{L}])/uy;
/** ` t/m 5`, ` tot en met 5`, `-5`: the end of a range. */
const RANGE_END = /[ \u00a0]*(?:t\/m|tot[ \u00a0]+en[ \u00a0]+met|-|–)[ \u00a0]*(\d{1,9})(?![\d\p{L}])/iuy;
/** What follows `Kamerstuk`: `29 383, nr. 406`, `21 501-02, nr. 2733`. */
const KAMERSTUK_TAIL = /[ \u00a0]+\d{1,3}(?:[ \u00a0]\d{3})*(?:-[\dA-Za-z]+)?(?:,?[ \u00a0]*nr\.?[ \u00a0]*\d+)?/uy;
/** What follows `Aanhangsel`: ` Handelingen, vergaderjaar 2022–2023, nr. 844`. */
const AANHANGSEL_TAIL =
  /(?:[ \u00a0]+(?:van[ \u00a0]+de[ \u00a0]+)?Handelingen(?:[ \u00a0]+(?:II|TK))?)?(?:,?[ \u00a0]*vergaderjaar[ \u00a0]*\d{4}[ \u00a0]*[–-][ \u00a0]*\d{4})?(?:,?[ \u00a0]*nr\.?[ \u00a0]*\d+)?/iuy;

/** Words that belong to the phrase before `vraag`: "zie ook mijn antwoord op vraag 7". */
const PHRASE_WORDS = new Set([
  'zie', 'ook', 'tevens', 'mijn', 'het', 'de', 'antwoord', 'antwoorden', 'op', 'beantwoording', 'bij', 'naar',
]);

/** Ranges longer than this give only their two ends as targets (a typo such as `1 t/m 100000`). */
export const MAX_IMPLIED_RANGE = 500;

export interface LineContext {
  readonly line: number;
  readonly fromQuestion: number | null;
  readonly inPart: Reference['inPart'];
}

export interface LineFindings {
  references: Reference[];
  externals: ExternalReference[];
}

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

/** Extends the start of a mention backwards over phrase words; tells whether it sends the reader on. */
function phraseStart(s: string, trigger: number): { start: number; delegates: boolean } {
  let start = trigger;
  let delegates = false;
  let i = trigger;
  for (;;) {
    let j = i;
    while (j > 0 && (s.charCodeAt(j - 1) === 32 || s.charCodeAt(j - 1) === 0xa0)) j--;
    if (j === i && i !== trigger) break;
    let k = j;
    while (k > 0 && isLetter(s.charCodeAt(k - 1))) k--;
    if (k === j) break;
    const word = s.slice(k, j).toLowerCase();
    if (!PHRASE_WORDS.has(word)) break;
    if (word === 'zie' || word === 'naar') delegates = true;
    start = k;
    i = k;
  }
  return { start, delegates };
}

function readNumber(re: RegExp, s: string, at: number): { value: number; start: number; end: number } | null {
  re.lastIndex = at;
  const m = re.exec(s);
  if (!m) return null;
  const end = re.lastIndex;
  const digits = m[1]!;
  return { value: Number(digits), start: end - digits.length, end };
}

/** Scans one line; appends what it finds to `out`. */
export function scanLine(s: string, ctx: LineContext, out: LineFindings): void {
  const line = ctx.line;
  let externalEnd = -1;
  TRIGGER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TRIGGER.exec(s)) !== null) {
    const at = m.index;
    let end = TRIGGER.lastIndex;
    if ((at > 0 && isWordChar(s.charCodeAt(at - 1))) || (end < s.length && isWordChar(s.charCodeAt(end)))) {
      TRIGGER.lastIndex = at + 1;
      continue;
    }
    if (m[2] !== undefined) {
      const kind = (m[2].charCodeAt(4) | 32) === 122 /* z */ ? 'zaaknummer' : 'documentnummer';
      out.externals.push({ kind, text: m[2], range: lineRange(line, at, end) });
      externalEnd = end;
      continue;
    }
    if (m[3] !== undefined || m[4] !== undefined) {
      const tail = m[3] !== undefined ? KAMERSTUK_TAIL : AANHANGSEL_TAIL;
      tail.lastIndex = end;
      if (tail.exec(s)) end = tail.lastIndex;
      out.externals.push({ kind: m[3] !== undefined ? 'kamerstuk' : 'aanhangsel', text: s.slice(at, end), range: lineRange(line, at, end) });
      externalEnd = end;
      TRIGGER.lastIndex = end;
      continue;
    }
    // `vraag` / `vragen`
    const first = readNumber(FIRST_NUMBER, s, end);
    if (!first) continue;
    const phrase = phraseStart(s, at);
    if (externalEnd >= 0 && belongsToExternal(s, externalEnd, phrase.start)) continue;
    const targets: ReferenceTarget[] = [{ number: first.value, range: lineRange(line, first.start, first.end), implied: false }];
    let last = first;
    let pos = first.end;
    for (;;) {
      const rangeEnd = readNumber(RANGE_END, s, pos);
      if (rangeEnd) {
        const from = last.value;
        const to = rangeEnd.value;
        if (to > from && to - from <= MAX_IMPLIED_RANGE) {
          const whole = lineRange(line, last.start, rangeEnd.end);
          for (let n = from + 1; n < to; n++) targets.push({ number: n, range: whole, implied: true });
        }
        targets.push({ number: to, range: lineRange(line, rangeEnd.start, rangeEnd.end), implied: false });
        last = rangeEnd;
        pos = rangeEnd.end;
        continue;
      }
      const next = readNumber(LIST_NUMBER, s, pos);
      if (next) {
        targets.push({ number: next.value, range: lineRange(line, next.start, next.end), implied: false });
        last = next;
        pos = next.end;
        continue;
      }
      break;
    }
    out.references.push({
      range: lineRange(line, phrase.start, pos),
      targets,
      fromQuestion: ctx.fromQuestion,
      inPart: ctx.inPart,
      delegates: phrase.delegates || /\bverwijs\b/i.test(s.slice(Math.max(0, phrase.start - 60), phrase.start)),
    });
    TRIGGER.lastIndex = pos;
  }
}

/** "Kamerstuk 29 383, nr. 406, vraag 3" or "(2024Z16988, vraag 2)": the question is the other document's. */
function belongsToExternal(s: string, externalEnd: number, phraseStart: number): boolean {
  if (phraseStart < externalEnd) return true;
  for (let i = externalEnd; i < phraseStart; i++) {
    const c = s.charCodeAt(i);
    if (!(c === 32 || c === 0xa0 || c === 44 /* , */ || c === 59 /* ; */ || c === 58 /* : */ || c === 40 /* ( */)) return false;
  }
  return true;
}
