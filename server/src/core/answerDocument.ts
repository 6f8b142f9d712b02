/**
 * The Kamervraag as its answer is sent and published (the Aanhangsel van de Handelingen): the title, then
 * for each question `Vraag N` and its text, `Antwoord N` and its answer, a blank line between them — what a
 * ministry pastes into the answer it sends (*Copy as Answer Document*). Every word of the questions and
 * answers, as written (footnote markers too), in document order; the indentation and the blank lines
 * inside a block are the format's, not the text's, and go. A Mededeling is no part of an answer.
 */
import { trimSpaces } from './lines';
import type { KamervraagDocument, Span } from './model';

export interface AnswerDocument {
  readonly text: string;
  readonly questions: number;
  /** Questions without an answer: their `Antwoord N` stands with nothing under it. */
  readonly unanswered: number;
}

/** The text of a paragraph on its line, without the indentation or trailing spaces (the format's: `trimSpaces`). */
const paragraph = (s: Span): string => trimSpaces(s.text);

export function answerDocument(doc: KamervraagDocument, eol = '\n'): AnswerDocument {
  const blocks: string[] = [];
  const title = doc.title ? trimSpaces(doc.title.text) : '';
  if (title !== '') blocks.push(title);
  let unanswered = 0;
  for (const q of doc.questions) {
    // `Vraag 3` as the heading names it; a heading without a number keeps what it has.
    const label = q.number !== null ? String(q.number) : '';
    const question = q.question.map(paragraph).filter((p) => p !== '');
    const answer = q.answer.map(paragraph).filter((p) => p !== '');
    if (answer.length === 0) unanswered++;
    blocks.push([`Vraag${label ? ` ${label}` : ''}`, ...question].join(eol));
    blocks.push([`Antwoord${label ? ` ${label}` : ''}`, ...answer].join(eol));
  }
  return { text: blocks.join(eol + eol) + eol, questions: doc.questions.length, unanswered };
}
