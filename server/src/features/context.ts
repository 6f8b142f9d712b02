/**
 * What a feature needs from the session besides the document and the request's parameters: the user's
 * language, what the client can show, and the settings. The server keeps one and updates it when the
 * client initializes or changes settings; a test makes one with `featureContext({ … })`.
 */
import type { Locale } from '../core/diagnostic';
import { systemClock, type Clock } from '../core/clock';
import { DEFAULT_SETTINGS, type KamervraagSettings } from '../core/config';
import type { TermSource } from '../core/term';
import type { WorkspaceNames } from '../service/workspaceIndex';

/** What the client can show, from its `textDocument.publishDiagnostics` (or `.diagnostic`) capabilities. */
export interface DiagnosticSupport {
  readonly relatedInformation: boolean;
  readonly codeDescription: boolean;
  readonly unnecessaryTag: boolean;
}

/** Another Kamervraag of the workspace as a cross-document link and its hover see it (the workspace index's entries are these). */
export interface WorkspaceDocument extends TermSource {
  readonly uri: string;
  readonly title: string | null;
  /** The document (level 1, its header line) and its question headings (level 2, with their number; named `Vraag 4: the start of its text`). */
  readonly symbols: readonly { readonly name: string; readonly level: 1 | 2; readonly number: number | null; readonly line: number; readonly start: number; readonly end: number }[];
}

/** The Kamervragen of the workspace (service/workspaceIndex.ts). */
export interface WorkspaceDocuments {
  /** Counts the changes of the entries: what was read of them holds while it stays the same (absent: never assume so). */
  readonly version?: number;
  /** The documents whose header names `zaaknummer`. */
  byZaaknummer(zaaknummer: string): readonly WorkspaceDocument[];
  /** The names written in the workspace's documents other than `uri` (whose own, half typed, are no suggestion). */
  names(uri: string): WorkspaceNames;
  /** The documents whose `Indiener(s)` (or `Beantwoord door`) names `name`, its party or role aside, in any case. */
  byName(field: 'indieners' | 'beantwoordDoor', name: string): readonly NamedDocument[];
}

/** A document of the workspace as a hover on a name lists it. */
export interface NamedDocument {
  readonly uri: string;
  readonly zaaknummer: string | null;
  readonly title: string | null;
}

/** The default of `kamervraag.maxNumberOfProblems`: how many diagnostics one document shows at most. */
export const DEFAULT_MAX_PROBLEMS = 1000;

export interface FeatureContext {
  readonly locale: Locale;
  /** `textDocument.definition.linkSupport`: answer definitions with LocationLinks. */
  readonly linkSupport: boolean;
  /** The other Kamervragen of the workspace (cross-document links and definitions, names to complete); null without an index. */
  readonly workspace: WorkspaceDocuments | null;
  /** `textDocument.documentSymbol.hierarchicalDocumentSymbolSupport`: a tree of DocumentSymbols. */
  readonly hierarchicalSymbols: boolean;
  /** What the client shows of a diagnostic. */
  readonly diagnosticSupport: DiagnosticSupport;
  /** `kamervraag.maxNumberOfProblems`: diagnostics shown per document at most. */
  readonly maxNumberOfProblems: number;
  /** `workspace.workspaceEdit.snippetEditSupport` (and `documentChanges`): edits with a cursor as snippet edits. */
  readonly snippetEdits: boolean;
  /** `textDocument.completion.completionItem.snippetSupport`: completions may be snippets with tab stops. */
  readonly snippetSupport: boolean;
  /**
   * The client shows Markdown in hovers (`textDocument.hover.contentFormat`) and in completion items'
   * documentation (`completionItem.documentationFormat`): unless it lists formats without `markdown`.
   */
  readonly markdown: { readonly hover: boolean; readonly documentation: boolean };
  /** Today's date: the system's, or the day set by `initializationOptions.today` / `KAMERVRAAG_TODAY` (tests). */
  readonly clock: Clock;
  /** The `kamervraag.*` settings for this document: `.kamervraag.json` of its folder, then the editor's (core/config.ts). */
  readonly settings: KamervraagSettings;
  /**
   * The client's own commands that a code lens may name (`initializationOptions.commands`: the VS Code
   * client's `kamervraag.startAnswering`); a client that announced none gets no lens that needs one.
   */
  readonly clientCommands: ReadonlySet<string>;
}

/** A client that announced nothing, in English. */
export const DEFAULT_CONTEXT: FeatureContext = {
  locale: 'en',
  linkSupport: false,
  workspace: null,
  hierarchicalSymbols: false,
  diagnosticSupport: { relatedInformation: false, codeDescription: false, unnecessaryTag: false },
  maxNumberOfProblems: DEFAULT_MAX_PROBLEMS,
  snippetEdits: false,
  snippetSupport: false,
  markdown: { hover: true, documentation: true },
  clock: systemClock,
  settings: DEFAULT_SETTINGS,
  clientCommands: new Set(),
};

export function featureContext(overrides: Partial<FeatureContext> = {}): FeatureContext {
  return { ...DEFAULT_CONTEXT, ...overrides };
}
