/**
 * `kamervraag/preview`: the document as a reader sees it (core/preview.ts) with its answer term in the
 * session's language, for the editor's preview (client/src/preview.ts). Params: `{ textDocument }`.
 */
import type { TextDocumentIdentifier } from 'vscode-languageserver';
import type { Analysis } from '../core/analysis';
import { preview, type Preview } from '../core/preview';
import type { TermState } from '../core/term';
import type { FeatureContext } from './context';
import { termOf, termSentence } from './term';

export const PREVIEW_METHOD = 'kamervraag/preview';

export interface PreviewAnswer extends Preview {
  readonly state: TermState;
  /** "Antwoord verwacht uiterlijk 19 november 2024 (nog 5 dagen)", or null when there is nothing to say. */
  readonly term: string | null;
}

export function previewRequest(analysis: Analysis, _params: { readonly textDocument: TextDocumentIdentifier }, context: FeatureContext): PreviewAnswer {
  const term = termOf(analysis.document, context);
  return { ...preview(analysis.document, analysis.graph), state: term.state, term: termSentence(term, context.locale) };
}
