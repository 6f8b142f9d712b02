// `--only renumber`: renumber_1000q_ms, renumbering a 1,000-question document whose blocks were shuffled
// (cut and pasted: every heading and most references change), from its text: parse, the question graph
// and the renumber engine (core/renumber.ts), as the server answers `kamervraag/renumber` on a document
// it has not analysed yet. Its ratio to `split('\n')` of the same text, measured alternately in the same
// run, is the machine-independent figure.
import path from 'node:path';
import { createRequire } from 'node:module';
import { generateModel, prng, renderKamervraag } from './generate.mjs';

const require = createRequire(import.meta.url);

/** A `questions`-question document with its blocks in a shuffled order (each keeps its number and references). */
export function shuffledDocument(questions = 1000, seed = 12) {
  const model = generateModel({ questions, seed });
  const rnd = prng(seed + 1);
  const qs = [...model.questions];
  for (let i = qs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [qs[i], qs[j]] = [qs[j], qs[i]];
  }
  return renderKamervraag({ ...model, questions: qs });
}

export async function benchRenumber({ repoRoot, figure, details, timeAlternating, r2, log, quick }) {
  const out = path.join(repoRoot, 'out', 'server', 'src', 'core');
  const { analyze } = require(path.join(out, 'analysis.js'));
  const { renumber } = require(path.join(out, 'renumber.js'));
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const text = shuffledDocument(1000);
  // Sanity: the result is numbered 1…1000 and renumbering it again changes nothing.
  const first = renumber(analyze(text));
  const after = TextDocument.applyEdits(TextDocument.create('file:///bench.kvr', 'kamervraag', 1, text), first.edits);
  const numbers = analyze(after).document.questions.map((q) => q.number);
  if (numbers.some((n, i) => n !== i + 1)) throw new Error('renumbering the shuffled document did not give 1…n');
  if (renumber(analyze(after)).edits.length !== 0) throw new Error('renumbering twice changes the text');
  details.renumber_1000q = { bytes: Buffer.byteLength(text), edits: first.edits.length, notes: first.notes.length };
  log(`shuffled 1,000-question document: ${(details.renumber_1000q.bytes / 1e6).toFixed(2)} MB, ${first.edits.length} edits, ${first.notes.length} notes`);
  let sink = 0;
  const runs = quick ? 7 : 21;
  const [split, whole] = await timeAlternating(
    () => { sink += text.split('\n').length; },
    () => { sink += renumber(analyze(text)).edits.length; },
    { runs, warmup: 3, repeatB: 1 },
  );
  // The engine alone, on an analysis made once (the server's cached analysis of an open document).
  const analysis = analyze(text);
  const [, engine] = await timeAlternating(
    () => { sink += text.split('\n').length; },
    () => { sink += renumber(analysis).edits.length; },
    { runs, warmup: 3 },
  );
  details.renumber_1000q.engine_only_ms = r2(engine.median);
  details.renumber_1000q.split_ms = r2(split.median);
  figure('renumber_1000q_ms', whole.median, { target: 50, cmp: '<', unit: 'ms', note: `parse + graph + engine; the engine on a cached analysis ${r2(engine.median)} ms; split ${r2(split.median)} ms` });
  figure('renumber_1000q_vs_split_ratio', whole.median / split.median, { note: 'renumber_1000q_ms / split(\'\\n\') of the same text, same run' });
  return sink;
}
