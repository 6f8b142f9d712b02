/**
 * Renumber safety (issue 12, "Nothing lost"): renumber all, and insert, move up, move down and delete at
 * the questions, on generated documents (shuffled, with gaps, duplicates and headings without a number),
 * on the real examples (mutated) and on documents of hostile lines. For each edit, checked against an
 * oracle written here from the model, not from the engine:
 *
 *  - text: the lines of the result are the lines before, in the order the operation means (two blocks
 *    swapped; one block's lines gone; one heading line added), equal once digits are set aside (every
 *    run of digits read as `#`, and the number a numberless heading gets ignored). Renumbering replaces
 *    digits only (each edit: digits by digits, or ` N` after a heading's `Vraag`).
 *  - the result parses with the blocks the operation means, numbered 1…n, each block the one it was (its
 *    text without digits); renumbering it again changes nothing (idempotent).
 *  - every reference still names the same block as before — references matched by their block and place
 *    in it — unless the engine left it and said so in a note (ambiguous, a number that named nothing, a
 *    range that is no longer one, a deleted question); a reference left unreported names nothing before
 *    and after.
 *
 * `renumberSafetyProperties` joins the campaign in properties.ts (`npm run fuzz`); renumberSafety.test.ts
 * runs it bounded in `npm run test:fuzz`.
 */
import * as fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver-types';
import { parse } from '../../server/src/core/parse';
import type { KamervraagDocument, Range } from '../../server/src/core/model';
import { renumber, type NumberingNote } from '../../server/src/core/renumber';
import { deleteQuestion, insertQuestion, moveQuestion, type StructureEdit } from '../../server/src/core/structure';
import { assertNoViolations } from './editText';
import { analysed, tryApplyEdits } from './editSafety';
import { hostileDocument, kamervraagDocument, mutatedExample } from './arbitraries';
import { examples } from './harness';
import type { NamedProperty } from './properties';

export type Op = { kind: 'renumber' } | { kind: 'insert' | 'up' | 'down' | 'delete'; block: number };

const splitLines = (t: string) => t.split(/\r\n|\r|\n/);
/** Digits set aside: every run `#`, and the number a heading `Vraag` gets dropped. */
const norm = (line: string) => line.replace(/[0-9]+/g, '#').replace(/(vraag) #/giu, '$1');
const nonblank = (ls: readonly string[]) => ls.filter((l) => l.trim() !== '');

/** The lines of block `i`: heading to its last line with text (the model's range). */
function coreLines(doc: KamervraagDocument, i: number): [number, number] {
  const q = doc.blocks.question(i);
  return [q.range.start.line, q.range.end.line];
}

/** For each block after the operation, the block it was before (-1: new). */
function blockMap(op: Op, count: number): number[] {
  const ids = Array.from({ length: count }, (_, i) => i);
  if (op.kind === 'up' || op.kind === 'down') {
    const j = op.kind === 'up' ? op.block - 1 : op.block + 1;
    [ids[op.block], ids[j]] = [ids[j]!, ids[op.block]!];
  } else if (op.kind === 'delete') ids.splice(op.block, 1);
  else if (op.kind === 'insert') ids.splice(op.block + 1, 0, -1);
  return ids;
}

/** The reference rows of block `i`, or of no block (Mededelingen) for -1. */
function referencesOf(doc: KamervraagDocument, i: number): number[] {
  const rows = doc.blocks;
  if (i >= 0) return Array.from({ length: rows.referencesEnd(i) - rows.firstReference(i) }, (_, k) => rows.firstReference(i) + k);
  const inBlocks = new Set<number>();
  for (let b = 0; b < rows.questionCount; b++) for (let r = rows.firstReference(b); r < rows.referencesEnd(b); r++) inBlocks.add(r);
  return Array.from({ length: rows.referenceCount }, (_, r) => r).filter((r) => !inBlocks.has(r));
}

/** The block each number names: its one carrier, else null. */
function resolver(doc: KamervraagDocument): (n: number) => number | null {
  const carriers = new Map<number, number[]>();
  doc.questions.forEach((q, i) => q.number !== null && carriers.set(q.number, [...(carriers.get(q.number) ?? []), i]));
  return (n) => {
    const c = carriers.get(n);
    return c && c.length === 1 ? c[0]! : null;
  };
}

const sameRange = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character
  && a.end.line === b.end.line && a.end.character === b.end.character;

function diff(want: readonly string[], got: readonly string[]): string {
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== got[i]) return `  line ${i}: expected ${JSON.stringify(want[i])}, got ${JSON.stringify(got[i])}`;
  }
  return '  (same lines)';
}

/** Whether the lines after (normalised) are the ones the operation means; a message when not. */
function textViolation(text: string, before: KamervraagDocument, op: Op, got: string[]): string | null {
  const lines = splitLines(text).map(norm);
  let want: string[];
  let gotLines = got;
  if (op.kind === 'renumber') want = lines;
  else if (op.kind === 'up' || op.kind === 'down') {
    const [a, b] = op.kind === 'up' ? [op.block - 1, op.block] : [op.block, op.block + 1];
    const [a0, a1] = coreLines(before, a);
    const [b0, b1] = coreLines(before, b);
    want = [...lines.slice(0, a0), ...lines.slice(b0, b1 + 1), ...lines.slice(a1 + 1, b0), ...lines.slice(a0, a1 + 1), ...lines.slice(b1 + 1)];
  } else if (op.kind === 'delete') {
    // Blank lines around the block may go with it: compared without them.
    const [h, l] = coreLines(before, op.block);
    want = nonblank([...lines.slice(0, h), ...lines.slice(l + 1)]);
    gotLines = nonblank(got);
  } else {
    // One heading line `• Vraag` more, after the block's last line (or before the first block).
    const place = op.block >= 0 ? coreLines(before, op.block)[1] + 1 : coreLines(before, 0)[0];
    const head = nonblank(lines.slice(0, place));
    gotLines = nonblank(got);
    const inserted = gotLines[head.length] ?? '(none)';
    if (!/^[\s\u00a0\ufeff]*•[\s\u00a0]*Vraag$/u.test(inserted)) return `the inserted heading is ${JSON.stringify(inserted)}`;
    want = [...head, inserted, ...nonblank(lines.slice(place))];
  }
  return JSON.stringify(gotLines) === JSON.stringify(want) ? null : `the text changes beyond the operation:\n${diff(want, gotLines)}`;
}

/** What is wrong with `edits` (and its notes) as operation `op` on `text`. */
export function renumberViolations(text: string, op: Op, edits: readonly TextEdit[], notes: readonly NumberingNote[]): string[] {
  const where = JSON.stringify(op);
  const before = parse(text);
  const after = tryApplyEdits(text, edits);
  if (after instanceof Error) return [`${where}: the edits do not apply: ${after.message}`];
  const out: string[] = [];
  const oldLines = splitLines(text);
  // Renumbering replaces digits by digits, or writes ` N` after the word of a numberless heading.
  if (op.kind === 'renumber') {
    for (const e of edits) {
      const old = e.range.start.line === e.range.end.line ? oldLines[e.range.start.line]!.slice(e.range.start.character, e.range.end.character) : '\n';
      const ok = /^[0-9]+$/.test(old) ? /^[0-9]+$/.test(e.newText)
        : old === '' && /^ [0-9]+$/.test(e.newText) && /vraag$/i.test(oldLines[e.range.start.line]!.slice(0, e.range.start.character));
      if (!ok) out.push(`${where}: an edit replaces ${JSON.stringify(old)} by ${JSON.stringify(e.newText)}`);
    }
  }
  const textWrong = textViolation(text, before, op, splitLines(after).map(norm));
  if (textWrong) out.push(`${where}: ${textWrong}`);
  // The blocks the operation means, numbered 1…n, each the block it was.
  const doc = parse(after);
  const map = blockMap(op, before.blocks.questionCount);
  const numbers = doc.questions.map((q) => q.number);
  const wantNumbers = map.map((_, i) => i + 1);
  if (JSON.stringify(numbers) !== JSON.stringify(wantNumbers)) out.push(`${where}: numbered ${JSON.stringify(numbers)}, expected ${JSON.stringify(wantNumbers)}`);
  if (out.length > 0) return out;
  const afterLines = splitLines(after);
  const body = (d: KamervraagDocument, ls: readonly string[], i: number) => {
    const [h, l] = coreLines(d, i);
    return ls.slice(h + 1, l + 1).map(norm).join('\n');
  };
  map.forEach((from, i) => {
    if (from >= 0 && body(before, oldLines, from) !== body(doc, afterLines, i)) out.push(`${where}: block ${i} is not block ${from} of before`);
  });
  // Every reference names the same block, unless a note says why not.
  const oldBlock = resolver(before);
  const newBlock = resolver(doc);
  const noted = (r: Range) => notes.some((n) => sameRange(n.range, r));
  for (let i = -1; i < map.length; i++) {
    const from = i < 0 ? -1 : map[i]!;
    if (i >= 0 && from < 0) continue;
    const olds = referencesOf(before, from);
    const news = referencesOf(doc, i);
    if (olds.length !== news.length) {
      out.push(`${where}: block ${i} has ${news.length} references, had ${olds.length}`);
      continue;
    }
    olds.forEach((r, k) => {
      const o = before.blocks.reference(r);
      if (noted(o.range)) return;
      const n = doc.blocks.reference(news[k]!);
      const meant = o.numbers.map((x) => {
        const b = oldBlock(x);
        return b === null ? `none ${x}` : `block ${map.indexOf(b)}`;
      }).sort();
      const now = n.numbers.map((x) => {
        const b = newBlock(x);
        return b === null ? `none ${x}` : `block ${b}`;
      }).sort();
      if (JSON.stringify(meant) !== JSON.stringify(now)) {
        const written = oldLines[o.range.start.line]!.slice(o.range.start.character, o.range.end.character);
        out.push(`${where}: "${written}" named ${meant.join(', ')}, now ${now.join(', ')}`);
      }
    });
  }
  // Renumbering the result changes nothing.
  const again = renumber(analysed(after));
  if (again.edits.length > 0) out.push(`${where}: renumbering the result again changes ${JSON.stringify(again.edits.map((e) => e.newText))}`);
  return out;
}

type Result = StructureEdit | { edits: TextEdit[]; notes: NumberingNote[] } | null;

/** Renumber, insert above the first question, and insert/up/down/delete at (up to `maxBlocks` of) the questions. */
export function checkRenumbering(text: string, maxBlocks = 40): string[] {
  const analysis = analysed(text);
  const rows = analysis.document.blocks;
  const out: string[] = [];
  const run = (op: Op, result: Result, expectNull: boolean) => {
    if (result === null) {
      if (!expectNull) out.push(`${JSON.stringify(op)}: no edit`);
    } else if (expectNull) out.push(`${JSON.stringify(op)}: an edit where there should be none`);
    else out.push(...renumberViolations(text, op, result.edits, result.notes));
  };
  try {
    run({ kind: 'renumber' }, renumber(analysis), false);
    const count = rows.questionCount;
    if (count > 0 && rows.headingLine(0) > 0) run({ kind: 'insert', block: -1 }, insertQuestion(analysis, { line: 0, character: 0 }), false);
    const step = Math.max(1, Math.ceil(count / maxBlocks));
    for (let i = 0; i < count; i += step) {
      // At the heading, or (every other block) on the block's last line.
      const pos = i % 2 === 0 ? { line: rows.headingLine(i), character: 0 } : { line: rows.question(i).range.end.line, character: 1 };
      run({ kind: 'insert', block: i }, insertQuestion(analysis, pos), false);
      run({ kind: 'up', block: i }, moveQuestion(analysis, pos, 'up'), i === 0);
      run({ kind: 'down', block: i }, moveQuestion(analysis, pos, 'down'), i === count - 1);
      run({ kind: 'delete', block: i }, deleteQuestion(analysis, pos), false);
    }
  } catch (err) {
    out.push(`throws: ${(err as Error).stack}`);
  }
  return out;
}

/** `text` with its question blocks put in another order (the text between blocks stays), and some headings renumbered (-1: no number). */
export function shuffleBlocks(text: string, order: (count: number) => number[], renames: ReadonlyArray<readonly [number, number]> = []): string {
  const doc = parse(text);
  const lines = text.split('\n');
  const count = doc.blocks.questionCount;
  if (count === 0) return text;
  const cores = Array.from({ length: count }, (_, i) => coreLines(doc, i));
  const blocks = order(count).map((k) => lines.slice(cores[k]![0], cores[k]![1] + 1));
  for (const [a, n] of renames) {
    const block = blocks[a % count]!;
    block[0] = n < 0 ? block[0]!.replace(/\s*[0-9]+/, '') : block[0]!.replace(/[0-9]+/, String(n));
  }
  const out: string[] = lines.slice(0, cores[0]![0]);
  cores.forEach(([, l], i) => out.push(...blocks[i]!, ...lines.slice(l + 1, i + 1 < count ? cores[i + 1]![0] : lines.length)));
  return out.join('\n');
}

/** A generated document with its blocks shuffled (cut and pasted), and some headings given another number or none. */
export const shuffledDocument: fc.Arbitrary<string> = fc
  .tuple(
    kamervraagDocument(true),
    fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
    fc.array(fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant(-1))), { maxLength: 3 }),
  )
  .map(([text, swaps, renames]) => shuffleBlocks(text, (count) => {
    const ids = Array.from({ length: count }, (_, i) => i);
    for (const [a, b] of swaps) [ids[a % count], ids[b % count]] = [ids[b % count]!, ids[a % count]!];
    return ids;
  }, renames));

function assertNone(violations: readonly string[], text: string, how = ''): void {
  assertNoViolations('unsafe edit(s)', violations, text, how);
}

export const renumberSafetyProperties: NamedProperty[] = [
  {
    name: 'renumber-safety-shuffled',
    description: 'renumber, insert, move and delete at the questions of generated documents with shuffled blocks, gaps, duplicates and numberless headings',
    property: fc.property(shuffledDocument, (text) => assertNone(checkRenumbering(text), text)),
  },
  {
    name: 'renumber-safety-mutated-examples',
    description: 'renumber, insert, move and delete on the real examples mutated',
    property: fc.property(mutatedExample(examples()), ({ text, how }) => assertNone(checkRenumbering(text, 6), text, how)),
  },
  {
    name: 'renumber-safety-hostile-lines',
    description: 'renumber, insert, move and delete on documents of hostile lines',
    property: fc.property(hostileDocument, (text) => assertNone(checkRenumbering(text, 8), text)),
  },
];
