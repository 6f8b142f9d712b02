/**
 * The feature table: every document request the server answers, with its LSP method, what the server
 * checks of its parameters before the feature runs, and the feature function. Every feature has one
 * shape, `(analysis, params, context) → result`: the analysis of the document's current text
 * (`core/analysis.ts`), the request's LSP parameters, and what comes from the session
 * (`context.ts`). `server.ts` registers the table; the fuzz harness calls the same table.
 *
 * A new feature: a file here exporting one such function, a row in `DOCUMENT_FEATURES`, and its
 * capability in `capabilities.ts`.
 */
import { ANSWER_DOCUMENT_METHOD, answerDocumentRequest } from './answerDocument';
import { MarkupContent, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { codeActions } from './codeActions';
import { forClient } from './markdown';
import { codeLenses, isReferenceLensData, resolveCodeLens } from './codeLens';
import { completion } from './completion';
import type { FeatureContext } from './context';
import { definition } from './definition';
import { documentLinks } from './documentLinks';
import { documentSymbols } from './documentSymbols';
import { foldingRanges } from './folding';
import { formatting, rangeFormatting } from './formatting';
import { hover } from './hover';
import { dateHover } from './dateHover';
import { footnoteHover } from './footnoteHover';
import { nameHover } from './nameHover';
import { crossReferenceHover } from './crossReferences';
import { overview, OVERVIEW_METHOD } from './overview';
import { PREVIEW_METHOD, previewRequest } from './preview';
import { inlayHints } from './inlayHints';
import { documentHighlights, references } from './references';
import { prepareRename, rename, type RenameResult } from './rename';
import { selectionRanges } from './selectionRanges';
import { status, STATUS_METHOD } from './status';
import * as structure from './structure';
import { termHover } from './term';
import { workspaceSymbols } from './workspaceSymbols';

/** A request refused with a message for the user (answered as LSP `RequestFailed`). */
export class Refusal {
  /** `invalidParams`: the parameters are wrong (InvalidParams), not the request's aim (RequestFailed). */
  constructor(readonly message: string, readonly kind: 'failed' | 'invalidParams' = 'failed') {}
}

/**
 * What the server checks of the parameters before the feature runs: nothing but the document, a
 * `position` (InvalidParams unless `{ line, character }` with non-negative integers), `positions`
 * (the same for each; one past the end of its line or of the document is taken to that end), or a
 * `range` (InvalidParams unless its `start` and `end` are such positions).
 */
export type FeatureInput = 'document' | 'position' | 'positions' | 'range';

export interface DocumentFeature<P, R> {
  readonly method: string;
  readonly input: FeatureInput;
  readonly run: (analysis: Analysis, params: P, context: FeatureContext) => R | Refusal;
}

function feature<P, R>(method: string, input: FeatureInput, run: (analysis: Analysis, params: P, context: FeatureContext) => R | Refusal): DocumentFeature<P, R> {
  return { method, input, run };
}

/** A rename's answer as LSP wants it: the value, null, or a refusal with its message. */
function answer<T, R>(result: RenameResult<T> | null, ok: (value: T) => R): R | Refusal | null {
  if (!result) return null;
  return 'error' in result ? new Refusal(result.error) : ok(result.ok);
}

export const DOCUMENT_FEATURES = {
  definition: feature('textDocument/definition', 'position', definition),
  references: feature('textDocument/references', 'position', references),
  documentHighlight: feature('textDocument/documentHighlight', 'position', documentHighlights),
  // What stands under the cursor (a question or reference); on a footnote marker where its text is
  // (footnoteHover.ts); on the header line the answer term (term.ts);
  // on a name of the metadata the other Kamervragen with it (nameHover.ts); on a reference to another
  // Kamervraag what that one is (crossReferences.ts).
  // In plain text for a client that shows no Markdown (markdown.ts).
  hover: feature('textDocument/hover', 'position', (a, p: Parameters<typeof hover>[1], c) => {
    const found = hover(a, p, c) ?? footnoteHover(a, p, c) ?? termHover(a, p, c) ?? dateHover(a, p, c) ?? nameHover(a, p, c) ?? crossReferenceHover(a, p, c);
    return found && MarkupContent.is(found.contents) ? { ...found, contents: forClient(found.contents, c.markdown.hover) } : found;
  }),
  completion: feature('textDocument/completion', 'position', completion),
  prepareRename: feature('textDocument/prepareRename', 'position', (a, p: Parameters<typeof prepareRename>[1], c) =>
    answer(prepareRename(a, p, c), (ok) => ok),
  ),
  rename: feature('textDocument/rename', 'position', (a, p: Parameters<typeof rename>[1], c) =>
    answer(rename(a, p, c), (edits: TextEdit[]): WorkspaceEdit => ({ changes: { [p.textDocument.uri]: edits } })),
  ),
  documentSymbol: feature('textDocument/documentSymbol', 'document', documentSymbols),
  foldingRange: feature('textDocument/foldingRange', 'document', foldingRanges),
  selectionRange: feature('textDocument/selectionRange', 'positions', selectionRanges),
  documentLink: feature('textDocument/documentLink', 'document', documentLinks),
  codeAction: feature('textDocument/codeAction', 'document', codeActions),
  status: feature(STATUS_METHOD, 'document', status),
  formatting: feature('textDocument/formatting', 'document', (a, p: Parameters<typeof formatting>[1], c) =>
    answer(formatting(a, p, c), (ok) => ok),
  ),
  renumber: feature(structure.RENUMBER_METHOD, 'document', structure.renumberRequest),
  answerDocument: feature(ANSWER_DOCUMENT_METHOD, 'document', answerDocumentRequest),
  preview: feature(PREVIEW_METHOD, 'document', previewRequest),
  insertQuestion: feature(structure.INSERT_METHOD, 'position', structure.insertRequest),
  moveQuestion: feature(structure.MOVE_METHOD, 'position', (a, p: structure.MoveParams, c) => {
    const moved = structure.moveRequest(a, p, c);
    return moved && 'error' in moved ? new Refusal(moved.error, 'invalidParams') : moved;
  }),
  deleteQuestion: feature(structure.DELETE_METHOD, 'position', structure.deleteRequest),
  inlayHint: feature('textDocument/inlayHint', 'document', inlayHints),
  codeLens: feature('textDocument/codeLens', 'document', codeLenses),
  rangeFormatting: feature('textDocument/rangeFormatting', 'range', (a, p: Parameters<typeof rangeFormatting>[1], c) =>
    answer(rangeFormatting(a, p, c), (ok) => ok),
  ),
} as const;

export type DocumentFeatureName = keyof typeof DOCUMENT_FEATURES;

/** `workspace/symbol`: the one request that reads the workspace index instead of a document. */
export const WORKSPACE_SYMBOLS = { method: 'workspace/symbol', run: workspaceSymbols } as const;

/**
 * `codeLens/resolve`: the command of a heading's lens that `codeLens` sent without it (a document whose lenses
 * would carry too many references); the document is the one its `data` names, not a `textDocument`.
 */
export const CODE_LENS_RESOLVE = { method: 'codeLens/resolve', accepts: isReferenceLensData, run: resolveCodeLens } as const;

/** `kamervraag/overview`: every Kamervraag of the workspace with its answer term (reads the index too). */
export const OVERVIEW = { method: OVERVIEW_METHOD, run: overview } as const;
