/**
 * Starting the answer to a Kamervraag (*Beantwoording starten*): the document that holds only the
 * questions gets, in one edit, what an answered document has and the author would otherwise add a quick
 * fix at a time — `Beantwoord` dated today with its `(na N dagen)`, the keys `Beantwoord door` and `Bron
 * antwoord` at their place in the metadata (their values are the author's to write), and under every
 * question a blank line and an empty answer line (the fix of `missing-answer`), the cursor on the first.
 * Only inserts: no character of the document changes or moves.
 */
import type { Analysis } from './analysis';
import { answerFix, metadataOrder, missingFieldFix } from './checks/fixes';
import { beantwoordValue } from './dates';
import type { FixEdit } from './diagnostic';
import type { DutchDate } from './model';
import { comparePositions } from './ranges';

/** The keys an answered document has and a document with only its questions lacks, in the format's order. */
const ANSWER_KEYS = ['Beantwoord', 'Beantwoord door', 'Bron antwoord'] as const;

/**
 * The edits that start the answer (sorted, none overlapping; one has the cursor), or null when there is
 * nothing to start: the document is answered already (a `Beantwoord` line or any answer) or has no
 * questions.
 */
export function startAnswering(analysis: Analysis, today: DutchDate): FixEdit[] | null {
  const doc = analysis.document;
  const blocks = doc.blocks;
  if (analysis.graph.answered || blocks.questionCount === 0) return null;
  const present = new Set(doc.metadata.fields.map((f) => f.key));
  const keyed: Array<{ edit: FixEdit; order: number }> = [];
  for (const key of ANSWER_KEYS) {
    if (present.has(key)) continue;
    const fix = missingFieldFix(doc, key);
    const edit = fix?.edits[0];
    if (!edit) continue;
    const value = key === 'Beantwoord' ? beantwoordValue(doc.metadata.ingediend?.date ?? null, today) : '';
    // The fix writes `⏎Key ` after a line, or `Key ⏎` before the first: the value goes after `Key `.
    const at = edit.newText.indexOf(`${key} `) + key.length + 1;
    keyed.push({ edit: { range: edit.range, newText: edit.newText.slice(0, at) + value + edit.newText.slice(at) }, order: metadataOrder(key) });
  }
  // Two keys placed by the same field are one insertion, in the format's order.
  keyed.sort((a, b) => comparePositions(a.edit.range.start, b.edit.range.start) || a.order - b.order);
  const edits: FixEdit[] = [];
  for (const { edit } of keyed) {
    const last = edits[edits.length - 1];
    if (last && comparePositions(last.range.start, edit.range.start) === 0) edits[edits.length - 1] = { range: last.range, newText: last.newText + edit.newText };
    else edits.push(edit);
  }
  let cursor = false;
  for (let i = 0; i < blocks.questionCount; i++) {
    const edit = answerFix(doc, i)?.edits[0];
    if (!edit) continue;
    // The cursor on the first answer line only.
    edits.push(cursor || edit.cursor === undefined ? { range: edit.range, newText: edit.newText } : edit);
    cursor ||= edit.cursor !== undefined;
  }
  return edits.length > 0 ? edits.sort((a, b) => comparePositions(a.range.start, b.range.start)) : null;
}
