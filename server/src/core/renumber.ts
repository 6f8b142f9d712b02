/**
 * The renumber engine: the one place that gives the question blocks new numbers and rewrites every
 * reference so that it still names the *same block* as before. Renumber all (1…n in document order),
 * and the structural edits of `structure.ts` (insert, move, delete a question), all go through
 * `numbering`.
 *
 * What a reference means is read before the change: a number names the one block that carries it. A
 * number carried by two blocks is ambiguous, a number no block carries names nothing; both are left as
 * they stand and reported (a `NumberingNote`, English and Dutch) when the change would alter what they
 * name. A range (`2 t/m 5`) is rewritten when its questions still form a range afterwards (in any order:
 * `2 t/m 5` whose blocks were reversed stays `2 t/m 5`); otherwise it is left and reported. A list
 * (`3, 8 en 9`) is rewritten number by number.
 *
 * Only digits change (a heading without a number gets ` N` after `Vraag`), and only where the number
 * changes: no edit for a number that stays. Connection-free: offsets and LSP types only.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import type { TextChange } from './editedText';
import type { Message } from './diagnostic';
import { readHeadingAt } from './headings';
import type { LineTable } from './lines';
import { MAX_IMPLIED_RANGE } from './mentions';
import type { Reference, ReferenceTarget } from './model';

export type NoteKind = 'ambiguous' | 'unknown' | 'range' | 'deleted';

/** A reference the engine left as it stands, and why: for the user, in English and Dutch. */
export interface NumberingNote {
  readonly kind: NoteKind;
  /** The whole reference ("Zie antwoord vraag 3"). */
  readonly range: Range;
  readonly message: Message;
}

export interface Numbering {
  /** Sorted, not overlapping. */
  readonly changes: TextChange[];
  readonly notes: NumberingNote[];
}

/** The new number of block `i` (an index in `doc.blocks`), or null when the block goes (it is deleted). */
export type NewNumbers = (i: number) => number | null;

export interface NumberingOptions {
  /** Lines whose references are not rewritten nor reported (the lines of a block being deleted). */
  readonly skipLines?: { readonly from: number; readonly to: number };
  /** How many questions the document has afterwards (default: the blocks with a new number). */
  readonly countAfter?: number;
}

const RANGE_WORDS = /t\/m|tot\s+en\s+met|[-–]/i;

const fill = (m: Message, vars: Record<string, string | number>): Message => {
  const f = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
  return { en: f(m.en), nl: f(m.nl) };
};

const NOTES: Record<NoteKind, Message> = {
  ambiguous: {
    en: '"{text}" is left as it is: more than one question has number {n}, so it is not clear which it means.',
    nl: '"{text}" is ongewijzigd gelaten: meer dan één vraag heeft nummer {n}, dus het is niet duidelijk welke bedoeld is.',
  },
  unknown: {
    en: '"{text}" is left as it is: there was no question {n}, but after renumbering there is one. Check this reference.',
    nl: '"{text}" is ongewijzigd gelaten: er was geen vraag {n}, maar na het hernummeren wel. Controleer deze verwijzing.',
  },
  range: {
    en: '"{text}" is left as it is: the questions it names would no longer form a range ({list}). Edit it by hand.',
    nl: '"{text}" is ongewijzigd gelaten: de vragen die het noemt vormen geen reeks meer ({list}). Pas het met de hand aan.',
  },
  deleted: {
    en: '"{text}" refers to question {n}, which is deleted; the reference is left as it is.',
    nl: '"{text}" verwijst naar vraag {n}, die verwijderd wordt; de verwijzing is ongewijzigd gelaten.',
  },
};

/** How a number of a reference resolves: to one block, to several, to none. */
type Resolved = { kind: 'block'; block: number } | { kind: 'ambiguous' } | { kind: 'unknown' };

/** The changes as LSP edits on the text of `lines`. */
export function toTextEdits(lines: LineTable, changes: readonly TextChange[]): TextEdit[] {
  return changes.map((c) => ({ range: { start: lines.positionAt(c.start), end: lines.positionAt(c.end) }, newText: c.newText }));
}

/** True when change `c` lies outside the text `[from, to)` (an insertion at `to` belongs to it, see applyWithin). */
export function outside(c: TextChange, from: number, to: number): boolean {
  return c.end <= from || (c.start >= to && !(c.start === to && c.end === to));
}

/** Sorted changes with those that touch merged into one (an editor may refuse two edits at one place). */
export function mergeChanges(text: string, changes: readonly TextChange[]): TextChange[] {
  const sorted = [...changes].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextChange[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c.start <= last.end) {
      if (c.start < last.end) throw new Error(`overlapping changes at ${c.start}`);
      out[out.length - 1] = { start: last.start, end: c.end, newText: last.newText + text.slice(last.end, c.start) + c.newText };
    } else out.push(c);
  }
  return out;
}

/**
 * `text[from, to)` with the changes that lie inside it applied. An insertion belongs to the text it ends
 * (the ` N` of a numberless heading at the end of its line): one at `to` is applied, one at `from` is not.
 */
export function applyWithin(text: string, from: number, to: number, changes: readonly TextChange[]): string {
  let out = '';
  let at = from;
  for (const c of changes) {
    if (c.start < from || c.end > to || (c.start === from && c.end === from && from < to)) continue;
    out += text.slice(at, c.start) + c.newText;
    at = c.end;
  }
  return out + text.slice(at, to);
}

/** The change that gives the heading of block `i` the number `n` (null when it has it already). */
export function headingChange(analysis: Analysis, i: number, n: number): TextChange | null {
  const rows = analysis.document.blocks;
  if (rows.number(i) === n) return null;
  const h = readHeadingAt(rows.lines, rows.headingLine(i));
  if (!h) return null;
  if (h.numberEnd > h.numberStart) return { start: h.numberStart, end: h.numberEnd, newText: String(n) };
  // `• Vraag` without a number: ` N` after the word.
  return { start: h.wordStart + 5, end: h.wordStart + 5, newText: ` ${n}` };
}

/** The written numbers of a reference in groups: a single number, or the two ends of a range (more when ranges chain). */
function groups(analysis: Analysis, reference: Reference): ReferenceTarget[][] {
  const written = reference.targets.filter((t) => !t.implied);
  const out: ReferenceTarget[][] = [];
  for (let k = 0; k < written.length; k++) {
    const t = written[k]!;
    const prev = written[k - 1];
    const lines = analysis.lines;
    const between = prev ? lines.text.slice(lines.offsetAt(prev.range.end), lines.offsetAt(t.range.start)) : '';
    if (prev && RANGE_WORDS.test(between)) out[out.length - 1]!.push(t);
    else out.push([t]);
  }
  return out;
}

/**
 * The changes that give each block `i` the number `newNumber(i)` and rewrite every reference to keep
 * naming the same block, with a note for each reference left as it stands.
 */
export function numbering(analysis: Analysis, newNumber: NewNumbers, options: NumberingOptions = {}): Numbering {
  const rows = analysis.document.blocks;
  const lines = rows.lines;
  const count = rows.questionCount;
  const changes: TextChange[] = [];
  const notes: NumberingNote[] = [];
  // How many blocks carry each number.
  const carriers = new Map<number, number>();
  let after = 0;
  for (let i = 0; i < count; i++) {
    const n = rows.number(i);
    if (n !== null) carriers.set(n, (carriers.get(n) ?? 0) + 1);
    const to = newNumber(i);
    if (to === null) continue;
    after++;
    const change = headingChange(analysis, i, to);
    if (change) changes.push(change);
  }
  const countAfter = options.countAfter ?? after;
  const graph = analysis.graph;
  const resolve = (n: number): Resolved => {
    const c = carriers.get(n) ?? 0;
    return c === 0 ? { kind: 'unknown' } : c > 1 ? { kind: 'ambiguous' } : { kind: 'block', block: graph.indexOf(n) };
  };
  /** The number `n` names after the change (itself when it names no single block), or null: deleted. */
  const mapped = (n: number): number | null => {
    const r = resolve(n);
    return r.kind === 'block' ? newNumber(r.block) : n;
  };
  const skip = options.skipLines;
  for (let r = 0; r < rows.referenceCount; r++) {
    const line = rows.referenceLine(r);
    if (skip && line >= skip.from && line < skip.to) continue;
    const reference = rows.reference(r);
    const note = (kind: NoteKind, vars: Record<string, string | number>) =>
      notes.push({ kind, range: reference.range, message: fill(NOTES[kind], { text: analysis.textOf(reference.range), ...vars }) });
    for (const group of groups(analysis, reference)) {
      const written = group.map((t) => t.number);
      const lo = written[0]!;
      const hi = written[written.length - 1]!;
      // A range names every number from its start to its end; a reversed, huge or chained one only what it writes.
      const isRange = group.length === 2 && lo < hi && hi - lo <= MAX_IMPLIED_RANGE;
      const named = isRange ? Array.from({ length: hi - lo + 1 }, (_, k) => lo + k) : written;
      const resolved = named.map(resolve);
      const ambiguous = named.find((_, k) => resolved[k]!.kind === 'ambiguous');
      if (ambiguous !== undefined) {
        note('ambiguous', { n: ambiguous });
        continue;
      }
      const deleted = named.find((n, k) => resolved[k]!.kind === 'block' && mapped(n) === null);
      if (deleted !== undefined) {
        note('deleted', { n: deleted });
        continue;
      }
      // A number that names nothing now but would name a question afterwards.
      const dangling = named.find((n, k) => resolved[k]!.kind === 'unknown' && n >= 1 && n <= countAfter);
      if (dangling !== undefined) {
        note('unknown', { n: dangling });
        continue;
      }
      const moves = named.some((n, k) => resolved[k]!.kind === 'block' && mapped(n) !== n);
      if (!moves) continue;
      if (group.length === 1) {
        changes.push(changeOf(lines, group[0]!, mapped(lo)!));
        continue;
      }
      const targets = named.map((n) => mapped(n));
      const known = targets.every((n, k) => n !== null && resolved[k]!.kind === 'block');
      const min = Math.min(...(targets as number[]));
      const max = Math.max(...(targets as number[]));
      if (!isRange || !known || max - min !== named.length - 1 || new Set(targets).size !== targets.length) {
        note('range', { list: [...targets].sort((x, y) => (x ?? 0) - (y ?? 0)).join(', ') });
        continue;
      }
      if (min !== lo) changes.push(changeOf(lines, group[0]!, min));
      if (max !== hi) changes.push(changeOf(lines, group[1]!, max));
    }
  }
  changes.sort((a, b) => a.start - b.start);
  return { changes, notes };
}

function changeOf(lines: LineTable, target: ReferenceTarget, n: number): TextChange {
  return { start: lines.offsetAt(target.range.start), end: lines.offsetAt(target.range.end), newText: String(n) };
}

/** True when the blocks are not numbered 1, 2, 3 … in document order (a gap, a duplicate, a block without a number). */
export function needsRenumbering(analysis: Analysis): boolean {
  const rows = analysis.document.blocks;
  for (let i = 0; i < rows.questionCount; i++) if (rows.number(i) !== i + 1) return true;
  return false;
}

export interface RenumberResult {
  /** One edit of the document: apply together (one undo). */
  readonly edits: TextEdit[];
  readonly notes: NumberingNote[];
}

/** Renumber all: the blocks 1…n in document order, every reference still naming the same block. */
export function renumber(analysis: Analysis): RenumberResult {
  const { changes, notes } = numbering(analysis, (i) => i + 1);
  return { edits: toTextEdits(analysis.lines, mergeChanges(analysis.text, changes)), notes };
}
