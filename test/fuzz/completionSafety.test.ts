/**
 * Completion safety (test/fuzz/completionSafety.ts), bounded: every completion item the server serves,
 * at every kind of position of the real examples (also with CRLF and CR line ends), of an empty
 * document and of hand-made hostile lines, and on generated, half-written, mutated and hostile
 * documents, applies inside the document without overlap and loses no word but the part being typed;
 * and the checker sees items that are wrong (negative controls: a range that eats a word before the
 * cursor, an additional edit that deletes a line, an overlapping pair, a replace range over the next
 * word, a snippet for a client without snippets, too many items, a throw).
 * FUZZ_RUNS (default 300) runs per property, FUZZ_SEED; `npm run fuzz` runs them long.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-types';
import { FUZZ_RUNS, FUZZ_SEED } from './arbitraries';
import { checkCompletion, completionSafetyProperties, SERVED, SESSIONS, snippetText, type CompletionRow } from './completionSafety';
import { examples } from './harness';
import { analyze } from '../../server/src/core/analysis';
import { fixedClock } from '../../server/src/core/clock';
import { featureContext } from '../../server/src/features/context';

test('the examples: every item at every kind of position, in every session, with \\n, \\r\\n and \\r line ends', () => {
  for (const { name, text } of examples()) {
    for (const [eol, variant] of [['\n', text], ['\r\n', text.replace(/\r?\n/g, '\r\n')], ['\r', text.replace(/\r?\n/g, '\r')]] as const) {
      for (let k = 0; k < SESSIONS.length; k++) {
        const sessions = [...SESSIONS.slice(k), ...SESSIONS.slice(0, k)];
        assert.deepEqual(checkCompletion(variant, { sessions }), [], `${name} ${JSON.stringify(eol)} ${k}`);
      }
    }
  }
});

test('an empty document, lone lines being written, surrogate pairs and combining marks: answers, none of them unsafe', () => {
  const head = 'Kamervraag 2024Z30000\n\nEen titel\n\n';
  const texts = [
    '', '\n', '\r\n', ' ', 'I', 'Kamervraag', head, `${head}Ingediend `, `${head}Ingediend 1`, `${head}Ingediend 12 dec`, `${head}Ingediend 12 december 20`,
    `${head}Ingediend 30 oktober 2014`, `${head}Be`, `${head}Beantwoord d`, `${head}Ingediend 1 mei 2024\n • Vr`, `${head}Ingediend 1 mei 2024\n- vraag `,
    `${head}Ingediend 1 mei 2024\n • Vraag 1\n  Wat?\n\n  Zie antwoord vraag 6.\n • Vraag 2\n  Zie antwoord vraag 1, 2 en `,
    `${head}Ingediend 1 mei 2024\n • Vraag 1\n  Zie vraag 😀12 e\u0301 \ud800 vraag 1\u0301`,
    `${head}Ingedi\u0301end 😀\n • Vraag 1\n  Zie antwoord vraag 1 t/m 99999999999999999999`,
  ];
  for (const text of texts) assert.deepEqual(checkCompletion(text), [], JSON.stringify(text));
});

test('the snippet text: tab stops give nothing, placeholders and choices their text, escapes their character', () => {
  assert.equal(snippetText('• Vraag 3\n  ${1:vraag}\n\n  ${2:antwoord}$0'), '• Vraag 3\n  vraag\n\n  antwoord');
  assert.equal(snippetText('a$1b${2}c${3:x${4:y}z}\\$5\\}\\\\${6|een,twee|}$TM_X ${NAME:def}$ ${ {'), 'abcxyz$5}\\eenTM_X def$ ${ {');
  assert.equal(snippetText('${1:open'), '${1:open');
});

/** The served row with its items changed by `change` (item, its index, the position asked at). */
function broken(change: (item: CompletionItem, k: number, params: { position: { line: number; character: number } }) => CompletionItem | CompletionItem[]): CompletionRow {
  return {
    ...SERVED,
    run: (a, p, c) => {
      const list = SERVED.run(a, p, c) as CompletionList | null;
      return list && { ...list, items: list.items.flatMap((item, k) => change(item, k, p)) };
    },
  };
}
const editOf = (item: CompletionItem) => item.textEdit as TextEdit;

test('the checker sees an unsafe item: a word eaten before the cursor, a line deleted, overlapping edits, a replace range too long, a snippet unasked, too many, a throw', () => {
  const { text } = examples().find((e) => e.name === '2014Z19222.txt')!;
  // A line being written of each kind, so that each kind of item is offered.
  const writing = text.replace('Beantwoord door Opstelten', 'Beantwoord d').replace('\n\n\nKamervraag document', '\n  Zie antwoord vraag 1, \n • Vr\n\nKamervraag document');
  assert.notEqual(writing.indexOf(' • Vr\n'), -1);
  const violations = (row: CompletionRow) => checkCompletion(writing, { row }).join('\n');
  const stats = { positions: 0, items: 0 };
  assert.equal(checkCompletion(writing, { stats }).join('\n'), '');
  assert.ok(stats.items > 30, JSON.stringify(stats));
  // Each kind of item is served on it: a key, a question number, a question block, a date.
  const served = (needle: string, at = needle.length) => {
    const lines = writing.split('\n');
    const line = lines.includes(needle) ? lines.indexOf(needle) : lines.findIndex((l) => l.startsWith(needle));
    const list = SERVED.run(analyze(writing), { textDocument: { uri: 'file:///w.kvr' }, position: { line, character: at } }, featureContext({ clock: fixedClock({ year: 2024, month: 11, day: 14 }) })) as CompletionList;
    return list?.items.map((i) => i.label) ?? [];
  };
  assert.ok(served('Beantwoord d').includes('Beantwoord door'));
  assert.ok(served('  Zie antwoord vraag 1, ').includes('2'));
  assert.ok(served(' • Vr').includes('Vraag 11'));
  assert.deepEqual(served('Ingediend 30 oktober 2014', 'Ingediend '.length + 1), []);
  assert.deepEqual(served('Ingediend 30 oktober 2014', 'Ingediend 30 okt'.length), []);
  assert.deepEqual(served('Ingediend 30 oktober 2014', 'Ingediend 30 '.length), []);
  const lineStart = (item: CompletionItem) => ({ line: editOf(item).range.start.line, character: 0 });
  // The range starts at the line's start: it eats the words before the part being typed.
  assert.match(violations(broken((item) => ({ ...item, textEdit: { ...editOf(item), range: { ...editOf(item).range, start: lineStart(item) } } }))),
    /item "1": the range .* replaces "Zie antwoord vraag 1, ", which its filter text "1" does not begin with/);
  assert.match(violations(broken((item) => ({ ...item, filterText: 'zie antwoord vraag 1, 1', textEdit: { ...editOf(item), range: { ...editOf(item).range, start: lineStart(item) } } }))),
    /item "1": the range .* replaces \["zie","antwoord","vraag",","\], which begin no word it writes/);
  // An additional edit that deletes the line above the cursor.
  assert.match(violations(broken((item) => {
    const line = editOf(item).range.start.line - 1;
    return { ...item, additionalTextEdits: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }] };
  })), /an additional edit deletes \[/);
  // An additional edit over the main edit's range (an overlapping pair), and one at its very start.
  assert.match(violations(broken((item) => ({ ...item, additionalTextEdits: [{ range: editOf(item).range, newText: 'x' }] }))), /edits overlap or start at one place/);
  assert.match(violations(broken((item) => ({ ...item, additionalTextEdits: [{ range: { start: editOf(item).range.start, end: editOf(item).range.start }, newText: 'x' }] }))),
    /edits overlap or start at one place/);
  // An InsertReplaceEdit whose replace range runs on over the next word.
  assert.match(violations(broken((item) => {
    const { range, newText } = editOf(item);
    return { ...item, textEdit: { newText, insert: range, replace: { start: range.start, end: { line: range.end.line, character: range.end.character + 3 } } } };
  })), /the replace range .* (replaces more after the cursor than the rest of its word|is no position of the text)/);
  // The range ends before the cursor, or on another line.
  assert.match(violations(broken((item) => ({ ...item, textEdit: { ...editOf(item), range: { start: editOf(item).range.start, end: editOf(item).range.start } } }))),
    /does not end at the cursor/);
  // A number written glued to the digits after it: "vraag 1" → "vraag 21".
  assert.match(checkCompletion(`${writing}\n  Zie antwoord vraag 1 t/m 3`, { row: broken((item, _k, p) => ({ ...item, textEdit: { range: { start: p.position, end: p.position }, newText: '2' } })) }).join('\n'),
    /applied, loses \["1"\]|applied, loses \["3"\]/);
  // A snippet to a client that takes none; a snippet that writes `$` signs the resolver must read.
  assert.match(checkCompletion(writing, { row: broken((item) => ({ ...item, insertTextFormat: 2 })), sessions: [{ ...SESSIONS[1]!, snippets: false }] }).join('\n'),
    /a snippet for a client without snippet support/);
  // Too many items, or too big ones; a throw; a refusal.
  assert.match(violations(broken((item) => Array.from({ length: 40 }, () => item))), /items, at most \d+ can apply/);
  assert.match(violations(broken((item) => ({ ...item, documentation: 'x'.repeat(5000) }))), /characters/);
  assert.match(violations({ ...SERVED, run: () => { throw new Error('boom'); } }), /throws Error: boom/);
  // Items past the end of the line.
  assert.match(violations({ ...SERVED, run: (a, p, c) => SERVED.run(a, { ...p, position: { line: 0, character: 0 } }, c) ?? { isIncomplete: false, items: [{ label: 'x' }] } }),
    /items outside the document|is no position/);
});

for (const { name, property } of completionSafetyProperties) {
  test(name, () => {
    fc.assert(property, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED });
  });
}
