/**
 * Completion of a metadata value from what is already known: after `Onderwerpen` the government's topics
 * (`core/topics.ts`) not yet on the line; after `Indiener`, `Indieners` (and each comma) and `Beantwoord
 * door` the names written in the workspace's other Kamervragen, the most frequent first, the members
 * already on the line left out. What is typed is completed, never dropped: an item replaces only the part
 * being typed, and only when that part is the beginning of the item (of a topic's words, or of a name or
 * one of its later words: "Nisp" goes on to "Michiel van Nispen (SP)"); nothing is offered in front of a
 * word, to which it would glue. After `Bron vraag` and `Bron antwoord` the address that the document's own
 * numbers give (`sourceCompletion`). `completionAuthoring.ts` asks here on a metadata line.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { officialDocumentUrl } from '../core/externals';
import { lineRange } from '../core/lines';
import { withoutParty } from '../core/metadata';
import { groupTopics, KNOWN_TOPICS } from '../core/topics';
import type { KamervraagDocument } from '../core/model';
import type { NameCount } from '../service/workspaceIndex';
import type { FeatureContext } from './context';

/** At most this many names are offered at once; the list is then incomplete and asked for again as more is typed. */
export const MAX_NAMES = 200;

/** What the value completion offers, and whether more would be there for a longer prefix. */
export interface ValueCompletions {
  readonly items: CompletionItem[];
  readonly incomplete: boolean;
}

const NONE: ValueCompletions = { items: [], incomplete: false };
/** The topics by name, so that the list reads like an index. */
const TOPICS = [...KNOWN_TOPICS].sort(new Intl.Collator('nl').compare);
/** The longest topic: a longer part being typed begins none. */
const TOPIC_CHARS = Math.max(...KNOWN_TOPICS.map((t) => t.length));
const SPACE = /[ \t\u00a0]/;
/** A metadata line longer than this is no line being written field by field (the longest real ones hold 300
 * characters); it gets no values, so that a hostile megabyte line costs nothing here. */
export const MAX_VALUE_LINE = 4000;

const order = (k: number) => String(k).padStart(4, '0');
const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Where the part being typed may start: each word start of `text[from, to)` at most `TOPIC_CHARS` before
 * `to` (a word starts after a space, tab or no-break space), the nearest last; and `to` itself after a space.
 */
function partStarts(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  if (to === from || SPACE.test(text[to - 1]!)) out.push(to);
  for (let i = to - 1; i >= Math.max(from, to - TOPIC_CHARS); i--) if (!SPACE.test(text[i]!) && (i === from || SPACE.test(text[i - 1]!))) out.push(i);
  return out.reverse();
}

/**
 * The values offered on metadata line `line` (key `key`, its text `text`) at `character`, for the document
 * `uri`; nothing before the space after the key, or on a line longer than `MAX_VALUE_LINE`.
 */
export function valueCompletions(line: number, key: string, text: string, character: number, uri: string, context: FeatureContext): ValueCompletions {
  if (character <= key.length || !SPACE.test(text[key.length]!) || text.length > MAX_VALUE_LINE) return NONE;
  let valueStart = key.length;
  while (valueStart < character && SPACE.test(text[valueStart]!)) valueStart++;
  const nl = context.locale === 'nl';
  if (key === 'Onderwerpen') return { items: topicItems(line, text, valueStart, character, nl), incomplete: false };
  const names = context.workspace?.names(uri);
  if (!names) return NONE;
  if (key === 'Indiener' || key === 'Indieners') return memberItems(line, text, valueStart, character, names.indieners);
  // Only at the end of the value: a name in front of the rest of one would be put in its middle.
  if (key === 'Beantwoord door' && text.slice(character).trim() === '') {
    return nameItems(line, valueStart, character, text.slice(valueStart, character), names.beantwoordDoor, new Set());
  }
  return NONE;
}

/**
 * The topics that go on from the words before the cursor (up to as many as a topic has), or all of them at
 * the start of a word; those on the line already left out.
 */
function topicItems(line: number, text: string, valueStart: number, cursor: number, nl: boolean): CompletionItem[] {
  // The longest part first: in "criminaliteit openbare or" the part being typed is "openbare or".
  const parts = partStarts(text, valueStart, cursor).map((start) => ({ start, typed: text.slice(start, cursor).toLowerCase() }));
  const items: CompletionItem[] = [];
  if (parts.length === 0) return items;
  // The topics on the line without the part being typed: those before the longest part and after the
  // cursor, read once, and those between the longest part and the one taken.
  const topicsOf = (value: string) => {
    const words = value.split(/[ \t\u00a0]+/).filter((w) => w !== '');
    return groupTopics(words).map(([a, b]) => words.slice(a, b + 1).join(' ').toLowerCase());
  };
  const around = new Set([...topicsOf(text.slice(valueStart, parts[0]!.start)), ...topicsOf(text.slice(cursor))]);
  TOPICS.forEach((topic, k) => {
    const part = parts.find((p) => topic.startsWith(p.typed));
    if (part === undefined || part.typed === topic) return;
    const start = part.start;
    if (around.has(topic) || topicsOf(text.slice(parts[0]!.start, start)).includes(topic)) return;
    items.push({
      label: topic,
      kind: CompletionItemKind.EnumMember,
      detail: nl ? 'onderwerp' : 'topic',
      sortText: order(k),
      filterText: topic,
      textEdit: { range: lineRange(line, start, cursor), newText: topic },
    });
  });
  return items;
}

/**
 * `Indiener(s)`: the member being typed is the text after the last comma outside parentheses; the
 * members written elsewhere on the line are not offered again.
 */
function memberItems(line: number, text: string, valueStart: number, cursor: number, names: readonly NameCount[]): ValueCompletions {
  const members: string[] = [];
  let depth = 0;
  let partStart = valueStart;
  let memberStart = valueStart;
  for (let i = valueStart; i <= text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if ((c === ',' && depth === 0) || i === text.length) {
      if (partStart <= cursor && cursor <= i) {
        memberStart = partStart;
        // The member goes on after the cursor: it is written already, a name would only be put in its middle.
        if (text.slice(cursor, i).trim() !== '') return NONE;
      } else members.push(text.slice(partStart, i));
      partStart = i + 1;
    }
  }
  while (memberStart < cursor && SPACE.test(text[memberStart]!)) memberStart++;
  const typed = text.slice(memberStart, cursor);
  if (typed.includes('(')) return NONE;
  const present = new Set(members.map((m) => withoutParty(m).toLowerCase()).filter((m) => m !== ''));
  return nameItems(line, memberStart, cursor, typed, names, present);
}

/**
 * The names that go on from `typed` (written from `start` to the cursor): from their beginning, or from
 * the beginning of a later word of the name (not of the party or role in parentheses).
 */
function nameItems(line: number, start: number, cursor: number, typed: string, names: readonly NameCount[], present: ReadonlySet<string>): ValueCompletions {
  const lower = typed.toLowerCase();
  const items: CompletionItem[] = [];
  for (const { name, documents } of names) {
    const folded = name.toLowerCase();
    let filterText: string | null = null;
    if (folded.startsWith(lower)) filterText = name;
    else if (lower !== '' && folded.length === name.length) {
      // From a later word of the name (not of the party or role in parentheses). (Only where lower case
      // keeps the length, so that the offsets in `folded` are those in `name`.)
      const paren = folded.indexOf('(');
      const own = paren < 0 ? folded : folded.slice(0, paren);
      let at = own.indexOf(' ' + lower);
      if (at < 0) at = own.indexOf('\u00a0' + lower);
      if (at >= 0) filterText = name.slice(at + 1);
    }
    if (filterText === null || sameText(typed, name) || present.has(withoutParty(folded))) continue;
    if (items.length === MAX_NAMES) return { items, incomplete: true };
    items.push({
      label: name,
      kind: CompletionItemKind.Value,
      // The same in Dutch and English: "in 3 Kamervragen".
      detail: `in ${documents} ${documents === 1 ? 'Kamervraag' : 'Kamervragen'}`,
      sortText: order(items.length),
      filterText,
      textEdit: { range: lineRange(line, start, cursor), newText: name },
    });
  }
  return { items, incomplete: false };
}

/**
 * After `Bron vraag` the address of the question on officielebekendmakingen.nl, which the header's
 * zaaknummer gives (`…/kv-tk-2024Z16988.html`); after `Bron antwoord` the answer's, from the footer's
 * `Kamerantwoord document nummer`. Only at the end of the value, and only while what is typed is the start
 * of that address (in any case): nothing typed is dropped.
 */
export function sourceCompletion(line: number, key: string, text: string, character: number, doc: KamervraagDocument, nl: boolean): CompletionItem | null {
  if (key !== 'Bron vraag' && key !== 'Bron antwoord') return null;
  if (character <= key.length || !SPACE.test(text[key.length]!) || text.length > MAX_VALUE_LINE || text.slice(character).trim() !== '') return null;
  // The question's id from the header's zaaknummer, the answer's as the footer writes it.
  const url = officialDocumentUrl(key === 'Bron vraag'
    ? `kv-tk-${doc.header?.zaaknummer?.text.trim() ?? ''}`
    : doc.footer?.kamerantwoordNummer?.value.text.trim() ?? '');
  if (url === null) return null;
  let valueStart = key.length;
  while (valueStart < character && SPACE.test(text[valueStart]!)) valueStart++;
  const typed = text.slice(valueStart, character);
  if (!url.toLowerCase().startsWith(typed.toLowerCase()) || url === typed) return null;
  return {
    label: url,
    kind: CompletionItemKind.Reference,
    detail: key === 'Bron vraag'
      ? (nl ? 'De vraag op officielebekendmakingen.nl (uit het zaaknummer)' : 'The question on officielebekendmakingen.nl (from the zaaknummer)')
      : (nl ? 'Het antwoord op officielebekendmakingen.nl (uit de voettekst)' : 'The answer on officielebekendmakingen.nl (from the footer)'),
    sortText: order(0),
    filterText: url,
    textEdit: { range: lineRange(line, valueStart, character), newText: url },
  };
}
