/**
 * Rename (renumber) a question: from its heading number or from a written number in a reference, change
 * the heading and every written reference to it. Refused, with a message, when the new number is taken
 * (the renumbering would merge two questions) or when the question is named inside a range (`1 t/m 4`,
 * `2-5`), whose meaning a new number would change.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { QuestionGraph } from '../core/graph';
import type { Locale } from '../core/diagnostic';
import type { Position } from '../core/model';
import { symbolAt } from './cursor';

export type RenameResult<T> = { readonly ok: T } | { readonly error: string };

const MESSAGES = {
  notHere: { en: 'Put the cursor on a question number to renumber it.', nl: 'Zet de cursor op een vraagnummer om het te hernummeren.' },
  inRange: {
    en: 'Question {n} is named in a range ("{text}"): renumbering would change what the range means. Edit it by hand.',
    nl: 'Vraag {n} staat in een reeks ("{text}"): hernummeren zou de betekenis van de reeks veranderen. Pas die met de hand aan.',
  },
  notANumber: { en: 'A question number is a whole number from 1.', nl: 'Een vraagnummer is een geheel getal vanaf 1.' },
  taken: { en: 'There is already a question {n}.', nl: 'Er is al een vraag {n}.' },
} as const;

function message(locale: Locale, key: keyof typeof MESSAGES, vars: Record<string, string | number> = {}): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

const RANGE_WORDS = /t\/m|tot\s+en\s+met|[-–]/i;

/** The text of a one-line range, or '' (multi-line ranges never hold a reference's numbers). */
function textOf(lines: readonly string[], r: Range): string {
  return r.start.line === r.end.line ? (lines[r.start.line] ?? '').slice(r.start.character, r.end.character) : '';
}

/** The written places of question `n`, or an error when `n` stands in a range. */
function places(graph: QuestionGraph, lines: readonly string[], n: number, locale: Locale): RenameResult<Range[]> {
  const out: Range[] = [];
  for (const q of graph.questionsNumbered(n)) if (q.numberRange) out.push(q.numberRange);
  for (const use of graph.referencesTo(n)) {
    const targets = use.reference.targets;
    const written = targets.filter((t) => !t.implied);
    const i = written.indexOf(use.target);
    const between = (a: number, b: number): string =>
      a >= 0 && b < written.length && a < b
        ? textOf(lines, { start: written[a]!.range.end, end: written[b]!.range.start })
        : '';
    const inRange = use.target.implied || RANGE_WORDS.test(between(i - 1, i)) || RANGE_WORDS.test(between(i, i + 1));
    if (inRange) return { error: message(locale, 'inRange', { n, text: textOf(lines, use.reference.range) }) };
    out.push(use.target.range);
  }
  return { ok: out };
}

export function prepareRename(
  graph: QuestionGraph,
  lines: readonly string[],
  pos: Position,
  locale: Locale,
): RenameResult<{ range: Range; placeholder: string }> | null {
  const symbol = symbolAt(graph, pos);
  // Only a number is renamed, not the words around it.
  if (!symbol || (symbol.kind === 'reference' && symbol.onPhrase)) return null;
  if (symbol.kind === 'reference' && symbol.numbers.length !== 1) {
    return { error: message(locale, 'inRange', { n: symbol.numbers.join(', '), text: textOf(lines, symbol.range) }) };
  }
  const n = symbol.kind === 'heading' ? symbol.number : symbol.numbers[0]!;
  const found = places(graph, lines, n, locale);
  if ('error' in found) return found;
  return { ok: { range: symbol.range, placeholder: String(n) } };
}

export function rename(
  graph: QuestionGraph,
  lines: readonly string[],
  pos: Position,
  newName: string,
  locale: Locale,
): RenameResult<TextEdit[]> | null {
  const prepared = prepareRename(graph, lines, pos, locale);
  if (!prepared || 'error' in prepared) return prepared;
  const from = Number(prepared.ok.placeholder);
  const to = newName.trim();
  if (!/^\d{1,9}$/.test(to) || Number(to) < 1) return { error: message(locale, 'notANumber') };
  const n = Number(to);
  if (n === from) return { ok: [] };
  if (graph.questionsNumbered(n).length > 0) return { error: message(locale, 'taken', { n }) };
  const found = places(graph, lines, from, locale);
  if ('error' in found) return found;
  return { ok: found.ok.map((range) => ({ range, newText: String(n) })) };
}

