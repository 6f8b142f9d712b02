// `--only preview`: preview_1000q_ms, what an update of the preview costs on a 1,000-question document
// (0.7 MB; a real Kamervraag has 5 to 30): the server's model (core/preview.ts, on the analysis the server
// has cached), its JSON over the wire (stringify and parse, as the connection does) and the client's layout
// of the page (client/src/previewHtml.ts). The preview waits at least twice that after typing before it
// asks again (client/src/preview.ts). Its ratio to `split('\n')` of the same text, measured alternately in
// the same run, is the machine-independent figure.
import path from 'node:path';
import { createRequire } from 'node:module';
import { generateDocument } from './generate.mjs';

const require = createRequire(import.meta.url);

export async function benchPreview({ repoRoot, figure, details, timeAlternating, r2, log, quick }) {
  const out = path.join(repoRoot, 'out');
  const { analyze } = require(path.join(out, 'server', 'src', 'core', 'analysis.js'));
  const { preview } = require(path.join(out, 'server', 'src', 'core', 'preview.js'));
  const { previewBody } = require(path.join(out, 'client', 'src', 'previewHtml.js'));
  const { english } = require(path.join(out, 'client', 'src', 'status.js'));
  const text = generateDocument(1000);
  const analysis = analyze(text);
  // The server's cached analysis: the question graph made once.
  void analysis.graph;
  const update = () => {
    const json = JSON.stringify({ ...preview(analysis.document, analysis.graph), state: 'te beantwoorden', term: null });
    return previewBody(JSON.parse(json), english);
  };
  const body = update();
  // Sanity: every question and answer is on the page.
  const sections = body.match(/<section /g)?.length ?? 0;
  if (sections !== 2 * analysis.document.questions.length + analysis.document.mededelingen.length) throw new Error(`the preview has ${sections} sections`);
  details.preview_1000q = { bytes: Buffer.byteLength(text), page_bytes: Buffer.byteLength(body) };
  log(`preview of a 1,000-question document: ${(details.preview_1000q.bytes / 1e6).toFixed(2)} MB, a page of ${(details.preview_1000q.page_bytes / 1e6).toFixed(2)} MB`);
  let sink = 0;
  const [split, whole] = await timeAlternating(
    () => { sink += text.split('\n').length; },
    () => { sink += update().length; },
    { runs: quick ? 7 : 21, warmup: 3 },
  );
  details.preview_1000q.split_ms = r2(split.median);
  figure('preview_1000q_ms', whole.median, { target: 100, cmp: '<', unit: 'ms', note: `model + JSON + page of ${(details.preview_1000q.page_bytes / 1e6).toFixed(2)} MB; split ${r2(split.median)} ms` });
  figure('preview_1000q_vs_split_ratio', whole.median / split.median, { note: 'preview_1000q_ms / split(\'\\n\') of the same text, same run' });
  return sink;
}
