/** The header line `Kamervraag <zaaknummer>` and the title. */
import { diagnostic, replaceFix, type Fix, type KvDiagnostic } from '../diagnostic';
import type { KamervraagDocument } from '../model';
import { readHeading } from '../headings';
import { readMetadataKey } from '../metadata';
import { parse, readFooterKey, ZAAKNUMMER } from '../parse';
import { dominantLineEnd, isBlank, lineRange, trimSpaces } from '../lines';
import { footerId } from './numbers';
import { DOCUMENT_START, msg } from './messages';

/** A line that holds what reads like a header (`Kamervraag 2024Z…`, in any case, even after stray characters): where one stands, no second is written. */
const HEADER_LIKE = /kamervraag\s+\d/i;
/** The zaaknummer of a `kv-tk-…` id (four digits, Z, five digits: no other is matched). */
const KV_TK = /kv-tk-(\d{4}Z\d{5})(?![\dA-Za-z])/;

/** Whether a header-like line stands above the first question (or the footer): a header out of place, not a lost one. */
function headerLower(doc: KamervraagDocument): boolean {
  const lines = doc.blocks.lines;
  const end = Math.min(lines.count, doc.questions[0]?.headingRange.start.line ?? lines.count, doc.footer?.range.start.line ?? lines.count);
  for (let l = 0; l < end; l++) if (HEADER_LIKE.test(lines.line(l))) return true;
  return false;
}

/**
 * The zaaknummer the document gives elsewhere — `Bron vraag`'s `kv-tk-…` and the footer's Kamervraag
 * document nummer, one of them or both alike — or null.
 */
function zaaknummerElsewhere(doc: KamervraagDocument): string | null {
  // Every Bron vraag line (a second one is a duplicate, but it names a zaaknummer too) and the footer's.
  const values = doc.metadata.fields.filter((f) => f.key === 'Bron vraag').map((f) => f.value);
  const footer = doc.footer?.kamervraagNummer;
  if (footer) values.push(footerId(footer.value)?.text ?? footer.value.text);
  // The ids written there must agree (a value without one says nothing).
  const ids = values.map((v) => KV_TK.exec(v)?.[1]).filter((id): id is string => id !== undefined);
  const z = ids[0];
  return z !== undefined && ids.every((other) => other === z) ? z : null;
}

/** The fix of a missing header: `Kamervraag <zaaknummer>` and a blank line above the text, when the zaaknummer is known. */
function headerFix(doc: KamervraagDocument): Fix | undefined {
  const lines = doc.blocks.lines;
  const z = zaaknummerElsewhere(doc);
  if (!z) return undefined;
  if (headerLower(doc)) return undefined;
  // A text that starts with its footer line, the questions pasted after it, is no text that lost its header.
  const firstQuestion = doc.questions[0]?.headingRange.start.line;
  if (doc.footer && (firstQuestion === undefined || doc.footer.range.start.line < firstQuestion)) return undefined;
  const eol = dominantLineEnd(lines);
  const from = lines.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const header = `Kamervraag ${z}`;
  const firstBlank = isBlank(lines.line(0).slice(from));
  const newText = header + eol + (firstBlank ? '' : eol);
  // Under a header the lines below must read as they did: a footer line first behind a byte order mark,
  // the questions after it, would be footer to its end (found by fuzzing). Rare enough to parse again.
  if (!readsTheSame(doc, parse(lines.text.slice(0, from) + newText + lines.text.slice(from)))) return undefined;
  return replaceFix(msg(`Write the header '${header}'`, `Schrijf de kopregel '${header}'`), lineRange(0, from, from), newText);
}

/**
 * Whether `after` has the questions of `doc`, each with its answer, and its references (where they stand,
 * what they name), read from the rows of both parses without making their objects.
 */
function readsTheSame(doc: KamervraagDocument, after: KamervraagDocument): boolean {
  const a = doc.blocks;
  const b = after.blocks;
  if (a.questionCount !== b.questionCount || a.referenceCount !== b.referenceCount || doc.mededelingen.length !== after.mededelingen.length) return false;
  for (let i = 0; i < a.questionCount; i++) if (a.number(i) !== b.number(i) || a.hasAnswer(i) !== b.hasAnswer(i)) return false;
  for (let r = 0; r < a.referenceCount; r++) {
    if (a.fromQuestion(r) !== b.fromQuestion(r) || a.targetCount(r) !== b.targetCount(r)) return false;
    for (let k = 0; k < a.targetCount(r); k++) if (a.targetNumber(r, k) !== b.targetNumber(r, k)) return false;
  }
  return true;
}

/**
 * The fix of a missing title: the footer's Volledige titel on the third line, after the header and a blank
 * line, with a blank line after it; none without that title, or when the header stands alone.
 */
function titleFix(doc: KamervraagDocument): Fix | undefined {
  const footerTitle = doc.footer?.kamervraagTitel?.value.text;
  const title = footerTitle === undefined ? undefined : trimSpaces(footerTitle);
  const header = doc.header;
  // A "title" that would read as a metadata line, a heading or a footer line is none.
  if (!title || !header || readMetadataKey(title) !== null || readHeading(title) !== null || readFooterKey(title) !== null || HEADER_LIKE.test(title)) return undefined;
  const lines = doc.blocks.lines;
  const h = header.range.start.line;
  let next = h + 1;
  while (next < lines.count && isBlank(lines.line(next))) next++;
  if (next >= lines.count) return undefined;
  const eol = dominantLineEnd(lines);
  const name = msg(`Write the title '${title}' of the footer`, `Schrijf de titel '${title}' uit de voettekst`);
  // Right under the header: a blank line, the title, a blank line before what follows; else after the first
  // blank line, with a blank line after it unless one is there already.
  const [line, newText] = next === h + 1 ? [next, eol + title + eol + eol] : [h + 2, title + eol + (next === h + 2 ? eol : '')];
  const at = lines.start(line);
  const after = parse(lines.text.slice(0, at) + newText + lines.text.slice(at));
  // The title read where it was written, and the rest as it was.
  if (after.title === null || trimSpaces(after.title.text) !== title || !readsTheSame(doc, after)) return undefined;
  return replaceFix(name, lineRange(line, 0, 0), newText);
}

export function checkHeaderAndTitle(doc: KamervraagDocument, out: KvDiagnostic[]): void {
  const h = doc.header;
  if (!h) {
    out.push(diagnostic('header-missing', DOCUMENT_START, msg(
      'The first line must be the header `Kamervraag <zaaknummer>`.',
      'De eerste regel moet de kopregel `Kamervraag <zaaknummer>` zijn.',
    ), [], headerFix(doc)));
  } else if (!h.zaaknummer) {
    out.push(diagnostic('header-malformed', h.range, msg(
      'The header has no zaaknummer: write `Kamervraag 2014Z19222`.',
      'De kopregel heeft geen zaaknummer: schrijf `Kamervraag 2014Z19222`.',
    )));
  } else {
    if (!ZAAKNUMMER.test(h.zaaknummer.text)) {
      out.push(diagnostic('zaaknummer-malformed', h.zaaknummer.range, msg(
        `'${h.zaaknummer.text}' is not a zaaknummer: four digits, Z, five digits (2014Z19222).`,
        `'${h.zaaknummer.text}' is geen zaaknummer: vier cijfers, Z, vijf cijfers (2014Z19222).`,
      )));
    } else if (!h.wellFormed) {
      // The fix rewrites the line from its start (after a BOM) to the zaaknummer: only spaces and case change.
      const proper = `Kamervraag ${h.zaaknummer.text}`;
      const from = doc.blocks.lines.text.charCodeAt(0) === 0xfeff ? 1 : 0;
      out.push(diagnostic('header-malformed', h.range, msg(
        'Write the header as `Kamervraag <zaaknummer>`, with one space.',
        'Schrijf de kopregel als `Kamervraag <zaaknummer>`, met één spatie.',
      ), [], replaceFix(msg(`Write '${proper}'`, `Schrijf '${proper}'`), lineRange(0, from, h.range.end.character), proper)));
    }
  }
  if (!doc.title) {
    const at = doc.header ? lineRange(doc.header.range.start.line, doc.header.range.start.character, doc.header.range.end.character) : DOCUMENT_START;
    out.push(diagnostic('title-missing', at, msg(
      'The document has no title: put it on the third line, after a blank line.',
      'Het document heeft geen titel: zet die op de derde regel, na een lege regel.',
    ), [], h ? titleFix(doc) : undefined));
  }
}
