/**
 * Rename (renumber) a question: from its heading number or from a written number in a reference, change
 * the heading and every written reference to it. Refused, with a message, when the new number is taken
 * (the renumbering would merge two questions), when references name the new number without a question
 * (they would come to point at this one), or when the question is named inside a range (`1 t/m 4`,
 * `2-5`), whose meaning a new number would change.
 *
 * When two questions have the same number, the references to it point at the first of them (the question
 * the graph resolves them to). So the block renamed is the one under the cursor: from the first heading
 * or from a reference, the first question and every reference to the number; from a later heading with
 * the same number (a duplicate), that heading alone — which is how a duplicate is mended. A reference to
 * a number no question has renames every reference to that number.
 *
 * On the document's own zaaknummer (in the header, `Bron vraag`, the footer's `kv-tk-…` or a Mededeling),
 * rename writes a new zaaknummer at every place that names it (`core/zaaknummer.ts`); a place that names
 * another zaaknummer, and other documents, are left as they are.
 */
import type { PrepareRenameParams, RenameParams } from 'vscode-languageserver';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { objectAt, type CursorObject } from '../core/cursor';
import type { Locale } from '../core/diagnostic';
import type { Position, Reference, ReferenceTarget } from '../core/model';
import { ZAAKNUMMER } from '../core/parse';
import { ownZaaknummerAt } from '../core/zaaknummer';
import type { FeatureContext } from './context';

export type RenameResult<T> = { readonly ok: T } | { readonly error: string };

const MESSAGES = {
  inRange: {
    en: 'Question {n} is named in a range ("{text}"): renumbering would change what the range means. Edit it by hand.',
    nl: 'Vraag {n} staat in een reeks ("{text}"): hernummeren zou de betekenis van de reeks veranderen. Pas die met de hand aan.',
  },
  notANumber: { en: 'A question number is a whole number from 1.', nl: 'Een vraagnummer is een geheel getal vanaf 1.' },
  nothingHere: {
    en: 'Only a question number (a heading\'s or a reference\'s) or the document\'s zaaknummer can be renamed.',
    nl: 'Alleen een vraagnummer (van een kop of een verwijzing) of het zaaknummer van het document kan worden hernoemd.',
  },
  taken: { en: 'There is already a question {n}.', nl: 'Er is al een vraag {n}.' },
  notAZaaknummer: {
    en: 'A zaaknummer is four digits, Z and five digits: 2024Z16988.',
    nl: 'Een zaaknummer bestaat uit vier cijfers, een Z en vijf cijfers: 2024Z16988.',
  },
  referenced: {
    en: 'There is no question {n}, but references name it: renumbering to {n} would make them point at this question.',
    nl: 'Er is geen vraag {n}, maar verwijzingen noemen die wel: hernummeren naar {n} zou ze naar deze vraag laten wijzen.',
  },
} as const;

function message(locale: Locale, key: keyof typeof MESSAGES, vars: Record<string, string | number> = {}): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

const RANGE_WORDS = /t\/m|tot\s+en\s+met|[-–]/i;

/**
 * The written places of question `n` as the symbol under the cursor names it, or an error when a
 * reference to it stands in a range: the number of the heading under the cursor alone when that is a
 * later question with the number; else the first question's heading and every reference to `n`.
 */
function places(analysis: Analysis, symbol: CursorObject, n: number, locale: Locale): RenameResult<Range[]> {
  const graph = analysis.graph;
  if (symbol.kind === 'heading' && graph.indexOf(n) !== symbol.index) return { ok: [symbol.range] };
  const out: Range[] = [];
  const first = graph.question(n);
  if (first?.numberRange) out.push(first.numberRange);
  // Each mention's written numbers once: a mention that names the number thousands of times ("de vragen 2,
  // 2, 2, …") is one use per time, and reading the mention again for each made the request quadratic.
  const writtenOf = new Map<Reference, { written: ReferenceTarget[]; at: Map<ReferenceTarget, number> }>();
  for (const use of graph.referencesTo(n)) {
    let mention = writtenOf.get(use.reference);
    if (!mention) {
      const written = use.reference.targets.filter((t) => !t.implied);
      writtenOf.set(use.reference, (mention = { written, at: new Map(written.map((t, k) => [t, k])) }));
    }
    const { written } = mention;
    const i = mention.at.get(use.target) ?? -1;
    const between = (a: number, b: number): string =>
      a >= 0 && b < written.length && a < b
        ? analysis.textOf({ start: written[a]!.range.end, end: written[b]!.range.start })
        : '';
    const inRange = use.target.implied || RANGE_WORDS.test(between(i - 1, i)) || RANGE_WORDS.test(between(i, i + 1));
    if (inRange) return { error: message(locale, 'inRange', { n, text: analysis.textOf(use.reference.range) }) };
    out.push(use.target.range);
  }
  return { ok: out };
}

/** The symbol to rename at `pos` and its number, or what to answer instead. */
function renameable(analysis: Analysis, pos: Position, locale: Locale):
  { symbol: CursorObject; n: number } | { error: string } | null {
  // Only a number is renamed, not the words around it.
  const symbol = objectAt(analysis.document, pos, 'number');
  if (!symbol) return null;
  if (symbol.kind === 'reference' && symbol.numbers.length !== 1) {
    return { error: message(locale, 'inRange', { n: symbol.numbers.join(', '), text: analysis.textOf(symbol.range) }) };
  }
  return { symbol, n: symbol.kind === 'heading' ? symbol.number : symbol.numbers[0]! };
}

export function prepareRename(
  analysis: Analysis,
  params: PrepareRenameParams,
  context: FeatureContext,
): RenameResult<{ range: Range; placeholder: string }> | null {
  const own = ownZaaknummerAt(analysis.document, params.position);
  if (own) return { ok: { range: own.at, placeholder: own.zaaknummer } };
  const found = renameable(analysis, params.position, context.locale);
  if (!found || 'error' in found) return found;
  const at = places(analysis, found.symbol, found.n, context.locale);
  if ('error' in at) return at;
  return { ok: { range: found.symbol.range, placeholder: String(found.n) } };
}

export function rename(analysis: Analysis, params: RenameParams, context: FeatureContext): RenameResult<TextEdit[]> {
  const locale = context.locale;
  const own = ownZaaknummerAt(analysis.document, params.position);
  if (own) {
    // Written as the format writes it: `2024z16988` is taken with a capital Z.
    const to = (typeof params.newName === 'string' ? params.newName : '').trim().toUpperCase();
    if (!ZAAKNUMMER.test(to)) return { error: message(locale, 'notAZaaknummer') };
    return { ok: to === own.zaaknummer ? [] : own.places.map((range) => ({ range, newText: to })) };
  }
  const graph = analysis.graph;
  const found = renameable(analysis, params.position, locale);
  // Asked where nothing can be renamed (a client that does not ask `prepareRename` first): said, not an empty edit.
  if (!found) return { error: message(locale, 'nothingHere') };
  if ('error' in found) return found;
  const at = places(analysis, found.symbol, found.n, locale);
  if ('error' in at) return at;
  const to = (typeof params.newName === 'string' ? params.newName : '').trim();
  if (!/^\d{1,9}$/.test(to) || Number(to) < 1) return { error: message(locale, 'notANumber') };
  const n = Number(to);
  if (n === found.n) return { ok: [] };
  if (graph.questionsNumbered(n).length > 0) return { error: message(locale, 'taken', { n }) };
  if (graph.referencesTo(n).length > 0) return { error: message(locale, 'referenced', { n }) };
  return { ok: at.ok.map((range) => ({ range, newText: String(n) })) };
}
