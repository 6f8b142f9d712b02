/**
 * Footnote markers in a line of question, answer or Mededeling text (FORMAT.md: "digits glued to the
 * text"): `aanpakken?1`, `»1`, `?1, 2`, and after the year of a date, `2 juli 20142` ("2 juli 2014" with
 * footnote 2). The footnote texts themselves are not in the document.
 *
 * Conservative on purpose: only what cannot be ordinary text is a marker (1–2 digits glued to closing
 * punctuation and standing alone, or glued to a four-digit year after a Dutch month). Digits glued to
 * letters (`MIND3`), after a word and a full stop (`Hil.2`) or after a space stay text: they cannot be
 * told from real text. This reader serves the JSON of `kamervraag parse`, the preview and the footnote
 * hover; the editor's checks and edits do not use it (mentions.ts keeps such digits from being question
 * numbers on its own).
 */
import { MONTHS } from './dates';

export interface FootnoteMarker {
  /** The marker as written: `1`, `1, 2`. */
  readonly marker: string;
  /** The footnote numbers it names. */
  readonly numbers: readonly number[];
  /** Where the marker starts and ends in the line's text (UTF-16 units). */
  readonly start: number;
  readonly end: number;
}

/**
 * Closing punctuation a marker is glued to: `?`, `!`, `»`, `”`, `)`, `]`, and a straight `"` that closes
 * (glued to what it closes: `"1 op de 5"` opens a quotation).
 */
const AFTER_PUNCTUATION = /(?<=[?!»”)\]]|(?<=\S)")(\d{1,2})(?![\p{L}\p{N}])((?:,[ \u00a0]?\d{1,2}(?![\p{L}\p{N}]))*)/gu;
/** A date whose year has one or two digits glued to it: `2 juli 20142`. */
const AFTER_YEAR = new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,2}[ \\u00a0]+(?:${MONTHS.join('|')})[ \\u00a0]+\\d{4}(\\d{1,2})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * What each kind of marker cannot do without, looked for first: a digit right after closing punctuation
 * (AFTER_PUNCTUATION), five digits in a row (AFTER_YEAR). Most lines have neither; over the paragraphs of
 * a 9.6 MB document the search took 19 ms with this test first, 82 ms without.
 */
const MAY_FOLLOW_PUNCTUATION = /[?!»”)\]"]\d/;
const MAY_FOLLOW_YEAR = /\d{5}/;

/** The footnote markers of one line of text, in order. */
export function findFootnotes(text: string): FootnoteMarker[] {
  const found: FootnoteMarker[] = [];
  if (!MAY_FOLLOW_PUNCTUATION.test(text) && !MAY_FOLLOW_YEAR.test(text)) return found;
  for (const m of text.matchAll(AFTER_PUNCTUATION)) {
    const start = m.index!;
    let marker = m[0];
    // A list (`?1, 2`) only when it ends the line: `»1, 2 of 3 keer` is more likely text.
    if (m[2] && text.slice(start + marker.length).trim() !== '') marker = m[1]!;
    found.push({ marker, numbers: marker.split(',').map((n) => Number(n.trim())), start, end: start + marker.length });
  }
  for (const m of text.matchAll(AFTER_YEAR)) {
    const end = m.index! + m[0].length;
    const marker = m[1]!;
    found.push({ marker, numbers: [Number(marker)], start: end - marker.length, end });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `text` without its footnote markers: `aanpakken?1` → `aanpakken?`, `2 juli 20142.` → `2 juli 2014.`. */
export function withoutFootnotes(text: string, markers: readonly FootnoteMarker[] = findFootnotes(text)): string {
  let out = '';
  let at = 0;
  for (const m of markers) {
    out += text.slice(at, m.start);
    at = m.end;
  }
  return out + text.slice(at);
}
