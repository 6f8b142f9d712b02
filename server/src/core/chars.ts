/**
 * Character classes and small readers the mention scanner and the reader of other documents' numbers
 * share, and white space as a regular expression has it, for what compares or shortens texts in place.
 */

/** `word` (lower case) at `at` in any case. */
export function matchesWord(s: string, at: number, word: string): boolean {
  if (at + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) if ((s.charCodeAt(at + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

export const isDigit = (c: number) => c >= 48 && c <= 57;

/** A letter or digit: what may not touch a trigger word. Any non-ASCII character counts as a letter. */
export function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  // Latin-1 and later letters; not the no-break space, « », ×, ÷, nor General Punctuation (’ “ ” …).
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f) && c !== 0x3000 && c !== 0xfeff;
}

export function isLetter(c: number): boolean {
  // ASCII letters and the Latin-1/Latin Extended letters of Dutch text; enough for phrase words.
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** What `\b` in a regular expression takes for a word character. */
export function isAsciiWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** A space, tab or no-break space: what may stand between the words and numbers of a mention. */
export const isBlankChar = (c: number) => c === 32 || c === 0xa0 || c === 9;

export function skipBlanks(s: string, at: number): number {
  while (at < s.length && isBlankChar(s.charCodeAt(at))) at++;
  return at;
}

/** White space as a regular expression's `\s` has it. */
export function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The index of the first character of `s` from `from` that is no `isWhiteSpace`, or `s.length`. */
export function skipWhiteSpace(s: string, from: number): number {
  let i = from;
  while (i < s.length && isWhiteSpace(s.charCodeAt(i))) i++;
  return i;
}
