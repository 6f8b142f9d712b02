/**
 * `kamervraag/answerDocument`: the document as its answer is sent and published — the title, `Vraag N`
 * with its text and `Antwoord N` with its answer for each question (core/answerDocument.ts) — in the line
 * ends the document uses; behind the editor's *Copy as Answer Document*. Params: `{ textDocument }`.
 */
import type { TextDocumentIdentifier } from 'vscode-languageserver';
import type { Analysis } from '../core/analysis';
import { answerDocument, type AnswerDocument } from '../core/answerDocument';
import { dominantLineEnd } from '../core/lines';
import type { FeatureContext } from './context';

export const ANSWER_DOCUMENT_METHOD = 'kamervraag/answerDocument';

export function answerDocumentRequest(analysis: Analysis, _params: { readonly textDocument: TextDocumentIdentifier }, _context: FeatureContext): AnswerDocument {
  return answerDocument(analysis.document, dominantLineEnd(analysis.lines));
}
