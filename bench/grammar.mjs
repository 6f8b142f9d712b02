// The TextMate grammar (syntaxes/kamervraag.tmLanguage.json) on long lines, with the tokenizer VS Code
// uses: vscode-textmate + vscode-oniguruma (both installed with vscode-tmgrammar-test).
//
// A line of references inside an answer, at VS Code's `editor.maxTokenizationLineLength` (20,000
// characters, 900 references): `grammar_20k_line_ms`. The same kind of line with 5,000 references, and
// plain answer text of the same lengths, measured in the same run: tokenizing is linear when the
// reference lines cost a steady multiple of the plain lines of their length, whatever their length.
//
//   node bench/grammar.mjs            (also: node --expose-gc bench/run.mjs --only grammar --no-package)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** VS Code's default `editor.maxTokenizationLineLength`. */
export const LINE_LENGTH = 20_000;

/** The grammar, loaded as VS Code loads it. */
export async function loadGrammar() {
  const textmate = require('vscode-textmate');
  const oniguruma = require('vscode-oniguruma');
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'text.kamervraag') return null;
      const file = path.join(root, 'syntaxes', 'kamervraag.tmLanguage.json');
      return textmate.parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
  });
  const grammar = await registry.loadGrammar('text.kamervraag');
  return { grammar, INITIAL: textmate.INITIAL };
}

/** The phrasings of a reference, in turn: plain, a lead phrase, a list, a range, an answer number. */
const REFERENCES = [
  (n) => `Zie antwoord vraag ${n}.`,
  (n) => `de vragen ${n} en ${n + 1},`,
  (n) => `zie vraag ${n} t/m ${n + 2};`,
  (n) => `zie antwoord ${n}.`,
];

/** One answer line holding `count` references (each names 1–3 questions), padded with words to `length`. */
export function referenceLine(count, length = 0) {
  const parts = [];
  for (let i = 0; i < count; i++) parts.push(REFERENCES[i % REFERENCES.length]((i % 9) + 1));
  const line = `  ${parts.join(' ')}`;
  if (line.length >= length) return line;
  let padding = '';
  while (line.length + padding.length < length) padding += ' en verder';
  return (line + padding).slice(0, length);
}

/** Answer text without a reference, of the given length. */
export function plainLine(length) {
  const words = '  De taakstelling van dit kabinet bedraagt voor het OM vijftig miljoen euro per jaar.';
  let line = '';
  while (line.length < length) line += words;
  return line.slice(0, length);
}

/** A small document whose first answer is `line`: the line is tokenized in the state an answer line has. */
function documentAround(line) {
  return [
    'Kamervraag 2014Z19222',
    '',
    'Een titel',
    '',
    'Ingediend\t30 oktober 2014',
    '',
    ' • Vraag 1',
    '  Wat is uw reactie?',
    '',
    line,
    '',
  ];
}

/** Tokenizes the lines before `line`, then returns a function that tokenizes `line` in that state. */
export function tokenizerOf({ grammar, INITIAL }, line) {
  const lines = documentAround(line);
  const at = lines.indexOf(line);
  let state = INITIAL;
  for (const l of lines.slice(0, at)) state = grammar.tokenizeLine(l, state).ruleStack;
  return () => grammar.tokenizeLine(line, state);
}

/** The scopes of the tokens of `line` that hold question numbers (for a quick look). */
export function numberTokens(tm, line) {
  const { tokens } = tokenizerOf(tm, line)();
  return tokens.filter((t) => t.scopes.some((s) => s.startsWith('constant.numeric.reference'))).length;
}

/**
 * The figures. `time(fn, {runs, warmup})` is the bench's median timer; `alternating(a, b, options)`, when
 * given, times a reference line and its plain line in turns, so both see the same load of the machine.
 * Returns { figures: [name, value, options][], details }.
 */
export async function benchGrammar(time, { quick = false, alternating = null } = {}) {
  const tm = await loadGrammar();
  const pair = async (a, b, options) => (alternating ? alternating(a, b, options) : [await time(a, options), await time(b, options)]);
  const line20k = referenceLine(900, LINE_LENGTH);
  const plain20k = plainLine(line20k.length);
  const line5000 = referenceLine(5000);
  const plain5000 = plainLine(line5000.length);
  const [refs20k, base20k] = await pair(tokenizerOf(tm, line20k), tokenizerOf(tm, plain20k), { runs: quick ? 5 : 21, warmup: 3 });
  const [refs5000, base5000] = await pair(tokenizerOf(tm, line5000), tokenizerOf(tm, plain5000), { runs: quick ? 3 : 9, warmup: 1 });
  const ratio20k = refs20k.median / base20k.median;
  const ratio5000 = refs5000.median / base5000.median;
  const details = {
    line_20k: { chars: line20k.length, references: 900, number_tokens: numberTokens(tm, line20k), ms: refs20k.median, plain_ms: base20k.median },
    line_5000_refs: { chars: line5000.length, references: 5000, number_tokens: numberTokens(tm, line5000), ms: refs5000.median, plain_ms: base5000.median },
  };
  const figures = [
    ['grammar_20k_line_ms', refs20k.median, { target: 20, cmp: '<', unit: 'ms',
      note: `${line20k.length} characters, 900 references; plain text of that length ${base20k.median.toFixed(2)} ms` }],
    ['grammar_20k_vs_plain', ratio20k, { note: 'the 900-reference line / a plain answer line of the same length' }],
    ['grammar_5000_refs_line_ms', refs5000.median, { unit: 'ms',
      note: `${line5000.length} characters; plain text of that length ${base5000.median.toFixed(2)} ms` }],
    ['grammar_5000_vs_plain', ratio5000, { note: 'linear when close to grammar_20k_vs_plain (quadratic: grows with the line)' }],
  ];
  return { figures, details };
}

// `node bench/grammar.mjs`: the figures without the rest of the bench.
if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
  const time = async (fn, { runs, warmup }) => {
    for (let i = 0; i < warmup; i++) fn();
    const t = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      fn();
      t.push(performance.now() - t0);
    }
    return { median: median(t) };
  };
  const { figures, details } = await benchGrammar(time, { quick: process.argv.includes('--quick') });
  for (const [name, value, o] of figures) console.log(`${name.padEnd(26)} ${value.toFixed(2)}${o.unit ? ` ${o.unit}` : ''}  ${o.note ?? ''}`);
  console.log(JSON.stringify(details, null, 2));
}
