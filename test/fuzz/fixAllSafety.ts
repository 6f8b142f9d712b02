/**
 * Edit safety of fix-all (`source.fixAll.kamervraag`, issue 12): its edits, applied to many generated
 * documents (valid and broken on purpose), to the real examples mutated and to documents of hostile lines,
 * change only what the quick fixes mean to change and lose no word.
 *
 * The oracle is the quick fixes' own (fixOracle.ts), step by step: starting from the text, the quick fix of
 * the first diagnostic whose fix needs no input is checked with `fixViolations` (text outside its region
 * identical to the character, the words of the region kept, only the words it means to write added, the
 * result parsing with the same questions and references, its problem mended) and applied, until none is
 * left. Fix-all's result must be that text: it is then a chain of safe quick fixes, so the text outside
 * the fixed spans is identical and every word is kept. Besides: fix-all's edits do not overlap, the result
 * parses with the same questions and references, and fix-all on its own result offers nothing (idempotent).
 */
import * as fc from 'fast-check';
import type { CodeActionParams } from 'vscode-languageserver';
import type { TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from '../../server/src/core/parse';
import { QuestionGraph } from '../../server/src/core/graph';
import type { KamervraagDocument } from '../../server/src/core/model';
import { codeActions, FIX_ALL_KIND } from '../../server/src/features/codeActions';
import { featureContext } from '../../server/src/features/context';
import { analysed, fixViolations, quickFixParams } from './editSafety';
import { applyEdits, assertNoViolations, tryApplyEdits } from './editText';
import { hostileDocument, kamervraagDocument, mutatedExample } from './arbitraries';
import { documentWithFixableProblems } from './fixable';
import { examples } from './harness';
import type { NamedProperty } from './properties';

const URI = 'file:///edit-safety.kvr';
const ENGLISH = featureContext({ locale: 'en' });
/** Quick fixes applied one by one at most (a generated document has far fewer problems). */
const MAX_STEPS = 400;

function fixAllParams(): CodeActionParams {
  const zero = { line: 0, character: 0 };
  return { textDocument: { uri: URI }, range: { start: zero, end: zero }, context: { diagnostics: [], only: [FIX_ALL_KIND] } };
}

/** The edits of the fix-all action for `text` (null: no action), and what is wrong with the action itself. */
export function fixAllEdits(text: string): { edits: TextEdit[] | null; problems: string[] } {
  const analysis = analysed(text);
  const actions = codeActions(analysis, fixAllParams(), ENGLISH);
  const eligible = analysis.diagnostics.some((d) => d.fix && !d.fix.needsInput);
  if (actions.length === 0) return { edits: null, problems: [] };
  const problems: string[] = [];
  if (!eligible) problems.push('a fix-all action without a fix to apply');
  if (actions.length > 1) problems.push(`${actions.length} fix-all actions`);
  const action = actions[0]!;
  if (action.kind !== FIX_ALL_KIND) problems.push(`kind ${action.kind}`);
  return { edits: action.edit?.changes?.[URI] ?? [], problems };
}

/** The text after the quick fixes without input, one at a time, each checked by the quick-fix oracle. */
function stepByStep(text: string, out: string[]): string {
  let current = text;
  for (let step = 0; step < MAX_STEPS; step++) {
    const analysis = analysed(current);
    const d = analysis.diagnostics.find((x) => x.fix && !x.fix.needsInput);
    if (!d) return current;
    const actions = codeActions(analysis, quickFixParams(d), ENGLISH).filter((a) => a.kind === 'quickfix');
    if (actions.length !== 1) {
      out.push(`step ${step}: ${actions.length} quick fixes for ${d.code}`);
      return current;
    }
    const edits = actions[0]!.edit?.changes?.[URI] ?? [];
    const wrong = fixViolations(current, d, edits);
    if (wrong.length > 0) {
      out.push(...wrong.map((v) => `step ${step}, ${d.code} at ${d.range.start.line}:${d.range.start.character}: ${v}`));
      return current;
    }
    current = applyEdits(current, edits);
  }
  out.push(`quick fixes still left after ${MAX_STEPS} steps`);
  return current;
}

function targets(doc: KamervraagDocument): string {
  const graph = new QuestionGraph(doc);
  return JSON.stringify(doc.references.flatMap((r) => r.targets.map((t) => `${t.number}→${graph.indexOf(t.number)}`)));
}

/** What is wrong with fix-all on `text` (empty: nothing). */
export function fixAllViolations(text: string): string[] {
  const { edits, problems } = fixAllEdits(text);
  const out = [...problems];
  const expected = stepByStep(text, out);
  if (!edits) {
    if (expected !== text) out.push('no fix-all action, though quick fixes without input apply');
    return out;
  }
  const doc = TextDocument.create(URI, 'kamervraag', 1, text);
  const spans = edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)] as const).sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < spans.length; k++) {
    if (spans[k]![0] < spans[k - 1]![1] || spans[k]![0] === spans[k - 1]![0]) out.push(`edits overlap at ${spans[k]![0]}`);
  }
  const after = tryApplyEdits(text, edits);
  if (after instanceof Error) return [...out, `the fix-all edits do not apply: ${after.message}`];
  if (after !== expected) out.push(`fix-all gives ${JSON.stringify(after)}, the quick fixes one by one ${JSON.stringify(expected)}`);
  const before = parse(text);
  const fixed = parse(after);
  const numbers = (d: KamervraagDocument) => JSON.stringify(d.questions.map((q) => q.number));
  if (numbers(fixed) !== numbers(before)) out.push(`the questions change: ${numbers(before)} → ${numbers(fixed)}`);
  if (targets(fixed) !== targets(before) && !analysed(text).diagnostics.some((d) => d.code === 'malformed-heading' && d.fix)) {
    out.push(`references change: ${targets(before)} → ${targets(fixed)}`);
  }
  const again = fixAllEdits(after);
  if (again.edits && again.edits.length > 0) out.push(`fix-all on its own result changes it again: ${JSON.stringify(again.edits)}`);
  return out;
}

function assertNone(violations: readonly string[], text: string, how = ''): void {
  assertNoViolations('fix-all problem(s)', violations, text, how);
}

/** Fix-all's properties: they join the campaign in properties.ts (`npm run fuzz`), bounded in fixAllSafety.test.ts. */
export const fixAllSafetyProperties: NamedProperty[] = [
  {
    name: 'fix-all-generated',
    description: 'fix-all on generated documents, valid and broken on purpose: the quick fixes one by one, nothing else; idempotent',
    property: fc.property(kamervraagDocument(true), (text) => assertNone(fixAllViolations(text), text)),
  },
  {
    name: 'fix-all-fixable-problems',
    description: 'fix-all on generated documents with several fixable problems at once: shuffled metadata, a key in capitals, header, days, heading, CRLF',
    property: fc.property(documentWithFixableProblems, ({ text, how }) => assertNone(fixAllViolations(text), text, how)),
  },
  {
    name: 'fix-all-mutated-examples',
    description: 'fix-all on the real examples mutated',
    property: fc.property(mutatedExample(examples()), ({ text, how }) => assertNone(fixAllViolations(text), text, how)),
  },
  {
    name: 'fix-all-hostile-lines',
    description: 'fix-all on documents of hostile lines',
    property: fc.property(hostileDocument, (text) => assertNone(fixAllViolations(text), text)),
  },
];

/** For `node bench/fuzz.mjs --properties out/test/fuzz/fixAllSafety.js`: fix-all's properties alone, long. */
export const properties = fixAllSafetyProperties;
