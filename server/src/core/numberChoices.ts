/**
 * The questions a reference probably meant when the number it names is wrong (`reference-unknown-question`,
 * `reference-self`): the slips of a hand and of a renumbering, offered as quick fixes for the author to
 * choose from (each with its question's first words), never applied by fix-all.
 *
 * From the written digits: one more or one less (a question was added or deleted above and the reference
 * was not renumbered: "vraag 11" in a document of ten), one digit dropped (a key hit twice or a neighbour
 * hit too: "16" for 6 or 1), two neighbouring digits swapped ("21" for 12). Only numbers a question of the
 * document has, never the question the reference stands in when it sends the reader to an answer.
 */

/** At most this many choices: a quick-fix menu stays short. */
export const MAX_CHOICES = 6;

/**
 * The numbers of `numbers` (the document's questions) that `written` (the digits of a reference) probably
 * meant, ascending; `exclude` (the reference's own question, for an answer) is never one.
 */
export function numberChoices(written: string, numbers: readonly number[] | { has(n: number): boolean }, exclude: number | null = null): number[] {
  if (!/^\d{1,9}$/.test(written)) return [];
  const n = Number(written);
  const near = new Set<number>([n - 1, n + 1]);
  for (let i = 0; i < written.length && written.length > 1; i++) near.add(Number(written.slice(0, i) + written.slice(i + 1)));
  for (let i = 0; i + 1 < written.length; i++) {
    near.add(Number(written.slice(0, i) + written[i + 1] + written[i] + written.slice(i + 2)));
  }
  // A set (or map) of the numbers as it is: a request with a thousand wrong references asks for each.
  const have = 'has' in numbers ? numbers : new Set(numbers);
  return [...near].filter((m) => m >= 1 && m !== n && m !== exclude && have.has(m)).sort((a, b) => a - b).slice(0, MAX_CHOICES);
}
