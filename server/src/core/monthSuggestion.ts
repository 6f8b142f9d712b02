/**
 * The month a word that is no Dutch month plainly means (the quick fix of `date-invalid`): apart from
 * dates.ts, so that what bundles the dates alone (the VS Code client writes today's date) does not bundle
 * the edit distance too.
 */
import { distance } from 'fastest-levenshtein';
import { MONTHS } from './dates';

/** Months as English writes them, and the usual abbreviations (`okt`, `mrt`, `sept`), by the month they mean (1–12). */
const OTHER_MONTH_NAMES: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, august: 8, october: 10,
  jan: 1, feb: 2, febr: 2, mrt: 3, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, oct: 10, nov: 11, dec: 12,
};

/**
 * The month a word that is no Dutch month means (1–12), where that is plain: English (`october`), an
 * abbreviation (`okt`), or a typing error one letter from exactly one month (two for words of six letters
 * or more: `febuari`, `okotber`); null when it is not (`mars`, or a word as near to two months).
 */
export function suggestMonth(word: string): number | null {
  // No month is longer than nine letters: a longer word is two edits from none (and a hostile megabyte
  // "month" is not compared twelve times).
  if (word.length > 11) return null;
  const w = word.toLowerCase();
  const named = OTHER_MONTH_NAMES[w];
  if (named !== undefined) return named;
  const reach = w.length >= 6 ? 2 : 1;
  let best: number | null = null;
  let bestDistance = reach + 1;
  let ties = 0;
  for (let m = 0; m < MONTHS.length; m++) {
    const d = distance(w, MONTHS[m]!);
    if (d < bestDistance) {
      best = m + 1;
      bestDistance = d;
      ties = 0;
    } else if (d === bestDistance) {
      ties++;
    }
  }
  return best !== null && ties === 0 ? best : null;
}
