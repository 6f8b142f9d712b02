// `--only requests` (bench/requests.mjs): what one request costs on a document shaped to make it expensive,
// each as the server answers it on its cached analysis of the open document.
// - requests_16k_numbers_ms: definition and document highlight (the editor asks the latter at every move
//   of the cursor) on "Zie het antwoord op de vragen 1, 2, …, 16000" in a document of 16,000 questions
//   (0.7 MB). Before `QuestionGraph.questionsNumbered` took the duplicates from a table, each of the
//   16,000 numbers walked every question: 1.5 s and 0.9 s (hunt of 2026-12-05), now linear.
// - codelens_pasted_4000q_kb: the code lens answer, as JSON, of a pasted collection of 400 Kamervragen of 10
//   questions whose answers refer to question 1 (4,000 headings, 400 of them numbered 1, and 3,600
//   references to 1). Each lens carried every reference to its number: 1.4 million locations, 163 MB; above
//   `MAX_EAGER_LOCATIONS` they come without their command, which `codeLens/resolve` gives.
// - requests_selection_2000q_ms: selection ranges ("expand selection") with a cursor on every line of the
//   generated 2,000-question document (1.5 MB, 11,243 positions in one request). Each position walked the
//   questions from the start and joined every range of the document again: 4.8 s; now found by binary search.
// - requests_codeaction_16k_ms: the code actions for the whole of a 16,000-question document (0.76 MB) whose
//   every answer refers to its own question, with its 1,001 published diagnostics as the context (VS Code sends
//   a selection's diagnostics): each diagnostic made the list of question numbers again and looked for its
//   own among all the findings: 1.2 s.
// - requests_cross_2000x2000_ms: the larger of a hover on a cross reference and the document links of a
//   document naming one Kamervraag 2,000 times ("vraag 3 en 99 van de leden (2024Z…)"), which the workspace
//   holds in 2,000 copies: each reference looked the zaaknummer up again, and a hover resolved every
//   reference of the document: 12 s.
// - requests_rename_32k_ms: prepareRename and rename at the heading of question 2 in a document whose
//   answer says "Zie de vragen 2, 2, 2, …" 32,000 times (97 KB): each use read the mention's numbers again: 28 s.
import path from 'node:path';
import { createRequire } from 'node:module';
import { generateDocument, generateWorkspaceDocument } from './generate.mjs';

const require = createRequire(import.meta.url);

const header = 'Kamervraag 2024Z10000\n\nVerzameld\n\nIngediend 1 november 2024\nIndiener Jansen (D66)\n';

/** `n` answered questions, and one more whose answer names all of them. */
export function numberListDocument(n) {
  const blocks = Array.from({ length: n }, (_, i) => ` • Vraag ${i + 1}\n  V${i + 1}?\n\n  A${i + 1}.\n`);
  const list = Array.from({ length: n }, (_, i) => String(i + 1)).join(', ');
  return `${header}${blocks.join('\n')}\n • Vraag ${n + 1}\n  Alles?\n\n  Zie het antwoord op de vragen ${list}.\n`;
}

/** `kamervragen` Kamervragen of 10 questions one after the other, each answer but the first referring to question 1. */
export function pastedCollection(kamervragen) {
  const block = Array.from({ length: 10 }, (_, i) => ` • Vraag ${i + 1}\n  V?\n\n  ${i === 0 ? 'A.' : 'Zie antwoord vraag 1.'}\n`).join('\n');
  return `${header}${Array.from({ length: kamervragen }, () => block).join('\n')}`;
}

export async function benchRequests({ repoRoot, figure, details, time, r2, log, quick }) {
  const out = path.join(repoRoot, 'out', 'server', 'src');
  const { analyze } = require(path.join(out, 'core', 'analysis.js'));
  const { featureContext } = require(path.join(out, 'features', 'context.js'));
  const { DOCUMENT_FEATURES } = require(path.join(out, 'features', 'index.js'));
  const context = featureContext();
  const textDocument = { uri: 'file:///bench/requests.kvr' };
  const runs = quick ? 3 : 7;
  let sink = 0;

  const n = 16000;
  const text = numberListDocument(n);
  const analysis = analyze(text);
  const line = text.split('\n').findIndex((l) => l.includes('Zie het antwoord op de vragen'));
  const position = { line, character: 3 };
  const definitions = DOCUMENT_FEATURES.definition.run(analysis, { textDocument, position }, context);
  if (definitions.length !== n) throw new Error(`definition on the list: ${definitions.length} targets, not ${n}`);
  const definition = await time(() => { sink += DOCUMENT_FEATURES.definition.run(analysis, { textDocument, position }, context).length; }, { runs, warmup: 1 });
  const highlight = await time(() => { sink += DOCUMENT_FEATURES.documentHighlight.run(analysis, { textDocument, position }, context).length; }, { runs, warmup: 1 });
  const split = await time(() => { sink += text.split('\n').length; }, { runs, warmup: 1 });
  details.requests_16k_numbers = { bytes: Buffer.byteLength(text), definition_ms: r2(definition.median), highlight_ms: r2(highlight.median), split_ms: r2(split.median) };
  log(`a mention of ${n} numbers (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB): definition ${r2(definition.median)} ms, highlight ${r2(highlight.median)} ms`);
  figure('requests_16k_numbers_ms', Math.max(definition.median, highlight.median), {
    target: 200, cmp: '<', unit: 'ms',
    note: `the larger of definition ${r2(definition.median)} ms and highlight ${r2(highlight.median)} ms; split ${r2(split.median)} ms`,
  });

  const generated = generateDocument(2000, 1);
  const generatedAnalysis = analyze(generated);
  const lineCount = generated.split('\n').length;
  const positions = Array.from({ length: lineCount }, (_, i) => ({ line: i, character: 0 }));
  const selection = await time(() => { sink += DOCUMENT_FEATURES.selectionRange.run(generatedAnalysis, { textDocument, positions }, context).length; }, { runs, warmup: 1 });
  details.requests_selection_2000q = { bytes: Buffer.byteLength(generated), positions: lineCount, ms: r2(selection.median) };
  figure('requests_selection_2000q_ms', selection.median, { target: 200, cmp: '<', unit: 'ms', note: `selection ranges at ${lineCount} positions (a cursor on every line) of a 2,000-question document` });

  const { diagnostics } = require(path.join(out, 'features', 'diagnostics.js'));
  const { WorkspaceIndex } = require(path.join(out, 'service', 'workspaceIndex.js'));
  const { parse } = require(path.join(out, 'core', 'parse.js'));
  const selfReferring = `${header}${Array.from({ length: 16000 }, (_, i) => ` • Vraag ${i + 1}\n  V?\n\n  Zie antwoord vraag ${i + 1}.`).join('\n')}\n`;
  const selfAnalysis = analyze(selfReferring);
  const sent = diagnostics(selfAnalysis, { textDocument }, context);
  const lines = selfReferring.split('\n');
  const whole = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
  const actionParams = { textDocument, range: whole, context: { diagnostics: sent, triggerKind: 1 } };
  const actions = await time(() => { sink += DOCUMENT_FEATURES.codeAction.run(selfAnalysis, actionParams, context).length; }, { runs, warmup: 1 });
  details.requests_codeaction_16k = { bytes: Buffer.byteLength(selfReferring), diagnostics_sent: sent.length, ms: r2(actions.median) };
  figure('requests_codeaction_16k_ms', actions.median, { target: 200, cmp: '<', unit: 'ms', note: `${sent.length} diagnostics sent, the whole document` });

  const cited = generateWorkspaceDocument(5);
  const index = new WorkspaceIndex();
  const citedDoc = parse(cited.text);
  for (let i = 0; i < 2000; i++) index.update(`file:///ws/kopie-${i}.txt`, citedDoc);
  const workspaceContext = { ...context, workspace: index };
  const citing = `${header} • Vraag 1\n  V?\n\n${Array.from({ length: 2000 }, () => `  Zie vraag 3 en 99 van de leden (${cited.zaaknummer}).`).join('\n')}\n`;
  const citingAnalysis = analyze(citing);
  const lastLine = citing.split('\n').length - 2;
  const onCite = { line: lastLine, character: citing.split('\n')[lastLine].indexOf('vraag 3') + 6 };
  if (!DOCUMENT_FEATURES.hover.run(citingAnalysis, { textDocument, position: onCite }, workspaceContext)) throw new Error('no hover on the cross reference');
  const hover = await time(() => { sink += DOCUMENT_FEATURES.hover.run(citingAnalysis, { textDocument, position: onCite }, workspaceContext) ? 1 : 0; }, { runs, warmup: 1 });
  const links = await time(() => { sink += DOCUMENT_FEATURES.documentLink.run(citingAnalysis, { textDocument }, workspaceContext).length; }, { runs, warmup: 1 });
  details.requests_cross_2000x2000 = { hover_ms: r2(hover.median), links_ms: r2(links.median) };
  figure('requests_cross_2000x2000_ms', Math.max(hover.median, links.median), { target: 200, cmp: '<', unit: 'ms', note: `hover ${r2(hover.median)} ms, document links ${r2(links.median)} ms` });

  const repeated = `${header} • Vraag 1\n  V?\n\n  A.\n • Vraag 2\n  V?\n\n  A.\n • Vraag 3\n  V?\n\n  Zie de vragen ${Array(32000).fill('2').join(', ')}.\n`;
  const repeatedAnalysis = analyze(repeated);
  const atTwo = { line: repeated.split('\n').indexOf(' • Vraag 2'), character: ' • Vraag '.length };
  const renamed = DOCUMENT_FEATURES.rename.run(repeatedAnalysis, { textDocument, position: atTwo, newName: '7' }, context);
  if (renamed?.changes?.[textDocument.uri]?.length !== 32001) throw new Error('rename of question 2: not the heading and its 32,000 uses');
  const prepare = await time(() => { sink += DOCUMENT_FEATURES.prepareRename.run(repeatedAnalysis, { textDocument, position: atTwo }, context) ? 1 : 0; }, { runs, warmup: 1 });
  const rename = await time(() => { sink += DOCUMENT_FEATURES.rename.run(repeatedAnalysis, { textDocument, position: atTwo, newName: '7' }, context) ? 1 : 0; }, { runs, warmup: 1 });
  details.requests_rename_32k = { bytes: Buffer.byteLength(repeated), prepare_ms: r2(prepare.median), rename_ms: r2(rename.median) };
  figure('requests_rename_32k_ms', Math.max(prepare.median, rename.median), { target: 200, cmp: '<', unit: 'ms', note: `prepareRename ${r2(prepare.median)} ms, rename ${r2(rename.median)} ms` });

  const pasted = pastedCollection(400);
  const pastedAnalysis = analyze(pasted);
  let json = '';
  const lens = await time(() => { json = JSON.stringify(DOCUMENT_FEATURES.codeLens.run(pastedAnalysis, { textDocument }, context)); sink += json.length; }, { runs, warmup: 1 });
  details.codelens_pasted_4000q = { bytes: Buffer.byteLength(pasted), answer_bytes: json.length, ms: r2(lens.median) };
  figure('codelens_pasted_4000q_kb', json.length / 1024, { target: 1024, cmp: '<', unit: 'KB', note: `made and written as JSON in ${r2(lens.median)} ms` });
  return sink;
}
