/**
 * `textDocument/formatting`: the edits of the core's formatter (`core/format.ts`), checked before they
 * go out: the formatted text must parse to the same questions, answers and references (a heading's text
 * moved to the next line may bring its references into the question), else nothing changes and the user
 * reads why. `insertFinalNewline` is honoured; trailing spaces and final blank lines always go (the
 * format has none), so `trimTrailingWhitespace` and `trimFinalNewlines` hold whatever they say.
 *
 * `textDocument/rangeFormatting` (Format Selection, `editor.formatOnPaste`): the same edits on the lines of
 * the range widened to whole blocks (`widenedLines`), checked the same way.
 */
import type { DocumentFormattingParams, DocumentRangeFormattingParams } from 'vscode-languageserver';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import type { Message } from '../core/diagnostic';
import { formatEdits } from '../core/format';
import { checkedFormat, verifyFormat, widenedLines } from '../core/formatCheck';
import { EditedText } from '../core/editedText';
import type { FeatureContext } from './context';
import type { RenameResult } from './rename';

/** The edits, or why there are none (answered as RequestFailed with the message). */
export function formatting(analysis: Analysis, params: DocumentFormattingParams, context: FeatureContext): RenameResult<TextEdit[]> {
  const result = checkedFormat(analysis.document, { insertFinalNewline: params.options?.insertFinalNewline === true });
  return 'wrong' in result ? refusal(result.wrong, context) : { ok: result.edits };
}

function refusal(wrong: Message, context: FeatureContext): { error: string } {
  return {
    error: context.locale === 'nl'
      ? `Niet opgemaakt: de opmaak zou de vragen veranderen (${wrong.nl}).`
      : `Not formatted: formatting would change the questions (${wrong.en}).`,
  };
}

export function rangeFormatting(analysis: Analysis, params: DocumentRangeFormattingParams, context: FeatureContext): RenameResult<TextEdit[]> {
  const doc = analysis.document;
  const range = params.range;
  const valid = (p: unknown) => typeof p === 'object' && p !== null && Number.isInteger((p as { line: unknown }).line) && (p as { line: number }).line >= 0;
  if (!range || !valid(range.start) || !valid(range.end)) return { error: context.locale === 'nl' ? 'Geen geldig bereik.' : 'Not a valid range.' };
  const last = range.end.line > range.start.line && range.end.character === 0 ? range.end.line - 1 : range.end.line;
  const lines = widenedLines(doc, Math.min(range.start.line, last), Math.max(range.start.line, last));
  const edits = formatEdits(doc, { insertFinalNewline: params.options?.insertFinalNewline === true, separate: true });
  const chosen = edits.filter((e) => e.range.start.line >= lines.from && e.range.start.line <= lines.to
    && (e.range.end.line <= lines.to || (e.range.end.line === lines.to + 1 && e.range.end.character === 0)));
  if (chosen.length === 0) return { ok: chosen };
  const wrong = verifyFormat(doc, EditedText.fromEdits(doc.blocks.lines, chosen), lines);
  return wrong === null ? { ok: chosen } : refusal(wrong, context);
}
