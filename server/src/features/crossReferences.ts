/**
 * Cross-document references resolved against the workspace: a zaaknummer or `kv-tk-…` id in one
 * Kamervraag (core/crossReferences.ts) leads to the workspace document with that zaaknummer, "vraag 4 van
 * … (2024Z12345)" to the heading of its question 4. Document links (documentLinks.ts), go to definition
 * (definition.ts), the hover on such a reference (`crossReferenceHover`) and the check of the questions they
 * name (`crossReferenceFindings`) all answer from here. Never to the document itself.
 */
import type { HoverParams } from 'vscode-languageserver';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { crossReferences, type CrossReference } from '../core/crossReferences';
import { checkCrossReferences, type OtherKamervraag } from '../core/checks/crossReferences';
import type { KvDiagnostic } from '../core/diagnostic';
import { lineRange } from '../core/lines';
import type { Position, Range } from '../core/model';
import { touches } from '../core/ranges';
import { rangeOf } from '../service/summaries';
import { uriKey } from '../service/uris';
import { answerTerm } from '../core/term';
import type { FeatureContext, WorkspaceDocument, WorkspaceDocuments } from './context';
import { escapeMarkdown, truncate } from './markdown';
import { termSentence } from './term';

/** Characters of the other document's title in a hover. */
const TITLE_CHARS = 160;

export interface ResolvedCrossReference {
  readonly reference: CrossReference;
  /** The workspace document it names. */
  readonly document: WorkspaceDocument;
  readonly uri: string;
  /** The other document's header line, or the heading of the question named. */
  readonly targetRange: Range;
}

/**
 * The workspace's Kamervragen with zaaknummer `zaaknummer` other than the document whose `uriKey` is `self`
 * (copies of one Kamervraag in two folders: each of them): what a cross reference from that document names.
 */
export function otherKamervragen(workspace: WorkspaceDocuments, zaaknummer: string, self: string): WorkspaceDocument[] {
  return workspace.byZaaknummer(zaaknummer).filter((d) => uriKey(d.uri) !== self);
}

/**
 * The cross references of the document whose target is in the workspace (the first document with that
 * zaaknummer); `only`: of those, the ones it accepts (the one under a cursor), the others not looked up.
 */
export function resolvedCrossReferences(analysis: Analysis, uri: string, context: FeatureContext, only?: (reference: CrossReference) => boolean): ResolvedCrossReference[] {
  const workspace = context.workspace;
  if (!workspace) return [];
  const self = uriKey(uri);
  const out: ResolvedCrossReference[] = [];
  // Each zaaknummer looked up once: a document may name one Kamervraag a thousand times, which the
  // workspace may hold in many copies.
  const targets = new Map<string, WorkspaceDocument | undefined>();
  for (const reference of crossReferences(analysis.document, (line) => analysis.lineText(line))) {
    if (only && !only(reference)) continue;
    let target = targets.get(reference.zaaknummer);
    if (!targets.has(reference.zaaknummer)) targets.set(reference.zaaknummer, (target = otherKamervragen(workspace, reference.zaaknummer, self)[0]));
    if (!target) continue;
    const symbol = reference.question === null
      ? target.symbols[0]
      : target.symbols.find((s) => s.level === 2 && s.number === reference.question);
    if (!symbol) continue;
    out.push({ reference, document: target, uri: target.uri, targetRange: rangeOf(symbol) });
  }
  return out;
}

/**
 * The hover on a cross reference: the other Kamervraag's zaaknummer and title, its state against today
 * (the term of this document's settings, as its own hover reads it), and for "vraag 4 van …" the start of
 * that question.
 */
export function crossReferenceHover(analysis: Analysis, params: HoverParams, context: FeatureContext): Hover | null {
  const at = crossReferenceAt(analysis, params.textDocument.uri, params.position, context);
  if (!at) return null;
  const target = at.document;
  const title = target.title ? `: ${escapeMarkdown(truncate(target.title, TITLE_CHARS))}` : '';
  const lines = [`**Kamervraag ${escapeMarkdown(at.reference.zaaknummer)}**${title}`];
  const state = termSentence(answerTerm(target, context.clock(), context.settings.answerTermDays), context.locale);
  if (state) lines.push(escapeMarkdown(state));
  const question = at.reference.question === null ? null : target.symbols.find((s) => s.level === 2 && s.number === at.reference.question);
  // The question's symbol is named "Vraag 4: the start of its text".
  if (question) lines.push(`> ${escapeMarkdown(question.name)}`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: at.reference.range };
}

/** The resolved cross reference under `position`, if any. */
export function crossReferenceAt(analysis: Analysis, uri: string, position: Position, context: FeatureContext): ResolvedCrossReference | null {
  if (!context.workspace) return null;
  const line = position.line;
  const [r] = resolvedCrossReferences(analysis, uri, context, (reference) => reference.range.start.line === line && touches(reference.range, position));
  return r ?? null;
}

/** What the check of cross references needs of a workspace document: its header and its question numbers. */
function otherKamervraag(d: WorkspaceDocument): OtherKamervraag {
  const header = d.symbols.find((s) => s.level === 1);
  const questions: number[] = [];
  for (const s of d.symbols) if (s.level === 2 && s.number !== null) questions.push(s.number);
  return { uri: d.uri, range: header ? rangeOf(header) : lineRange(0, 0, 0), questions };
}

/**
 * `cross-reference-unknown-question`: the questions of other workspace Kamervragen that this document
 * names and they do not have (core/checks/crossReferences.ts). Nothing without a workspace.
 */
export function crossReferenceFindings(analysis: Analysis, uri: string, context: FeatureContext): KvDiagnostic[] {
  const workspace = context.workspace;
  if (!workspace) return [];
  // The diagnostics, the server's comparison after a change of the index, the status and the code actions
  // of one text ask in turn: one check while neither the text nor the workspace changed.
  const last = found.get(analysis);
  if (last && last.uri === uri && last.workspace === workspace && workspace.version !== undefined && last.version === workspace.version) return last.findings;
  const self = uriKey(uri);
  // Each zaaknummer looked up once (as in `resolvedCrossReferences`).
  const others = new Map<string, OtherKamervraag[]>();
  const findings = checkCrossReferences(analysis.document, (line) => analysis.lineText(line), (zaaknummer) => {
    let found = others.get(zaaknummer);
    if (!found) others.set(zaaknummer, (found = otherKamervragen(workspace, zaaknummer, self).map(otherKamervraag)));
    return found;
  });
  found.set(analysis, { uri, workspace, version: workspace.version, findings });
  return findings;
}

const found = new WeakMap<Analysis, { uri: string; workspace: WorkspaceDocuments; version: number | undefined; findings: KvDiagnostic[] }>();

/** The zaaknummers of the other Kamervragen this document names (the check of a closed file is done again when one of them changes). */
export function citedZaaknummers(analysis: Analysis): string[] {
  return [...new Set(crossReferences(analysis.document, (line) => analysis.lineText(line)).map((r) => r.zaaknummer))];
}

/**
 * What this document's cross-reference findings are now, as one string: the server publishes a document's
 * diagnostics again when this changes after the workspace did (another Kamervraag gained or lost the
 * question named, or its file was renamed: the related location names it), and only then.
 */
export function crossReferenceState(analysis: Analysis, uri: string, context: FeatureContext): string {
  const related = (d: KvDiagnostic) => d.related.map((r) => ` ${r.uri ?? ''}#${r.range.start.line}:${r.range.start.character}`).join('');
  return crossReferenceFindings(analysis, uri, context).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message.en}${related(d)}`).join('\n');
}
