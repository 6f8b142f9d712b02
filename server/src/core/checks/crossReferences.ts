/**
 * The check that needs other documents: "vraag 14 van het lid … (2024Z16988)" where Kamervraag 2024Z16988
 * is known and has no question 14. Pure like every check: the caller says what it knows of other
 * Kamervragen (the language server: its workspace index), and a zaaknummer it does not know is no
 * problem — most Kamervragen a text names are not in anyone's folder.
 */
import { crossReferences } from '../crossReferences';
import { diagnostic, type KvDiagnostic, type RelatedLocation } from '../diagnostic';
import type { KamervraagDocument, Range } from '../model';
import { msg } from './messages';
import { describeNumbers } from './references';

/** What the check needs to know of another Kamervraag. */
export interface OtherKamervraag {
  /** Where it is, for the related location (the language server's URI). */
  readonly uri: string;
  /** Its header line. */
  readonly range: Range;
  /** The numbers of its questions. */
  readonly questions: readonly number[];
}

/** What the check keeps of the documents with one zaaknummer: every question number any of them has, the first's in words. */
interface Known {
  readonly questions: ReadonlySet<number>;
  readonly has: string | null;
  readonly related: readonly RelatedLocation[];
}

function knownAs(z: string, documents: readonly OtherKamervraag[]): Known | null {
  const first = documents[0];
  if (!first) return null;
  const questions = new Set<number>();
  for (const d of documents) for (const n of d.questions) questions.add(n);
  return {
    questions,
    has: first.questions.length === 0 ? null : describeNumbers(first.questions),
    related: [{ uri: first.uri, range: first.range, message: msg(`Kamervraag ${z}`, `Kamervraag ${z}`) }],
  };
}

/**
 * `cross-reference-unknown-question` for each question of another Kamervraag that `others` knows and
 * that has no question of that number; `others(zaaknummer)` gives every known document with that
 * zaaknummer (copies of one Kamervraag in two folders: a question any of them has is fine).
 */
export function checkCrossReferences(
  doc: KamervraagDocument,
  lineText: (line: number) => string,
  others: (zaaknummer: string) => readonly OtherKamervraag[],
): KvDiagnostic[] {
  const out: KvDiagnostic[] = [];
  // Each zaaknummer asked for once: a long answer may name one Kamervraag's questions thousands of times.
  const known = new Map<string, Known | null>();
  for (const reference of crossReferences(doc, lineText)) {
    if (reference.question === null) continue;
    const z = reference.zaaknummer;
    let k = known.get(z);
    if (k === undefined) known.set(z, (k = knownAs(z, others(z))));
    if (!k || k.questions.has(reference.question)) continue;
    out.push(diagnostic('cross-reference-unknown-question', reference.range, msg(
      `Kamervraag ${z} has no question ${reference.question} (that document has ${k.has === null ? 'no questions' : `questions ${k.has}`}).`,
      `Kamervraag ${z} heeft geen vraag ${reference.question} (dat document heeft ${k.has === null ? 'geen vragen' : `vragen ${k.has}`}).`,
    ), k.related));
  }
  return out;
}
