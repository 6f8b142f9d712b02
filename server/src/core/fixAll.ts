/**
 * Fix-all (`source.fixAll.kamervraag`): every fix that needs no input, applied at once, as one set of
 * non-overlapping edits of the text as it is.
 *
 * In rounds: a round takes the fixes of the current text whose edits overlap no other taken fix (the
 * smallest first, so a key or a day count is mended before the metadata lines around it are reordered),
 * applies them and checks the result again; the next round takes what is left, until no fix remains (the
 * text is then what fix-all gives itself: applying it twice changes nothing) or MAX_ROUNDS. The rounds'
 * edits are composed into edits of the original text: each changed stretch of it once, trimmed to what
 * really differs, so that an editor keeps its cursor and marks outside them.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { analyze, type Analysis } from './analysis';
import type { Fix } from './diagnostic';
import { EditedText, type TextChange } from './editedText';

/** Rounds at most: each mends what the one before left (a key, then the order); more would be a loop. */
export const MAX_ROUNDS = 8;

/** Whether two edits may not be applied together: they overlap, or insert at the same place. */
function conflict(a: TextChange, b: TextChange): boolean {
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

/** The fixes of one round: every fix without input, each once, none overlapping a fix taken before it. */
function round(analysis: Analysis, leave: ReadonlySet<string>): TextChange[] {
  const lines = analysis.lines;
  const seen = new Set<string>();
  const candidates: Array<{ edits: TextChange[]; size: number; at: number; id: number }> = [];
  for (const d of analysis.diagnostics) {
    const fix: Fix | undefined = d.fix;
    if (!fix || fix.needsInput || fix.edits.length === 0 || leave.has(d.code)) continue;
    const edits = fix.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }));
    const key = JSON.stringify(edits);
    if (seen.has(key)) continue;
    seen.add(key);
    candidates.push({ edits, size: edits.reduce((n, e) => n + e.end - e.start, 0), at: edits[0]!.start, id: candidates.length });
  }
  // Conflicting pairs, by a sweep over the edits sorted by start.
  const flat = candidates.flatMap((c) => c.edits.map((e) => ({ e, id: c.id }))).sort((x, y) => x.e.start - y.e.start || x.e.end - y.e.end);
  const conflicts = new Map<number, number[]>();
  for (let i = 0; i < flat.length; i++) {
    for (let j = i + 1; j < flat.length && flat[j]!.e.start <= Math.max(flat[i]!.e.end, flat[i]!.e.start); j++) {
      if (flat[i]!.id === flat[j]!.id || !conflict(flat[i]!.e, flat[j]!.e)) continue;
      (conflicts.get(flat[i]!.id) ?? conflicts.set(flat[i]!.id, []).get(flat[i]!.id)!).push(flat[j]!.id);
      (conflicts.get(flat[j]!.id) ?? conflicts.set(flat[j]!.id, []).get(flat[j]!.id)!).push(flat[i]!.id);
    }
  }
  const taken = new Set<number>();
  const out: TextChange[] = [];
  for (const c of [...candidates].sort((x, y) => x.size - y.size || x.at - y.at)) {
    if ((conflicts.get(c.id) ?? []).some((other) => taken.has(other))) continue;
    taken.add(c.id);
    out.push(...c.edits);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A stretch of the original text `[a, b)` that the rounds changed, and the length it has now. */
interface Changed {
  a: number;
  b: number;
  len: number;
}

/**
 * `changed` (stretches of the original text, in order) after a round's `edits` (offsets of the current
 * text, in order, not overlapping): stretches and edits that touch become one stretch.
 */
function compose(changed: readonly Changed[], edits: readonly TextChange[]): Changed[] {
  // Both as spans of the current text, merged in order.
  type Item = { ks: number; ke: number; grow: number; dirty: Changed | null };
  const items: Item[] = [];
  let delta = 0;
  let i = 0;
  let j = 0;
  while (i < changed.length || j < edits.length) {
    const c = changed[i];
    const e = edits[j];
    const cs = c ? c.a + delta : Number.POSITIVE_INFINITY;
    if (c && (!e || cs <= e.start)) {
      items.push({ ks: cs, ke: cs + c.len, grow: 0, dirty: c });
      delta += c.len - (c.b - c.a);
      i++;
    } else {
      items.push({ ks: e!.start, ke: e!.end, grow: e!.newText.length - (e!.end - e!.start), dirty: null });
      j++;
    }
  }
  const out: Changed[] = [];
  // `shift`: how much longer the current text is than the original before the item being read.
  let shift = 0;
  for (let k = 0; k < items.length;) {
    const cs = items[k]!.ks;
    const startShift = shift;
    let ce = items[k]!.ke;
    let grow = 0;
    for (; k < items.length && items[k]!.ks <= ce; k++) {
      const it = items[k]!;
      ce = Math.max(ce, it.ke);
      grow += it.grow;
      if (it.dirty) shift += it.dirty.len - (it.dirty.b - it.dirty.a);
    }
    out.push({ a: cs - startShift, b: ce - shift, len: ce - cs + grow });
  }
  return out;
}

/** Whether offset `i` of `s` falls inside a surrogate pair or a `\r\n`, where no edit may begin or end. */
function splits(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return false;
  const before = s.charCodeAt(i - 1);
  const after = s.charCodeAt(i);
  return (before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

/** The edit from `old` to `now` at `a`, without the characters both start or end with. */
function trimmed(old: string, now: string, a: number): TextChange {
  let p = 0;
  while (p < old.length && p < now.length && old[p] === now[p]) p++;
  while (p > 0 && (splits(old, p) || splits(now, p))) p--;
  let q = 0;
  while (q < old.length - p && q < now.length - p && old[old.length - 1 - q] === now[now.length - 1 - q]) q++;
  while (q > 0 && (splits(old, old.length - q) || splits(now, now.length - q))) q--;
  return { start: a + p, end: a + old.length - q, newText: now.slice(p, now.length - q) };
}

export interface FixAllResult {
  /** Edits of the analysed text, in order, not overlapping; empty when there is nothing to fix. */
  readonly edits: TextEdit[];
  /** The text after them. */
  readonly text: string;
  /** False when fixes were left after MAX_ROUNDS (the text is then not yet what fix-all gives itself). */
  readonly settled: boolean;
}

const cache = new WeakMap<Analysis, Map<string, FixAllResult>>();

/**
 * Every fix without input of `analysis`, applied at once (see the header); `leave`: the codes whose fixes
 * stay out (the checks the user set to `ignore`).
 */
export function fixAll(analysis: Analysis, leave: readonly string[] = []): FixAllResult {
  const key = [...leave].sort().join(' ');
  const results = cache.get(analysis) ?? cache.set(analysis, new Map()).get(analysis)!;
  const known = results.get(key);
  if (known) return known;
  const left = new Set(leave);
  const original = analysis.text;
  let text = original;
  let current = analysis;
  let changed: Changed[] = [];
  let settled = false;
  for (let r = 0; r <= MAX_ROUNDS; r++) {
    const edits = round(current, left);
    if (edits.length === 0) {
      settled = true;
      break;
    }
    if (r === MAX_ROUNDS) break;
    changed = compose(changed, edits);
    text = EditedText.of(text, edits).toString();
    current = analyze(text);
  }
  const edits: TextEdit[] = [];
  let shift = 0;
  for (const c of changed) {
    const now = text.slice(c.a + shift, c.a + shift + c.len);
    shift += c.len - (c.b - c.a);
    const e = trimmed(original.slice(c.a, c.b), now, c.a);
    if (e.start === e.end && e.newText === '') continue;
    edits.push({ range: { start: analysis.lines.positionAt(e.start), end: analysis.lines.positionAt(e.end) }, newText: e.newText });
  }
  const result = { edits, text, settled };
  results.set(key, result);
  return result;
}
