/**
 * The Kamervraag as a reader sees it, for the editor's preview (client/src/preview.ts): the title, the
 * metadata as written, and in document order each question, its answer and each Mededeling, every
 * paragraph with the source line it stands on (the preview scrolls with the editor, and a double click
 * goes back to the text). A number in a reference to a question of the document is a link: to that
 * question's answer when the phrase sends the reader there ("zie antwoord vraag 3"), else to the question.
 * A footnote marker glued to the text (`aanpakken?1`; the footnotes' texts are not in the document) is marked,
 * for the page to set it as a reader expects it. The words are the document's, trimmed of the format's spaces;
 * nothing is added but the `Antwoord N` heading the format leaves implicit. Plain data, no markup: the client
 * escapes and lays it out.
 */
import type { QuestionGraph } from './graph';
import { findFootnotes } from './footnotes';
import { skipSpaces, trimSpaces } from './lines';
import type { KamervraagDocument, Reference, Span } from './model';

/** A reference's number in a paragraph, `text.slice(start, end)`: a link to question `question`, or to its answer. */
export interface PreviewLink {
  readonly start: number;
  readonly end: number;
  /** The question's index in `doc.blocks` (0 for the first block): the preview's anchors are by index, so a duplicate number still has one target. */
  readonly question: number;
  readonly to: 'question' | 'answer';
}

/** A footnote marker glued to a paragraph's text (`aanpakken?1`, footnotes.ts), `text.slice(start, end)`: `1`, `1, 2`. */
export interface PreviewFootnote {
  readonly start: number;
  readonly end: number;
}

export interface PreviewParagraph {
  readonly text: string;
  /** The source line (0-based). */
  readonly line: number;
  readonly links: readonly PreviewLink[];
  /** The footnote markers of a question's, an answer's or a Mededeling's paragraph (none in the title), in order; none overlaps a link. */
  readonly footnotes: readonly PreviewFootnote[];
}

export interface PreviewField {
  readonly key: string;
  readonly value: string;
  readonly line: number;
}

export interface PreviewBlock {
  readonly kind: 'question' | 'answer' | 'mededeling';
  /** `Vraag 3`, `Antwoord 3` (the question's number as its heading has it), or the Mededeling's heading as written. */
  readonly heading: string;
  /** For a question and its answer: the question's index in `doc.blocks`. */
  readonly question: number | null;
  /** Where the block starts in the source: the heading's line, an answer's first line (not answered: the line after the question). */
  readonly line: number;
  /** Empty for an answer not yet written (and a question without text). */
  readonly paragraphs: readonly PreviewParagraph[];
}

export interface Preview {
  readonly zaaknummer: string | null;
  readonly title: PreviewParagraph | null;
  readonly metadata: readonly PreviewField[];
  readonly blocks: readonly PreviewBlock[];
  readonly questions: number;
  /** Questions whose answer is not written yet. */
  readonly unanswered: number;
}

export function preview(doc: KamervraagDocument, graph: QuestionGraph): Preview {
  const blocks: PreviewBlock[] = [];
  let unanswered = 0;
  const questions = doc.questions;
  // Mededelingen go between the questions where they stand.
  const mededelingen = [...doc.mededelingen].sort((a, b) => a.range.start.line - b.range.start.line);
  let m = 0;
  const mededelingenBefore = (line: number) => {
    for (; m < mededelingen.length && mededelingen[m]!.range.start.line < line; m++) {
      const med = mededelingen[m]!;
      const references = byLine(med.references);
      blocks.push({
        kind: 'mededeling',
        heading: trimSpaces(med.heading.text),
        question: null,
        line: med.range.start.line,
        paragraphs: med.paragraphs.map((p) => paragraph(p, references, graph)),
      });
    }
  };
  questions.forEach((q, i) => {
    mededelingenBefore(q.range.start.line);
    const references = byLine(q.references);
    // `Vraag 3` however the heading was written (`- vraag 3`); a heading without a number keeps none.
    const label = q.number !== null ? ` ${q.number}` : '';
    blocks.push({
      kind: 'question',
      heading: `Vraag${label}`,
      question: i,
      line: q.heading.range.start.line,
      paragraphs: q.question.map((p) => paragraph(p, references, graph)),
    });
    if (!q.hasAnswer) unanswered++;
    blocks.push({
      kind: 'answer',
      heading: `Antwoord${label}`,
      question: i,
      // Not answered: the line after the question, where its answer goes (so the lines only go up: the
      // preview finds an element by its line).
      line: q.answerRange?.start.line ?? q.range.end.line + 1,
      paragraphs: q.answer.map((p) => paragraph(p, references, graph)),
    });
  });
  mededelingenBefore(Number.POSITIVE_INFINITY);
  const title = doc.title && trimSpaces(doc.title.text) !== '' ? paragraph(doc.title, new Map(), graph, false) : null;
  return {
    zaaknummer: doc.header?.zaaknummer?.text ?? null,
    title,
    metadata: doc.metadata.fields.filter((f) => f.known).map((f) => ({ key: f.key, value: f.value, line: f.range.start.line })),
    blocks,
    questions: questions.length,
    unanswered,
  };
}

/** The references of a block by the line they start on. */
function byLine(references: readonly Reference[]): ReadonlyMap<number, Reference[]> {
  const out = new Map<number, Reference[]>();
  for (const r of references) {
    const line = r.range.start.line;
    const list = out.get(line);
    if (list) list.push(r);
    else out.set(line, [r]);
  }
  return out;
}

/**
 * A paragraph's text without its indentation, with the links of the references on its line and, where it
 * has them (`withFootnotes`: a question's, an answer's or a Mededeling's, not the title), its footnote markers.
 */
function paragraph(span: Span, references: ReadonlyMap<number, readonly Reference[]>, graph: QuestionGraph, withFootnotes = true): PreviewParagraph {
  const line = span.range.start.line;
  const from = span.range.start.character;
  // The parser's spans are trimmed already; trimmed again as the format trims (never JavaScript's `trim`,
  // which takes other characters for spaces than the parser does).
  const raw = span.text;
  const lead = skipSpaces(raw);
  const text = trimSpaces(raw);
  const offset = from + lead;
  const links: PreviewLink[] = [];
  for (const reference of references.get(line) ?? []) {
    for (const target of reference.targets) {
      if (target.implied || target.range.start.line !== line) continue;
      const question = graph.indexOf(target.number);
      const start = target.range.start.character - offset;
      const end = target.range.end.character - offset;
      if (question < 0 || start < 0 || end > text.length) continue;
      links.push({ start, end, question, to: reference.delegates ? 'answer' : 'question' });
    }
  }
  links.sort((a, b) => a.start - b.start);
  // (A marker only follows closing punctuation or a year, a link's number a word: they do not meet, but a
  // marker that overlapped a link would be left out.)
  const footnotes = !withFootnotes ? [] : findFootnotes(text)
    .filter((f) => !links.some((l) => l.start < f.end && f.start < l.end))
    .map(({ start, end }) => ({ start, end }));
  return { text, line, links, footnotes };
}
