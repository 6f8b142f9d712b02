/**
 * Edit safety: every edit the server proposes changes only what it means to change, and no word of the
 * author is lost (issue 10, "Edits that lose text").
 *
 * For a text, every quick fix of every diagnostic (through `codeActions`, as an editor gets it) and every
 * rename at every renameable position (headings and written reference numbers, with a free number, a
 * taken one, the same one and invalid names) is applied with `TextDocument.applyEdits`, then checked:
 *
 *  - quick fixes: an oracle (fixOracle.ts), from the format and not from the fix, says which span each
 *    fix means to change (the bullet, word and number of a heading; the document id in a footer value or
 *    Bron URL; the digits of `(na N dagen)`; a metadata key; the footer title; the place of an answer line
 *    or a missing key; the metadata lines, reordered). Text outside the fix's
 *    region (the heading's line; elsewhere the span itself) is unchanged to the character; the words of
 *    the region outside the span survive (as a multiset: a heading's text may move to the next line); the
 *    words the fix adds are the ones it means to write. The result parses with the same questions, the
 *    references pointing at the same questions (a heading fix may bring text with a new reference in),
 *    and one diagnostic of the fixed code fewer.
 *  - rename: each edit replaces digits by the new number; the words outside the edits survive; the result
 *    parses with the same blocks, only the renamed block carries the new number, references that pointed
 *    at the renamed question carry the new number and still point at it, all others are unchanged.
 *    Invalid, taken or unchanged names give no edit. On the document's own zaaknummer (the header's, and
 *    wherever the text writes it again), each edit replaces exactly that zaaknummer by the new one, the
 *    header's among them, and nothing else changes (`zaaknummerRenameViolations`).
 *
 * `editSafetyProperties()` gives the properties as `[name, property]` pairs for `npm run fuzz`;
 * test/fuzz/editSafety.test.ts runs them bounded. `fixViolations` and `renameViolations` are the checkers,
 * exported for the negative controls (test/unit/editSafety.test.ts).
 */
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeActionParams } from 'vscode-languageserver';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { parse } from '../../server/src/core/parse';
import { MONTHS } from '../../server/src/core/dates';
import { check } from '../../server/src/core/checks';
import { analyze, type Analysis } from '../../server/src/core/analysis';
import { QuestionGraph } from '../../server/src/core/graph';
import type { KvDiagnostic } from '../../server/src/core/diagnostic';
import type { KamervraagDocument } from '../../server/src/core/model';
import { codeActions } from '../../server/src/features/codeActions';
import { featureContext } from '../../server/src/features/context';
import { toLspDiagnostic } from '../../server/src/features/diagnostics';
import { rename } from '../../server/src/features/rename';
import { hostileDocument, kamervraagDocument, mutatedExample } from './arbitraries';
import { documentWithFixableProblems } from './fixable';
import { FUZZ_TODAY } from './fixOracle';
import { examples } from './harness';
import type { NamedProperty } from './properties';

const URI = 'file:///edit-safety.kvr';
const ENGLISH = featureContext({ locale: 'en' });

/** The checks as the edit-safety properties run them: on a day when every unanswered document is past its term. */
const CHECKED = { today: FUZZ_TODAY };
const checked = (doc: KamervraagDocument) => check(doc, undefined, CHECKED);

/** The analysis of `text` with its checks run here, so that a failing check throws instead of being logged. */
export function analysed(text: string): Analysis {
  let ours: KvDiagnostic[] = [];
  const analysis = analyze(text, () => ours);
  ours = check(analysis.document, analysis.graph, CHECKED);
  return analysis;
}

/** The code action request for the quick fix of `d`, as a client sends it. */
export function quickFixParams(d: KvDiagnostic): CodeActionParams {
  return { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [toLspDiagnostic(d, URI, 'en')] } };
}

export { applyEdits, missing, tryApplyEdits, words } from './editText';
export { intentOf, type Intent } from './fixOracle';
import { applyEdits, assertNoViolations, blank, lineSpans, missing, tryApplyEdits, words } from './editText';
import { intentOf } from './fixOracle';

/** Every reference target as `number→index of the question it resolves to` (-1: none), in document order. */
function targets(doc: KamervraagDocument): string[] {
  const graph = new QuestionGraph(doc);
  return doc.references.flatMap((r) => r.targets.map((t) => `${t.number}→${graph.indexOf(t.number)}`));
}

const numbersOf = (doc: KamervraagDocument) => doc.questions.map((q) => q.number);

/** What is wrong with `edits` as the quick fix of `d` on `text` (empty: nothing). */
export function fixViolations(text: string, d: KvDiagnostic, edits: readonly TextEdit[]): string[] {
  const doc = parse(text);
  const intent = intentOf(text, doc, d);
  if (typeof intent === 'string') return [intent];
  const after = tryApplyEdits(text, edits);
  if (after instanceof Error) return [`the edits do not apply: ${after.message}`];
  const out: string[] = [];
  const [r0, r1] = intent.region;
  const [s0, s1] = intent.span;
  const tail = text.length - r1;
  if (!after.startsWith(text.slice(0, r0)) || !after.endsWith(text.slice(r1)) || after.length < r0 + tail) {
    out.push('changes text outside the place it means to change');
    return out;
  }
  const regionAfter = after.slice(r0, after.length - tail);
  // The words of the region outside the span survive; what the fix adds is what it means to write.
  const kept = intent.keepsSpan ? words(text.slice(r0, r1)) : [...words(text.slice(r0, s0)), ...words(text.slice(s1, r1))];
  const have = words(regionAfter);
  const lost = missing(kept, have);
  if (lost.length > 0) out.push(`loses ${JSON.stringify(lost)}`);
  const wrong = intent.accepts(missing(have, kept), regionAfter);
  if (wrong) out.push(wrong);
  const fixed = parse(after);
  const numbers = intent.adds === undefined ? numbersOf(doc) : [...numbersOf(doc), intent.adds];
  if (JSON.stringify(numbersOf(fixed)) !== JSON.stringify(numbers)) {
    out.push(`the questions change: ${JSON.stringify(numbersOf(doc))} → ${JSON.stringify(numbersOf(fixed))}`);
  }
  // A reference to the question the fix adds, which named none before, names it now.
  const added = intent.adds === undefined ? -1 : new QuestionGraph(fixed).indexOf(intent.adds);
  const before = targets(doc).map((t) => (t === `${intent.adds}→-1` ? `${intent.adds}→${added}` : t));
  const now = targets(fixed);
  const gone = missing(before, now);
  if (gone.length > 0 || (d.code !== 'malformed-heading' && now.length !== before.length)) {
    out.push(`references change: ${JSON.stringify(before)} → ${JSON.stringify(now)}`);
  }
  const count = (ds: readonly KvDiagnostic[]) => ds.filter((x) => x.code === d.code).length;
  if (intent.typedAt) {
    // A place to type: typing a word there mends it.
    const at = r0 + intent.typedAt(regionAfter);
    if (count(checked(parse(`${after.slice(0, at)}Antwoord${after.slice(at)}`))) >= count(checked(doc))) out.push(`a word typed where the ${d.code} fix leaves the cursor does not mend it`);
  } else {
    // Mended: one of the code fewer, or none left where it stood (mending a key may make a stray line
    // next to it a field, with a problem of its own).
    const now = checked(fixed);
    const still = now.some((x) => x.code === d.code && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character
      && x.range.end.line === d.range.end.line && x.range.end.character === d.range.end.character);
    if (count(now) >= count(checked(doc)) && still) out.push(`does not mend the ${d.code}`);
  }
  return out;
}

/** What a start of the answer may write (FORMAT.md: the keys of an answered document, a Dutch date, `(na N dagen)`): words and punctuation. */
const START_ANSWERING_WORDS = new Set(['Beantwoord', 'door', 'Bron', 'antwoord', 'na', 'dagen', '(', ')', ...MONTHS]);

/**
 * What is wrong with `edits` as the start of the answer (*Beantwoording starten*, the quick fix of
 * `unanswered-document`) on `text`: from the format, not from the code. It only inserts; what it inserts
 * are the keys `Beantwoord`, `Beantwoord door`, `Bron antwoord` (each once, on a line of its own, when the
 * document lacks it), a date and its `(na N dagen)`, line ends and indentation; the questions and every
 * reference stay; afterwards typing under each question with a question text gives it its answer.
 */
export function startAnsweringViolations(text: string, edits: readonly TextEdit[]): string[] {
  const out: string[] = [];
  const before = TextDocument.create(URI, 'kamervraag', 1, text);
  for (const e of edits) {
    if (before.offsetAt(e.range.start) !== before.offsetAt(e.range.end)) out.push(`replaces ${JSON.stringify(text.slice(before.offsetAt(e.range.start), before.offsetAt(e.range.end)))}`);
    const odd = words(e.newText).filter((w) => !START_ANSWERING_WORDS.has(w) && !/^\d+$/.test(w));
    if (odd.length > 0) out.push(`writes ${JSON.stringify(odd)}`);
  }
  const after = tryApplyEdits(text, edits);
  if (after instanceof Error) return [...out, `the edits do not apply: ${after.message}`];
  const doc = parse(text);
  const fixed = parse(after);
  if (JSON.stringify(numbersOf(fixed)) !== JSON.stringify(numbersOf(doc))) out.push(`the questions change: ${JSON.stringify(numbersOf(doc))} → ${JSON.stringify(numbersOf(fixed))}`);
  if (JSON.stringify(targets(fixed)) !== JSON.stringify(targets(doc))) out.push(`references change: ${JSON.stringify(targets(doc))} → ${JSON.stringify(targets(fixed))}`);
  const keys = (d: KamervraagDocument) => d.metadata.fields.map((f) => f.key);
  for (const key of ['Beantwoord', 'Beantwoord door', 'Bron antwoord']) {
    const n = keys(fixed).filter((k) => k === key).length;
    if (n !== (keys(doc).includes(key) || keys(doc).length === 0 ? keys(doc).filter((k) => k === key).length : 1)) out.push(`${n} '${key}' lines afterwards`);
  }
  // Every question with a question text now has the place of its answer: a word typed on the line the
  // start leaves under it (its last inserted line) is its answer.
  // (Indented as the document indents, with whatever spacing the format reads as spaces: U+00A0 too.)
  const answerLines = edits.filter((e) => /^(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n)$/.test(e.newText) || /^(?:\r\n|\r|\n){2}[^\S\r\n]*$/.test(e.newText));
  const withText = doc.questions.filter((q) => q.question.some((s) => s.text.trim() !== '') && !q.hasAnswer).length;
  if (answerLines.length !== withText) out.push(`${answerLines.length} answer lines for ${withText} questions with a text`);
  return out;
}

/**
 * What is wrong with `edits` as a choice of the question a wrong reference meant (`reference-unknown-question`
 * or `reference-self` at `d`), from the format: one edit, on the reference's digits and nothing else, writing
 * the number of a question the document has (not the answer's own question); afterwards the questions are
 * the same, that reference names the chosen question and every other reference is unchanged, and the
 * problem at `d` is gone.
 */
export function referenceChoiceViolations(text: string, d: KvDiagnostic, edits: readonly TextEdit[]): string[] {
  if (edits.length !== 1) return [`${edits.length} edits`];
  const [e] = edits;
  const before = TextDocument.create(URI, 'kamervraag', 1, text);
  const from = before.offsetAt(e!.range.start);
  const to = before.offsetAt(e!.range.end);
  if (from !== before.offsetAt(d.range.start) || to !== before.offsetAt(d.range.end)) return ['edits outside the reference\'s digits'];
  const old = text.slice(from, to);
  if (!/^\d+$/.test(old) || !/^\d+$/.test(e!.newText) || old === e!.newText) return [`replaces ${JSON.stringify(old)} with ${JSON.stringify(e!.newText)}`];
  const doc = parse(text);
  const graph = new QuestionGraph(doc);
  const m = Number(e!.newText);
  if (graph.indexOf(m) < 0) return [`names question ${m}, which the document does not have`];
  const reference = doc.references.find((r) => r.targets.some((x) => !x.implied && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character));
  if (!reference) return ['no written number of a reference stands there'];
  if (reference.inPart === 'answer' && reference.fromQuestion === m) return [`an answer made to refer to its own question ${m}`];
  const after = applyEdits(text, edits);
  const fixed = parse(after);
  const out: string[] = [];
  if (JSON.stringify(numbersOf(fixed)) !== JSON.stringify(numbersOf(doc))) out.push(`the questions change: ${JSON.stringify(numbersOf(doc))} → ${JSON.stringify(numbersOf(fixed))}`);
  // In document order; the chosen target keeps its place in the order (a shorter number moves the ones after it on its line).
  const chosen = doc.references.flatMap((r) => r.targets).findIndex((t) => !t.implied && t.range.start.line === d.range.start.line && t.range.start.character === d.range.start.character);
  const want = targets(doc).map((t, i) => (i === chosen ? `${m}→${graph.indexOf(m)}` : t));
  const have = targets(fixed);
  if (JSON.stringify(have) !== JSON.stringify(want)) out.push(`references change: ${JSON.stringify(want)} → ${JSON.stringify(have)}`);
  const still = checked(fixed).some((x) => x.code === d.code && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character);
  if (still) out.push(`the ${d.code} stays`);
  return out;
}

/** Every quick fix of `text`, as `codeActions` gives it for each diagnostic; the violations of each. */
export function checkFixes(text: string): string[] {
  const analysis = analysed(text);
  const ours = analysis.diagnostics;
  const out: string[] = [];
  for (const d of ours) {
    // The fixes of the diagnostics themselves (renumbering, `quickfix.renumber.kamervraag`, has its own property: renumberSafety.ts).
    const actions = codeActions(analysis, quickFixParams(d), ENGLISH).filter((a) => a.kind === 'quickfix');
    if (d.code === 'reference-unknown-question' || d.code === 'reference-self') {
      // Its quick fixes are choices of the question meant (features/referenceChoices.ts): one edit each.
      for (const a of actions) for (const v of referenceChoiceViolations(text, d, a.edit?.changes?.[URI] ?? [])) out.push(`${d.code} (${a.title}): ${v}`);
      continue;
    }
    if (d.code === 'unanswered-document') {
      // Its quick fix starts the answer (features/startAnswering.ts): an edit of its own kind.
      for (const a of actions) for (const v of startAnsweringViolations(text, a.edit?.changes?.[URI] ?? [])) out.push(`${d.code} (${a.title}): ${v}`);
      continue;
    }
    if (!d.fix) {
      if (actions.length > 0) out.push(`${d.code}: a code action without a fix`);
      continue;
    }
    if (actions.length !== 1) {
      out.push(`${d.code}: ${actions.length} code actions for one fix`);
      continue;
    }
    const edits = actions[0]!.edit?.changes?.[URI] ?? [];
    for (const v of fixViolations(text, d, edits)) out.push(`${d.code} at ${d.range.start.line}:${d.range.start.character} (${d.fix.title.en}): ${v}`);
  }
  return out;
}

// ---- Rename ----

/** The block renamed at `pos` as the format means it: the heading under the cursor, else the first question a reference resolves to. */
function renamedAt(doc: KamervraagDocument, graph: QuestionGraph, pos: Position): { n: number; index: number } | null {
  const inside = (r: Range) => r.start.line === pos.line && r.start.character <= pos.character && pos.character <= r.end.character;
  const qs = doc.questions;
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i]!;
    if (q.number !== null && q.numberRange && inside(q.numberRange)) return { n: q.number, index: i };
  }
  for (const r of doc.references) {
    for (const t of r.targets) if (!t.implied && inside(t.range)) return { n: t.number, index: graph.indexOf(t.number) };
  }
  return null;
}

/** What is wrong with the answer of `rename(pos, newName)` on `text` (empty: nothing). */
export function renameViolations(
  text: string, pos: Position, newName: string, result: ReturnType<typeof rename>, doc = parse(text), graph = new QuestionGraph(doc),
): string[] {
  if (!result || 'error' in result) return [];
  const edits = result.ok;
  if (edits.length === 0) return [];
  const to = newName.trim();
  const valid = /^\d{1,9}$/.test(to) && Number(to) >= 1;
  const where = `rename at ${pos.line}:${pos.character} to ${JSON.stringify(newName)}`;
  if (!valid) return [`${where}: edits for an invalid name`];
  const m = Number(to);
  if (graph.questionsNumbered(m).length > 0) return [`${where}: edits although question ${m} exists`];
  const meant = renamedAt(doc, graph, pos);
  if (!meant) return [`${where}: edits where no number stands`];
  if (meant.n === m) return [`${where}: edits for the same number`];
  const out: string[] = [];
  const before = TextDocument.create(URI, 'kamervraag', 1, text);
  const offsetAt = (p: Position) => before.offsetAt(p);
  for (const e of edits) {
    const old = text.slice(offsetAt(e.range.start), offsetAt(e.range.end));
    if (!/^\d+$/.test(old) || e.newText !== String(m)) out.push(`${where}: replaces ${JSON.stringify(old)} with ${JSON.stringify(e.newText)}`);
  }
  const after = tryApplyEdits(text, edits);
  if (after instanceof Error) return [...out, `${where}: the edits do not apply: ${after.message}`];
  // Every word outside the edited ranges survives: lines without an edit are unchanged, and on the lines
  // with one, the words outside the edited ranges are all still there.
  const linesBefore = lineSpans(text).map(([a, b]) => text.slice(a, b));
  const linesAfter = lineSpans(after).map(([a, b]) => after.slice(a, b));
  if (linesAfter.length !== linesBefore.length) out.push(`${where}: ${linesBefore.length} lines became ${linesAfter.length}`);
  const onLine = new Map<number, Array<[number, number]>>();
  for (const e of edits) {
    if (e.range.start.line !== e.range.end.line) continue; // reported above: no digits span lines
    const list = onLine.get(e.range.start.line) ?? [];
    list.push([e.range.start.character, e.range.end.character]);
    onLine.set(e.range.start.line, list);
  }
  for (let i = 0; i < Math.min(linesBefore.length, linesAfter.length); i++) {
    const ranges = onLine.get(i);
    if (!ranges) {
      if (linesBefore[i] !== linesAfter[i]) out.push(`${where}: changes line ${i}, which it does not edit`);
      continue;
    }
    const lost = missing(words(blank(linesBefore[i]!, ranges)), words(linesAfter[i]!));
    if (lost.length > 0) out.push(`${where}: loses ${JSON.stringify(lost)} on line ${i}`);
  }
  // The same blocks; only the renamed one carries the new number.
  const renamed = parse(after);
  const want = numbersOf(doc).map((n, i) => (i === meant.index ? m : n));
  if (JSON.stringify(numbersOf(renamed)) !== JSON.stringify(want)) {
    out.push(`${where}: questions ${JSON.stringify(numbersOf(doc))} became ${JSON.stringify(numbersOf(renamed))}, expected ${JSON.stringify(want)}`);
  }
  // References that pointed at the renamed question carry the new number and still point at it; the others are unchanged.
  const wantTargets = doc.references.flatMap((r) => r.targets.map((t) => {
    const index = graph.indexOf(t.number);
    const hit = meant.index >= 0 ? index === meant.index : t.number === meant.n;
    return hit ? `${m}→${meant.index}` : `${t.number}→${index}`;
  }));
  const got = targets(renamed);
  if (JSON.stringify(got) !== JSON.stringify(wantTargets)) {
    out.push(`${where}: references ${JSON.stringify(targets(doc))} became ${JSON.stringify(got)}, expected ${JSON.stringify(wantTargets)}`);
  }
  return out;
}

/** Positions worth renaming at: every heading number and written reference number (its start, inside, its end). */
function renamePositions(doc: KamervraagDocument): Position[] {
  const out: Position[] = [];
  const add = (r: Range) => {
    out.push(r.start, { line: r.start.line, character: (r.start.character + r.end.character) >> 1 }, r.end);
  };
  for (const q of doc.questions) if (q.numberRange) add(q.numberRange);
  for (const r of doc.references) for (const t of r.targets) if (!t.implied) add(t.range);
  return out;
}

/** Rename at every renameable position of `text` with the given names (plus a free, a taken and the same number). */
export function checkRenames(text: string, names: readonly string[] = []): string[] {
  const analysis = analysed(text);
  const doc = analysis.document;
  const graph = analysis.graph;
  const used = graph.numbers();
  const free = String((used[used.length - 1] ?? 0) + 1);
  const out: string[] = [];
  for (const pos of renamePositions(doc)) {
    const here = renamedAt(doc, graph, pos);
    const tried = [free, ...names, ...(used.length ? [String(used[0])] : []), ...(here ? [String(here.n)] : [])];
    for (const name of tried) {
      let result: ReturnType<typeof rename>;
      try {
        result = rename(analysis, { textDocument: { uri: URI }, position: pos, newName: name }, ENGLISH);
      } catch (err) {
        out.push(`rename at ${pos.line}:${pos.character} to ${name} throws: ${(err as Error).message}`);
        continue;
      }
      out.push(...renameViolations(text, pos, name, result, doc, graph));
    }
  }
  out.push(...checkZaaknummerRenames(text, analysis));
  return out;
}

/** New zaaknummers to try: free ones (one in lower case), and names that are none. */
const ZAAKNUMMER_NAMES = ['2031Z00001', '2031z00002', 'Z123', '', '2031Z0000１'];

/**
 * What is wrong with the answer of a rename at `pos` on the document's own zaaknummer (empty: nothing).
 * The oracle, from the format: the header's zaaknummer, if well formed, is the symbol; a valid new name
 * (four digits, Z — either case — and five digits) that differs gives edits (from the header's, and maybe
 * from the other places where it stands), each over exactly the old
 * zaaknummer's characters and writing the new one with a capital Z, the header's among them; the lines
 * without an edit are unchanged; afterwards the header names the new zaaknummer, the questions and their
 * references are the same, and `zaaknummer-mismatch` reports no more than before.
 */
export function zaaknummerRenameViolations(text: string, pos: Position, newName: string, result: ReturnType<typeof rename>, doc = parse(text)): string[] {
  const where = `rename of the zaaknummer at ${pos.line}:${pos.character} to ${JSON.stringify(newName)}`;
  const header = doc.header?.zaaknummer;
  const old = header && /^\d{4}Z\d{5}$/.test(header.text) ? header.text : null;
  const to = newName.trim().toUpperCase();
  const valid = /^\d{4}Z\d{5}$/.test(to);
  const edits = result && 'ok' in result ? result.ok : [];
  if (!old) return edits.length > 0 ? [`${where}: edits without a zaaknummer in the header`] : [];
  if (!valid || to === old) return edits.length > 0 ? [`${where}: edits for ${valid ? 'the same' : 'an invalid'} name`] : [];
  // On the header's zaaknummer there must be edits; elsewhere the occurrence may be no place of it (a
  // misspelt `Bronvraag` line, a zaaknummer glued to a word), and none is right too.
  const onHeader = pos.line === header!.range.start.line && header!.range.start.character <= pos.character && pos.character <= header!.range.end.character;
  if (edits.length === 0) return onHeader ? [`${where}: no edit (${JSON.stringify(result)})`] : [];
  const out: string[] = [];
  const before = TextDocument.create(URI, 'kamervraag', 1, text);
  for (const e of edits) {
    const was = text.slice(before.offsetAt(e.range.start), before.offsetAt(e.range.end));
    if (was !== old || e.newText !== to) out.push(`${where}: replaces ${JSON.stringify(was)} with ${JSON.stringify(e.newText)}`);
  }
  if (!edits.some((e) => JSON.stringify(e.range) === JSON.stringify(header!.range))) out.push(`${where}: the header's zaaknummer is not among the edits`);
  const after = tryApplyEdits(text, edits);
  if (after instanceof Error) return [...out, `${where}: the edits do not apply: ${after.message}`];
  const linesBefore = lineSpans(text).map(([a, b]) => text.slice(a, b));
  const linesAfter = lineSpans(after).map(([a, b]) => after.slice(a, b));
  const edited = new Set(edits.map((e) => e.range.start.line));
  linesBefore.forEach((l, i) => {
    if (!edited.has(i) && linesAfter[i] !== l) out.push(`${where}: changes line ${i}, which it does not edit`);
  });
  const renamed = parse(after);
  if (renamed.header?.zaaknummer?.text !== to) out.push(`${where}: the header names ${JSON.stringify(renamed.header?.zaaknummer?.text)}`);
  if (JSON.stringify(numbersOf(renamed)) !== JSON.stringify(numbersOf(doc)) || JSON.stringify(targets(renamed)) !== JSON.stringify(targets(doc))) {
    out.push(`${where}: the questions or their references changed`);
  }
  const mismatches = (d: KamervraagDocument) => check(d).filter((x) => x.code === 'zaaknummer-mismatch').length;
  if (mismatches(renamed) > mismatches(doc)) out.push(`${where}: zaaknummer-mismatch ${mismatches(doc)} → ${mismatches(renamed)}`);
  return out;
}

/** Rename at the header's zaaknummer and wherever the text writes it again, with valid and invalid new zaaknummers. */
function checkZaaknummerRenames(text: string, analysis: Analysis): string[] {
  const doc = analysis.document;
  const header = doc.header?.zaaknummer;
  if (!header) return [];
  const positions: Position[] = [header.range.start, header.range.end];
  const spans = lineSpans(text);
  for (let i = text.indexOf(header.text); i >= 0 && positions.length < 40; i = text.indexOf(header.text, i + 1)) {
    const line = spans.findIndex(([a, b]) => a <= i && i <= b);
    if (line >= 0) positions.push({ line, character: i - spans[line]![0] + 3 });
  }
  const out: string[] = [];
  for (const pos of positions) {
    for (const name of [...ZAAKNUMMER_NAMES, header.text]) {
      let result: ReturnType<typeof rename>;
      try {
        result = rename(analysis, { textDocument: { uri: URI }, position: pos, newName: name }, ENGLISH);
      } catch (err) {
        out.push(`rename of the zaaknummer at ${pos.line}:${pos.character} to ${name} throws: ${(err as Error).message}`);
        continue;
      }
      // A rename there of a question number (a zaaknummer's digits may stand in a mention) is checked above.
      if (result && 'ok' in result && result.ok.some((e) => /^\d+$/.test(e.newText))) continue;
      out.push(...zaaknummerRenameViolations(text, pos, name, result, doc));
    }
  }
  return out;
}

// ---- The properties ----

/** New names to try: valid numbers, numbers in use, and names that are no number. */
const newNames = fc.array(fc.oneof(
  fc.integer({ min: 1, max: 30 }).map(String),
  fc.constantFrom('0', '-1', 'zes', '', ' 7 ', '007', '1e3', '12345678901', '2.5', '999999999', '١٢'),
), { maxLength: 3 });

function assertNone(violations: readonly string[], text: string, how = ''): void {
  assertNoViolations('unsafe edit(s)', violations, text, how);
}

/**
 * The properties: quick fixes and renames on generated documents (valid and broken on purpose), on
 * mutated real examples and on documents of hostile lines. They join the campaign's list in
 * properties.ts (`npm run fuzz`) and run bounded in editSafety.test.ts.
 */
export const editSafetyProperties: NamedProperty[] = [
  {
    name: 'edit-safety-fixes',
    description: 'every quick fix of every diagnostic on generated documents, valid and broken on purpose',
    property: fc.property(kamervraagDocument(true), (text) => assertNone(checkFixes(text), text)),
  },
  {
    name: 'edit-safety-fixable-problems',
    description: 'every quick fix on generated documents with several fixable problems at once (shuffled metadata, capitals, header, days, heading, CRLF)',
    property: fc.property(documentWithFixableProblems, ({ text, how }) => assertNone(checkFixes(text), text, how)),
  },
  {
    name: 'edit-safety-rename',
    description: 'rename at every heading and reference number, with free, taken, equal and invalid names, on generated documents',
    property: fc.property(kamervraagDocument(true), newNames, (text, names) => assertNone(checkRenames(text, names), text)),
  },
  {
    name: 'edit-safety-mutated-examples',
    description: 'every quick fix and rename on the real examples mutated',
    property: fc.property(mutatedExample(examples()), newNames, ({ text, how }, names) => {
      assertNone([...checkFixes(text), ...checkRenames(text, names)], text, how);
    }),
  },
  {
    name: 'edit-safety-hostile-lines',
    description: 'every quick fix and rename on documents of hostile lines',
    property: fc.property(hostileDocument, newNames, (text, names) => assertNone([...checkFixes(text), ...checkRenames(text, names)], text)),
  },
];
