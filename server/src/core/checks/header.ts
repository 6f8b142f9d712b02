/** The header line `Kamervraag <zaaknummer>` and the title. */
import { diagnostic, replaceFix, type KvDiagnostic } from '../diagnostic';
import type { KamervraagDocument } from '../model';
import { ZAAKNUMMER } from '../parse';
import { lineRange } from '../lines';
import { DOCUMENT_START, msg } from './messages';

export function checkHeaderAndTitle(doc: KamervraagDocument, out: KvDiagnostic[]): void {
  const h = doc.header;
  if (!h) {
    out.push(diagnostic('header-missing', DOCUMENT_START, msg(
      'The first line must be the header `Kamervraag <zaaknummer>`.',
      'De eerste regel moet de kop `Kamervraag <zaaknummer>` zijn.',
    )));
  } else if (!h.zaaknummer) {
    out.push(diagnostic('header-malformed', h.range, msg(
      'The header has no zaaknummer: write `Kamervraag 2014Z19222`.',
      'De kop heeft geen zaaknummer: schrijf `Kamervraag 2014Z19222`.',
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
        'Schrijf de kop als `Kamervraag <zaaknummer>`, met één spatie.',
      ), [], replaceFix(msg(`Write '${proper}'`, `Schrijf '${proper}'`), lineRange(0, from, h.range.end.character), proper)));
    }
  }
  if (!doc.title) {
    const at = doc.header ? lineRange(doc.header.range.start.line, doc.header.range.start.character, doc.header.range.end.character) : DOCUMENT_START;
    out.push(diagnostic('title-missing', at, msg(
      'The document has no title: put it on the third line, after a blank line.',
      'Het document heeft geen titel: zet die op de derde regel, na een lege regel.',
    )));
  }
}
