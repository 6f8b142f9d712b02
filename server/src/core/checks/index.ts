/**
 * `check(doc)`: the rules a careful author keeps (FORMAT.md, "Rules a careful author keeps"), as
 * diagnostics with stable codes (see `RULES` in diagnostic.ts), narrow ranges, related locations and,
 * where one edit mends the problem, a fix.
 */
import { diagnostic, type KvDiagnostic } from '../diagnostic';
import type { KamervraagDocument } from '../model';
import { QuestionGraph } from '../graph';
import { checkHeaderAndTitle } from './header';
import { checkMetadata } from './metadata';
import { checkDates } from './dates';
import { checkDocumentNumbers } from './numbers';
import { checkQuestions } from './questions';
import { checkReferences } from './references';
import { checkTerm, type CheckOptions } from './term';
import { msg } from './messages';
import { notAKamervraag } from './document';

export { ANSWER_TERM_DAYS } from './dates';
export { describeNumbers } from './references';
export type { CheckOptions } from './term';

/**
 * Every diagnostic of the document. Pass the document's question graph when there is one already. The
 * checks that depend on the day (`answer-overdue`) run only when `options.today` is given: `check` reads
 * no clock.
 */
export function check(doc: KamervraagDocument, graph: QuestionGraph = new QuestionGraph(doc), options: CheckOptions = {}): KvDiagnostic[] {
  // A text that is no Kamervraag at all gets that one diagnostic, not one for every line.
  const alien = notAKamervraag(doc);
  if (alien) return [alien];
  const out: KvDiagnostic[] = [];
  checkHeaderAndTitle(doc, out);
  checkMetadata(doc, graph, out);
  checkDates(doc, out, options.answerTermDays);
  checkTerm(doc, out, options);
  checkDocumentNumbers(doc, out);
  checkQuestions(doc, graph, out);
  checkReferences(doc, graph, out);
  for (const s of doc.strayLines) {
    // Unnecessary: the structure ignores the line, so an editor may fade it.
    out.push({ ...diagnostic('stray-text', s.range, msg(
      'Text outside any block: not part of the header, metadata, a question or the footer.',
      'Tekst buiten elk blok: hoort niet bij de kopregel, de metadata, een vraag of de voettekst.',
    )), unnecessary: true });
  }
  return out;
}
