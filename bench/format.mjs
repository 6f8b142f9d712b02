// The `format` section of bench/run.mjs (`--only format`): format_10kq_ms, formatting a 10,000-question
// document from its text to the edits the server sends (parse, the formatter's edits, and the check that
// the formatted text reads the same: a second parse), on the generated document "pasted from Word" (every
// heading `- Vraag N:`, bodies indented with a tab, trailing spaces, CRLF line ends, blank lines doubled):
// every block gets edits. Its ratio to `split('\n')` of the same text is measured alternately in the same
// run; the already formatted document (no edit) is a detail.
import path from 'node:path';
import { createRequire } from 'node:module';
import { generateModel, renderKamervraag } from './generate.mjs';

const require = createRequire(import.meta.url);

/** The generated document as Word gives it: other bullets and `Vraag N:`, tabs, trailing spaces, doubled blank lines, CRLF. */
export function wordPasted(text) {
  return text
    .split('\n')
    .map((line) => line.replace(/^ • (Vraag \d+)$/, '- $1:').replace(/^ {2}(?=\S)/, '\t').replace(/^$/, '\n').replace(/(\S)$/, '$1  '))
    .join('\n')
    .replace(/\n/g, '\r\n');
}

/**
 * @param {{ repoRoot: string, timeAlternating: Function, time: Function, figure: Function, details: object, log: Function, quick: boolean }} h
 */
export async function benchFormat({ repoRoot, timeAlternating, time, figure, details, log, quick }) {
  const out = path.join(repoRoot, 'out', 'server', 'src');
  const { analyze } = require(path.join(out, 'core', 'analysis.js'));
  const { formatting } = require(path.join(out, 'features', 'formatting.js'));
  const { featureContext } = require(path.join(out, 'features', 'context.js'));
  const context = featureContext();
  const params = { textDocument: { uri: 'file:///bench/format.kvr' }, options: { tabSize: 2, insertSpaces: true } };
  const clean = renderKamervraag(generateModel({ questions: 10000, seed: 1 }));
  const text = wordPasted(clean);
  const format = (t) => {
    const result = formatting(analyze(t), params, context);
    if ('error' in result) throw new Error(`formatting refused: ${result.error}`);
    return result.ok;
  };
  const edits = format(text);
  details.format_10k = { bytes: Buffer.byteLength(text), lines: text.split('\n').length, edits: edits.length, clean_edits: format(clean).length };
  log(`format: 10,000 questions pasted from Word, ${(details.format_10k.bytes / 1e6).toFixed(2)} MB, ${edits.length} edits`);
  let sink = 0;
  const runs = quick ? 7 : 15;
  const [split, formatted] = await timeAlternating(
    () => { sink += text.split('\n').length; },
    () => { sink += format(text).length; },
    { runs, warmup: 2 },
  );
  const noop = await time(() => { sink += format(clean).length; }, { runs, warmup: 2 });
  details.format_10k.split_ms = Math.round(split.median * 100) / 100;
  details.format_10k.formatted_already_ms = Math.round(noop.median * 100) / 100;
  figure('format_10kq_ms', formatted.median, { target: 200, cmp: '<', unit: 'ms', note: `${edits.length} edits; already formatted: ${details.format_10k.formatted_already_ms} ms` });
  figure('format_vs_split_ratio', formatted.median / split.median, { note: `split ${details.format_10k.split_ms} ms` });
  return sink;
}
