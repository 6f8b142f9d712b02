/**
 * `textDocument/formatting`: the edits of the core's formatter (`core/format.ts`), checked before they
 * go out: the formatted text must parse to the same questions, answers and references (a heading's text
 * moved to the next line may bring its references into the question), else nothing changes and the user
 * reads why. `insertFinalNewline` is honoured; trailing spaces and final blank lines always go (the
 * format has none), so `trimTrailingWhitespace` and `trimFinalNewlines` hold whatever they say.
 */
import type { DocumentFormattingParams } from 'vscode-languageserver';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { formatDocument, verifyFormat } from '../core/format';
import { parse } from '../core/parse';
import type { FeatureContext } from './context';
import type { RenameResult } from './rename';

/** The edits, or why there are none (answered as RequestFailed with the message). */
export function formatting(analysis: Analysis, params: DocumentFormattingParams, context: FeatureContext): RenameResult<TextEdit[]> {
  const doc = analysis.document;
  const { edits, text } = formatDocument(doc, { insertFinalNewline: params.options?.insertFinalNewline === true });
  if (edits.length === 0) return { ok: edits };
  const wrong = verifyFormat(doc, parse(text));
  if (wrong === null) return { ok: edits };
  return {
    error: context.locale === 'nl'
      ? `Niet opgemaakt: de opmaak zou de vragen veranderen (${wrong}).`
      : `Not formatted: formatting would change the questions (${wrong}).`,
  };
}
