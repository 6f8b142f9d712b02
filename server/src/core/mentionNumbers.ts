/**
 * The numbers of a mention as they are written after `vraag`/`vragen`/`antwoord`: one (` 6`), a list
 * (` 3, 8 en 9`, ` 2, 3 of 4`), a range (` 2 t/m 5`, ` 1 tot en met vraag 3`), a sub-question's letter glued
 * to a number (`2a`); and what makes a number none (a quantity, a date). Read by `mentions.ts`.
 */
import { isBlankChar, isDigit, isWordChar, matchesWord, skipBlanks } from './chars';
import { MONTHS } from './dates';

// The number readers below return the offset of the digits they found, or -1; `digitsEnd` gives their end.
// Plain offsets, no objects: they run for every candidate mention.

/**
 * The end of one to nine digits at `at` with no letter or digit glued after them (but a sub-question's
 * letter: `2a`), or -1.
 */
export function digitsEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && i - at <= 9 && isDigit(s.charCodeAt(i))) i++;
  if (i === at || i - at > 9 || (i < s.length && isWordChar(s.charCodeAt(i)) && writtenEnd(s, i) === i)) return -1;
  return i;
}

/**
 * Where a number whose digits end at `end` ends as written: after a sub-question's letter glued to it
 * ("vraag 2a en 2b": one of a–h, nothing of a word after it), which names a part of that question.
 */
export function writtenEnd(s: string, end: number): number {
  const c = s.charCodeAt(end);
  return c >= 97 && c <= 104 && !isWordChar(s.charCodeAt(end + 1)) ? end + 1 : end;
}

export function digitsValue(s: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + (s.charCodeAt(i) - 48);
  return value;
}

/** `at` when digits stand there, else -1. */
export function digitsStart(s: string, at: number): number {
  return digitsEnd(s, at) >= 0 ? at : -1;
}

/** ` 6`: the question number right after the trigger word (at least one space between). */
export function firstNumber(s: string, at: number): number {
  const i = skipBlanks(s, at);
  return i > at ? digitsStart(s, i) : -1;
}

/** The length of `en`, `of` or `en/of` at `i` followed by a blank (the word before a list's last number), or 0. */
function conjunctionLength(s: string, i: number): number {
  const n = s.startsWith('en/of', i) ? 5 : s.startsWith('en', i) || s.startsWith('of', i) ? 2 : 0;
  return n > 0 && isBlankChar(s.charCodeAt(i + n)) ? n : 0;
}

/** `, 8`, `, en 9`, ` en 9`, ` of 9` or ` en/of 9`: one more number of a list. */
export function listNumber(s: string, at: number): number {
  const comma = s.charCodeAt(at) === 44 /* , */;
  let i = skipBlanks(s, comma ? at + 1 : at);
  const conjunction = conjunctionLength(s, i);
  // Without a comma: blanks and the word.
  if (!comma && (i === at || conjunction === 0)) return -1;
  if (conjunction > 0) i = skipBlanks(s, i + conjunction);
  return digitsStart(s, i);
}

/** `vraag ` or `vragen ` at `i` (the word written again before a range's end: "vraag 1 tot en met vraag 3"): its end with the blanks after it, else `i`. */
function afterQuestionWord(s: string, i: number): number {
  const word = matchesWord(s, i, 'vraag') ? 5 : matchesWord(s, i, 'vragen') ? 6 : 0;
  return word > 0 && isBlankChar(s.charCodeAt(i + word)) ? skipBlanks(s, i + word) : i;
}

/** ` t/m 5`, ` tot en met 5`, `-5`, `–5`, ` t/m vraag 5`: the end of a range. */
export function rangeEnd(s: string, at: number): number {
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
const UNIT = new RegExp(
  `[ \\t\\u00a0]+(?:jaar|jaren|keer|maal|dag|dagen|weken|maanden|uur|minuten|procent|euro|miljoen|miljard|mensen|personen|%|${MONTHS.join('|')}|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)(?![\\p{L}\\d])`,
  'uy',
);

/**
 * The number ending at `numberEnd` is a quantity or a date: a unit or a month after it, also after a
 * decimal part ("de vraag 2,5 procent hoger", "2,5%").
 */
export function isQuantity(s: string, numberEnd: number): boolean {
  let end = numberEnd;
  if (s.charCodeAt(end) === 44 /* , */ && isDigit(s.charCodeAt(end + 1))) {
    end++;
    while (isDigit(s.charCodeAt(end))) end++;
    if (s.charCodeAt(end) === 37 /* % */) return true;
  }
  UNIT.lastIndex = end;
  return UNIT.test(s);
}
