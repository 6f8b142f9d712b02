/**
 * A text that is no Kamervraag at all (a README opened as `.kvr`, `kamervraag check notes.md`): one
 * diagnostic at its first line of text, instead of a missing header, four missing metadata fields and a
 * `stray-text` warning for every line.
 *
 * The rule, so that a Kamervraag written slightly wrong keeps its detailed diagnostics (and their fixes):
 * nothing of the format is there. No header line (`Kamervraag` first on the first line, in any case and
 * spacing: `header-malformed` and its fix stay), no metadata field, no question heading (a malformed one
 * counts), no Mededeling, no footer line; and the first line of text does not start with `Kamervraag` or
 * hold a zaaknummer (`Kamervraag2024Z12345`, `2024Z12345` alone: a header written wrong, reported as
 * `header-missing` with the rest). An empty text keeps `header-missing`: it is a Kamervraag not yet written.
 */
import { diagnostic, type KvDiagnostic } from '../diagnostic';
import { isBlank, lineRange, skipSpaces, trimEnd } from '../lines';
import type { KamervraagDocument } from '../model';
import { msg } from './messages';

/** How much of the first line the message quotes. */
const QUOTE_CHARS = 60;

/** A first line that tries to be the header: `Kamervraag` first, or a zaaknummer anywhere. */
const HEADER_ATTEMPT = /^kamervraag|\d{4}\s*Z\s*\d{5}/i;

/** The one diagnostic of a text that is no Kamervraag, or null when it is one (however faulty). */
export function notAKamervraag(doc: KamervraagDocument): KvDiagnostic | null {
  if (doc.header || doc.metadata.fields.length > 0 || doc.blocks.questionCount > 0 || doc.mededelingen.length > 0 || doc.footer) {
    return null;
  }
  const lines = doc.blocks.lines;
  let line = 0;
  while (line < lines.count && isBlank(lines.line(line))) line++;
  if (line >= lines.count) return null;
  const s = lines.line(line);
  const start = skipSpaces(s, s.charCodeAt(0) === 0xfeff ? 1 : 0);
  const end = trimEnd(s);
  const text = s.slice(start, end);
  if (HEADER_ATTEMPT.test(text)) return null;
  const quote = text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text;
  const which = line === 0
    ? msg('the first line is', 'de eerste regel is')
    : msg(`the first line of text (line ${line + 1}) is`, `de eerste regel tekst (regel ${line + 1}) is`);
  return diagnostic('not-a-kamervraag', lineRange(line, start, end), msg(
    `Not a Kamervraag: ${which.en} \`${quote}\`, where \`Kamervraag <zaaknummer>\` (such as \`Kamervraag 2024Z12345\`) is expected, and no metadata, question or footer follows.`,
    `Geen Kamervraag: ${which.nl} \`${quote}\`, waar \`Kamervraag <zaaknummer>\` (zoals \`Kamervraag 2024Z12345\`) wordt verwacht, en er volgen geen metadata, vragen of voettekst.`,
  ));
}
