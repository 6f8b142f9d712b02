/**
 * Code lens: over each question heading how many references name it ("3 verwijzingen", which opens the
 * references peek: `editor.action.showReferences` with the URI, the position and the locations, as LSP
 * values the VS Code client converts), and over the header the count of questions and of questions
 * without an answer ("10 vragen · 2 zonder antwoord"), and for a document that holds only its questions
 * "Beantwoording starten" when the client has that command (`context.clientCommands`: the VS Code client's
 * `kamervraag.startAnswering`, features/startAnswering.ts). Setting: `kamervraag.codeLens.enabled`.
 */
import type { CodeLensParams } from 'vscode-languageserver';
import type { CodeLens, Command, Location, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { isPosition } from '../core/ranges';
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

/**
 * Above this many reference locations in the heading lenses together, they come without their command,
 * which the client asks for (`codeLens/resolve`, `resolveCodeLens`) when it shows the lens. Each lens
 * carries the references to its number, and headings that share a number share them: a pasted collection
 * of 400 Kamervragen of 10 questions, each answer referring to question 1, would send 1.4 million
 * locations (160 MB) with every edit.
 */
export const MAX_EAGER_LOCATIONS = 5000;

/** What a lens sent without its command holds for `resolveCodeLens`: the document, the question number, where its heading's number stands. */
export interface ReferenceLensData {
  readonly uri: string;
  readonly number: number;
  readonly position: Position;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 verwijzingen", opening the references peek on every reference to `n` (a duplicate number shares them). */
function referencesCommand(analysis: Analysis, data: ReferenceLensData, context: FeatureContext): Command {
  const locations: Location[] = analysis.graph.referencesTo(data.number).map((use) => ({ uri: data.uri, range: use.target.range }));
  const count = locations.length;
  const title = context.locale === 'nl' ? plural(count, 'verwijzing', 'verwijzingen') : plural(count, 'reference', 'references');
  return { title, command: SHOW_REFERENCES, arguments: [data.uri, data.position, locations] };
}

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
  let locations = 0;
  for (let i = 0; i < rows.questionCount; i++) {
    const n = rows.number(i);
    if (n !== null) locations += graph.referencesTo(n).length;
  }
  const eager = locations <= MAX_EAGER_LOCATIONS;
  for (let i = 0; i < rows.questionCount; i++) {
    const n = rows.number(i);
    if (n === null) continue;
    // The heading line read from the rows: no question object is made (a document may have 100,000).
    const line = rows.headingLine(i);
    const text = rows.lines.line(line);
    const start = text.length - text.trimStart().length;
    const digits = /\d/.exec(text);
    const range = { start: { line, character: start }, end: { line, character: text.trimEnd().length } };
    const data: ReferenceLensData = { uri, number: n, position: { line, character: digits ? digits.index : start } };
    lenses.push(eager ? { range, command: referencesCommand(analysis, data, context) } : { range, data });
  }
  return lenses;
}

/** Whether `data` is what `codeLenses` put in a lens it sent without its command. */
export function isReferenceLensData(data: unknown): data is ReferenceLensData {
  const d = data as Partial<ReferenceLensData> | null;
  return typeof d === 'object' && d !== null && typeof d.uri === 'string' && Number.isSafeInteger(d.number) && isPosition(d.position);
}

/** `codeLens/resolve` of a heading's lens sent without its command: its references, in the document's current text. */
export function resolveCodeLens(analysis: Analysis, lens: CodeLens & { data: ReferenceLensData }, context: FeatureContext): CodeLens {
  return { range: lens.range, command: referencesCommand(analysis, lens.data, context) };
}
