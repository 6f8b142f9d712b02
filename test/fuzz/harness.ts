/**
 * Shared by the fuzz tests and `npm run fuzz`: runs parse, check and every feature of the server's
 * feature table (server/src/features/index.ts, the table server.ts registers) on a text, and checks the
 * invariants every result must keep:
 *  - nothing throws;
 *  - every range lies inside the document (line < lineCount, character ≤ that line's UTF-16
 *    length, start ≤ end), lines counted the way LSP counts them (\n, \r\n, lone \r);
 *  - the result is deterministic (the same text gives deep-equal output).
 *
 * The features are called through the typed table with the parameters of their LSP request, so a new
 * feature is swept as soon as it has a row there, and a changed signature fails the build.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { inspect, isDeepStrictEqual } from 'node:util';
import { analyze } from '../../server/src/core/analysis';
import { check } from '../../server/src/core/checks';
import type { KvDiagnostic } from '../../server/src/core/diagnostic';
import { QuestionGraph } from '../../server/src/core/graph';
import { splitLines } from '../../server/src/core/lines';
import type { KamervraagDocument } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parse';
import { comparePositions, rangeContains } from '../../server/src/core/ranges';
import { featureContext, type FeatureContext } from '../../server/src/features/context';
import { toLspDiagnostics } from '../../server/src/features/diagnostics';
import { DOCUMENT_FEATURES, WORKSPACE_SYMBOLS, type DocumentFeature, type DocumentFeatureName } from '../../server/src/features/index';
import { rangeOf, summarize, summarizeText } from '../../server/src/service/summaries';
import { WorkspaceIndex } from '../../server/src/service/workspaceIndex';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const examplesDir = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'examples');

export const core = { parse, check, splitLines, QuestionGraph };

export function examples(): { name: string; text: string }[] {
  return readdirSync(examplesDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(examplesDir, name), 'utf8') }));
}

/** Lines as LSP counts them. */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export interface Pos {
  line: number;
  character: number;
}

function isPos(v: any): v is Pos {
  return v !== null && typeof v === 'object' && typeof v.line === 'number' && typeof v.character === 'number';
}

const before = (a: Pos, b: Pos): boolean => comparePositions(a, b) <= 0;
const contains = rangeContains;

function show(r: { start: Pos; end: Pos }): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Where a walk is: the keys from the root, rendered only when a check fails. */
type Trail = (string | number | { mapKey: unknown })[];

function render(root: string, trail: Trail): string {
  let out = root;
  for (const k of trail) out += typeof k === 'number' ? `[${k}]` : typeof k === 'string' ? `.${k}` : `.get(${String(k.mapKey)})`;
  return out;
}

/** Walks `value` and checks every Range (and every FoldingRange line span) found in it. Paths into
 * the value are built only for a failure message: a walk allocates nothing per node it passes. */
export function assertRangesInside(value: unknown, lines: readonly string[], where: string): number {
  let count = 0;
  const seen = new Set<unknown>();
  const trail: Trail = [];
  const at = (...more: Trail) => render(where, [...trail, ...more]);
  const checkPos = (p: Pos, key: string) => {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) assert.fail(`${at(key)}: non-integer position ${JSON.stringify(p)}`);
    if (!(p.line >= 0 && p.line < lines.length)) assert.fail(`${at(key)}: line ${p.line} outside 0..${lines.length - 1}`);
    if (!(p.character >= 0 && p.character <= lines[p.line]!.length)) {
      assert.fail(`${at(key)}: character ${p.character} past the end of line ${p.line} (length ${lines[p.line]!.length})`);
    }
  };
  const walk = (v: any): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    // The model's objects make their ranges when asked (core/nodes.ts); toJSON gives them all.
    if (typeof v.toJSON === 'function') {
      walk(v.toJSON());
      return;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) {
        trail.push({ mapKey: k });
        walk(x);
        trail.pop();
      }
      return;
    }
    const isRange = isPos(v.start) && isPos(v.end);
    if (isRange) {
      checkPos(v.start, 'start');
      checkPos(v.end, 'end');
      if (!before(v.start, v.end)) assert.fail(`${at()}: start ${JSON.stringify(v.start)} after end ${JSON.stringify(v.end)}`);
      count++;
    }
    // What VS Code rejects: a DocumentSymbol's selectionRange outside its range, a child outside its parent,
    // a LocationLink's targetSelectionRange outside its targetRange.
    if (v.selectionRange && v.range) {
      if (!contains(v.range, v.selectionRange)) assert.fail(`${at()}: selectionRange ${show(v.selectionRange)} outside range ${show(v.range)}`);
      if (Array.isArray(v.children)) {
        for (const [i, c] of v.children.entries()) {
          if (c?.range && !contains(v.range, c.range)) assert.fail(`${at('children', i)}: range ${show(c.range)} outside parent ${show(v.range)}`);
        }
      }
    }
    if (v.targetRange && v.targetSelectionRange && !contains(v.targetRange, v.targetSelectionRange)) {
      assert.fail(`${at()}: targetSelectionRange outside targetRange`);
    }
    if (typeof v.startLine === 'number' && typeof v.endLine === 'number') {
      if (!(v.startLine >= 0 && v.startLine <= v.endLine && v.endLine < lines.length)) assert.fail(`${at()}: folding range ${v.startLine}-${v.endLine} outside`);
      count++;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x === null || typeof x !== 'object') continue;
        trail.push(i);
        walk(x);
        trail.pop();
      }
      return;
    }
    for (const k of Object.keys(v)) {
      const x = v[k];
      // Primitives hold no range; a range's own start and end (positions) were checked above.
      if (x === null || typeof x !== 'object' || (isRange && (k === 'start' || k === 'end'))) continue;
      trail.push(k);
      walk(x);
      trail.pop();
    }
  };
  walk(value);
  return count;
}

/** At most this many heading and reference positions per text (the first and last halves); the
 * generated texts stay well under it, so in practice every heading and reference is asked about. */
export const MAX_STRUCTURE_POSITIONS = 96;

/**
 * Positions worth asking about: `probes` (positions chosen by the case's own random stream, taken
 * modulo the document so that any pair of numbers is a position in it), the start and end of every
 * heading number, the start of every reference phrase and the start and end of every number in it,
 * the start and end of the document, and positions past the end of a line and of the document.
 */
export function interestingPositions(doc: any, lines: readonly string[], probes: readonly Pos[] = []): Pos[] {
  const out: Pos[] = [];
  for (const p of probes) {
    const line = Math.abs(Math.trunc(p.line)) % lines.length;
    out.push({ line, character: Math.abs(Math.trunc(p.character)) % (lines[line]!.length + 1) });
  }
  const structure: Pos[] = [];
  for (const q of doc.questions ?? []) if (q.numberRange) structure.push(q.numberRange.start, q.numberRange.end);
  for (const r of doc.references ?? []) {
    structure.push(r.range.start);
    for (const t of r.targets ?? []) if (!t.implied) structure.push(t.range.start, t.range.end);
  }
  const half = MAX_STRUCTURE_POSITIONS >> 1;
  out.push(...(structure.length > MAX_STRUCTURE_POSITIONS ? [...structure.slice(0, half), ...structure.slice(-half)] : structure));
  const last = lines.length - 1;
  out.push({ line: 0, character: 0 }, { line: last, character: lines[last]!.length });
  out.push({ line: last + 3, character: 0 }, { line: 0, character: 10_000 });
  return out;
}

const URI = 'file:///fuzz/doc.txt';
const textDocument = { uri: URI };

/** The sessions the features are asked in: English with links, and (for the symbols) a flat outline. */
const CONTEXT: FeatureContext = featureContext({ locale: 'en', linkSupport: true, hierarchicalSymbols: true });
const FLAT: FeatureContext = featureContext({ locale: 'en', linkSupport: true, hierarchicalSymbols: false });

/** Every row of the feature table, with the parameters its request carries besides the document and position. */
function sweepRows(
  table: FeatureTable,
  lspDiagnostics: readonly unknown[],
): { key: string; feature: DocumentFeature<any, any>; extra: object; context: FeatureContext }[] {
  const extra: Partial<Record<DocumentFeatureName, object>> = {
    references: { context: { includeDeclaration: true } },
    rename: { newName: '12' },
    codeAction: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: lspDiagnostics } },
  };
  const rows = Object.entries(table).map(([key, feature]) => ({
    key, feature, extra: extra[key as DocumentFeatureName] ?? {}, context: CONTEXT,
  }));
  if (table.documentSymbol) rows.push({ key: 'documentSymbol.flat', feature: table.documentSymbol, extra: {}, context: FLAT });
  return rows;
}

/** The keys of the results `runAll` gives for the features: every row of the feature table, and the flat outline. */
export const FEATURE_KEYS: readonly string[] = [...Object.keys(DOCUMENT_FEATURES), 'documentSymbol.flat'];

/** A table of features to sweep: the server's (DOCUMENT_FEATURES), or a test's own. */
export type FeatureTable = Readonly<Record<string, DocumentFeature<any, any>>>;

export interface RunOptions {
  /** The features to sweep (default: the server's table). */
  readonly features?: FeatureTable;
  /** Positions to ask every position feature about besides the structural ones (see interestingPositions). */
  readonly probes?: readonly Pos[];
  /** False: skip the range checks (for a second run whose results are compared with a checked first run). */
  readonly checkRanges?: boolean;
}

/**
 * Runs everything on `text` and returns a plain, comparable record of all results: one parse and one
 * check, then every feature of the table on that analysis, each position feature at every position of
 * interestingPositions. Throws (an assertion error) when an invariant does not hold.
 */
export function runAll(text: string, options: RunOptions = {}): Record<string, unknown> {
  const lines = lspLines(text);
  const checkRanges = options.checkRanges !== false;
  // The checks run here, not inside the analysis, which would log a throwing check instead of throwing.
  let diagnostics: KvDiagnostic[] = [];
  const analysis = analyze(text, () => diagnostics);
  const doc: KamervraagDocument = analysis.document;
  assert.equal(doc.lineCount, lines.length, 'doc.lineCount is the LSP line count');
  if (checkRanges) assertRangesInside(doc, lines, 'parse');
  diagnostics = check(doc, analysis.graph);
  assert.ok(Array.isArray(diagnostics));
  if (checkRanges) assertRangesInside(diagnostics, lines, 'check');
  for (const d of diagnostics) {
    if (typeof d.message?.en !== 'string') assert.fail(`${d.code}: message.en`);
    if (typeof d.message?.nl !== 'string') assert.fail(`${d.code}: message.nl`);
  }
  // Checked above: `doc` and `diagnostics` are not walked again with the features' results.
  const results: Record<string, unknown> = {};
  const lspDiagnostics = toLspDiagnostics(diagnostics, URI, 'nl');
  results.lspDiagnostics = lspDiagnostics;
  const positions = interestingPositions(doc, lines, options.probes);
  const inside = (p: Pos) => p.line < lines.length && p.character <= lines[p.line]!.length;
  const unchecked: Record<string, unknown> = {};
  for (const { key, feature, extra, context } of sweepRows(options.features ?? DOCUMENT_FEATURES, lspDiagnostics)) {
    if (feature.input === 'document') {
      results[key] = feature.run(analysis, { textDocument, ...extra }, context);
      continue;
    }
    if (feature.input === 'positions') {
      // The server takes a position past the end to that end (the empty range the answer gives there must
      // lie inside the document): give it only positions inside.
      results[key] = feature.run(analysis, { textDocument, positions: positions.filter(inside), ...extra }, context);
      continue;
    }
    const answers: unknown[] = [];
    const outside: unknown[] = [];
    for (const position of positions) {
      const r = feature.run(analysis, { textDocument, position, ...extra }, context);
      // A position past the end (which no editor sends) must not make anything throw; what comes
      // back for it is not range-checked (echoing the position back is a fair answer).
      if (inside(position)) answers.push(r);
      else outside.push(r);
    }
    if (answers.length) results[key] = answers;
    if (outside.length) unchecked[key] = outside;
  }
  // Files on disk are indexed from their text, open documents from their model: both must agree.
  const fromDoc = summarize(URI, doc);
  if (process.env.FUZZ_INDEX_EQUALITY !== '0') {
    assert.deepEqual(summarizeText(URI, text), fromDoc, 'summarizeText(text) equals summarize(parse(text))');
  }
  results.indexed = fromDoc.symbols.map(rangeOf);
  const index = new WorkspaceIndex();
  index.update(URI, doc);
  results.workspaceSymbols = ['', 'vraag 1', 'kamervraag'].map((query) => WORKSPACE_SYMBOLS.run(index, { query }, CONTEXT));
  if (checkRanges) assertRangesInside(results, lines, 'features');
  return { doc, diagnostics, ...results, pastTheEnd: unchecked };
}

/** Runs everything twice and checks that both runs agree (the second run's ranges are not checked
 * again: they equal the first's). */
export function runAllTwice(text: string, options: RunOptions = {}): Record<string, unknown> {
  const a = runAll(text, options);
  const b = runAll(text, { ...options, checkRanges: false });
  assertSame(b, a, 'same text, same result');
  return a;
}

/**
 * Deep strict equality of what a client sees: a structural walk over plain objects, arrays, Maps and
 * typed arrays (same prototypes, same own keys, Object.is on primitives) that compares the model's
 * objects by their plain view (toJSON), not by which of their parts were made when asked. Fails with
 * the path of the first difference and both values there.
 */
export function assertSame(actual: unknown, expected: unknown, message: string): void {
  const trail: Trail = [];
  if (same(actual, expected, new Map(), trail)) return;
  let a: any = actual;
  let e: any = expected;
  for (const k of trail) {
    const step = (v: any) => (v && typeof v.toJSON === 'function' ? v.toJSON() : v);
    a = step(a);
    e = step(e);
    if (typeof k === 'object') {
      a = a?.get?.(k.mapKey);
      e = e?.get?.(k.mapKey);
    } else {
      a = a?.[k];
      e = e?.[k];
    }
  }
  const showValue = (v: unknown) => inspect(v, { depth: 3, breakLength: 120, maxArrayLength: 20, maxStringLength: 200 });
  assert.fail(`${message}: they differ at ${render('result', trail)}\nfirst run:  ${showValue(e)}\nsecond run: ${showValue(a)}`);
}

function same(a: any, b: any, seen: Map<unknown, unknown>, trail: Trail): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (typeof a.toJSON === 'function') return same(a.toJSON(), b.toJSON(), seen, trail);
  if (Array.isArray(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      trail.push(i);
      if (!same(a[i], b[i], seen, trail)) return false;
      trail.pop();
    }
    return true;
  }
  if (ArrayBuffer.isView(a)) return isDeepStrictEqual(a, b);
  if (a instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (typeof k === 'object' && k !== null) return isDeepStrictEqual(a, b);
      trail.push({ mapKey: k });
      if (!b.has(k) || !same(v, b.get(k), seen, trail)) return false;
      trail.pop();
    }
    return true;
  }
  if (a instanceof Set || a instanceof Date || a instanceof RegExp || a instanceof Error) return isDeepStrictEqual(a, b);
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    trail.push(k);
    if (!Object.prototype.hasOwnProperty.call(b, k) || !same(a[k], b[k], seen, trail)) return false;
    trail.pop();
  }
  return true;
}
