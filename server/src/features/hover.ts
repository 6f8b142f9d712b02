/**
 * Hover. On a reference: the referenced question and the start of its answer. On a heading number: which
 * answers refer to this question.
 */
import type { HoverParams } from 'vscode-languageserver';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { objectAt } from '../core/cursor';
import type { Locale } from '../core/diagnostic';
import type { Question } from '../core/model';
import type { FeatureContext } from './context';
import { list, t } from './i18n';
import { escapeMarkdown, truncate } from './markdown';
import { answerText, questionText } from './questionText';

/** How much of an answer a hover shows. */
export const ANSWER_PREVIEW_CHARS = 300;
const QUESTION_PREVIEW_CHARS = 500;
/** A range like `1 t/m 40` shows at most this many questions. */
const MAX_QUESTIONS = 5;

export function hover(analysis: Analysis, params: HoverParams, context: FeatureContext): Hover | null {
  const { graph } = analysis;
  const locale = context.locale;
  const symbol = objectAt(analysis.document, params.position);
  if (!symbol) return null;
  const parts: string[] = [];
  if (symbol.kind === 'reference') {
    for (const n of symbol.numbers.slice(0, MAX_QUESTIONS)) {
      // A number without a question gets no part: its diagnostic ("There is no question 16 (this document
      // has questions 1–10)") already stands in the hover, and saying it again would be noise.
      for (const q of graph.questionsNumbered(n)) parts.push(describe(q, n, locale));
    }
    if (symbol.numbers.length > MAX_QUESTIONS) parts.push('…');
  } else {
    const from = [
      ...new Set(
        graph.referencesTo(symbol.number)
          .map((u) => u.reference.fromQuestion)
          .filter((n): n is number => n !== null && n !== symbol.number),
      ),
    ].sort((a, b) => a - b);
    parts.push(
      from.length === 0
        ? escapeMarkdown(t(locale, 'notReferred'))
        : escapeMarkdown(t(locale, from.length === 1 ? 'referredFrom' : 'referredFromMany', { list: list(locale, from) })),
    );
    const count = graph.questionsNumbered(symbol.number).length;
    if (count > 1) parts.push(escapeMarkdown(t(locale, 'duplicate', { n: symbol.number, count })));
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: symbol.range };
}

function describe(q: Question, n: number, locale: Locale): string {
  const lines = [`**${t(locale, 'question')} ${n}**`];
  const question = questionText(q);
  if (question) lines.push(`> ${escapeMarkdown(truncate(question, QUESTION_PREVIEW_CHARS))}`);
  const answer = answerText(q);
  lines.push(
    answer
      ? `**${t(locale, 'answer')}:** ${escapeMarkdown(truncate(answer, ANSWER_PREVIEW_CHARS))}`
      : `_${escapeMarkdown(t(locale, 'notAnsweredYet'))}_`,
  );
  return lines.join('\n\n');
}
