/**
 * The `kamervraag/status` request: a summary of one document for the editor's language status item.
 * The VS Code client relies on this exact shape.
 */
import type { Analysis } from '../core/analysis';
import { DiagnosticSeverity } from '../core/diagnostic';
import { isAnswered } from '../core/graph';
import type { FeatureContext } from './context';
import { findings } from './findings';
import { termStatus, type TermStatus } from './term';

export const STATUS_METHOD = 'kamervraag/status';

export interface StatusParams {
  readonly textDocument: { readonly uri: string };
}

export interface DocumentStatus {
  readonly zaaknummer: string | null;
  readonly title: string | null;
  /** Question blocks in the document. */
  readonly questions: number;
  /** Question blocks without an answer. */
  readonly unanswered: number;
  /** True when the document has been answered (a `Beantwoord` date, or any answer). */
  readonly answered: boolean;
  readonly diagnostics: { readonly errors: number; readonly warnings: number };
  /** The answer term against today (`features/term.ts`): state, deadline, days left, the phrase to show. */
  readonly term: TermStatus;
  /** True when the text is no Kamervraag at all (the `not-a-kamervraag` diagnostic): the counts mean nothing. */
  readonly notAKamervraag: boolean;
}

export function status(analysis: Analysis, params: StatusParams, context: FeatureContext): DocumentStatus {
  const doc = analysis.document;
  const diagnostics = findings(analysis, params.textDocument.uri, context);
  let errors = 0;
  let warnings = 0;
  let notAKamervraag = false;
  for (const d of diagnostics) {
    if (d.code === 'not-a-kamervraag') notAKamervraag = true;
    if (d.severity === DiagnosticSeverity.Error) errors++;
    else if (d.severity === DiagnosticSeverity.Warning) warnings++;
  }
  const unanswered = doc.questions.filter((q) => !q.hasAnswer).length;
  return {
    zaaknummer: doc.header?.zaaknummer?.text ?? null,
    title: doc.title?.text.trim() || null,
    questions: doc.questions.length,
    unanswered,
    answered: isAnswered(doc),
    diagnostics: { errors, warnings },
    term: termStatus(doc, context),
    notAKamervraag,
  };
}
