/**
 * Formatting loses nothing (issue 12, "Nothing lost"): the edits of `textDocument/formatting` (the feature,
 * as an editor gets it), applied with `TextDocument.applyEdits`, to generated documents, Word-pasted ones,
 * mutated examples and hostile text. Checked against an oracle written here from the format:
 *
 *  - the words of the text, in order, are the same: only spacing, line ends, a heading's bullet and the `:`
 *    or `.` after a heading's number may change (`•` the only word added);
 *  - the result parses to the same questions (numbers), the same question and answer text (their words),
 *    the same references (part, question, numbers), compared with the text read with each heading's text
 *    after its number on the next line (`Vraag 2: Kunt u …?` has question text, as after the heading fix);
 *  - formatting the result gives no edit (idempotent), and formatting never refuses.
 *
 * `formatViolations` is the checker, exported for the unit tests' negative controls.
 */
import * as fc from 'fast-check';
import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { parse } from '../../server/src/core/parse';
import { readHeading } from '../../server/src/core/headings';
import type { KamervraagDocument } from '../../server/src/core/model';
import { formatting, rangeFormatting } from '../../server/src/features/formatting';
import { formatDocument } from '../../server/src/core/format';
import { verifyFormat } from '../../server/src/core/formatCheck';
import { EditedText } from '../../server/src/core/editedText';
import { featureContext } from '../../server/src/features/context';
import { assertNoViolations } from './editText';
import { analysed, applyEdits, tryApplyEdits, words } from './editSafety';
import { hostileDocument, kamervraagDocument, mutatedExample } from './arbitraries';
import { examples } from './harness';
import type { NamedProperty } from './properties';

const URI = 'file:///format-safety.kvr';
const CONTEXT = featureContext({ locale: 'en' });

/** The formatting edits of `text`, or the refusal's message. */
export function formatOf(text: string, insertFinalNewline = false): TextEdit[] | string {
  const result = formatting(analysed(text), { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true, insertFinalNewline } }, CONTEXT);
  return 'error' in result ? result.error : result.ok;
}

/** What a heading may lose: its bullet, and a `:` or `.` after its number. */
const DROPPABLE = new Set(['•', '-', '–', '*', '·', '●', '▪', '◦', ':', '.']);

/** Words of `after` against `before`: the same in order, but for droppable words gone and bullets added. */
function wordDifference(before: readonly string[], after: readonly string[]): string | null {
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      i++;
      j++;
    } else if (i < before.length && DROPPABLE.has(before[i]!)) i++;
    else if (j < after.length && after[j] === '•') j++;
    else return `word ${i}: ${JSON.stringify(before.slice(i, i + 5))} became ${JSON.stringify(after.slice(j, j + 5))}`;
  }
  return null;
}

const SP = '[ \\t\\v\\f\\u00a0\\ufeff\\u2000-\\u200b\\u202f\\u3000]';
/** A question heading up to its number. */
const HEADING_NUMBER = new RegExp(`^${SP}*(?:[•\\-–*·●▪◦]${SP}*)?vraag${SP}*\\d+(?!\\d)`, 'iu');
const LEADING = new RegExp(`^${SP}+`, 'u');
const TRAILING = new RegExp(`${SP}+$`, 'u');
/** Text glued to a heading's number, a sub-number or letter the writer gave it (`2.1`, `2A`, `2:Wat`, `2 .5`): it stays. */
const GLUED = new RegExp(`^(?:(?!${SP})[^:.]|${SP}*[:.](?!${SP}|$))`, 'u');

/** `text` with the text after each question heading's number (on lines `from`…`to`) on a line of its own (unless it reads as a heading). */
function headingTextMoved(text: string, doc: KamervraagDocument, from = 0, to = Infinity): string {
  const lines = text.split(/(\r\n|\r|\n)/);
  for (const q of doc.questions) {
    if (q.headingRange.start.line < from || q.headingRange.start.line > to) continue;
    const k = q.headingRange.start.line * 2;
    const m = HEADING_NUMBER.exec(lines[k]!);
    if (!m) continue;
    const after = lines[k]!.slice(m[0].length);
    if (GLUED.test(after)) continue;
    let rest = after.replace(LEADING, '');
    if (rest.startsWith(':') || rest.startsWith('.')) rest = rest.slice(1).replace(LEADING, '');
    rest = rest.replace(TRAILING, '');
    if (rest && !readHeading(`  ${rest}`)) lines[k] = `${m[0]}\n  ${rest}`;
  }
  return lines.join('');
}

/** What a reader sees of the blocks: numbers, the words of question and answer, the references. */
type Reading = ReturnType<typeof reading>;

function reading(doc: KamervraagDocument) {
  return {
    questions: doc.questions.map((q) => ({
      number: q.number,
      question: q.question.flatMap((p) => words(p.text)),
      answer: q.hasAnswer ? q.answer.flatMap((p) => words(p.text)) : null,
    })),
    mededelingen: doc.mededelingen.map((m) => m.paragraphs.flatMap((p) => words(p.text))),
    references: doc.references.map((r) => `${r.fromQuestion}/${r.inPart}→${r.targets.map((t) => t.number).join(',')}`),
  };
}

/** What is wrong with formatting `text` (empty: nothing). */
export function formatViolations(text: string, edits: readonly TextEdit[] | string, insertFinalNewline = false): string[] {
  if (typeof edits === 'string') return [`refused: ${edits}`];
  const after = tryApplyEdits(text, edits);
  if (after instanceof Error) return [`the edits do not apply: ${after.message}`];
  const out: string[] = [];
  // The text the server checks its edits on is the text the edits make.
  const made = formatDocument(parse(text), { insertFinalNewline }).formatted.toString();
  if (made !== after) out.push(`the formatted text the server checks differs from the edits applied: ${JSON.stringify(made.slice(0, 200))}`);
  const lost = wordDifference(words(text), words(after));
  if (lost) out.push(`changes words: ${lost}`);
  const doc = parse(text);
  const expected = reading(parse(headingTextMoved(text, doc)));
  const got = reading(parse(after));
  for (const key of Object.keys(expected) as (keyof Reading)[]) {
    const a = expected[key] as unknown[];
    const b = got[key] as unknown[];
    const i = a.findIndex((x, k) => JSON.stringify(x) !== JSON.stringify(b[k]));
    if (i >= 0 || a.length !== b.length) {
      const at = i >= 0 ? i : Math.min(a.length, b.length);
      out.push(`${key} read otherwise: ${a.length} became ${b.length}; at ${at}: ${JSON.stringify(a[at])} became ${JSON.stringify(b[at])}`);
    }
  }
  const again = formatOf(after, insertFinalNewline);
  if (typeof again === 'string') out.push(`formatting the result is refused: ${again}`);
  else if (applyEdits(after, again) !== after) out.push(`not idempotent: formatting the result changes it again (${JSON.stringify(again.slice(0, 3))})`);
  if (out.length > 0) out.push(`--- formatted ---\n${after}`);
  return out;
}

/**
 * Formatting the lines `from`…`to` of `text`: no refusal, every word kept in order, and the result reads as
 * the text with the headings' text moved on the lines the edits touch.
 */
export function checkRangeFormat(text: string, from: number, to: number): string[] {
  const range = { start: { line: from, character: 0 }, end: { line: to, character: 0 } };
  const result = rangeFormatting(analysed(text), { textDocument: { uri: URI }, range, options: { tabSize: 2, insertSpaces: true } }, CONTEXT);
  if ('error' in result) return [`range ${from}-${to} refused: ${result.error}`];
  const edits = result.ok;
  const after = tryApplyEdits(text, edits);
  if (after instanceof Error) return [`range ${from}-${to}: the edits do not apply: ${after.message}`];
  const out: string[] = [];
  const lost = wordDifference(words(text), words(after));
  if (lost) out.push(`range ${from}-${to} changes words: ${lost}`);
  if (edits.length > 0) {
    const first = Math.min(...edits.map((e) => e.range.start.line));
    // (An edit that ends at the start of a line does not touch that line.)
    const last = Math.max(...edits.map((e) => (e.range.end.character === 0 && e.range.end.line > e.range.start.line ? e.range.end.line - 1 : e.range.end.line)));
    const expected = JSON.stringify(reading(parse(headingTextMoved(text, parse(text), first, last))));
    if (JSON.stringify(reading(parse(after))) !== expected) out.push(`range ${from}-${to} (edits on lines ${first}-${last}) reads otherwise`);
  }
  return out;
}

export function checkFormat(text: string, insertFinalNewline = false): string[] {
  return formatViolations(text, formatOf(text, insertFinalNewline), insertFinalNewline);
}

function assertNone(violations: readonly string[], text: string, how = ''): void {
  assertNoViolations('formatting problem(s)', violations, text, how, JSON.stringify);
}

/** A document as it comes out of Word: CRLF, tabs and no-break spaces for indentation, other bullets, `Vraag N:`, trailing spaces, blank lines. */
export const wordPasted: fc.Arbitrary<string> = fc
  .tuple(
    kamervraagDocument(false),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('tab', 'nbsp', 'none', 'dash', 'star', 'colon', 'trailing', 'blank', 'unblank', 'four')), { maxLength: 12 }),
    fc.boolean(),
  )
  .map(([text, ops, crlf]) => {
    const lines = text.split(/\r?\n/);
    for (const [at, op] of ops) {
      const k = at % lines.length;
      const s = lines[k]!;
      switch (op) {
        case 'tab': lines[k] = s.replace(/^ +/, '\t'); break;
        case 'nbsp': lines[k] = s.replace(/^ +/, (m) => '\u00a0'.repeat(m.length)); break;
        case 'none': lines[k] = s.trimStart(); break;
        case 'dash': lines[k] = s.replace(/^ •/, '-'); break;
        case 'star': lines[k] = s.replace(/^ • /, '*\t'); break;
        case 'colon': lines[k] = s.replace(/^( • Vraag \d+)$/, '$1:'); break;
        case 'trailing': lines[k] = `${s}  \t`; break;
        case 'blank': lines.splice(k, 0, ''); break;
        case 'unblank': if (s === '') lines.splice(k, 1); break;
        case 'four': lines[k] = s.replace(/^ +/, (m) => m + m); break;
      }
    }
    return lines.join(crlf ? '\r\n' : '\n');
  });

/** What a corrupted formatter could do at the start or end of a line of the document. */
const CORRUPTIONS = ['join', 'footer', 'stray', 'blank', 'heading', 'unheading', 'lone-cr', 'cr-split'] as const;

/**
 * The formatter's edits of `text` with corruptions added at random lines (an edit overlapping one of the
 * formatter's is left out), as the text it would make: what the check in parts must read as the check of
 * the whole text does.
 */
export function corruptedFormat(text: string, ops: readonly (readonly [number, (typeof CORRUPTIONS)[number]])[]): { doc: KamervraagDocument; edited: EditedText } {
  const doc = parse(text);
  const lines = doc.blocks.lines;
  const pos = (line: number, character: number) => ({ line, character });
  const extra: TextEdit[] = [];
  for (const [at, op] of ops) {
    const i = at % lines.count;
    const end = pos(i, lines.end(i) - lines.start(i));
    const next = i + 1 < lines.count ? pos(i + 1, 0) : end;
    const start = pos(i, 0);
    switch (op) {
      case 'join': extra.push({ range: { start: end, end: next }, newText: '' }); break;
      case 'footer': extra.push({ range: { start, end: start }, newText: 'Kamervraag document nummer: kv-tk-2024Z00001\n' }); break;
      case 'stray': extra.push({ range: { start, end: start }, newText: 'Ingediend 1 mei 2024\n' }); break;
      case 'blank': extra.push({ range: { start, end: start }, newText: '\n' }); break;
      case 'heading': extra.push({ range: { start, end: start }, newText: ' • Vraag 99\n' }); break;
      case 'unheading': if (lines.end(i) > lines.start(i)) extra.push({ range: { start, end: pos(i, 1) }, newText: 'x' }); break;
      case 'lone-cr': extra.push({ range: { start: end, end: next }, newText: '\r' }); break;
      // A \r ending one line and a \n starting the next: one line end where the parts would read two.
      case 'cr-split': extra.push({ range: { start: end, end: next }, newText: '\r' }, { range: { start: next, end: next }, newText: '\n' }); break;
    }
  }
  const offset = (p: { line: number; character: number }) => lines.start(p.line) + p.character;
  const all = [...formatDocument(doc).edits.map((e) => ({ e, formatter: true })), ...extra.map((e) => ({ e, formatter: false }))]
    .sort((a, b) => offset(a.e.range.start) - offset(b.e.range.start) || offset(a.e.range.end) - offset(b.e.range.end) || Number(b.formatter) - Number(a.formatter));
  const kept: TextEdit[] = [];
  let done = 0;
  for (const { e } of all) {
    if (offset(e.range.start) < done) continue;
    kept.push(e);
    done = offset(e.range.end);
  }
  return { doc, edited: EditedText.fromEdits(lines, kept) };
}

export const formatSafetyProperties: NamedProperty[] = [
  {
    name: 'format-safety-generated',
    description: 'formatting generated documents (valid and broken on purpose) keeps every word and reading, and is idempotent',
    property: fc.property(kamervraagDocument(true), fc.boolean(), (text, final) => assertNone(checkFormat(text, final), text)),
  },
  {
    name: 'format-safety-word-paste',
    description: 'formatting documents pasted from Word (tabs, no-break spaces, - and * bullets, Vraag N:, CRLF, trailing spaces, blank lines)',
    property: fc.property(wordPasted, (text) => assertNone(checkFormat(text), text)),
  },
  {
    name: 'format-safety-range',
    description: 'formatting a range of lines (Format Selection, format on paste) of Word-pasted and broken documents keeps every word and reading',
    property: fc.property(fc.oneof(wordPasted, kamervraagDocument(true)), fc.nat(), fc.nat({ max: 30 }), (text, at, length) => {
      const count = text.split(/\r\n|\r|\n/).length;
      const from = at % count;
      assertNone(checkRangeFormat(text, from, Math.min(count - 1, from + length)), text, `lines ${from}+${length}`);
    }),
  },
  {
    name: 'format-safety-mutated-examples',
    description: 'formatting the real examples mutated',
    property: fc.property(mutatedExample(examples()), ({ text, how }) => assertNone(checkFormat(text), text, how)),
  },
  {
    name: 'format-check-in-parts',
    description: 'the check of a formatted text read in parts (a part per question) says what the check of the whole text says, for corrupted formatter edits too',
    property: fc.property(
      fc.oneof(wordPasted, kamervraagDocument(true), hostileDocument),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...CORRUPTIONS)), { maxLength: 4 }),
      (text, ops) => {
        const { doc, edited } = corruptedFormat(text, ops);
        assert.deepEqual(verifyFormat(doc, edited, null, 1), verifyFormat(doc, edited, null, Infinity), `corruptions ${JSON.stringify(ops)}`);
      },
    ),
  },
  {
    name: 'format-safety-hostile-lines',
    description: 'formatting documents of hostile lines',
    property: fc.property(hostileDocument, (text) => assertNone(checkFormat(text), text)),
  },
];
