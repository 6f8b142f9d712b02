// The grammar's references on long lines, with VS Code's tokenizer (vscode-textmate + vscode-oniguruma):
// every number of every reference gets its scope, every reference region closes on its own line (the
// next line is tokenized as if the long one were plain text), and the references of the four examples
// carry the same numbers as the parser's mentions (out/, so after `npm run build`). How fast:
// `grammar_20k_line_ms` of `npm run bench` (bench/grammar.mjs), not a wall-clock bound here.
// Run: node --test test/grammar/long-lines.test.mjs (part of `npm run test:grammar`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LINE_LENGTH, loadGrammar, plainLine, referenceLine, tokenizerOf } from '../../bench/grammar.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { parse } = createRequire(import.meta.url)(path.join(root, 'out/server/src/core/parse.js'));
const tm = await loadGrammar();
const NUMBER = 'constant.numeric.reference.question.kamervraag';
const REFERENCE = 'meta.reference.question.kamervraag';

/** The texts of the tokens of `line` that carry `scope`. */
function tokensWith(result, line, scope) {
  return result.tokens.filter((t) => t.scopes.includes(scope)).map((t) => line.slice(t.startIndex, t.endIndex));
}

test('900 references on a 20,000-character line: every number scoped, each reference closed', () => {
  const line = referenceLine(900, LINE_LENGTH);
  assert.equal(line.length, LINE_LENGTH);
  const result = tokenizerOf(tm, line)();
  const numbers = tokensWith(result, line, NUMBER);
  // Per 4 references: "vraag 1", "de vragen 2 en 3", "zie vraag 3 t/m 5", "zie antwoord 4": 6 numbers.
  assert.equal(numbers.length, 900 / 4 * 6);
  assert.ok(numbers.every((n) => /^\d{1,3}$/.test(n)), 'a number token is the number only');
  // The padding after the last reference is no reference: the last region closed.
  assert.ok(!result.tokens.at(-1).scopes.includes(REFERENCE));
  // The state after the line is the state after plain answer text: no region left open.
  const plain = tokenizerOf(tm, plainLine(LINE_LENGTH))();
  assert.ok(result.ruleStack.equals(plain.ruleStack), 'the rule stack after the line is that of a plain line');
});

test('5,000 references on one line: all of them', () => {
  const line = referenceLine(5000);
  const result = tokenizerOf(tm, line)();
  assert.equal(tokensWith(result, line, NUMBER).length, 5000 / 4 * 6);
  assert.ok(result.ruleStack.equals(tokenizerOf(tm, plainLine(line.length))().ruleStack));
});

test('the four examples: the grammar scopes the digits the parser reads as question numbers, and no others', () => {
  const dir = path.join(root, 'test/fixtures/examples');
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const lines = text.split(/\r?\n/);
    const parsed = new Set();
    for (const r of parse(text).references) {
      for (const t of r.targets) if (!t.implied) parsed.add(`${t.range.start.line}:${t.range.start.character}-${t.range.end.character}`);
    }
    const scoped = new Set();
    let state = tm.INITIAL;
    lines.forEach((line, i) => {
      const result = tm.grammar.tokenizeLine(line, state);
      for (const t of result.tokens) if (t.scopes.includes(NUMBER)) scoped.add(`${i}:${t.startIndex}-${t.endIndex}`);
      state = result.ruleStack;
    });
    assert.deepEqual([...scoped].sort(), [...parsed].sort(), name);
  }
});
