/**
 * Code lens: over each question heading how many references name it ("3 verwijzingen", which opens the
 * references peek: `editor.action.showReferences` with the URI, the position and the locations, as LSP
 * values the VS Code client converts), and over the header the count of questions and of questions
 * without an answer ("10 vragen · 2 zonder antwoord"), and for a document that holds only its questions
 * "Beantwoording starten" when the client has that command (`context.clientCommands`: the VS Code client's
 * `kamervraag.startAnswering`, features/startAnswering.ts). Setting: `kamervraag.codeLens.enabled`.
 */
import type { CodeLensParams } from 'vscode-languageserver';
import type { CodeLens, Location } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import type { FeatureContext } from './context';
import { t } from './i18n';

/** The VS Code client's command that applies the source action starting the answer (client/src/authoring.ts). */
export const START_ANSWERING_COMMAND = 'kamervraag.startAnswering';

/** The command of a reference count: VS Code's references peek. */
export const SHOW_REFERENCES = 'editor.action.showReferences';

/**
 * Above this many questions only the header gets a lens: a pasted collection of 100,000 questions would
 * otherwise send 32 MB of lenses (0.56 s to make) for one request; real Kamervragen have tens.
 */
export const MAX_QUESTION_LENSES = 5000;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function codeLenses(analysis: Analysis, params: CodeLensParams, context: FeatureContext): CodeLens[] {
  if (!context.settings.codeLens.enabled) return [];
  const doc = analysis.document;
  const rows = doc.blocks;
  const uri = params.textDocument.uri;
  const nl = context.locale === 'nl';
  const lenses: CodeLens[] = [];
  if (doc.header) {
    let unanswered = 0;
    for (let i = 0; i < rows.questionCount; i++) if (!rows.hasAnswer(i)) unanswered++;
    const title = nl
      ? `${plural(rows.questionCount, 'vraag', 'vragen')} · ${unanswered} zonder antwoord`
      : `${plural(rows.questionCount, 'question', 'questions')} · ${unanswered} without answer`;
    // No command: a count to read (VS Code shows a lens with an empty command as plain text).
    lenses.push({ range: doc.header.range, command: { title, command: '' } });
    // A document with questions and no answer at all: where to start (the test the action begins with).
    if (context.clientCommands.has(START_ANSWERING_COMMAND) && rows.questionCount > 0 && !analysis.graph.answered) {
      lenses.push({ range: doc.header.range, command: { title: t(context.locale, 'startAnsweringLens'), command: START_ANSWERING_COMMAND } });
    }
  }
  if (rows.questionCount > MAX_QUESTION_LENSES) return lenses;
  const graph = analysis.graph;
  for (let i = 0; i < rows.questionCount; i++) {
    const n = rows.number(i);
    if (n === null) continue;
    // The heading line read from the rows: no question object is made (a document may have 100,000).
    const line = rows.headingLine(i);
    const text = rows.lines.line(line);
    const start = text.length - text.trimStart().length;
    const digits = /\d/.exec(text);
    const range = { start: { line, character: start }, end: { line, character: text.trimEnd().length } };
    // Every reference to the number (a duplicate number shares them).
    const locations: Location[] = graph.referencesTo(n).map((use) => ({ uri, range: use.target.range }));
    const count = locations.length;
    const title = nl ? plural(count, 'verwijzing', 'verwijzingen') : plural(count, 'reference', 'references');
    const position = { line, character: digits ? digits.index : start };
    lenses.push({ range, command: { title, command: SHOW_REFERENCES, arguments: [uri, position, locations] } });
  }
  return lenses;
}
