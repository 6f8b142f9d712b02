/**
 * An arbitrary of documents with the problems the fixes mend, several at once (issue 12): generated
 * documents (arbitraries.ts) whose metadata lines are shuffled, a key written in capitals, the header
 * spaced another way, a day count off, a heading written `- vraag N:` with text after it, Ingediend's month
 * in English, abbreviated or mistyped, the header or the title line lost, and CRLF line ends — so that the quick fixes and fix-all meet their overlapping cases (a key inside reordered lines)
 * in every run, not once in a hundred.
 */
import * as fc from 'fast-check';
import { kamervraagDocument } from './arbitraries';

const KEY = /^(Ingediend|Beantwoord door|Beantwoord|Indieners|Indiener|Onderwerpen|Bron vraag|Bron antwoord)(?=\s|$)/;

/** `text` with the lines of its metadata block (the run of lines starting with a key) in the order `order`. */
function shuffleMetadata(text: string, order: readonly number[]): string {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => KEY.test(l));
  if (first < 0) return text;
  let last = first;
  while (last + 1 < lines.length && KEY.test(lines[last + 1]!)) last++;
  const block = lines.slice(first, last + 1);
  const keyed = block.map((l, k) => ({ l, rank: order[k % order.length]! * 100 + k }));
  keyed.sort((a, b) => a.rank - b.rank);
  lines.splice(first, block.length, ...keyed.map((x) => x.l));
  return lines.join('\n');
}

export const documentWithFixableProblems: fc.Arbitrary<{ text: string; how: string }> = fc
  .tuple(
    kamervraagDocument(true),
    fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 8 }),
    fc.record({ capitals: fc.boolean(), header: fc.boolean(), days: fc.boolean(), heading: fc.boolean(), crlf: fc.boolean(), month: fc.constantFrom('', '', 'october', 'Okt', 'mrt', 'febuari', 'okotber', 'junii', 'mars', 'jusi'), lost: fc.constantFrom('', '', 'header', 'title') }),
  )
  .map(([base, order, how]) => {
    let text = shuffleMetadata(base, order);
    // A month written in English, abbreviated or mistyped (some with a fix, `mars` and `jusi` without).
    if (how.month) text = text.replace(/^(Ingediend[ \t]+\d{1,2}[ \t]+)\p{L}+/mu, `$1${how.month}`);
    if (how.capitals) text = text.replace(/^(Ingediend|Onderwerpen|Indieners?)(?= )/m, (k) => k.toUpperCase());
    if (how.header) text = text.replace(/^Kamervraag /, ' kamervraag  ');
    if (how.days) text = text.replace(/\(na (\d+) dagen\)/, (_, n: string) => `(na ${Number(n) + 1} dagen)`);
    if (how.heading) text = text.replace(/^ • Vraag (\d+)\n {2}(\S[^\n]*)\n/m, ' - vraag $1: $2\n');
    // The header line or the title line lost (with the blank line after it), which Bron vraag and the footer can give back.
    if (how.lost === 'header') text = text.replace(/^[^\n]*\n(?:\n)?/, '');
    if (how.lost === 'title') text = text.replace(/^([^\n]*\n\n)[^\n]*\n(?:\n)?/, '$1');
    if (how.crlf) text = text.replace(/\n/g, '\r\n');
    return { text, how: `metadata order ${JSON.stringify(order)}, ${JSON.stringify(how)}` };
  });
