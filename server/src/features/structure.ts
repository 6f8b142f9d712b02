/**
 * Renumbering and the structural edits over LSP, for every editor: the core's engine (`core/renumber.ts`,
 * `core/structure.ts`) as
 *
 *  - code actions: `source.renumber.kamervraag` ("Renumber questions"), offered when the numbering is not
 *    1…n (and always when asked for by that kind); the same edit as a quick fix of the numbering
 *    diagnostics (`question-number-sequence`, `duplicate-question-number`); and at the cursor, when the
 *    user asks for actions (trigger kind Invoked, or `only` naming a refactor kind),
 *    `refactor.rewrite.kamervraag.{insert,moveUp,moveDown,delete}`;
 *  - requests for the commands of an editor that moves the cursor and warns before deleting (the VS Code
 *    client): `kamervraag/renumber`, `kamervraag/insertQuestion`, `kamervraag/moveQuestion`
 *    (`direction: 'up' | 'down'`) and `kamervraag/deleteQuestion`, each answered with one WorkspaceEdit,
 *    the notes on references left as they stood, and where the cursor goes.
 */
import type { CodeActionParams } from 'vscode-languageserver';
import { type CodeAction, type Diagnostic, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import type { Locale } from '../core/diagnostic';
import { isPosition } from '../core/ranges';
import { needsRenumbering, renumber, type NumberingNote } from '../core/renumber';
import {
  blockUnder, deleteQuestion as coreDelete, insertQuestion as coreInsert, moveQuestion as coreMove, type Direction, type StructureEdit,
} from '../core/structure';
import type { FeatureContext } from './context';
import { SOURCE } from './diagnostics';
import { t } from './i18n';

export const RENUMBER_KIND = 'source.renumber.kamervraag';
export const REFACTOR_KIND = 'refactor.rewrite.kamervraag';
/** The quick fix of the numbering diagnostics: renumber all (a kind of its own, so that fix-all and the edit-safety oracle can tell it apart). */
export const RENUMBER_FIX_KIND = 'quickfix.renumber.kamervraag';
/** The code action kinds of this file, for the server's `codeActionProvider` capability. */
export const STRUCTURE_ACTION_KINDS: readonly string[] = [RENUMBER_KIND, REFACTOR_KIND];

export const RENUMBER_METHOD = 'kamervraag/renumber';
export const INSERT_METHOD = 'kamervraag/insertQuestion';
export const MOVE_METHOD = 'kamervraag/moveQuestion';
export const DELETE_METHOD = 'kamervraag/deleteQuestion';

/** The diagnostics that renumbering mends. */
const NUMBERING_CODES: ReadonlySet<unknown> = new Set(['question-number-sequence', 'duplicate-question-number']);

/** A note as the client shows it: where, and the message in the session's language. */
export interface Note {
  readonly range: Range;
  readonly message: string;
}

/** The answer of the requests: one edit (one undo), the notes, and where the cursor goes once it is applied. */
export interface StructureAnswer {
  readonly edit: WorkspaceEdit;
  readonly notes: Note[];
  readonly cursor?: Position;
  /** `kamervraag/renumber`: how many questions the document has (none: nothing to number, rather than numbered already). */
  readonly questions?: number;
}

export interface DeleteAnswer extends StructureAnswer {
  readonly question: number | null;
  /** The references that name the deleted question (they stay as they are): warn before applying. */
  readonly referrers: { range: Range; text: string; fromQuestion: number | null; inPart: string }[];
}

export interface DocumentParams {
  readonly textDocument: { readonly uri: string };
}
export interface PositionParams extends DocumentParams {
  readonly position: Position;
}
export interface MoveParams extends PositionParams {
  readonly direction: Direction;
}

const notesIn = (notes: readonly NumberingNote[], locale: Locale): Note[] => notes.map((n) => ({ range: n.range, message: n.message[locale] }));

function answer(uri: string, result: StructureEdit, locale: Locale): StructureAnswer {
  return { edit: { changes: { [uri]: result.edits } }, notes: notesIn(result.notes, locale), cursor: result.cursor };
}

/** `kamervraag/renumber`: the questions numbered 1…n, references following their questions. */
export function renumberRequest(analysis: Analysis, params: DocumentParams, context: FeatureContext): StructureAnswer {
  const { edits, notes } = renumber(analysis);
  return { edit: { changes: { [params.textDocument.uri]: edits } }, notes: notesIn(notes, context.locale), questions: analysis.document.blocks.questionCount };
}

/** `kamervraag/insertQuestion`: a new question after the one at the cursor. */
export function insertRequest(analysis: Analysis, params: PositionParams, context: FeatureContext): StructureAnswer {
  return answer(params.textDocument.uri, coreInsert(analysis, params.position), context.locale);
}

/** `kamervraag/moveQuestion`: null when there is no question at the cursor or no neighbour that way. */
export function moveRequest(analysis: Analysis, params: MoveParams, context: FeatureContext): StructureAnswer | null | { error: string } {
  const direction = params.direction;
  if (direction !== 'up' && direction !== 'down') return { error: 'direction must be "up" or "down"' };
  const moved = coreMove(analysis, params.position, direction);
  return moved && answer(params.textDocument.uri, moved, context.locale);
}

/** `kamervraag/deleteQuestion`: null when there is no question at the cursor. */
export function deleteRequest(analysis: Analysis, params: PositionParams, context: FeatureContext): DeleteAnswer | null {
  const deleted = coreDelete(analysis, params.position);
  if (!deleted) return null;
  return { ...answer(params.textDocument.uri, deleted, context.locale), question: deleted.question, referrers: deleted.referrers };
}

/** True when `kind` is asked for by `only` (absent: every kind); a sub-kind matches its parent. */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function renumberAction(analysis: Analysis, uri: string, kind: string, locale: Locale, diagnostics?: Diagnostic[]): CodeAction {
  const { edits, notes } = renumber(analysis);
  const left = notes.length === 0 ? '' : notes.length === 1 ? t(locale, 'renumberLeftOne') : t(locale, 'renumberLeft', { n: notes.length });
  const action: CodeAction = { title: t(locale, 'renumber') + left, kind, edit: { changes: { [uri]: edits } } };
  return diagnostics ? { ...action, diagnostics, isPreferred: notes.length === 0 } : action;
}

/**
 * The code actions of this file for a `textDocument/codeAction` request (codeActions.ts adds them to the
 * quick fixes of the diagnostics).
 */
export function structureActions(analysis: Analysis, params: CodeActionParams, context: FeatureContext): CodeAction[] {
  const uri = params.textDocument.uri;
  const locale = context.locale;
  const sentOnly: unknown = params.context?.only;
  const only = Array.isArray(sentOnly) ? sentOnly.filter((k): k is string => typeof k === 'string') : undefined;
  const actions: CodeAction[] = [];
  // A quick fix on the numbering diagnostics the client sent.
  const sent: unknown = params.context?.diagnostics;
  const numbering = (Array.isArray(sent) ? (sent as Diagnostic[]) : []).filter((d) => d?.source === SOURCE && NUMBERING_CODES.has(d.code));
  // `quickfix` or the fix's own kind (a sub-kind is asked for by name, e.g. from a key binding).
  if (numbering.length > 0 && wanted(only, RENUMBER_FIX_KIND) && needsRenumbering(analysis)) {
    actions.push(renumberAction(analysis, uri, RENUMBER_FIX_KIND, locale, numbering));
  }
  // What the user asked for (not the requests an editor sends on every cursor move): the source action
  // and the refactorings are computed in full, over the whole document.
  const invoked = params.context?.triggerKind === 1 || only !== undefined;
  // The source action: when the numbering needs it, and always when asked for by its own kind.
  const askedByName = only?.some((o) => o === RENUMBER_KIND || o === 'source.renumber') ?? false;
  if (invoked && wanted(only, RENUMBER_KIND) && (askedByName || needsRenumbering(analysis))) {
    actions.push(renumberAction(analysis, uri, RENUMBER_KIND, locale));
  }
  const position: unknown = params.range?.start;
  // Each refactoring when asked for by a parent kind (`refactor`, `refactor.rewrite.kamervraag`) or by its own.
  const want = (sub: string) => wanted(only, `${REFACTOR_KIND}.${sub}`);
  if (!invoked || !['insert', 'moveUp', 'moveDown', 'delete'].some(want) || !isPosition(position)) return actions;
  const i = blockUnder(analysis, position);
  if (i < 0) return actions;
  const n = analysis.document.blocks.number(i) ?? '?';
  const count = analysis.document.blocks.questionCount;
  const edit = (result: StructureEdit | null): WorkspaceEdit => ({ changes: { [uri]: result?.edits ?? [] } });
  if (want('insert')) actions.push({ title: t(locale, 'insertQuestion', { n }), kind: `${REFACTOR_KIND}.insert`, edit: edit(coreInsert(analysis, position)) });
  if (i > 0 && want('moveUp')) actions.push({ title: t(locale, 'moveQuestionUp', { n }), kind: `${REFACTOR_KIND}.moveUp`, edit: edit(coreMove(analysis, position, 'up')) });
  if (i + 1 < count && want('moveDown')) {
    actions.push({ title: t(locale, 'moveQuestionDown', { n }), kind: `${REFACTOR_KIND}.moveDown`, edit: edit(coreMove(analysis, position, 'down')) });
  }
  if (!want('delete')) return actions;
  const deleted = coreDelete(analysis, position);
  const referred = deleted && deleted.referrers.length > 0 ? t(locale, 'deleteReferred', { n: deleted.referrers.length }) : '';
  actions.push({ title: t(locale, 'deleteQuestion', { n }) + referred, kind: `${REFACTOR_KIND}.delete`, edit: edit(deleted) });
  return actions;
}
