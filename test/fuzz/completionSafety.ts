/**
 * Completion safety ("no edit the server proposes may ever lose a word"): the items of
 * `textDocument/completion`, as the server serves them (the `completion` row of the feature table,
 * features/index.ts), asked at every kind of position (start and end of each line, word starts, middles
 * and ends, inside a surrogate pair and before a combining mark, past the end of a line and of the
 * document) in sessions with and without snippets, in English and Dutch, invoked or triggered by a space,
 * on a fixed day drawn per case, with a workspace whose names (`NAMES`) complete `Indiener(s)` and
 * `Beantwoord door`. Each item is applied as VS Code applies it and checked:
 *
 *  (a) shape: every range is a position of the document (its line exists, the character at most the
 *      line's length, start ≤ end, no surrogate pair split); the main edit (a TextEdit, or both ranges of
 *      an InsertReplaceEdit) and the additionalTextEdits neither overlap nor start at one place; a snippet
 *      only for a client that takes snippets;
 *  (b) the main edit's range lies on the cursor's line and ends at the cursor (an InsertReplaceEdit's
 *      insert range does; its replace range starts there too and goes on over the rest of the word at the
 *      cursor only). What it replaces before the cursor — the part being typed — is, with its leading
 *      spaces and tabs skipped (as VS Code's filter skips them), a case-insensitive *prefix* of the
 *      item's filterText (else its label). VS Code itself filters by a fuzzy match (the typed characters
 *      in order, the first at a word start); we ask for a prefix because that is the stricter rule and
 *      the one every client's filter passes: accepting the item completes what was typed, whichever
 *      client shows it. And every word it replaces is the beginning of a word the item writes (a bullet
 *      `-` `*` `–` `·` counts as `•`): the typed part is completed, not dropped;
 *  (c) applied (the snippet resolved to the text it inserts: `$1`, `${1}`, `$0` nothing, `${1:x}` its
 *      x, `${1|a,b|}` its first choice, `\$` `\}` `\\` the character), the document lacks no word of
 *      the text before except the ones the main range replaced (compared on the lines of the edits as a
 *      multiset, so a number glued to one after the cursor is a lost word); no additional edit deletes a
 *      word (the words of what it replaces are all in what it writes);
 *  (d) the answer comes without throwing, is null or a list, has at most one item per question plus
 *      the metadata keys, months, date, question block and the topics or names of one field, each under
 *      ITEM_CHARS characters serialized;
 *      outside the document (past the end of a line or of the text) it is null or empty.
 *
 * `completionViolations` checks one answer (the negative controls of completionSafety.test.ts feed it
 * broken items); `checkCompletion` asks at every position of a text. `completionSafetyProperties` joins
 * the campaign (properties.ts, `npm run fuzz`); completionSafety.test.ts runs it bounded.
 */
import * as fc from 'fast-check';
import type { CompletionParams } from 'vscode-languageserver';
import type { CompletionItem, CompletionList, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { fixedClock } from '../../server/src/core/clock';
import type { DutchDate } from '../../server/src/core/model';
import { METADATA_KEYS } from '../../server/src/core/metadata';
import { MONTHS } from '../../server/src/core/dates';
import { featureContext, type FeatureContext, type WorkspaceDocuments } from '../../server/src/features/context';
import { KNOWN_TOPICS } from '../../server/src/core/topics';
import type { WorkspaceNames } from '../../server/src/service/workspaceIndex';
import { DOCUMENT_FEATURES, Refusal, type DocumentFeature } from '../../server/src/features/index';
import { headedRandomText, hostileDocument, kamervraagDocument, mutatedExample, probes, randomText } from './arbitraries';
import { analysed, missing, words } from './editSafety';
import { assertNoViolations, lineSpans, tryApplyEdits } from './editText';
import { examples, type Pos } from './harness';
import type { NamedProperty } from './properties';

export const URI = 'file:///completion-safety.kvr';
/** The completion row of the feature table (a test may hand in a broken one). */
export type CompletionRow = DocumentFeature<CompletionParams, unknown>;
export const SERVED: CompletionRow = DOCUMENT_FEATURES.completion;
/** One item serialized is at most this long (the documentation is truncated to 400 characters). */
export const ITEM_CHARS = 4000;

/** A session: what the client takes, its language, how completion was asked for, and today. */
export interface Session {
  readonly snippets: boolean;
  readonly nl: boolean;
  /** CompletionTriggerKind: 1 invoked, 2 a trigger character (a space), 3 re-triggered for an incomplete list. */
  readonly trigger: 1 | 2 | 3;
  readonly today: DutchDate;
}
export const SESSIONS: readonly Session[] = [
  { snippets: true, nl: true, trigger: 1, today: { year: 2024, month: 11, day: 14 } },
  { snippets: false, nl: false, trigger: 2, today: { year: 2014, month: 12, day: 2 } },
  { snippets: true, nl: false, trigger: 3, today: { year: 2031, month: 1, day: 31 } },
  { snippets: false, nl: true, trigger: 1, today: { year: 2026, month: 5, day: 1 } },
];

/**
 * The names a workspace offers after `Indiener(s)` and `Beantwoord door`: those of the generated documents
 * and the examples, and names that are hard to complete (parentheses and commas inside, a surrogate pair,
 * a combining mark, one name the beginning of another).
 */
export const NAMES: WorkspaceNames = {
  indieners: [
    'Jan Jansen (SP)', 'Jan Jansen', 'Piet Pietersen (VVD)', 'Mutluer', 'Michiel van Nispen (SP)', 'Nine Kooiman (SP)',
    'Van den Hil (VVD)', 'Zoe\u0308 de Vries (GL-PvdA)', 'Ö\u0301zdil (D66)', '\u{1F600} Smiley (50PLUS)', 'De (Groot) (CDA)', 'Jan',
  ].map((name, k) => ({ name, documents: 12 - k })),
  beantwoordDoor: [
    'De Minister', 'Opstelten', 'Conny Helder (minister zonder portefeuille volksgezondheid, welzijn en sport) (VVD)', 'De', 'Minister, (van) BZK',
  ].map((name, k) => ({ name, documents: 5 - k })),
};
/** A workspace with no other documents to link to, and `NAMES`. */
const WORKSPACE: WorkspaceDocuments = { byZaaknummer: () => [], names: () => NAMES, byName: () => [] };

const contextOf = (s: Session): FeatureContext => featureContext({ locale: s.nl ? 'nl' : 'en', snippetSupport: s.snippets, clock: fixedClock(s.today), workspace: WORKSPACE });
const paramsOf = (s: Session, position: Position): CompletionParams => ({
  textDocument: { uri: URI }, position, context: s.trigger === 2 ? { triggerKind: 2, triggerCharacter: ' ' } : { triggerKind: s.trigger },
});

// ---- Snippets ----

/**
 * The plain text a snippet inserts with its placeholders as they stand (what the document holds once
 * the user tabs through without typing): tab stops `$1` `${1}` `$0` give nothing, `${1:x}` its x
 * (nested ones resolved), `${1|a,b|}` its first choice, a variable `$NAME` / `${NAME}` its name and
 * `${NAME:x}` its x (VS Code's rule for a variable it cannot resolve), `\$` `\}` `\\` the character;
 * anything else, a `$` that starts nothing among them, as written.
 */
export function snippetText(snippet: string): string {
  let i = 0;
  const part = (inside: boolean): string => {
    let out = '';
    while (i < snippet.length) {
      const c = snippet[i]!;
      if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1]!)) {
        out += snippet[i + 1];
        i += 2;
      } else if (c === '}' && inside) {
        return out;
      } else if (c === '$') {
        out += dollar();
      } else {
        out += c;
        i++;
      }
    }
    return out;
  };
  const dollar = (): string => {
    const rest = snippet.slice(i + 1);
    const simple = /^(?:\d+|[_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (simple) {
      i += 1 + simple[0].length;
      return /^\d/.test(simple[0]) ? '' : simple[0];
    }
    const open = /^\{(\d+|[_a-zA-Z][_a-zA-Z0-9]*)([:|}])/.exec(rest);
    if (!open) {
      i++;
      return '$';
    }
    const start = i;
    i += 1 + open[0].length;
    const name = /^\d/.test(open[1]!) ? '' : open[1]!;
    if (open[2] === '}') return name;
    if (open[2] === '|') {
      const choices = /^((?:[^|\\]|\\.)*)\|\}/.exec(snippet.slice(i));
      if (!choices) {
        i = start + 1;
        return '$';
      }
      i += choices[0].length;
      return choices[1]!.split(/(?<!\\),/)[0]!.replace(/\\(.)/g, '$1');
    }
    const value = part(true);
    if (snippet[i] !== '}') {
      // Unclosed: VS Code takes the text as written.
      i = start + 1;
      return '$';
    }
    i++;
    return value;
  };
  return part(false);
}

// ---- One answer ----

/** The text, its line spans, and the bound on the number of items. */
export interface Subject {
  readonly text: string;
  readonly spans: Array<[number, number]>;
  readonly maxItems: number;
}

export function subject(text: string, analysis = analysed(text)): Subject {
  const doc = analysis.document;
  const numbers = new Set(doc.questions.map((q) => q.number)).size;
  const values = Math.max(KNOWN_TOPICS.length, NAMES.indieners.length, NAMES.beantwoordDoor.length);
  return { text, spans: lineSpans(text), maxItems: numbers + METADATA_KEYS.length + MONTHS.length + 2 + values };
}

const HIGH = (c: number) => c >= 0xd800 && c <= 0xdbff;
const LOW = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const BULLETS = /^[-*–·•]$/;
const lower = (w: string) => (BULLETS.test(w) ? '•' : w.toLowerCase());

/** The offset of `p`, or a reason it is no position of the text. */
function offsetOf(s: Subject, p: Position): number | string {
  const line = s.spans[p.line];
  if (!line || !Number.isInteger(p.character) || p.character < 0 || p.character > line[1] - line[0]) return `${p.line}:${p.character} is no position of the text`;
  const at = line[0] + p.character;
  if (HIGH(s.text.charCodeAt(at - 1)) && LOW(s.text.charCodeAt(at))) return `${p.line}:${p.character} splits a surrogate pair`;
  return at;
}

interface Placed { readonly from: number; readonly to: number; readonly newText: string; readonly main: boolean }

/** The edit as offsets, or what is wrong with its range. */
function place(s: Subject, range: Range | undefined, newText: unknown, main: boolean): Placed | string {
  if (!range || typeof range !== 'object' || typeof newText !== 'string') return `no range or text: ${JSON.stringify({ range, newText })}`;
  const from = offsetOf(s, range.start);
  const to = offsetOf(s, range.end);
  if (typeof from === 'string') return from;
  if (typeof to === 'string') return to;
  if (to < from) return `a reversed range ${JSON.stringify(range)}`;
  return { from, to, newText, main };
}

const show = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** The main edits of `item` VS Code may apply (an InsertReplaceEdit: insert or replace), with what each may take after the cursor. */
function mainEdits(s: Subject, pos: Position, item: CompletionItem): Array<{ range: Range; kind: string; newText: string }> {
  const label = typeof item.label === 'string' ? item.label : '';
  const te = item.textEdit;
  if (te && 'insert' in te) return [{ range: te.insert, kind: 'insert', newText: te.newText }, { range: te.replace, kind: 'replace', newText: te.newText }];
  if (te) return [{ range: te.range, kind: 'range', newText: te.newText }];
  // No edit: VS Code replaces the word before the cursor (the language's wordPattern) by insertText or the label.
  const line = s.spans[pos.line];
  const before = line ? s.text.slice(line[0], line[0] + pos.character) : '';
  const word = /[\p{L}\p{M}\p{N}]*$/u.exec(before)![0].length;
  return [{ range: { start: { line: pos.line, character: pos.character - word }, end: pos }, kind: 'word', newText: item.insertText ?? label }];
}

/** What is wrong with `item`, offered at `pos` (empty: nothing). */
export function itemViolations(s: Subject, pos: Position, item: CompletionItem, session: Pick<Session, 'snippets'>): string[] {
  const out: string[] = [];
  const label = typeof item.label === 'string' ? item.label : '';
  if (!label) out.push('an item without a label');
  const snippet = item.insertTextFormat === 2;
  if (snippet && !session.snippets) out.push('a snippet for a client without snippet support');
  const cursor = offsetOf(s, pos);
  if (typeof cursor === 'string') return [...out, `offered at ${cursor}`];
  const extra: Placed[] = [];
  for (const e of item.additionalTextEdits ?? []) {
    const p = place(s, e?.range, e?.newText, false);
    if (typeof p === 'string') out.push(`an additional edit: ${p}`);
    else extra.push(p);
  }
  for (const e of extra) {
    const lost = missing(words(s.text.slice(e.from, e.to)), words(e.newText));
    if (lost.length > 0) out.push(`an additional edit deletes ${JSON.stringify(lost)}`);
  }
  const filter = (item.filterText ?? label).toLowerCase();
  for (const m of mainEdits(s, pos, item)) {
    const where = `the ${m.kind} range ${show(m.range)}`;
    const main = place(s, m.range, m.newText, true);
    if (typeof main === 'string') {
      out.push(`${where}: ${main}`);
      continue;
    }
    if (m.range.start.line !== pos.line || m.range.end.line !== pos.line) out.push(`${where} is not on the cursor's line ${pos.line}`);
    if (main.from > cursor) out.push(`${where} starts after the cursor`);
    if (m.kind === 'replace') {
      if (!/^[\p{L}\p{M}\p{N}]*$/u.test(s.text.slice(cursor, main.to)) || main.to < cursor) out.push(`${where} replaces more after the cursor than the rest of its word`);
    } else if (main.to !== cursor) out.push(`${where} does not end at the cursor ${pos.line}:${pos.character}`);
    const inserted = snippet ? snippetText(main.newText) : main.newText;
    const typed = s.text.slice(main.from, Math.min(cursor, main.to)).replace(/^[ \t]+/, '');
    if (typed && !filter.startsWith(typed.toLowerCase())) out.push(`${where} replaces ${JSON.stringify(typed)}, which its filter text ${JSON.stringify(filter)} does not begin with`);
    const writes = words(inserted).map(lower);
    const dropped = words(s.text.slice(main.from, main.to)).map(lower).filter((w) => !writes.some((x) => x.startsWith(w)));
    if (dropped.length > 0) out.push(`${where} replaces ${JSON.stringify(dropped)}, which begin no word it writes (${JSON.stringify(inserted)})`);
    const edits = [{ ...main, newText: inserted }, ...extra].sort((a, b) => a.from - b.from || a.to - b.to);
    const overlap = edits.findIndex((e, k) => k > 0 && (e.from < edits[k - 1]!.to || e.from === edits[k - 1]!.from));
    if (overlap > 0) {
      out.push(`${where}: edits overlap or start at one place (${edits[overlap - 1]!.from}-${edits[overlap - 1]!.to}, ${edits[overlap]!.from}-${edits[overlap]!.to})`);
      continue;
    }
    out.push(...lostWords(s, edits, where));
  }
  return out;
}

/** (c): applied, the lines of the edits lack no word but the ones the main edit replaced. */
function lostWords(s: Subject, edits: readonly Placed[], where: string): string[] {
  const lsp: TextEdit[] = edits.map((e) => ({ range: { start: posOf(s, e.from), end: posOf(s, e.to) }, newText: e.newText }));
  const after = tryApplyEdits(s.text, lsp);
  if (after instanceof Error) return [`${where}: the edits do not apply: ${after.message}`];
  const a = s.spans[lsp[0]!.range.start.line]![0];
  const b = s.spans[lsp[lsp.length - 1]!.range.end.line]![1];
  const tail = s.text.length - b;
  const main = edits.find((e) => e.main)!;
  const lost = missing(missing(words(s.text.slice(a, b)), words(after.slice(a, after.length - tail))), words(s.text.slice(main.from, main.to)));
  return lost.length > 0 ? [`${where}: applied, loses ${JSON.stringify(lost)}`] : [];
}

function posOf(s: Subject, offset: number): Position {
  let line = 0;
  while (line + 1 < s.spans.length && s.spans[line + 1]![0] <= offset) line++;
  return { line, character: offset - s.spans[line]![0] };
}

/** What is wrong with `answer`, the completion at `pos` (empty: nothing). */
export function completionViolations(s: Subject, pos: Position, answer: unknown, session: Pick<Session, 'snippets'>): string[] {
  if (answer === null || answer === undefined) return [];
  if (answer instanceof Refusal) return [`refused: ${answer.message}`];
  const items: unknown = Array.isArray(answer) ? answer : (answer as CompletionList).items;
  if (!Array.isArray(items)) return [`neither null nor a list: ${JSON.stringify(answer).slice(0, 200)}`];
  const line = s.spans[pos.line];
  if (items.length > 0 && (!line || pos.character > line[1] - line[0])) return [`${items.length} items outside the document`];
  const out: string[] = [];
  if (items.length > s.maxItems) out.push(`${items.length} items, at most ${s.maxItems} can apply`);
  for (const item of items as CompletionItem[]) {
    const size = JSON.stringify(item).length;
    if (size > ITEM_CHARS) out.push(`item ${JSON.stringify(item.label)}: ${size} characters`);
    for (const v of itemViolations(s, pos, item, session)) out.push(`item ${JSON.stringify(item.label)}: ${v}`);
  }
  return out;
}

// ---- Every position of a text ----

/**
 * The positions of line `k` worth asking at: its start, end and one and five past the end; the start,
 * middle and end of each run of word characters; inside a surrogate pair and before a combining mark.
 */
function linePositions(line: string, k: number): Position[] {
  const at = new Set([0, 1, line.length, line.length + 1, line.length + 5]);
  for (const m of line.matchAll(/[\p{L}\p{N}]+/gu)) at.add(m.index).add(m.index + (m[0].length >> 1)).add(m.index + m[0].length);
  for (let i = 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((LOW(c) && HIGH(line.charCodeAt(i - 1))) || /\p{M}/u.test(line[i]!)) at.add(i);
  }
  return [...at].filter((c) => c <= line.length + 5).map((character) => ({ line: k, character }));
}

/** Asks the completion at every position of `text` (up to `maxLines` lines, spread over it) and checks each answer. */
export function checkCompletion(
  text: string,
  options: { row?: CompletionRow; sessions?: readonly Session[]; maxLines?: number; probes?: readonly Pos[]; stats?: { positions: number; items: number } } = {},
): string[] {
  const row = options.row ?? SERVED;
  const sessions = options.sessions ?? SESSIONS;
  const out: string[] = [];
  try {
    const analysis = analysed(text);
    const s = subject(text, analysis);
    const lines = s.spans.map(([a, b]) => text.slice(a, b));
    const step = Math.max(1, Math.ceil(lines.length / (options.maxLines ?? Infinity)));
    const positions: Position[] = [];
    // Every `step`-th line, and always the header's and the footer's (the first and last four).
    for (let k = 0; k < lines.length; k++) if (k % step === 0 || k < 4 || k >= lines.length - 4) positions.push(...linePositions(lines[k]!, k));
    for (const p of options.probes ?? []) {
      const line = p.line % (lines.length + 1);
      positions.push({ line, character: p.character % ((lines[line]?.length ?? 0) + 3) });
    }
    positions.push({ line: lines.length, character: 0 }, { line: lines.length + 2, character: 3 });
    positions.forEach((pos, k) => {
      const session = sessions[k % sessions.length]!;
      let answer: unknown;
      try {
        answer = row.run(analysis, paramsOf(session, pos), contextOf(session));
      } catch (err) {
        out.push(`at ${pos.line}:${pos.character}: throws ${(err as Error).stack}`);
        return;
      }
      if (options.stats) {
        options.stats.positions++;
        options.stats.items += (Array.isArray(answer) ? answer : (answer as CompletionList | null)?.items ?? []).length;
      }
      for (const v of completionViolations(s, pos, answer, session)) out.push(`at ${pos.line}:${pos.character} (${JSON.stringify(session)}): ${v}`);
    });
  } catch (err) {
    out.push(`throws: ${(err as Error).stack}`);
  }
  return out;
}

// ---- The properties ----

const session: fc.Arbitrary<Session> = fc.record({
  snippets: fc.boolean(),
  nl: fc.boolean(),
  trigger: fc.constantFrom(1 as const, 2 as const, 3 as const),
  today: fc.record({ year: fc.integer({ min: 2000, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }),
});
/** Two sessions per case, taken in turn at the positions. */
const sessions = fc.tuple(session, session);

/** A document being written: cut at a point (the rest after the cursor kept or not), the cursor on the cut. */
const beingWritten = fc.tuple(fc.oneof(kamervraagDocument(true), fc.constantFrom(...examples().map((e) => e.text))), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean())
  .map(([text, where, rest]) => {
    const cut = Math.floor(where * text.length);
    const before = text.slice(0, cut);
    const spans = lineSpans(before);
    const last = spans[spans.length - 1]!;
    return { text: before + (rest ? text.slice(cut) : ''), cursor: { line: spans.length - 1, character: last[1] - last[0] } };
  });

function assertNone(violations: readonly string[], text: string, how = ''): void {
  assertNoViolations('unsafe completion item(s)', violations, text, how, (t) => JSON.stringify(t).replace(/\\n/g, '\\n\n'));
}

/** CRLF or lone CR line ends throughout. */
const withLineEnds = (text: fc.Arbitrary<string>) => fc.tuple(text, fc.constantFrom('\r\n', '\r')).map(([t, eol]) => t.replace(/\r?\n/g, eol));

export const completionSafetyProperties: NamedProperty[] = [
  {
    name: 'completion-safety-generated',
    description: 'every completion item at every kind of position of generated documents (valid and broken), in sessions with and without snippets',
    property: fc.property(kamervraagDocument(true), sessions, probes, (text, ss, at) => assertNone(checkCompletion(text, { sessions: ss, probes: at, maxLines: 40 }), text)),
  },
  {
    name: 'completion-safety-being-written',
    description: 'completion at the cursor of a generated document or an example cut anywhere (a key, a date, a heading, a mention half typed)',
    property: fc.property(beingWritten, sessions, ({ text, cursor }, ss) => assertNone(checkCompletion(text, { sessions: ss, probes: [cursor], maxLines: 12 }), text)),
  },
  {
    name: 'completion-safety-line-ends',
    description: 'completion items on generated documents with CRLF or CR line ends',
    property: fc.property(withLineEnds(kamervraagDocument(true)), sessions, (text, ss) => assertNone(checkCompletion(text, { sessions: ss, maxLines: 40 }), text)),
  },
  {
    name: 'completion-safety-mutated-examples',
    description: 'completion items on the real examples mutated',
    property: fc.property(mutatedExample(examples()), sessions, probes, ({ text, how }, ss, at) => assertNone(checkCompletion(text, { sessions: ss, probes: at, maxLines: 40 }), text, how)),
  },
  {
    name: 'completion-safety-hostile-lines',
    description: 'completion items on documents of hostile lines and of random Unicode (surrogates, combining marks, every line end)',
    property: fc.property(fc.oneof(hostileDocument, randomText, headedRandomText), sessions, probes, (text, ss, at) => assertNone(checkCompletion(text, { sessions: ss, probes: at, maxLines: 60 }), text)),
  },
];
