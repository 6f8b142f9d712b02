/**
 * Structure actions safety (test/fuzz/structureActionsSafety.ts), bounded: renumber, insert, move and
 * delete as the server serves them (the code actions with a cursor and `context.only`, and the
 * kamervraag/* requests, through the feature table) keep every word and every reference's question, on
 * the real examples (also with CRLF and CR line ends) and on generated, broken and hostile documents; and
 * the checker sees a served edit that loses a character or takes one line too many.
 * FUZZ_RUNS (default 300) runs per property, FUZZ_SEED; `npm run fuzz` runs them long.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { FUZZ_RUNS, FUZZ_SEED } from './arbitraries';
import type { CodeAction, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { checkStructureActions, SERVED, structureActionsSafetyProperties, URI, type StructureFeatures } from './structureActionsSafety';
import { examples } from './harness';
import { shuffleBlocks } from './renumberSafety';

test('the examples: the served structure actions at every question, and outside them, are safe', () => {
  for (const { name, text } of examples()) {
    for (const [eol, variant] of [['\n', text], ['\r\n', text.replace(/\r?\n/g, '\r\n')], ['\r', text.replace(/\r?\n/g, '\r')]] as const) {
      assert.deepEqual(checkStructureActions(variant, { maxBlocks: 100 }), [], `${name} ${JSON.stringify(eol)}`);
    }
  }
});

/** The served rows with one of them answering otherwise. */
function broken(name: keyof StructureFeatures, change: (answer: any, params: any) => unknown): StructureFeatures { // eslint-disable-line @typescript-eslint/no-explicit-any
  const row = SERVED[name];
  return { ...SERVED, [name]: { ...row, run: (a: never, p: never, c: never) => change(row.run(a, p, c), p) } };
}
const editsOf = (e: WorkspaceEdit): TextEdit[] => e.changes![URI]!;
/** `edit` with its last edit's new text one character short (a lost character), or its range one character longer. */
function dropOne(e: WorkspaceEdit): WorkspaceEdit {
  const edits = editsOf(e);
  if (edits.length === 0) return e;
  const last = edits[edits.length - 1]!;
  const shorter = last.newText.length > 0
    ? { ...last, newText: last.newText.slice(0, -1) }
    : { ...last, range: { start: last.range.start, end: { ...last.range.end, character: last.range.end.character + 1 } } };
  return { changes: { [URI]: [...edits.slice(0, -1), shorter] } };
}

test('the checker sees a served edit that is wrong: a lost character, a block range one line off, an action where none applies, overlapping or doubled edits', () => {
  const { text } = examples().find((e) => e.name === '2014Z19222.txt')!;
  const violations = (features: StructureFeatures, on = text) => checkStructureActions(on, { features, maxBlocks: 100 }).join('\n');
  assert.equal(violations(SERVED), '');
  // Its blocks in reverse order, so that renumbering has work to do.
  const reversed = shuffleBlocks(text, (count) => Array.from({ length: count }, (_, i) => count - 1 - i));
  assert.equal(violations(SERVED, reversed), '');
  // Move down (the code action) loses a character of the blocks it swaps.
  assert.match(violations(broken('codeAction', (actions: CodeAction[]) => actions.map((a) => (a.kind?.endsWith('moveDown') ? { ...a, edit: dropOne(a.edit!) } : a)))),
    /codeAction moveDown at .*: (loses|the text changes beyond)/);
  // The renumber request loses a digit or a character.
  assert.match(violations(broken('renumber', (r) => ({ ...r, edit: dropOne(r.edit) })), reversed), /kamervraag\/renumber: /);
  // Delete takes the line after the block too (the next heading).
  assert.match(violations(broken('deleteQuestion', (r) => r && {
    ...r, edit: { changes: { [URI]: editsOf(r.edit).map((e, k, all) => (k === all.length - 1 ? { ...e, range: { ...e.range, end: { line: e.range.end.line + 1, character: 0 } } } : e)) } },
  })), /deleteQuestion at .*: (deletes|the text changes beyond|.* questions after)/);
  // Move up offered at the first question, with the edit of move down.
  assert.match(violations(broken('codeAction', (actions: CodeAction[]) => {
    const down = actions.find((a) => a.kind?.endsWith('moveDown'));
    return down && !actions.some((a) => a.kind?.endsWith('moveUp')) ? [...actions, { ...down, kind: 'refactor.rewrite.kamervraag.moveUp' }] : actions;
  })), /codeAction moveUp at .*: offered where it cannot apply/);
  // The request answers at a position outside the questions.
  assert.match(violations(broken('deleteQuestion', (r, p: { position: { line: number } }) => r ?? (p.position.line === 0 ? { edit: { changes: { [URI]: [] } }, notes: [], question: null, referrers: [] } : r))),
    /deleteQuestion at 0:0: an edit where no question stands/);
  // Two edits at one place (an editor refuses them; not one undo).
  assert.match(violations(broken('renumber', (r) => ({ ...r, edit: { changes: { [URI]: [...editsOf(r.edit), ...editsOf(r.edit)] } } })), reversed), /edits overlap or touch/);
  // Insert writes its heading twice.
  assert.match(violations(broken('insertQuestion', (r) => ({ ...r, edit: { changes: { [URI]: editsOf(r.edit).map((e) => (/Vraag \d+/.test(e.newText) ? { ...e, newText: e.newText + e.newText } : e)) } } }))),
    /insertQuestion at .*: .*(questions after|adds)/);
  // A referrer missing from the delete warning.
  assert.match(violations(broken('deleteQuestion', (r) => r && { ...r, referrers: r.referrers.slice(1) })), /referrers, \d+ references name question/);
});

for (const { name, property } of structureActionsSafetyProperties) {
  test(name, () => {
    fc.assert(property, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED });
  });
}
