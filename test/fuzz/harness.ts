/**
 * Shared by the fuzz tests and `npm run fuzz`: runs parse, check and every feature of
 * server/src/features/ on a text, and checks the invariants every result must keep:
 *  - nothing throws;
 *  - every range lies inside the document (line < lineCount, character ≤ that line's UTF-16
 *    length, start ≤ end), lines counted the way LSP counts them (\n, \r\n, lone \r);
 *  - the result is deterministic (the same text gives deep-equal output).
 *
 * The features are loaded from the compiled server at run time and called loosely typed, so a
 * change of a feature's signature fails these tests instead of the build of everyone else.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { inspect, isDeepStrictEqual } from 'node:util';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Fn = (...args: any[]) => any;

const serverOut = path.resolve(__dirname, '..', '..', 'server', 'src');
/** The sources, to skip compiled files whose source is gone (a stale out/). */
const serverSrc = path.resolve(__dirname, '..', '..', '..', 'server', 'src');
export const examplesDir = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'examples');

function load(rel: string): Record<string, any> {
  return require(path.join(serverOut, rel)) as Record<string, any>;
}

export const core = {
  parse: load('core/parse.js').parse as Fn,
  check: load('core/checks/index.js').check as Fn,
  splitLines: load('core/lines.js').splitLines as Fn,
  QuestionGraph: (existsSync(path.join(serverOut, 'core', 'graph.js')) ? load('core/graph.js').QuestionGraph : null) as (new (doc: any) => any) | null,
};

let workspaceIndex: Record<string, any> | null | undefined;

/** The workspace index (service/workspaceIndex), when it exists (looked for once). */
function workspaceIndexModule(): Record<string, any> | null {
  workspaceIndex ??= existsSync(path.join(serverOut, 'service', 'workspaceIndex.js')) ? load('service/workspaceIndex.js') : null;
  return workspaceIndex;
}

/** Every features module, by file name (compiled). */
export function featureModules(): Map<string, Record<string, any>> {
  const dir = path.join(serverOut, 'features');
  const out = new Map<string, Record<string, any>>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
    const name = f.replace(/\.js$/, '');
    if (!existsSync(path.join(serverSrc, 'features', `${name}.ts`))) continue;
    out.set(name, load(`features/${f}`));
  }
  return out;
}

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

function before(a: Pos, b: Pos): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function contains(outer: { start: Pos; end: Pos }, inner: { start: Pos; end: Pos }): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

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

/** The parameter names of a compiled function (defaults and nested parentheses skipped). */
export function paramNames(fn: Fn): string[] {
  const src = Function.prototype.toString.call(fn);
  const open = src.indexOf('(');
  if (open < 0) return [];
  const names: string[] = [];
  let depth = 0;
  let current = '';
  let inDefault = false;
  for (let i = open + 1; i < src.length; i++) {
    const c = src[i]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && c === ',') {
      names.push(current.trim());
      current = '';
      inDefault = false;
      continue;
    } else if (depth === 0 && c === '=') inDefault = true;
    if (!inDefault && depth === 0) current += c;
  }
  if (current.trim()) names.push(current.trim());
  return names;
}

const paramCache = new WeakMap<Fn, string[]>();

function paramsOf(fn: Fn): string[] {
  let names = paramCache.get(fn);
  if (!names) paramCache.set(fn, (names = paramNames(fn)));
  return names;
}

/** Called by hand (their `diagnostics` parameter is of another kind). */
const EXPLICIT = new Set(['toLspDiagnostics', 'toLspDiagnostic']);

/** The parameters a feature may ask for (by name), besides those that vary with the position. */
const KNOWN = new Set(['doc', 'uri', 'locale', 'linkSupport', 'includeDeclaration', 'graph', 'lines', 'ours', 'diagnostics', 'newName', 'positions']);
const AT_POSITION = new Set(['pos', 'position', 'linePrefix']);

/** A feature function the sweep calls: `names` are its parameters, `atPosition` whether it is asked at each position. */
interface Call {
  readonly key: string;
  readonly fn: Fn;
  readonly names: readonly string[];
  readonly atPosition: boolean;
}

const callCache = new WeakMap<Map<string, Record<string, any>>, Call[]>();

/** The functions of `features` that take the document (or the core's diagnostics, or the graph) and
 * whose every parameter the sweep knows by name; worked out once per set of modules. */
export function featureCalls(features: Map<string, Record<string, any>>): Call[] {
  let calls = callCache.get(features);
  if (calls) return calls;
  calls = [];
  for (const [file, mod] of features) {
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn !== 'function' || EXPLICIT.has(name) || /^[A-Z]/.test(name)) continue;
      const names = paramsOf(fn as Fn);
      if (!names.includes('doc') && !names.includes('ours') && !names.includes('graph')) continue;
      if (!names.every((n) => KNOWN.has(n) || AT_POSITION.has(n))) continue;
      calls.push({ key: `${file}.${name}`, fn: fn as Fn, names, atPosition: names.includes('pos') || names.includes('position') });
    }
  }
  callCache.set(features, calls);
  return calls;
}

export interface RunOptions {
  /** Positions to ask every position feature about besides the structural ones (see interestingPositions). */
  readonly probes?: readonly Pos[];
  /** False: skip the range checks (for a second run whose results are compared with a checked first run). */
  readonly checkRanges?: boolean;
}

/**
 * Runs everything on `text` and returns a plain, comparable record of all results: one parse and one
 * check, then every feature on that model, each position feature at every position of
 * interestingPositions. Throws (an assertion error) when an invariant does not hold.
 */
export function runAll(text: string, features = featureModules(), options: RunOptions = {}): Record<string, unknown> {
  const lines = lspLines(text);
  const checkRanges = options.checkRanges !== false;
  const doc = core.parse(text);
  assert.equal(doc.lineCount, lines.length, 'doc.lineCount is the LSP line count');
  if (checkRanges) assertRangesInside(doc, lines, 'parse');
  const diagnostics = core.check(doc);
  assert.ok(Array.isArray(diagnostics));
  if (checkRanges) assertRangesInside(diagnostics, lines, 'check');
  for (const d of diagnostics) {
    if (typeof d.message?.en !== 'string') assert.fail(`${d.code}: message.en`);
    if (typeof d.message?.nl !== 'string') assert.fail(`${d.code}: message.nl`);
  }
  // Checked above: `doc` and `diagnostics` are not walked again with the features' results.
  const results: Record<string, unknown> = {};
  const diag = features.get('diagnostics');
  const lspDiagnostics = diag?.toLspDiagnostics ? diag.toLspDiagnostics(diagnostics, URI, 'nl') : [];
  results.lspDiagnostics = lspDiagnostics;
  const positions = interestingPositions(doc, lines, options.probes);
  const inside = (p: Pos) => p.line < lines.length && p.character <= lines[p.line]!.length;
  const unchecked: Record<string, unknown> = {};
  const graph = core.QuestionGraph ? new core.QuestionGraph(doc) : undefined;
  const env: Record<string, unknown> = {
    doc, uri: URI, locale: 'en', linkSupport: true, includeDeclaration: true, graph, lines: core.splitLines(text),
    ours: diagnostics, newName: '12',
    // A function answering a list of positions one by one (selection ranges) may echo a position
    // past the end as an empty range: give it only positions inside the document.
    positions: positions.filter(inside),
  };
  for (const call of featureCalls(features)) {
    // `diagnostics` next to `ours` (the core's) are the client's LSP diagnostics; alone they are the core's.
    env.diagnostics = call.names.includes('ours') ? lspDiagnostics : diagnostics;
    if (!call.atPosition) {
      results[call.key] = call.fn(...call.names.map((n) => env[n]));
      continue;
    }
    const answers: unknown[] = [];
    const outside: unknown[] = [];
    for (const p of positions) {
      const args = call.names.map((n) => (n === 'pos' || n === 'position' ? p : n === 'linePrefix' ? (lines[p.line] ?? '').slice(0, p.character) : env[n]));
      const r = call.fn(...args);
      // A position past the end (which no editor sends) must not make anything throw; what comes
      // back for it is not range-checked (echoing the position back is a fair answer).
      if (inside(p)) answers.push(r);
      else outside.push(r);
    }
    if (answers.length) results[call.key] = answers;
    if (outside.length) unchecked[call.key] = outside;
  }
  const wi = workspaceIndexModule();
  if (wi) {
    // Files on disk are indexed from their text, open documents from their model: both must agree.
    const fromDoc = wi.summarize(URI, doc);
    if (process.env.FUZZ_INDEX_EQUALITY !== '0') {
      assert.deepEqual(wi.summarizeText(URI, text), fromDoc, 'summarizeText(text) equals summarize(parse(text))');
    }
    results.indexed = fromDoc.symbols.map(wi.rangeOf);
    const ws = features.get('workspaceSymbols')?.workspaceSymbols;
    if (ws) {
      const index = new wi.WorkspaceIndex();
      index.update(URI, doc);
      results.workspaceSymbols = [ws(index, ''), ws(index, 'vraag 1'), ws(index, 'kamervraag')];
    }
  }
  if (checkRanges) assertRangesInside(results, lines, 'features');
  return { doc, diagnostics, ...results, pastTheEnd: unchecked };
}

/** Runs everything twice and checks that both runs agree (the second run's ranges are not checked
 * again: they equal the first's). */
export function runAllTwice(text: string, features = featureModules(), options: RunOptions = {}): Record<string, unknown> {
  const a = runAll(text, features, options);
  const b = runAll(text, features, { ...options, checkRanges: false });
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
