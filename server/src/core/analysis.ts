/**
 * One analysed text: the input of every document feature. The text is parsed once, when the analysis
 * is made; its lines, question graph and diagnostics are computed on first use and then kept.
 */
import { check, type CheckOptions } from './checks';
import { isoDate } from './dates';
import type { KvDiagnostic } from './diagnostic';
import { QuestionGraph } from './graph';
import type { LineTable } from './lines';
import type { KamervraagDocument, Position, Range } from './model';
import { parse } from './parse';

/** The checks (`check` of the core); they may use the analysis's question graph instead of building one. */
export type Checker = (doc: KamervraagDocument, graph: QuestionGraph, options?: CheckOptions) => KvDiagnostic[];

export class Analysis {
  readonly document: KamervraagDocument;
  private _diagnostics: KvDiagnostic[] | undefined;
  /** The last findings asked for with options (today, the term), and the key of those options. */
  private _dated: { key: string; diagnostics: KvDiagnostic[] } | undefined;
  private _graph: QuestionGraph | undefined;

  constructor(
    readonly text: string,
    private readonly checker: Checker = check,
  ) {
    this.document = parse(text);
  }

  /** Where each line starts (LSP lines: `\n`, `\r\n`, `\r`): the parser's own table, not a second pass over the text. */
  get lines(): LineTable {
    return this.document.blocks.lines;
  }

  /** The text of `line` without its line end; '' for a line past the end. */
  lineText(line: number): string {
    return line >= 0 && line < this.lines.count ? this.lines.line(line) : '';
  }

  /** The text of a one-line range, or '' (multi-line ranges never hold a reference's numbers). */
  textOf(r: Range): string {
    return r.start.line === r.end.line ? this.lineText(r.start.line).slice(r.start.character, r.end.character) : '';
  }

  /** `p` moved into the text: to its last line, and to the end of its line (line end excluded). */
  clamp(p: Position): Position {
    const line = Math.min(p.line, this.lines.count - 1);
    return { line, character: Math.min(p.character, this.lineText(line).length) };
  }

  get graph(): QuestionGraph {
    return (this._graph ??= new QuestionGraph(this.document));
  }

  /** The checks' findings. A failing checker costs the diagnostics, not the caller. */
  get diagnostics(): KvDiagnostic[] {
    return (this._diagnostics ??= this.run(undefined));
  }

  /**
   * The checks' findings on a day and with a term (`answer-overdue`, `late-answer`); kept for the last
   * options asked, so that the diagnostics, the status and the code actions of one day share one run.
   */
  diagnosticsWith(options: CheckOptions): KvDiagnostic[] {
    if (!options.today && options.answerTermDays === undefined) return this.diagnostics;
    const key = `${options.today ? isoDate(options.today) : ''}|${options.answerTermDays ?? ''}`;
    if (this._dated?.key !== key) this._dated = { key, diagnostics: this.run(options) };
    return this._dated.diagnostics;
  }

  private run(options: CheckOptions | undefined): KvDiagnostic[] {
    try {
      return options ? this.checker(this.document, this.graph, options) : this.checker(this.document, this.graph);
    } catch (err) {
      // A bug in one check must not take the server down; report it once in the log.
      console.error(`kamervraag: check failed: ${(err as Error)?.stack ?? String(err)}`);
      return [];
    }
  }
}

/** The analysis of `text`: parsed now, everything else when first asked for. */
export function analyze(text: string, checker: Checker = check): Analysis {
  return new Analysis(text, checker);
}
