/**
 * The per-document cache: each text is analysed (`core/analysis.ts`) once; requests, diagnostics and the
 * status item all read the same analysis.
 */
import { analyze, type Analysis, type Checker } from '../core/analysis';

export type { Analysis, Checker } from '../core/analysis';

/** What the cache needs of a text document (vscode-languageserver-textdocument's TextDocument has it). */
export interface DocumentText {
  readonly uri: string;
  getText(): string;
}

/**
 * Analyses per URI, kept for the current text of each open document. Keyed on the text, not on the
 * version number: a client may repeat a version (a didChange with the version it had, a second didOpen),
 * and the features must never answer from an older text. The comparison is cheap: a document's
 * `getText()` returns the same string until it changes (compared by reference), and two different texts
 * mostly differ in length.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();
  /** How many times a text was actually parsed (for tests and the benchmark). */
  parses = 0;

  constructor(private readonly checker: Checker) {}

  /** The analysis of the document's current text; parses only when the text changed. */
  get(document: DocumentText): Analysis {
    const raw: unknown = document.getText();
    // A didOpen without text (a broken client) must not break every later request.
    const text = typeof raw === 'string' ? raw : '';
    const cached = this.entries.get(document.uri);
    if (cached && cached.text === text) return cached;
    this.parses++;
    const analysis = analyze(text, this.checker);
    this.entries.set(document.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
