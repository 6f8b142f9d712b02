/**
 * The per-document cache: each text is parsed and checked once; requests, diagnostics and the status
 * item all read the same analysis. Connection-free, so a workspace index can analyse files the editor
 * has not opened the same way.
 */
import type { KvDiagnostic } from '../core/diagnostic';
import type { KamervraagDocument } from '../core/model';
import { parse } from '../core/parse';
import { QuestionGraph } from '../core/graph';

/** The checks (`check` of the core); they may use the analysis's question graph instead of building one. */
export type Checker = (doc: KamervraagDocument, graph: QuestionGraph) => KvDiagnostic[];

/** One analysed text. The diagnostics and the symbol graph are computed on first use. */
export class Analysis {
  private _diagnostics: KvDiagnostic[] | undefined;
  private _graph: QuestionGraph | undefined;

  constructor(
    readonly text: string,
    readonly doc: KamervraagDocument,
    private readonly checker: Checker,
  ) {}

  get diagnostics(): KvDiagnostic[] {
    if (this._diagnostics === undefined) {
      try {
        this._diagnostics = this.checker(this.doc, this.graph);
      } catch (err) {
        // A bug in one check must not take the server down; report it once in the log.
        console.error(`kamervraag: check failed: ${(err as Error)?.stack ?? String(err)}`);
        this._diagnostics = [];
      }
    }
    return this._diagnostics;
  }

  get graph(): QuestionGraph {
    return (this._graph ??= new QuestionGraph(this.doc));
  }
}

export function analyze(text: string, checker: Checker): Analysis {
  return new Analysis(text, parse(text), checker);
}

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
