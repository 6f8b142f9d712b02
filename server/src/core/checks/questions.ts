/** The question blocks: headings, numbering, question text and answers. */
import { diagnostic, replaceFix, type Fix, type KvDiagnostic } from '../diagnostic';
import type { KamervraagDocument } from '../model';
import { isSpace, lineEndAfter, skipSpaces } from '../lines';
import { readHeading, textAfterNumber } from '../headings';
import type { QuestionGraph } from '../graph';
import { DOCUMENT_START, msg, rel } from './messages';
import { answerFix, firstQuestionFix } from './fixes';

/**
 * The malformed-heading diagnostic of question `i`, numbered `number`: what to write, and its fix. A
 * sub-number or letter glued to the number (`Vraag 2.1`, `Vraag 2A`) is named instead, without a fix: what
 * the writer meant, no fix can tell.
 */
function numberedHeading(doc: KamervraagDocument, i: number, number: number): KvDiagnostic {
  const q = doc.blocks.question(i);
  const s = doc.blocks.lines.line(q.headingRange.start.line);
  const h = readHeading(s);
  const rest = h ? textAfterNumber(s, h) : -1;
  if (h && rest < 0) {
    const glued = s.slice(h.wordStart, h.numberEnd) + gluedText(s, h.numberEnd, h.end);
    return diagnostic('malformed-heading', q.headingRange, msg(
      `'${glued}' is read as question ${number}: questions are numbered 1, 2, 3 … without sub-numbers or letters. Write '• Vraag N' with the text on the next line.`,
      `'${glued}' wordt gelezen als vraag ${number}: vragen zijn genummerd 1, 2, 3 … zonder subnummers of letters. Schrijf '• Vraag N' met de tekst op de volgende regel.`,
    ));
  }
  return diagnostic('malformed-heading', q.headingRange, msg(
    `Write the heading as '• Vraag ${number}' (bullet •, 'Vraag' with a capital, one space).`,
    `Schrijf de vraagkop als '• Vraag ${number}' (opsommingsteken •, 'Vraag' met hoofdletter, één spatie).`,
  ), [], rest < 0 ? undefined : headingFix(doc, i, s, rest));
}

/** The text after a heading's number at `from` up to the end of the word glued to it: `.1` of `Vraag 2.1 Wat …`. */
function gluedText(s: string, from: number, end: number): string {
  let k = skipSpaces(s, from);
  while (k < end && !isSpace(s.charCodeAt(k))) k++;
  return s.slice(from, k);
}

/**
 * The fix of the malformed heading of question `i` (its line `s`, the text after its number from `restStart`,
 * `textAfterNumber`): bullet, word and spacing written `• Vraag N` (the digits as written); text after the
 * number (`• Vraag 2: Kunt u …`, `- Vraag 2 (vervolg)`) moves to a line of its own under the heading, indented
 * like the body, so that no word is lost. None when that text would read as a heading itself.
 */
function headingFix(doc: KamervraagDocument, i: number, s: string, restStart: number): Fix | undefined {
  const blocks = doc.blocks;
  const lines = blocks.lines;
  const q = blocks.question(i);
  if (!q.numberRange) return undefined;
  const line = q.headingRange.start.line;
  const digits = s.slice(q.numberRange.start.character, q.numberRange.end.character);
  const heading = `• Vraag ${digits}`;
  const end = q.headingRange.end.character;
  const title = msg(`Write '${heading}'`, `Schrijf '${heading}'`);
  if (restStart >= end) return replaceFix(title, q.headingRange, heading);
  // The indentation of the block's first line of text, else twice the heading's (one space: two; two: four).
  let indent = '';
  for (let k = line + 1; k < blocks.endLine(i) && k < lines.count; k++) {
    const body = lines.line(k);
    const at = skipSpaces(body);
    if (at < body.length) {
      indent = body.slice(0, at);
      break;
    }
  }
  if (indent === '') indent = s.slice(0, q.headingRange.start.character).repeat(2) || '  ';
  const moved = indent + s.slice(restStart, end);
  if (readHeading(moved)) return undefined;
  return replaceFix(
    msg(`Write '${heading}', the text after it on the next line`, `Schrijf '${heading}', de tekst erna op de volgende regel`),
    q.headingRange,
    `${heading}${lineEndAfter(doc.blocks.lines, line)}${moved}`,
  );
}

export function checkQuestions(doc: KamervraagDocument, graph: QuestionGraph, out: KvDiagnostic[]): void {
  // By index in doc.blocks: most questions have no problem, and need no object.
  const blocks = doc.blocks;
  const count = blocks.questionCount;
  if (count === 0) {
    out.push(diagnostic('no-questions', doc.header?.range ?? DOCUMENT_START, msg(
      'The document has no questions: a question block starts with ` • Vraag 1`.',
      'Het document heeft geen vragen: een vraagblok begint met ` • Vraag 1`.',
    ), [], firstQuestionFix(doc)));
    return;
  }
  let expected = 1;
  for (let i = 0; i < count; i++) {
    const number = blocks.number(i);
    if (blocks.malformedHeading(i)) {
      out.push(number === null
        ? diagnostic('malformed-heading', blocks.question(i).headingRange, msg(
          'A question heading without a number: write `• Vraag N`.', 'Een vraagkop zonder nummer: schrijf `• Vraag N`.'))
        : numberedHeading(doc, i, number));
    }
    if (number !== null) {
      const first = graph.indexOf(number);
      if (first !== i) {
        const q = blocks.question(i);
        const twin = blocks.question(first);
        out.push(diagnostic('duplicate-question-number', q.numberRange ?? q.heading.range, msg(
          `There is already a question ${number}.`, `Er is al een vraag ${number}.`,
        ), [rel(twin.numberRange ?? twin.heading.range, `First Vraag ${number}`, `Eerste vraag ${number}`)]));
      } else {
        if (number !== expected) {
          const q = blocks.question(i);
          out.push(diagnostic('question-number-sequence', q.numberRange ?? q.heading.range, msg(
            `Expected Vraag ${expected} here, found Vraag ${number}: questions are numbered 1, 2, 3 … in order.`,
            `Hier wordt vraag ${expected} verwacht, niet vraag ${number}: vragen zijn genummerd 1, 2, 3 … op volgorde.`,
          )));
        }
        expected = number + 1;
      }
    }
    if (!blocks.hasQuestionText(i)) {
      const { heading } = blocks.question(i);
      out.push(diagnostic('missing-question-text', heading.range, msg(
        `${heading.text} has no question text.`, `${heading.text} heeft geen vraagtekst.`,
      )));
    }
  }
  if (!graph.answered) {
    if (count > 0) {
      const at = doc.header?.range ?? DOCUMENT_START;
      out.push(diagnostic('unanswered-document', at, msg(
        count === 1 ? 'Not answered yet: the question has no answer.' : `Not answered yet: none of the ${count} questions have an answer.`,
        count === 1 ? 'Nog niet beantwoord: de vraag heeft geen antwoord.' : `Nog niet beantwoord: geen van de ${count} vragen heeft een antwoord.`,
      )));
    }
    return;
  }
  for (let i = 0; i < count; i++) {
    if (!blocks.hasAnswer(i)) {
      const { heading } = blocks.question(i);
      out.push(diagnostic('missing-answer', heading.range, msg(
        `${heading.text} has no answer.`, `${heading.text} heeft geen antwoord.`,
      ), [], answerFix(doc, i)));
    }
  }
}
