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
  check: load('core/checks.js').check as Fn,
  splitLines: load('core/lines.js').splitLines as Fn,
  QuestionGraph: (existsSync(path.join(serverOut, 'core', 'graph.js')) ? load('core/graph.js').QuestionGraph : null) as (new (doc: any) => any) | null,
};

/** The workspace index (service/workspaceIndex), when it exists. */
function workspaceIndexModule(): Record<string, any> | null {
  return existsSync(path.join(serverOut, 'service', 'workspaceIndex.js')) ? load('service/workspaceIndex.js') : null;
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

/** Walks `value` and checks every Range (and every FoldingRange line span) found in it. */
export function assertRangesInside(value: unknown, lines: readonly string[], where: string): number {
  let count = 0;
  const seen = new Set<unknown>();
  const checkPos = (p: Pos, at: string) => {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${at}: non-integer position ${JSON.stringify(p)}`);
    assert.ok(p.line >= 0 && p.line < lines.length, `${at}: line ${p.line} outside 0..${lines.length - 1}`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line]!.length,
      `${at}: character ${p.character} past the end of line ${p.line} (length ${lines[p.line]!.length})`);
  };
  const walk = (v: any, at: string) => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    // The model's objects make their ranges when asked (core/nodes.ts); toJSON gives them all.
    if (typeof v.toJSON === 'function') {
      walk(v.toJSON(), at);
      return;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) walk(x, `${at}.get(${String(k)})`);
      return;
    }
    if (isPos(v.start) && isPos(v.end)) {
      checkPos(v.start, `${at}.start`);
      checkPos(v.end, `${at}.end`);
      assert.ok(v.start.line < v.end.line || (v.start.line === v.end.line && v.start.character <= v.end.character),
        `${at}: start ${JSON.stringify(v.start)} after end ${JSON.stringify(v.end)}`);
      count++;
    }
    // What VS Code rejects: a DocumentSymbol's selectionRange outside its range, a child outside its parent,
    // a LocationLink's targetSelectionRange outside its targetRange.
    if (v.selectionRange && v.range) {
      assert.ok(contains(v.range, v.selectionRange), `${at}: selectionRange ${show(v.selectionRange)} outside range ${show(v.range)}`);
      if (Array.isArray(v.children)) {
        for (const [i, c] of v.children.entries()) {
          if (c?.range) assert.ok(contains(v.range, c.range), `${at}.children[${i}]: range ${show(c.range)} outside parent ${show(v.range)}`);
        }
      }
    }
    if (v.targetRange && v.targetSelectionRange) {
      assert.ok(contains(v.targetRange, v.targetSelectionRange), `${at}: targetSelectionRange outside targetRange`);
    }
    if (typeof v.startLine === 'number' && typeof v.endLine === 'number') {
      assert.ok(v.startLine >= 0 && v.startLine <= v.endLine && v.endLine < lines.length, `${at}: folding range ${v.startLine}-${v.endLine} outside`);
      count++;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
    else for (const k of Object.keys(v)) walk(v[k], `${at}.${k}`);
  };
  walk(value, where);
  return count;
}

/** Positions worth asking about: every heading number and reference target, the ends of lines,
 * and positions past the end of a line and of the document. */
export function interestingPositions(doc: any, lines: readonly string[], extra: readonly Pos[] = []): Pos[] {
  const out: Pos[] = [...extra];
  for (const q of doc.questions ?? []) if (q.numberRange) out.push(q.numberRange.start, q.numberRange.end);
  for (const r of doc.references ?? []) for (const t of r.targets ?? []) out.push(t.range.start);
  const last = lines.length - 1;
  out.push({ line: 0, character: 0 }, { line: last, character: lines[last]!.length });
  out.push({ line: last + 3, character: 0 }, { line: 0, character: 10_000 });
  // Keep it bounded: the first and last few of each kind are enough.
  return out.length > 24 ? [...out.slice(0, 12), ...out.slice(-12)] : out;
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

/** Calls `fn` with arguments chosen by parameter name; not called when a name is unknown. */
function callByName(fn: Fn, env: Record<string, unknown>): { called: boolean; result?: unknown } {
  const args: unknown[] = [];
  for (const n of paramNames(fn)) {
    if (!(n in env)) return { called: false };
    args.push(env[n]);
  }
  return { called: true, result: fn(...args) };
}

/** Called by hand above (their `diagnostics` parameter is of another kind). */
const EXPLICIT = new Set(['toLspDiagnostics', 'toLspDiagnostic']);

/**
 * Runs everything on `text` and returns a plain, comparable record of all results.
 * Throws (an assertion error) when an invariant does not hold.
 */
export function runAll(text: string, features = featureModules()): Record<string, unknown> {
  const lines = lspLines(text);
  const doc = core.parse(text);
  assert.equal(doc.lineCount, lines.length, 'doc.lineCount is the LSP line count');
  assertRangesInside(doc, lines, 'parse');
  const diagnostics = core.check(doc);
  assert.ok(Array.isArray(diagnostics));
  assertRangesInside(diagnostics, lines, 'check');
  for (const d of diagnostics) {
    assert.equal(typeof d.message?.en, 'string', `${d.code}: message.en`);
    assert.equal(typeof d.message?.nl, 'string', `${d.code}: message.nl`);
  }
  const out: Record<string, unknown> = { doc, diagnostics };
  const diag = features.get('diagnostics');
  const lspDiagnostics = diag?.toLspDiagnostics ? diag.toLspDiagnostics(diagnostics, URI, 'nl') : [];
  out.lspDiagnostics = lspDiagnostics;
  const positions = interestingPositions(doc, lines);
  const unchecked: Record<string, unknown> = {};
  const graph = core.QuestionGraph ? new core.QuestionGraph(doc) : undefined;
  const serverLines = core.splitLines(text);
  for (const [file, mod] of features) {
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn !== 'function' || EXPLICIT.has(name) || /^[A-Z]/.test(name)) continue;
      const names = paramNames(fn as Fn);
      if (!names.includes('doc') && !names.includes('ours') && !names.includes('graph')) continue;
      // `diagnostics` next to `ours` (the core's) are the client's LSP diagnostics; alone they are the core's.
      const env: Record<string, unknown> = {
        doc, uri: URI, locale: 'en', linkSupport: true, includeDeclaration: true, graph, lines: serverLines,
        ours: diagnostics, diagnostics: names.includes('ours') ? lspDiagnostics : diagnostics, newName: '12',
        // A function answering a list of positions one by one (selection ranges) may echo a position
        // past the end as an empty range: give it only positions inside the document.
        positions: positions.filter((p) => p.line < lines.length && p.character <= lines[p.line]!.length),
      };
      if (!names.includes('pos') && !names.includes('position')) {
        const r = callByName(fn as Fn, env);
        if (r.called) out[`${file}.${name}`] = r.result;
        continue;
      }
      const results: unknown[] = [];
      const outside: unknown[] = [];
      for (const p of positions) {
        const linePrefix = (lines[p.line] ?? '').slice(0, p.character);
        const r = callByName(fn as Fn, { ...env, pos: p, position: p, linePrefix });
        if (!r.called) break;
        // A position past the end (which no editor sends) must not make anything throw; what comes
        // back for it is not range-checked (echoing the position back is a fair answer).
        if (p.line < lines.length && p.character <= lines[p.line]!.length) results.push(r.result);
        else outside.push(r.result);
      }
      if (results.length) out[`${file}.${name}`] = results;
      if (outside.length) unchecked[`${file}.${name}`] = outside;
    }
  }
  const wi = workspaceIndexModule();
  if (wi) {
    // Files on disk are indexed from their text, open documents from their model: both must agree.
    const fromDoc = wi.summarize(URI, doc);
    if (process.env.FUZZ_INDEX_EQUALITY !== '0') {
      assert.deepEqual(wi.summarizeText(URI, text), fromDoc, 'summarizeText(text) equals summarize(parse(text))');
    }
    out.indexed = fromDoc.symbols.map(wi.rangeOf);
    const ws = features.get('workspaceSymbols')?.workspaceSymbols;
    if (ws) {
      const index = new wi.WorkspaceIndex();
      index.update(URI, doc);
      out.workspaceSymbols = [ws(index, ''), ws(index, 'vraag 1'), ws(index, 'kamervraag')];
    }
  }
  assertRangesInside(out, lines, 'features');
  out.pastTheEnd = unchecked;
  return out;
}

/** Runs everything twice and checks that both runs agree. */
export function runAllTwice(text: string, features = featureModules()): Record<string, unknown> {
  const a = runAll(text, features);
  const b = runAll(text, features);
  assert.deepEqual(b, a, 'same text, same result');
  return a;
}
