/**
 * The names written after `Indiener(s)` and `Beantwoord door` in the workspace's Kamervragen, counted per
 * document (the workspace index's `names`, behind the completion of names; `byName`, behind a name's hover).
 */
import { withoutParty } from '../core/metadata';
import type { IndexedDocument } from './summaries';

/** A name written in the workspace's Kamervragen, and in how many of them. */
export interface NameCount {
  readonly name: string;
  readonly documents: number;
}

/** Who asked and who answered in the workspace's Kamervragen, the most frequent first. */
export interface WorkspaceNames {
  /** `Naam (PARTIJ)` as written after `Indiener` or `Indieners`. */
  readonly indieners: readonly NameCount[];
  /** The values of `Beantwoord door`. */
  readonly beantwoordDoor: readonly NameCount[];
}

/** Counts the names of `entry` (a name once per document; `by` −1 takes them out). */
export function countNames(entry: IndexedDocument, indieners: Map<string, number>, beantwoordDoor: Map<string, number>, by = 1): void {
  for (const name of new Set(entry.indieners)) indieners.set(name, (indieners.get(name) ?? 0) + by);
  if (entry.beantwoordDoor) beantwoordDoor.set(entry.beantwoordDoor, (beantwoordDoor.get(entry.beantwoordDoor) ?? 0) + by);
}

const byCount = (a: NameCount, b: NameCount) => b.documents - a.documents || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The names by count, the most frequent first, then by name. */
export function ranked(counts: ReadonlyMap<string, number>): NameCount[] {
  return [...counts].map(([name, documents]) => ({ name, documents })).sort(byCount);
}

/** `list` with `more` added to its counts (names down to 0 left out), in order again; the list as it is when there is nothing to add. */
export function withCounts(list: readonly NameCount[], more: ReadonlyMap<string, number>): readonly NameCount[] {
  if (more.size === 0) return list;
  const left = new Map(more);
  const out: NameCount[] = [];
  for (const c of list) {
    const n = left.get(c.name);
    if (n === undefined) out.push(c);
    else {
      left.delete(c.name);
      if (c.documents + n > 0) out.push({ name: c.name, documents: c.documents + n });
    }
  }
  for (const [name, documents] of left) if (documents > 0) out.push({ name, documents });
  // Nearly in order already: the sort passes over it in about one go.
  return out.sort(byCount);
}

/** A name without the party or role in parentheses, in lower case: `michiel van nispen` of `Michiel van Nispen (SP)`. */
export function personOf(name: string): string {
  return withoutParty(name).replace(/\s+/g, ' ').toLowerCase();
}
