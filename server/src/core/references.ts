/**
 * Finds mentions of questions ("Zie antwoord vraag 6", "de vragen 1 tot en met 4") in one line of
 * text, and references to other documents (zaaknummers, Kamerstukken, Aanhangsel numbers).
 *
 * Candidate positions come from a fast search with `indexOf` (`findAnchors`); at each, the trigger
 * word is compared by hand and sticky expressions anchored right after it read the numbers.
 * No expression has nested quantifiers, so none can backtrack catastrophically.
 */
import type { ExternalReference, Reference, ReferenceTarget } from './model';
import { lineRange } from './lines';

/**
 * Where a question mention may start. Searching the text with `indexOf` (which V8 runs as a fast
 * memory scan) for `vra` (vraag, vragen) and `V` (Vraag, VRAGEN) is several times faster than one
 * regular expression over every character.
 */
export function findAnchors(text: string): Int32Array {
  const lower: number[] = [];
  for (let i = text.indexOf('vra'); i !== -1; i = text.indexOf('vra', i + 1)) lower.push(i);
  const upper: number[] = [];
  for (let i = text.indexOf('V'); i !== -1; i = text.indexOf('V', i + 1)) upper.push(i);
  // Merge the two ascending lists.
  const out = new Int32Array(lower.length + upper.length);
  let a = 0;
  let b = 0;
  for (let k = 0; k < out.length; k++) {
    out[k] = b >= upper.length || (a < lower.length && lower[a]! < upper[b]!) ? lower[a++]! : upper[b++]!;
  }
  return out;
}

/** `word` (lower case) at `at` in any case. */
function matchesWord(s: string, at: number, word: string): boolean {
  if (at + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) if ((s.charCodeAt(at + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

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

interface NumberRead {
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

const isBlankChar = (c: number) => c === 32 || c === 0xa0;

function skipBlanks(s: string, at: number): number {
  while (at < s.length && isBlankChar(s.charCodeAt(at))) at++;
  return at;
}

/** One to nine digits at `at`, with no letter or digit glued after them. */
function digitsAt(s: string, at: number): NumberRead | null {
  let i = at;
  while (i < s.length && i - at <= 9 && isDigit(s.charCodeAt(i))) i++;
  if (i === at || i - at > 9 || (i < s.length && isWordChar(s.charCodeAt(i)))) return null;
  return { value: Number(s.slice(at, i)), start: at, end: i };
}

/** ` 6`: the question number right after the trigger word (at least one space between). */
function firstNumber(s: string, at: number): NumberRead | null {
  const i = skipBlanks(s, at);
  return i > at ? digitsAt(s, i) : null;
}

/** `, 8`, `, en 9` or ` en 9`: one more number of a list. */
function listNumber(s: string, at: number): NumberRead | null {
  let i = at;
  if (s.charCodeAt(i) === 44 /* , */) {
    i = skipBlanks(s, i + 1);
  } else {
    i = skipBlanks(s, i);
    if (i === at) return null;
    if (!(s.startsWith('en', i) && isBlankChar(s.charCodeAt(i + 2)))) return null;
  }
  if (s.startsWith('en', i) && isBlankChar(s.charCodeAt(i + 2))) i = skipBlanks(s, i + 2);
  return digitsAt(s, i);
}

/** ` t/m 5`, ` tot en met 5`, `-5`, `–5`: the end of a range. */
function rangeEnd(s: string, at: number): NumberRead | null {
  let i = skipBlanks(s, at);
  const c = s.charCodeAt(i);
  if (c === 45 /* - */ || c === 0x2013 /* – */) i++;
  else if (matchesWord(s, i, 't/m')) i += 3;
  else if (matchesWord(s, i, 'tot') && isBlankChar(s.charCodeAt(i + 3))) {
    i = skipBlanks(s, i + 3);
    if (!(matchesWord(s, i, 'en') && isBlankChar(s.charCodeAt(i + 2)))) return null;
    i = skipBlanks(s, i + 2);
    if (!matchesWord(s, i, 'met')) return null;
    i += 3;
  } else return null;
  return digitsAt(s, skipBlanks(s, i));
}

/** Words that make a number after `vraag` a quantity, not a question: "de vraag 12 jaar geleden". */
const UNIT = /^[ \u00a0]+(?:jaar|jaren|keer|maal|dag|dagen|weken|maanden|uur|minuten|procent|euro|miljoen|miljard|mensen|personen|%)(?![\p{L}\d])/u;

function isQuantity(s: string, numberEnd: number): boolean {
  return UNIT.test(s.slice(numberEnd, numberEnd + 12));
}

/** A slice of the anchors of the whole text that fall on one line. */
export interface LineAnchors {
  readonly anchors: Int32Array;
  readonly from: number;
  readonly to: number;
  /** Offset of the line's first character in the text. */
  readonly lineStart: number;
}

/**
 * Scans one line; appends what it finds to `out`. `anchors` are the candidate positions on this line
 * (from `findAnchors` over the whole text); without them the line is searched on its own.
 */
export function scanLine(s: string, ctx: LineContext, out: LineFindings, anchors?: LineAnchors): void {
  const own = anchors ?? { anchors: findAnchors(s), from: 0, to: -1, lineStart: 0 };
  const to = own.to < 0 ? own.anchors.length : own.to;
  const line = ctx.line;
  let consumed = 0;
  for (let k = own.from; k < to; k++) {
    const at = own.anchors[k]! - own.lineStart;
    if (at < consumed || (at > 0 && isWordChar(s.charCodeAt(at - 1)))) continue;
    // `vraag` / `vragen`
    const word = matchesWord(s, at, 'vraag') ? 5 : matchesWord(s, at, 'vragen') ? 6 : 0;
    if (word === 0 || (at + word < s.length && isWordChar(s.charCodeAt(at + word)))) continue;
    const first = firstNumber(s, at + word);
    if (!first || isQuantity(s, first.end)) continue;
    const phrase = phraseStart(s, at);
    if (followsExternal(s, phrase.start)) continue;
    const targets: ReferenceTarget[] = [{ number: first.value, range: lineRange(line, first.start, first.end), implied: false }];
    let last = first;
    let pos = first.end;
    for (;;) {
      const end = rangeEnd(s, pos);
      if (end) {
        const from = last.value;
        const upto = end.value;
        if (upto > from && upto - from <= MAX_IMPLIED_RANGE) {
          const whole = lineRange(line, last.start, end.end);
          for (let n = from + 1; n < upto; n++) targets.push({ number: n, range: whole, implied: true });
        }
        targets.push({ number: upto, range: lineRange(line, end.start, end.end), implied: false });
        last = end;
        pos = end.end;
        continue;
      }
      const next = listNumber(s, pos);
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
      delegates: phrase.delegates || VERWIJS.test(s.slice(Math.max(0, phrase.start - 60), phrase.start)),
    });
    consumed = pos;
  }
}

const VERWIJS = /\bverwijs\b/i;

/** The end of a zaaknummer or document number, or of `nr. 844` after Kamerstuk or Aanhangsel. */
const EXTERNAL_END = /(?:(?<![\p{L}\d])\d{4}[ZD]\d{5}|(?:Kamerstuk(?:ken)?|Aanhangsel)\b[^()]{0,60}?\bnr\.?[ \u00a0]*\d+)$/u;

/** "(2024Z16988, vraag 2)" or "Kamerstuk 29 383, nr. 406, vraag 3": the question is the other document's. */
function followsExternal(s: string, phraseStart: number): boolean {
  // Skip the separators between the other document's number and the question: `, `, ` (`, `; `.
  let end = phraseStart;
  for (let c = s.charCodeAt(end - 1); c === 32 || c === 0xa0 || c === 44 || c === 59 || c === 58 || c === 40; c = s.charCodeAt(end - 1)) end--;
  return end > 0 && isDigit(s.charCodeAt(end - 1)) && EXTERNAL_END.test(s.slice(Math.max(0, end - 100), end));
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
  for (const at of found) {
    if (at < consumed) continue;
    const c = s.charCodeAt(at);
    if (c === 90 /* Z */ || c === 68 /* D */) {
      // 2024Z16988: four digits before, five after, nothing glued on either side.
      const start = at - 4;
      const end = at + 6;
      if (start < 0 || end > s.length) continue;
      let ok = !(start > 0 && isWordChar(s.charCodeAt(start - 1))) && !(end < s.length && isWordChar(s.charCodeAt(end)));
      for (let i = start; ok && i < end; i++) if (i !== at && !isDigit(s.charCodeAt(i))) ok = false;
      if (!ok) continue;
      out.push({ kind: c === 90 ? 'zaaknummer' : 'documentnummer', text: s.slice(start, end), range: lineRange(line, offset + start, offset + end) });
      consumed = end;
      continue;
    }
    if (at > 0 && isWordChar(s.charCodeAt(at - 1))) continue;
    const word = c === 75 ? (matchesWord(s, at, 'kamerstukken') ? 'kamerstukken' : 'kamerstuk') : 'aanhangsel';
    let end = at + word.length;
    if (!matchesWord(s, at, word) || (end < s.length && isWordChar(s.charCodeAt(end)))) continue;
    const tail = c === 75 ? KAMERSTUK_TAIL : AANHANGSEL_TAIL;
    tail.lastIndex = end;
    if (tail.exec(s)) end = tail.lastIndex;
    out.push({ kind: c === 75 ? 'kamerstuk' : 'aanhangsel', text: s.slice(at, end), range: lineRange(line, offset + at, offset + end) });
    consumed = end;
  }
}
