/** The question blocks: headings, numbering, question text and answers. */
import { diagnostic, replaceFix, type Fix, type KvDiagnostic } from '../diagnostic';
import type { KamervraagDocument } from '../model';
import { isSpace, lineEndAfter, skipSpaces } from '../lines';
import { readHeading, textAfterNumber } from '../headings';
import type { QuestionGraph } from '../graph';
import { DOCUMENT_START, msg, rel } from './messages';
import { answerFix, firstQuestionFix } from './fixes';

/**
 * The fix of the malformed heading of question `i`: bullet, word and spacing written `• Vraag N` (the digits
 * as written); text after the number (`• Vraag 2: Kunt u …`, `- Vraag 2 (vervolg)`) moves to a line of its
 * own under the heading, indented like the body, so that no word is lost. None when that text would read
 * as a heading itself, or is glued to the number (a sub-number or letter, `Vraag 2.1`, `Vraag 2A`).
 */
function headingFix(doc: KamervraagDocument, i: number): Fix | undefined {
  const blocks = doc.blocks;
  const lines = blocks.lines;
  const q = blocks.question(i);
  if (!q.numberRange) return undefined;
  const line = q.headingRange.start.line;
  const s = lines.line(line);
  const digits = s.slice(q.numberRange.start.character, q.numberRange.end.character);
  const heading = `• Vraag ${digits}`;
  const end = q.headingRange.end.character;
  const h = readHeading(s);
  const restStart = h ? textAfterNumber(s, h) : -1;
  // A sub-number or letter glued to the number (`2.1`, `2A`): what the writer meant, no fix can tell.
  if (restStart < 0) return undefined;
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

/** `Vraag 2.1` of a question heading line `s` whose number has a sub-number or letter glued to it; else null. */
function subNumber(s: string): string | null {
  const h = readHeading(s);
  if (!h || textAfterNumber(s, h) >= 0) return null;
  return s.slice(h.wordStart, h.numberEnd) + gluedText(s, h.numberEnd, h.end);
}

/** The text after a heading's number at `from` up to the end of the word glued to it: `.1` of `Vraag 2.1 Wat …`. */
function gluedText(s: string, from: number, end: number): string {
  let k = skipSpaces(s, from);
  while (k < end && !isSpace(s.charCodeAt(k))) k++;
  return s.slice(from, k);
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
      const q = blocks.question(i);
      const fix = number !== null ? headingFix(doc, i) : undefined;
      const glued = number !== null ? subNumber(blocks.lines.line(q.headingRange.start.line)) : null;
      out.push(diagnostic('malformed-heading', q.headingRange, number === null
        ? msg('A question heading without a number: write `• Vraag N`.', 'Een vraagkop zonder nummer: schrijf `• Vraag N`.')
        : glued !== null
          ? msg(`'${glued}' is read as question ${number}: questions are numbered 1, 2, 3 … without sub-numbers or letters. Write '• Vraag N' with the text on the next line.`,
            `'${glued}' wordt gelezen als vraag ${number}: vragen zijn genummerd 1, 2, 3 … zonder subnummers of letters. Schrijf '• Vraag N' met de tekst op de volgende regel.`)
          : msg(`Write the heading as '• Vraag ${number}' (bullet •, 'Vraag' with a capital, one space).`,
            `Schrijf de vraagkop als '• Vraag ${number}' (opsommingsteken •, 'Vraag' met hoofdletter, één spatie).`), [], fix));
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
