/**
 * Where mentions of questions may start: the anchors of a text (`vra`, `V`, `woord`), found with `indexOf`
 * a slice at a time, just before the parser reads the lines of that slice (`AnchorReader`). The scanner
 * (mentions.ts) reads a mention at each anchor.
 */
import { grow, searchSlice, SLICE } from './lines';

/**
 * Where a question mention may start. Searching the text with `indexOf` (which V8 runs as a fast
 * memory scan) for `vra` (vraag, vragen), `V` (Vraag, VRAGEN) and `woord` (antwoord, Antwoord) is several
 * times faster than one regular expression over every character. `indexOf` looks for the first character
 * of a word with `memchr`, so a word whose first letter is rare in Dutch costs little: `woord`, not
 * `antwoord` (an `n` or `t` stands every few characters; searching `antwoord` took three times as long).
 * An all-capitals `ANTWOORD 6` is not searched for: one more pass over the text for a rare spelling.
 */
export const ANCHOR_WORDS: readonly string[] = ['vra', 'V', 'woord'];

/** `woord` stands this far into `antwoord`: the anchor of the trigger word is that much earlier. */
const WOORD_IN_ANTWOORD = 3;

/**
 * The occurrences of the `ANCHOR_WORDS` as offsets where a trigger word would start (`antwoord` three
 * characters before its `woord`): `lower[0, counts[0])`, `upper[0, counts[1])` and `woord[0, counts[2])`
 * merged into one ascending list in `out` from `at`; returns its end. A `woord` at the start of the text
 * can be no `antwoord`, and is left out.
 */
function mergeInto([lower, upper, woord]: readonly Int32Array[], counts: readonly number[], out: Int32Array, at: number): number {
  const nl = counts[0]!;
  const nu = counts[1]!;
  const nw = counts[2]!;
  let a = 0;
  let b = 0;
  let c = 0;
  while (c < nw && woord![c]! < WOORD_IN_ANTWOORD) c++;
  let n = at;
  while (a < nl || b < nu || c < nw) {
    const x = a < nl ? lower![a]! : 0x7fffffff;
    const y = b < nu ? upper![b]! : 0x7fffffff;
    const z = c < nw ? woord![c]! - WOORD_IN_ANTWOORD : 0x7fffffff;
    if (x <= y && x <= z) out[n++] = lower![a++]!;
    else if (y <= z) out[n++] = upper![b++]!;
    else {
      out[n++] = z;
      c++;
    }
  }
  return n;
}

/** How far a slice is read past its end, for a word that starts before the end. */
const ANCHOR_OVERLAP = Math.max(...ANCHOR_WORDS.map((w) => w.length)) - 1;

/** The lists of the last released `AnchorReader`, for the next one. */
let spareAnchorLists: { list: Int32Array; found: Int32Array[] } | null = null;

/** The list of a released reader: it holds nothing, and nothing is written in it. */
const NO_ANCHORS = new Int32Array(0);

/**
 * The anchors of a text, found a slice at a time just before the parser reads the lines of that slice:
 * the lines are then read while the slice is still in the processor's cache. Searched all at once before
 * the parse, a text larger than the cache was read from memory twice, and every candidate looked at by
 * the scanner (a few characters around it) cost a trip to memory.
 *
 * `through(to)` makes sure every anchor before `to` is in `list[0, count)`, ascending; the ones before
 * `done` (the caller has read past them) may be dropped to make room.
 */
export class AnchorReader {
  /** The anchors found and not yet dropped: `list[0, count)`. */
  list: Int32Array;
  count = 0;
  /** The text is searched up to here (occurrences of the words that start before it are found). */
  private searchedTo = 0;
  /** Where the next search of each word starts: after its last occurrence. */
  private readonly next = [0, 0, 0];
  /** The occurrences of each word in the slice searched last: `found[w][0, counts[w])`. */
  private readonly found: Int32Array[];
  private readonly counts = [0, 0, 0];

  /** `found`: every anchor of the text, found before (`anchorsOf`, textScans.ts); else it is searched here. */
  constructor(private readonly text: string, found?: Int32Array) {
    // The lists of the reader before, when it was released (see `release`); a text is searched once.
    const spare = spareAnchorLists;
    spareAnchorLists = null;
    this.list = spare ? spare.list : new Int32Array(64);
    this.found = spare ? spare.found : [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
    if (found !== undefined) {
      while (this.list.length < found.length) this.list = grow(this.list);
      this.list.set(found);
      this.count = found.length;
      this.searchedTo = text.length;
    }
  }

  /**
   * Gives the reader's lists to the next one: thousands of small documents are parsed in a row, and four
   * arrays made for each cost more than searching them. The reader is not to be used after it.
   */
  release(): void {
    // Lists grown for a text of very many anchors on one stretch (a 1 MB line) are not kept.
    const found = this.found;
    if (this.list.length <= 1 << 16 && found.every((f) => f.length <= 1 << 16)) spareAnchorLists = { list: this.list, found };
    this.list = NO_ANCHORS;
    this.count = 0;
  }

  /**
   * Finds the anchors before `to` (and perhaps some after), keeping those from `done` on: the anchors
   * before `done` are dropped and the rest moved to the front of `list`. Returns how many were dropped.
   */
  through(to: number, done: number): number {
    const text = this.text;
    // `woord` stands WOORD_IN_ANTWOORD characters after its anchor: search that far beyond `to`.
    const need = Math.min(text.length, to + WOORD_IN_ANTWOORD + 1);
    if (this.searchedTo >= need && this.searchedTo > 0) return 0;
    let dropped = 0;
    while (dropped < this.count && this.list[dropped]! < done) dropped++;
    this.list.copyWithin(0, dropped, this.count);
    this.count -= dropped;
    do {
      const start = this.searchedTo;
      const end = Math.min(text.length, start + SLICE);
      this.searchSlice(start, end);
      this.searchedTo = end;
    } while (this.searchedTo < need);
    return dropped;
  }

  /** The anchors of the words that start in `[start, end)`, appended to `list`. */
  private searchSlice(start: number, end: number): void {
    const text = this.text;
    // The slice runs on far enough for a word that starts before its end (`slice` makes no copy).
    const part = start === 0 && end === text.length ? text : text.slice(start, Math.min(text.length, end + ANCHOR_OVERLAP));
    const counts = this.counts;
    for (let w = 0; w < 3; w++) {
      counts[w] = 0;
      searchSlice(part, ANCHOR_WORDS[w]!, start, end, this.found, counts, this.next, w);
    }
    const total = this.count + counts[0]! + counts[1]! + counts[2]!;
    while (total > this.list.length) this.list = grow(this.list);
    const before = this.count;
    const list = this.list;
    this.count = mergeInto(this.found, counts, list, before);
    // An `antwoord` whose `woord` starts in this slice has its anchor up to three characters before it,
    // where an anchor of the slice before may stand: the first few new ones are put in order.
    for (let j = before; j < Math.min(this.count, before + WOORD_IN_ANTWOORD); j++) {
      for (let m = j; m > 0 && list[m - 1]! > list[m]!; m--) {
        const t = list[m]!;
        list[m] = list[m - 1]!;
        list[m - 1] = t;
      }
    }
  }
}

/**
 * Every anchor of `text`, ascending, as an `AnchorReader` finds them: a view of a kept list, valid until
 * the next reader is made. For the reading thread of `kamervraag check` (textScans.ts).
 */
export function anchorsOf(text: string): Int32Array {
  const reader = new AnchorReader(text);
  reader.through(text.length, 0);
  const all = reader.list.subarray(0, reader.count);
  reader.release();
  return all;
}
