// Checks for language-configuration.json and the TextMate grammar that the assertion and
// snapshot tests (vscode-tmgrammar-test / vscode-tmgrammar-snap) do not cover:
// the JSON files parse, the wordPattern and onEnterRules regexes behave as documented in
// syntaxes/README.md, the grammar's scope names and includes are sound, and the snapshot inputs are
// exact copies of the shared examples with a committed snapshot each.
// Run: node --test test/grammar/language-configuration.test.mjs (part of `npm run test:grammar`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = (rel) => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));

const config = readJson('language-configuration.json');
const grammar = readJson('syntaxes/kamervraag.tmLanguage.json');

// ---------------------------------------------------------------------------------------------
// JSON files

test('the JSON files parse', () => {
  assert.equal(typeof config, 'object');
  assert.equal(grammar.scopeName, 'text.kamervraag');
  assert.equal(typeof readJson('test/grammar/tmgrammar.config.json'), 'object');
});

test('language configuration has no comment syntax and pairs ( ) « » “ ”', () => {
  assert.equal(config.comments, undefined);
  const brackets = config.brackets.map((p) => p.join(''));
  for (const pair of ['()', '«»', '“”']) assert.ok(brackets.includes(pair), pair);
  const autoClosing = config.autoClosingPairs.map((p) => p.open + p.close);
  for (const pair of ['()', '«»', '“”', '‘’']) assert.ok(autoClosing.includes(pair), pair);
  const surrounding = config.surroundingPairs.map((p) => p.join(''));
  for (const pair of ['()', '«»', '“”', '‘’']) assert.ok(surrounding.includes(pair), pair);
  // ’ doubles as the apostrophe (CSV’s, programma’s): it must not be a bracket.
  assert.ok(!brackets.includes('‘’'));
});

// ---------------------------------------------------------------------------------------------
// wordPattern: VS Code builds it with the flags from the file plus 'g'.

const wordRegExp = () => new RegExp(config.wordPattern.pattern, config.wordPattern.flags + 'g');
const words = (text) => text.match(wordRegExp()) ?? [];
// The word VS Code selects on a double click at `offset`.
function wordAt(text, offset) {
  for (const m of text.matchAll(wordRegExp())) {
    if (m.index <= offset && offset < m.index + m[0].length) return m[0];
  }
  return undefined;
}

test('wordPattern keeps zaaknummers and document ids whole', () => {
  assert.deepEqual(words('Kamervraag 2014Z19222'), ['Kamervraag', '2014Z19222']);
  assert.deepEqual(words('Kamervraag document nummer: kv-tk-2014Z19222'), ['Kamervraag', 'document', 'nummer', 'kv-tk-2014Z19222']);
  assert.deepEqual(words('Kamerantwoord document nummer: ah-tk-20142015-637'), ['Kamerantwoord', 'document', 'nummer', 'ah-tk-20142015-637']);
  assert.equal(wordAt('(kenmerk 2021Z07817)', 12), '2021Z07817');
  assert.equal(wordAt('zie ah-tk-20142015-637-h1.', 6), 'ah-tk-20142015-637-h1');
  assert.equal(wordAt('/kv-tk-2014Z19222.html', 3), 'kv-tk-2014Z19222');
});

test('wordPattern splits ordinary words and keeps accented words whole', () => {
  assert.deepEqual(words('het versterken van de geïntegreerde aanpak'), ['het', 'versterken', 'van', 'de', 'geïntegreerde', 'aanpak']);
  assert.deepEqual(words('het creëren van één coördinerende functie'), ['het', 'creëren', 'van', 'één', 'coördinerende', 'functie']);
  // Decomposed accents (e + U+0308) are still one word.
  assert.deepEqual(words('cre\u0065\u0308ren'), ['cre\u0065\u0308ren']);
  // Punctuation, quotes, brackets and glued footnote digits after punctuation split.
  assert.deepEqual(words('«Wachttijden ggz»(2024Z16988)'), ['Wachttijden', 'ggz', '2024Z16988']);
  assert.deepEqual(words('aanpakken?1'), ['aanpakken', '1']);
  assert.deepEqual(words('politie, brandweer en hulpdiensten'), ['politie', 'brandweer', 'en', 'hulpdiensten']);
  assert.deepEqual(words('2015–2018'), ['2015', '2018']);
  // Hyphenated compounds and apostrophe plurals are one word.
  assert.deepEqual(words('ggz-patiënten programma’s'), ['ggz-patiënten', 'programma’s']);
  assert.deepEqual(words('a - b'), ['a', 'b']);
});

// ---------------------------------------------------------------------------------------------
// onEnterRules: an emulation of VS Code's rule selection (first rule whose beforeText,
// afterText and previousLineText all match) and of the indentation it produces for
// IndentAction.None: the current line's leading whitespace plus appendText.

const toRegExp = (r) => (r === undefined ? undefined : typeof r === 'string' ? new RegExp(r) : new RegExp(r.pattern, r.flags));
const rules = config.onEnterRules.map((r) => ({
  before: toRegExp(r.beforeText),
  after: toRegExp(r.afterText),
  previous: toRegExp(r.previousLineText),
  action: r.action,
}));

/** Indentation of the new line when Enter is pressed at `column` of `lines[line]`. */
function indentAfterEnter(lines, line, column = lines[line].length) {
  const text = lines[line];
  const before = text.slice(0, column);
  const after = text.slice(column);
  const previous = line > 0 ? lines[line - 1] : '';
  const leading = /^[ \t]*/.exec(before)[0];
  for (const r of rules) {
    if (!r.before.test(before)) continue;
    if (r.after && !r.after.test(after)) continue;
    if (r.previous && !r.previous.test(previous)) continue;
    assert.equal(r.action.indent, 'none', 'only appendText rules are used');
    return leading + (r.action.appendText ?? '');
  }
  return leading; // VS Code's default: keep the current indentation.
}

test('Enter after a question heading indents to the body', () => {
  assert.equal(indentAfterEnter([' • Vraag 3'], 0), '  ');
  assert.equal(indentAfterEnter(['  • Vraag 12'], 0), '    ');
  assert.equal(indentAfterEnter(['• Vraag 1'], 0), '  ');
  assert.equal(indentAfterEnter([' • Mededeling - 15 november 2024'], 0), '  ');
  assert.equal(indentAfterEnter(['  • Mededeling - 15 november 2024'], 0), '    ');
});

test('Enter inside a question block keeps the body indentation', () => {
  assert.equal(indentAfterEnter([' • Vraag 1', '  Wat is uw reactie?'], 1), '  ');
  assert.equal(indentAfterEnter(['  • Vraag 1', '    Wat is uw reactie?'], 1), '    ');
  // In the middle of a line the text after the cursor moves to the new line, same indentation.
  assert.equal(indentAfterEnter([' • Vraag 1', '  Zie antwoord vraag 2.'], 1, 10), '  ');
  // On an empty separator line right after body text the new line gets the body indentation.
  assert.equal(indentAfterEnter([' • Vraag 1', '  Wat is uw reactie?', ''], 2), '  ');
  assert.equal(indentAfterEnter(['  • Vraag 1', '    Wat is uw reactie?', ''], 2), '    ');
});

test('Enter outside question blocks adds no indentation', () => {
  assert.equal(indentAfterEnter(['Kamervraag 2014Z19222'], 0), '');
  assert.equal(indentAfterEnter(['Ingediend 30 oktober 2014'], 0), '');
  assert.equal(indentAfterEnter(['Beantwoord door Opstelten'], 0), '');
  assert.equal(indentAfterEnter(['Kamervraag document nummer: kv-tk-2014Z19222', ''], 1), '');
  assert.equal(indentAfterEnter(['', ''], 1), '');
  // A heading with the cursor before "Vraag" is not a finished heading: no extra indentation.
  assert.equal(indentAfterEnter([' • Vraag 3'], 0, 2), ' ');
  // Text that merely mentions a question is no heading.
  assert.equal(indentAfterEnter(['Vraag 3 is beantwoord'], 0), '');
});

// ---------------------------------------------------------------------------------------------
// Grammar hygiene

function* rulesOf(node) {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) yield* rulesOf(n);
    return;
  }
  yield node;
  for (const key of ['patterns', 'repository', 'captures', 'beginCaptures', 'endCaptures', 'whileCaptures']) {
    if (node[key] === undefined) continue;
    yield* rulesOf(Array.isArray(node[key]) ? node[key] : Object.values(node[key]));
  }
}

test('every grammar scope uses the .kamervraag suffix and every include resolves', () => {
  let count = 0;
  for (const rule of rulesOf(grammar)) {
    for (const key of ['name', 'contentName']) {
      if (typeof rule[key] !== 'string' || rule === grammar) continue;
      for (const scope of rule[key].split(' ')) {
        count++;
        assert.match(scope, /^[a-z0-9-]+(\.[a-z0-9-]+)*\.kamervraag$/, scope);
      }
    }
    if (typeof rule.include === 'string') {
      assert.match(rule.include, /^#/, rule.include);
      assert.ok(grammar.repository[rule.include.slice(1)], `unresolved include ${rule.include}`);
    }
  }
  assert.ok(count > 40, `expected many scopes, found ${count}`);
});

// ---------------------------------------------------------------------------------------------
// Snapshot inputs: vscode-tmgrammar-snap writes a new snapshot (and passes) when one is missing,
// so check here that every shared example has a committed snapshot and an identical copy.

test('each shared example has an identical snapshot input and a committed snapshot', () => {
  const examples = path.join(root, 'test/fixtures/examples');
  const snapshots = path.join(root, 'test/grammar/snapshots');
  const names = fs.readdirSync(examples).filter((f) => f.endsWith('.txt')).sort();
  assert.equal(names.length, 4);
  assert.deepEqual(fs.readdirSync(snapshots).filter((f) => f.endsWith('.txt')).sort(), names);
  for (const name of names) {
    assert.equal(
      fs.readFileSync(path.join(snapshots, name), 'utf8'),
      fs.readFileSync(path.join(examples, name), 'utf8'),
      `test/grammar/snapshots/${name} differs from test/fixtures/examples/${name}`,
    );
    const snap = fs.readFileSync(path.join(snapshots, `${name}.snap`), 'utf8');
    assert.match(snap, /entity\.name\.section\.question\.kamervraag/);
  }
});
