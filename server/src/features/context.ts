/**
 * What a feature needs from the session besides the document and the request's parameters: the user's
 * language, what the client can show, and the settings. The server keeps one and updates it when the
 * client initializes or changes settings; a test makes one with `featureContext({ … })`.
 */
import type { Locale } from '../core/diagnostic';
import { systemClock, type Clock } from '../core/clock';

/** What the client can show, from its `textDocument.publishDiagnostics` (or `.diagnostic`) capabilities. */
export interface DiagnosticSupport {
  readonly relatedInformation: boolean;
  readonly codeDescription: boolean;
  readonly unnecessaryTag: boolean;
}

/** The default of `kamervraag.maxNumberOfProblems`: how many diagnostics one document shows at most. */
export const DEFAULT_MAX_PROBLEMS = 1000;

export interface FeatureContext {
  readonly locale: Locale;
  /** `textDocument.definition.linkSupport`: answer definitions with LocationLinks. */
  readonly linkSupport: boolean;
  /** `textDocument.documentSymbol.hierarchicalDocumentSymbolSupport`: a tree of DocumentSymbols. */
  readonly hierarchicalSymbols: boolean;
  /** What the client shows of a diagnostic. */
  readonly diagnosticSupport: DiagnosticSupport;
  /** `kamervraag.maxNumberOfProblems`: diagnostics shown per document at most. */
  readonly maxNumberOfProblems: number;
  /** `textDocument.completion.completionItem.snippetSupport`: completions may be snippets with tab stops. */
  readonly snippetSupport: boolean;
  /** Today's date: the system's, or the day set by `initializationOptions.today` / `KAMERVRAAG_TODAY` (tests). */
  readonly clock: Clock;
}

/** A client that announced nothing, in English. */
export const DEFAULT_CONTEXT: FeatureContext = {
  locale: 'en',
  linkSupport: false,
  hierarchicalSymbols: false,
  diagnosticSupport: { relatedInformation: false, codeDescription: false, unnecessaryTag: false },
  maxNumberOfProblems: DEFAULT_MAX_PROBLEMS,
  snippetSupport: false,
  clock: systemClock,
};

export function featureContext(overrides: Partial<FeatureContext> = {}): FeatureContext {
  return { ...DEFAULT_CONTEXT, ...overrides };
}
