/**
 * The document model as plain data (what `kamervraag parse` prints): researchers want Kamervragen
 * as data, so dates are ISO strings, paragraphs joined with newlines, and ranges kept for reference.
 * Ranges are LSP ranges (0-based lines, UTF-16 characters); `line` and `column` beside them are 1-based,
 * as an editor's status bar and `kamervraag check` count. Footnote markers (`aanpakken?1`) are kept out of
 * the question, answer and Mededeling texts and listed as `footnotes` (footnotes.ts).
 */
import { isoDate } from './dates';
import { externalReferencesOf, officialPublicationUrl } from './externals';
import { findFootnotes, withoutFootnotes } from './footnotes';
import type { DutchDate, KamervraagDocument, Range, Span } from './model';

/** Where a thing starts, for a person: 1-based line and column. */
export interface Place {
  line: number;
  column: number;
}

export interface FootnoteJson extends Place {
  /** The marker as written: `1`, or `1, 2` for a list. */
  marker: string;
  /** The footnote numbers it names. */
  numbers: number[];
  /** Which text it stands in. */
  part: 'question' | 'answer' | 'mededeling';
  range: Range;
}

export interface QuestionJson extends Place {
  number: number | null;
  /** The question without footnote markers. */
  question: string;
  /** null when the question has no answer; without footnote markers. */
  answer: string | null;
  /** The question numbers this question's text and answer refer to, in order of mention. */
  references: number[];
  /** The footnote markers taken out of `question` and `answer`. */
  footnotes: FootnoteJson[];
  range: Range;
}

export interface DocumentJson {
  zaaknummer: string | null;
  title: string | null;
  metadata: {
    ingediend: string | null;
    beantwoord: string | null;
    dagen: number | null;
    indieners: Array<{ name: string; party: string | null }>;
    beantwoordDoor: { name: string; role: string | null; party: string | null } | null;
    onderwerpen: string[];
    bronVraag: string | null;
    bronAntwoord: string | null;
  };
  questions: QuestionJson[];
  mededelingen: Array<Place & { date: string | null; text: string; footnotes: FootnoteJson[]; range: Range }>;
  footer: { kamervraagNummer: string | null; kamerantwoordNummer: string | null; kamervraagTitel: string | null; kamerantwoordTitel: string | null } | null;
  /** References to other documents; the document's own zaaknummer is none. `url`: a Kamerstuk's or Aanhangsel's publication. */
  externalReferences: Array<Place & { kind: string; text: string; url: string | null; range: Range }>;
}

/** The 1-based line and column where `range` starts. */
export function placeOf(range: Range): Place {
  return { line: range.start.line + 1, column: range.start.character + 1 };
}

const date = (d: DutchDate | null | undefined) => (d ? isoDate(d) : null);

/** The lines of a text joined with newlines, each without its footnote markers; the markers go to `footnotes`. */
function textOf(spans: readonly Span[], part: FootnoteJson['part'], footnotes: FootnoteJson[]): string {
  return spans.map((s) => {
    const markers = findFootnotes(s.text);
    const { line, character } = s.range.start;
    for (const m of markers) {
      const range = { start: { line, character: character + m.start }, end: { line, character: character + m.end } };
      footnotes.push({ marker: m.marker, numbers: [...m.numbers], part, range, ...placeOf(range) });
    }
    return withoutFootnotes(s.text, markers);
  }).join('\n');
}

export function toJson(doc: KamervraagDocument): DocumentJson {
  const md = doc.metadata;
  return {
    zaaknummer: doc.header?.zaaknummer?.text ?? null,
    title: doc.title?.text ?? null,
    metadata: {
      ingediend: date(md.ingediend?.date),
      beantwoord: date(md.beantwoord?.date),
      dagen: md.beantwoord?.days ?? null,
      indieners: md.indieners?.members.map((m) => ({ name: m.name.text, party: m.party?.text ?? null })) ?? [],
      beantwoordDoor: md.beantwoordDoor
        ? { name: md.beantwoordDoor.name.text, role: md.beantwoordDoor.role?.text ?? null, party: md.beantwoordDoor.party?.text ?? null }
        : null,
      onderwerpen: md.onderwerpen?.topics.map((t) => t.text) ?? [],
      bronVraag: md.bronVraag?.url.text ?? null,
      bronAntwoord: md.bronAntwoord?.url.text ?? null,
    },
    questions: doc.questions.map((q) => {
      const footnotes: FootnoteJson[] = [];
      const question = textOf(q.question, 'question', footnotes);
      const answer = q.answer.length > 0 ? textOf(q.answer, 'answer', footnotes) : null;
      return { number: q.number, question, answer, references: q.references.flatMap((r) => r.numbers), footnotes, range: q.range, ...placeOf(q.range) };
    }),
    mededelingen: doc.mededelingen.map((m) => {
      const footnotes: FootnoteJson[] = [];
      const text = textOf(m.paragraphs, 'mededeling', footnotes);
      return { date: date(m.date), text, footnotes, range: m.range, ...placeOf(m.range) };
    }),
    footer: doc.footer
      ? {
          kamervraagNummer: doc.footer.kamervraagNummer?.value.text ?? null,
          kamerantwoordNummer: doc.footer.kamerantwoordNummer?.value.text ?? null,
          kamervraagTitel: doc.footer.kamervraagTitel?.value.text ?? null,
          kamerantwoordTitel: doc.footer.kamerantwoordTitel?.value.text ?? null,
        }
      : null,
    externalReferences: externalReferencesOf(doc).map((e) => ({ kind: e.kind, text: e.text, url: officialPublicationUrl(e), range: e.range, ...placeOf(e.range) })),
  };
}
