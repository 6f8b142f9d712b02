/**
 * The document model as plain data (what `kamervraag parse` prints): researchers want Kamervragen
 * as data, so dates are ISO strings, paragraphs joined with newlines, and ranges kept for reference.
 */
import { isoDate } from './dates';
import type { DutchDate, KamervraagDocument, Range, Span } from './model';

export interface QuestionJson {
  number: number | null;
  question: string;
  /** null when the question has no answer. */
  answer: string | null;
  /** The question numbers this question's text and answer refer to, in order of mention. */
  references: number[];
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
  mededelingen: Array<{ date: string | null; text: string; range: Range }>;
  footer: { kamervraagNummer: string | null; kamerantwoordNummer: string | null; kamervraagTitel: string | null; kamerantwoordTitel: string | null } | null;
  externalReferences: Array<{ kind: string; text: string; range: Range }>;
}

const join = (spans: readonly Span[]) => spans.map((s) => s.text).join('\n');
const date = (d: DutchDate | null | undefined) => (d ? isoDate(d) : null);

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
    questions: doc.questions.map((q) => ({
      number: q.number,
      question: join(q.question),
      answer: q.answer.length > 0 ? join(q.answer) : null,
      references: q.references.flatMap((r) => r.numbers),
      range: q.range,
    })),
    mededelingen: doc.mededelingen.map((m) => ({ date: date(m.date), text: join(m.paragraphs), range: m.range })),
    footer: doc.footer
      ? {
          kamervraagNummer: doc.footer.kamervraagNummer?.value.text ?? null,
          kamerantwoordNummer: doc.footer.kamerantwoordNummer?.value.text ?? null,
          kamervraagTitel: doc.footer.kamervraagTitel?.value.text ?? null,
          kamerantwoordTitel: doc.footer.kamerantwoordTitel?.value.text ?? null,
        }
      : null,
    externalReferences: doc.externalReferences.map((e) => ({ kind: e.kind, text: e.text, range: e.range })),
  };
}
