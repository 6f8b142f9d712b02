/**
 * Structure actions safety ("no edit the server proposes may ever lose a word"): renumbering and the
 * question structure as the server serves them, not the core engine (renumberSafety.ts tests that):
 * the `textDocument/codeAction` row of the feature table (features/index.ts, the one the server
 * registers) asked with a cursor and `context.only` kinds (`source.renumber.kamervraag`, the
 * `quickfix.renumber.kamervraag` of the numbering diagnostics, `refactor.rewrite.kamervraag[.insert|
 * .moveUp|.moveDown|.delete]`), and the rows of the requests `kamervraag/renumber|insertQuestion|
 * moveQuestion|deleteQuestion`. Each WorkspaceEdit that comes back is applied as an editor applies it and
 * checked, with an oracle written from the parsed model:
 *
 *  (e) the edit is one TextEdit[] for the one document (one undo): ranges inside the text, sorted,
 *      neither overlapping nor touching; the line ends it writes are the document's;
 *  (a) renumber, move up/down: the words of the document are the same multiset; digits change only in
 *      heading numbers and written reference numbers; the lines are the ones the operation means and
 *      every reference names the same block as before, unless the server's notes say it left it
 *      (renumberViolations of renumberSafety.ts);
 *  (b) insert: the words before, plus `•` `Vraag` and its number, and one question block more;
 *  (c) delete: exactly the words of the deleted block (heading to its last line with text) go, nothing
 *      else; references to the other blocks still name them; the references to the deleted question
 *      outside it are the `referrers` the client warns about;
 *  (d) at a position where an action cannot apply (no question under the cursor, the first question
 *      moved up, the last down, a document without questions), it is not offered or changes nothing,
 *      and the request answers null; where it can apply, it is offered.
 *
 * `structureActionsSafetyProperties` joins the campaign (properties.ts, `npm run fuzz`);
 * structureActionsSafety.test.ts runs it bounded in `npm run test:fuzz`.
 */
import * as fc from 'fast-check';
import type { CodeActionParams } from 'vscode-languageserver';
import type { CodeAction, Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../../server/src/core/analysis';
import type { KamervraagDocument } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parse';
import { featureContext } from '../../server/src/features/context';
import { toLspDiagnostic } from '../../server/src/features/diagnostics';
import { DOCUMENT_FEATURES, Refusal, type DocumentFeature } from '../../server/src/features/index';
import { RENUMBER_FIX_KIND, RENUMBER_KIND, REFACTOR_KIND, type DeleteAnswer, type StructureAnswer } from '../../server/src/features/structure';
import { hostileDocument, kamervraagDocument, mutatedExample, probes } from './arbitraries';
import { analysed, applyEdits, missing, tryApplyEdits, words } from './editSafety';
import { assertNoViolations, lineSpans } from './editText';
import { examples, type Pos } from './harness';
import type { NamedProperty } from './properties';
import { renumberViolations, shuffledDocument, type Op } from './renumberSafety';

export const URI = 'file:///structure-actions.kvr';
const CONTEXT = featureContext({ locale: 'en' });
/* eslint-disable @typescript-eslint/no-explicit-any */
type Row = DocumentFeature<any, any>;

/** The rows of the feature table these properties call (a test may hand in broken ones). */
export interface StructureFeatures {
  readonly codeAction: Row;
  readonly renumber: Row;
  readonly insertQuestion: Row;
  readonly moveQuestion: Row;
  readonly deleteQuestion: Row;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export const SERVED: StructureFeatures = DOCUMENT_FEATURES;

const NUMBERING_CODES = new Set(['question-number-sequence', 'duplicate-question-number']);
const REFACTORS = ['insert', 'moveUp', 'moveDown', 'delete'] as const;
type Refactor = (typeof REFACTORS)[number];

/** The block whose own lines hold `line` (heading up to the next heading, Mededeling or footer), else -1. */
export function blockUnderLine(doc: KamervraagDocument, line: number): number {
  const i = blockAtLine(doc, line);
  if (i < 0) return -1;
  const starts = [...doc.questions.map((q) => q.range.start.line), ...doc.mededelingen.map((m) => m.range.start.line), doc.footer?.range.start.line ?? doc.lineCount];
  const end = Math.min(doc.lineCount, ...starts.filter((s) => s > doc.questions[i]!.range.start.line));
  return line < end ? i : -1;
}

/** The last block whose heading stands on or above `line` (-1: above the first). */
function blockAtLine(doc: KamervraagDocument, line: number): number {
  let at = -1;
  doc.questions.forEach((q, i) => {
    if (q.range.start.line <= line) at = i;
  });
  return at;
}

/** Digits renumbering may change: heading numbers and written reference numbers, as offset ranges. */
function numberSpans(text: string, doc: KamervraagDocument): Array<[number, number]> {
  const starts = lineSpans(text).map(([a]) => a);
  const off = (p: Position) => starts[p.line]! + p.character;
  const out: Array<[number, number]> = [];
  for (const q of doc.questions) if (q.numberRange) out.push([off(q.numberRange.start), off(q.numberRange.end)]);
  for (const r of doc.references) for (const t of r.targets) if (!t.implied) out.push([off(t.range.start), off(t.range.end)]);
  return out.sort((x, y) => x[0] - y[0]);
}

const isDigits = (w: string) => /^[0-9]+$/.test(w);
const letters = (t: string) => words(t).filter((w) => !isDigits(w));
/** The digit runs (the number words of `words`) of `text[from, to)` outside the spans renumbering may change. */
function fixedDigits(text: string, spans: Array<[number, number]>, from = 0, to = text.length): string[] {
  let masked = '';
  let at = from;
  for (const [a, b] of spans) {
    if (a < from || b > to) continue;
    masked += `${text.slice(at, a)} `;
    at = b;
  }
  return `${masked}${text.slice(at, to)}`.match(/[0-9]+/g) ?? [];
}

const sorted = (ws: readonly string[]) => JSON.stringify([...ws].sort());

/**
 * What `op` may do to the words: (a) none change, (b) `•` `Vraag` come, (c) the block's go; digits change
 * only in question numbers. Compared on the lines the edits touch: the text around them is checked to be
 * the same to the character.
 */
function wordViolations(c: Checked, after: string, op: Op, edits: readonly TextEdit[]): string[] {
  const { text, doc: before, spans } = c;
  const now = parse(after);
  const out: string[] = [];
  const blocks = before.questions.length + (op.kind === 'insert' ? 1 : op.kind === 'delete' ? -1 : 0);
  if (now.questions.length !== blocks) out.push(`${now.questions.length} questions after, expected ${blocks}`);
  if (edits.length === 0) return out;
  const a = spans[edits[0]!.range.start.line]![0];
  const b = spans[edits[edits.length - 1]!.range.end.line]![1];
  const tail = text.length - b;
  if (after.length < a + tail || !after.startsWith(text.slice(0, a)) || !after.endsWith(text.slice(b))) {
    return [...out, 'changes text outside the lines of its edits'];
  }
  const was = letters(text.slice(a, b));
  const is = letters(after.slice(a, after.length - tail));
  let gone = was;
  let digitsGone = fixedDigits(text, c.numbers, a, b);
  let added: string[] = [];
  if (op.kind === 'delete') {
    const q = before.questions[op.block]!;
    const [from, to] = [spans[q.range.start.line]![0], spans[q.range.end.line]![1]];
    const block = letters(text.slice(from, to));
    gone = missing(gone, block);
    digitsGone = missing(digitsGone, fixedDigits(text, c.numbers, from, to));
    const lost = missing(was, is);
    if (sorted(lost) !== sorted(block)) out.push(`deletes ${JSON.stringify(lost)}, the block is ${JSON.stringify(block)}`);
  } else if (op.kind === 'insert') added = ['•', 'Vraag'];
  const lost = missing(gone, is);
  if (lost.length > 0 && op.kind !== 'delete') out.push(`loses ${JSON.stringify(lost)}`);
  const extra = missing(is, gone);
  if (sorted(extra) !== sorted(added)) out.push(`adds ${JSON.stringify(extra)}, expected ${JSON.stringify(added)}`);
  const digitsNow = fixedDigits(after, numberSpans(after, now), a, after.length - tail);
  if (sorted(digitsNow) !== sorted(digitsGone)) {
    out.push(`digits outside question numbers change: ${JSON.stringify(missing(digitsGone, digitsNow))} → ${JSON.stringify(missing(digitsNow, digitsGone))}`);
  }
  return out;
}

const ends = (t: string) => new Set(t.match(/\r\n|\r|\n/g) ?? []);

/** (e): the edits of `edit` as one TextEdit[] for the document, inside it, sorted, apart; or what is wrong. */
export function editShape(text: string, edit: WorkspaceEdit | undefined): TextEdit[] | string {
  if (!edit || typeof edit !== 'object') return 'no WorkspaceEdit';
  if (edit.documentChanges !== undefined) return 'documentChanges instead of one changes entry';
  const keys = Object.keys(edit.changes ?? {});
  if (keys.length !== 1 || keys[0] !== URI) return `changes for ${JSON.stringify(keys)}`;
  const edits = edit.changes![URI]!;
  const spans = lineSpans(text);
  const off = (p: Position) => {
    const line = spans[p.line];
    return line && p.character <= line[1] - line[0] ? line[0] + p.character : -1;
  };
  let last = -1;
  for (const e of edits) {
    const [a, b] = [off(e.range.start), off(e.range.end)];
    if (a < 0 || b < 0 || b < a) return `an edit outside the text or reversed: ${JSON.stringify(e.range)}`;
    if (a <= last) return `edits overlap or touch at ${JSON.stringify(e.range.start)}`;
    last = b;
  }
  return edits;
}

interface Checked {
  readonly out: string[];
  readonly text: string;
  /** The text parsed (the oracle reads the model, not the server's analysis). */
  readonly doc: KamervraagDocument;
  /** [start, end) of each line. */
  readonly spans: Array<[number, number]>;
  /** The digits renumbering may change (numberSpans). */
  readonly numbers: Array<[number, number]>;
  readonly seen: Set<string>;
}

/** Applies `edit` as operation `op` and checks it; `notes` are the server's notes of the same operation. */
function checkEdit(c: Checked, where: string, op: Op, edit: WorkspaceEdit | undefined, notes: StructureAnswer['notes'], cursor?: Position): void {
  const edits = editShape(c.text, edit);
  if (typeof edits === 'string') {
    c.out.push(`${where}: ${edits}`);
    return;
  }
  const key = `${JSON.stringify(op)} ${JSON.stringify(edits)}`;
  if (c.seen.has(key)) return;
  c.seen.add(key);
  const after = tryApplyEdits(c.text, edits);
  if (after instanceof Error) {
    c.out.push(`${where}: the edits do not apply: ${after.message}`);
    return;
  }
  const own = ends(c.text);
  for (const e of ends(after)) if (!own.has(e) && !(own.size === 0 && e === '\n')) c.out.push(`${where}: writes a line end ${JSON.stringify(e)} the document does not use`);
  if (cursor && cursor.line >= lineSpans(after).length) c.out.push(`${where}: the cursor ${JSON.stringify(cursor)} is past the end of the result`);
  const count = c.doc.questions.length;
  for (const v of wordViolations(c, after, op, edits)) c.out.push(`${where}: ${v}`);
  if (count > 0) {
    const ns = notes.map((n) => ({ kind: 'unknown' as const, range: n.range, message: { en: n.message, nl: n.message } }));
    for (const v of renumberViolations(c.text, op, edits, ns)) c.out.push(`${where}: ${v}`);
  }
}

/** A request's answer: a refusal or a throw is a violation; null stays null. */
function request<T>(c: Checked, row: Row, analysis: Analysis, params: object, where: string): T | null | undefined {
  try {
    const r: unknown = row.run(analysis, { textDocument: { uri: URI }, ...params }, CONTEXT);
    if (r instanceof Refusal) {
      c.out.push(`${where}: refused: ${r.message}`);
      return undefined;
    }
    return (r ?? null) as T | null;
  } catch (err) {
    c.out.push(`${where}: throws ${(err as Error).stack}`);
    return undefined;
  }
}

const actionParams = (p: Position, only?: string[], diagnostics: CodeActionParams['context']['diagnostics'] = []): CodeActionParams => ({
  textDocument: { uri: URI }, range: { start: p, end: p }, context: { diagnostics, ...(only ? { only } : {}), triggerKind: 1 },
});

/** Does the edit change the text? (an action offered where it cannot apply must not) */
function changes(text: string, edit: WorkspaceEdit | undefined): boolean {
  const edits = editShape(text, edit);
  return typeof edits === 'string' || applyEdits(text, edits) !== text;
}

/** Renumber all: the request, the source action asked for by name, and the quick fix of the numbering diagnostics. */
function checkRenumber(c: Checked, analysis: Analysis, f: StructureFeatures): void {
  const op: Op = { kind: 'renumber' };
  const answer = request<StructureAnswer>(c, f.renumber, analysis, {}, 'kamervraag/renumber');
  if (answer === undefined) return;
  if (answer === null) {
    c.out.push('kamervraag/renumber: null');
    return;
  }
  checkEdit(c, 'kamervraag/renumber', op, answer.edit, answer.notes);
  const source = request<CodeAction[]>(c, f.codeAction, analysis, actionParams({ line: 0, character: 0 }, [RENUMBER_KIND]), 'codeAction source.renumber') ?? [];
  const renumbers = source.filter((a) => a.kind === RENUMBER_KIND);
  if (renumbers.length !== 1 || source.length !== 1) c.out.push(`codeAction only ${RENUMBER_KIND}: ${JSON.stringify(source.map((a) => a.kind))}`);
  for (const a of renumbers) checkEdit(c, RENUMBER_KIND, op, a.edit, answer.notes);
  const numbering = analysis.diagnostics.filter((d) => NUMBERING_CODES.has(d.code));
  if (numbering.length === 0) return;
  const sent = numbering.map((d) => toLspDiagnostic(d, URI, 'en'));
  const fixes = (request<CodeAction[]>(c, f.codeAction, analysis, actionParams(numbering[0]!.range.start, ['quickfix'], sent), 'codeAction quickfix') ?? [])
    .filter((a) => a.kind === RENUMBER_FIX_KIND);
  const needed = c.doc.questions.some((q, i) => q.number !== i + 1);
  if (fixes.length !== (needed ? 1 : 0)) c.out.push(`${fixes.length} ${RENUMBER_FIX_KIND} actions for the numbering diagnostics, numbering needed: ${needed}`);
  for (const a of fixes) checkEdit(c, RENUMBER_FIX_KIND, op, a.edit, answer.notes);
}

const OPS: Record<Refactor, 'insert' | 'up' | 'down' | 'delete'> = { insert: 'insert', moveUp: 'up', moveDown: 'down', delete: 'delete' };

/** The refactorings and requests at `p`: offered and answered where they apply (and checked), not where they cannot. */
function checkAt(c: Checked, analysis: Analysis, f: StructureFeatures, p: Position, k: number): void {
  const doc = c.doc;
  const count = doc.questions.length;
  const under = blockUnderLine(doc, p.line);
  const at = count === 0 ? -1 : blockAtLine(doc, p.line);
  const where = `at ${p.line}:${p.character}`;
  // The requests (the VS Code commands).
  const ins = request<StructureAnswer>(c, f.insertQuestion, analysis, { position: p }, `insertQuestion ${where}`);
  const answers: Partial<Record<Refactor, StructureAnswer | null | undefined>> = { insert: ins };
  if (ins === null) c.out.push(`insertQuestion ${where}: null`);
  else if (ins) checkEdit(c, `insertQuestion ${where}`, { kind: 'insert', block: at }, ins.edit, ins.notes, ins.cursor);
  for (const [kind, direction, neighbour] of [['moveUp', 'up', under - 1], ['moveDown', 'down', under + 1]] as const) {
    const moved = request<StructureAnswer>(c, f.moveQuestion, analysis, { position: p, direction }, `moveQuestion ${direction} ${where}`);
    answers[kind] = moved;
    const applies = under >= 0 && neighbour >= 0 && neighbour < count;
    if (!applies && moved) c.out.push(`moveQuestion ${direction} ${where}: an edit where no question can move (block ${under} of ${count})`);
    else if (applies && moved === null) c.out.push(`moveQuestion ${direction} ${where}: null for block ${under} of ${count}`);
    else if (moved) checkEdit(c, `moveQuestion ${direction} ${where}`, { kind: direction, block: under }, moved.edit, moved.notes, moved.cursor);
  }
  const deleted = request<DeleteAnswer>(c, f.deleteQuestion, analysis, { position: p }, `deleteQuestion ${where}`);
  answers.delete = deleted;
  if (under < 0 && deleted) c.out.push(`deleteQuestion ${where}: an edit where no question stands`);
  else if (under >= 0 && deleted === null) c.out.push(`deleteQuestion ${where}: null in block ${under}`);
  else if (deleted) {
    checkEdit(c, `deleteQuestion ${where}`, { kind: 'delete', block: under }, deleted.edit, deleted.notes, deleted.cursor);
    checkReferrers(c, doc, under, deleted, where);
  }
  // The code actions, all refactorings asked for, and one of them by its own kind.
  const all = request<CodeAction[]>(c, f.codeAction, analysis, actionParams(p, [REFACTOR_KIND]), `codeAction ${where}`) ?? [];
  if (all.some((a) => !a.kind?.startsWith(`${REFACTOR_KIND}.`))) c.out.push(`codeAction ${where}: asked for ${REFACTOR_KIND}, got ${JSON.stringify(all.map((a) => a.kind))}`);
  const one = REFACTORS[k % REFACTORS.length]!;
  const single = request<CodeAction[]>(c, f.codeAction, analysis, actionParams(p, [`${REFACTOR_KIND}.${one}`]), `codeAction ${one} ${where}`) ?? [];
  if (single.some((a) => a.kind !== `${REFACTOR_KIND}.${one}`)) c.out.push(`codeAction ${where}: asked for .${one}, got ${JSON.stringify(single.map((a) => a.kind))}`);
  for (const kind of REFACTORS) {
    const offered = [...all, ...single].filter((a) => a.kind === `${REFACTOR_KIND}.${kind}`);
    const applies = under >= 0 && (kind === 'moveUp' ? under > 0 : kind === 'moveDown' ? under + 1 < count : true);
    const asked = kind === one ? 2 : 1;
    if (applies && offered.length !== asked) c.out.push(`codeAction ${where}: ${kind} offered ${offered.length} times in ${asked} requests, block ${under} of ${count}`);
    for (const a of offered) {
      const title = `codeAction ${kind} ${where}`;
      if (!applies) {
        if (changes(c.text, a.edit)) c.out.push(`${title}: offered where it cannot apply (block ${under} of ${count}), and it changes the text`);
        continue;
      }
      const answer = answers[kind];
      checkEdit(c, title, { kind: OPS[kind], block: under }, a.edit, answer?.notes ?? []);
    }
  }
}

/** (c): the references outside the deleted block that name it are the ones the client warns about. */
function checkReferrers(c: Checked, doc: KamervraagDocument, d: number, answer: DeleteAnswer, where: string): void {
  const q = doc.questions[d]!;
  const n = q.number;
  const inBlock = (line: number) => line >= q.range.start.line && blockUnderLine(doc, line) === d;
  const unique = n !== null && doc.questions.filter((x) => x.number === n).length === 1;
  const want = unique ? doc.references.filter((r) => r.numbers.includes(n) && !inBlock(r.range.start.line)).length : 0;
  if (answer.question !== n) c.out.push(`deleteQuestion ${where}: question ${answer.question}, the block is ${n}`);
  if (answer.referrers.length !== want) c.out.push(`deleteQuestion ${where}: ${answer.referrers.length} referrers, ${want} references name question ${n}`);
}

/** Every check on `text`: renumber, and the actions and requests at up to `maxBlocks` questions and at positions outside them. */
export function checkStructureActions(text: string, options: { features?: StructureFeatures; maxBlocks?: number; probes?: readonly Pos[] } = {}): string[] {
  const f = options.features ?? SERVED;
  const doc = parse(text);
  const c: Checked = { out: [], text, doc, spans: lineSpans(text), numbers: numberSpans(text, doc), seen: new Set() };
  try {
    const analysis = analysed(text);
    checkRenumber(c, analysis, f);
    const count = doc.questions.length;
    const positions: Position[] = [];
    const step = Math.max(1, Math.ceil(count / (options.maxBlocks ?? 40)));
    // In each block: on its heading, in its question or answer, on its last line (a blank one, often).
    for (let i = 0; i < count; i += step) {
      const heading = doc.blocks.headingLine(i);
      const last = doc.blocks.endLine(i) - 1;
      const line = [heading, Math.floor((heading + last + 1) / 2), last][i % 3]!;
      positions.push({ line, character: i % 2 });
    }
    // Outside the questions: the first line, a Mededeling, the footer, the last line, past the end.
    const off = [0, ...doc.mededelingen.map((m) => m.range.start.line), doc.footer?.range.start.line ?? 0, doc.lineCount - 1, doc.lineCount + 2];
    positions.push(...off.map((line) => ({ line, character: 0 })), ...(options.probes ?? []));
    positions.forEach((p, k) => checkAt(c, analysis, f, p, k));
    // A direction that is none: refused, no edit.
    const sideways: unknown = f.moveQuestion.run(analysis, { textDocument: { uri: URI }, position: { line: 0, character: 0 }, direction: 'sideways' }, CONTEXT);
    if (!(sideways instanceof Refusal)) c.out.push(`moveQuestion sideways: ${JSON.stringify(sideways)}`);
  } catch (err) {
    c.out.push(`throws: ${(err as Error).stack}`);
  }
  return c.out;
}

function assertNone(violations: readonly string[], text: string, how = ''): void {
  assertNoViolations('unsafe structure action(s)', violations, text, how);
}

/** A generated document with CRLF line ends (or lone CR) throughout. */
const withLineEnds = (text: fc.Arbitrary<string>) => fc.tuple(text, fc.constantFrom('\r\n', '\r')).map(([t, eol]) => t.replace(/\r?\n/g, eol));

export const structureActionsSafetyProperties: NamedProperty[] = [
  {
    name: 'structure-actions-generated',
    description: 'renumber, insert, move, delete as code actions and requests (served feature table) on generated documents, broken ones with shuffled blocks',
    property: fc.property(fc.oneof(kamervraagDocument(true), shuffledDocument), probes, (text, at) => assertNone(checkStructureActions(text, { maxBlocks: 6, probes: at }), text)),
  },
  {
    name: 'structure-actions-line-ends',
    description: 'the served structure actions on generated documents with CRLF or CR line ends',
    property: fc.property(withLineEnds(shuffledDocument), (text) => assertNone(checkStructureActions(text, { maxBlocks: 6 }), text)),
  },
  {
    name: 'structure-actions-mutated-examples',
    description: 'the served structure actions on the real examples mutated',
    property: fc.property(mutatedExample(examples()), probes, ({ text, how }, at) => assertNone(checkStructureActions(text, { maxBlocks: 4, probes: at }), text, how)),
  },
  {
    name: 'structure-actions-hostile-lines',
    description: 'the served structure actions on documents of hostile lines',
    property: fc.property(hostileDocument, probes, (text, at) => assertNone(checkStructureActions(text, { maxBlocks: 6, probes: at }), text)),
  },
];
