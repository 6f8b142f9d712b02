/**
 * A question's text (or an answer's) as the features show it in one line — a hover, an inlay hint, a
 * completion's detail, a quick fix's title: its paragraphs trimmed and joined by a space, every run of
 * white space one space. (The outline reads only the first words, `documentSymbols.ts`, to the same
 * effect; the preview and Copy as Answer Document keep the paragraphs.)
 */
import type { Question, Span } from '../core/model';

/** `spans` in one line. */
export function oneLine(spans: readonly Span[]): string {
  return spans.map((s) => s.text.trim()).join(' ').replace(/\s+/g, ' ').trim();
}

/** The question's text in one line. */
export const questionText = (q: Question): string => oneLine(q.question);

/** The answer's text in one line ('' when it has none). */
export const answerText = (q: Question): string => oneLine(q.answer);
