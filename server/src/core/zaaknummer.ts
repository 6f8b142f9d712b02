/**
 * Where a document names its own zaaknummer: the header, and wherever `Bron vraag`, the footer's
 * `Kamervraag document nummer` (`kv-tk-…`) and the text (a Mededeling's "(2024Z16988)") write the same
 * zaaknummer. These are the places a new zaaknummer changes together (rename) and that are shown
 * together (highlights, references); a place that writes another zaaknummer is no part of it (the check
 * `zaaknummer-mismatch` names it).
 */
import { footerId } from './checks/numbers';
import { lineRange } from './lines';
import type { KamervraagDocument, Position, Range } from './model';
import { ZAAKNUMMER } from './parse';
import { comparePositions, touches } from './ranges';

export interface OwnZaaknummer {
  /** As the header writes it (`2014Z19222`). */
  readonly zaaknummer: string;
  /** The header's first, then the others in document order; each exactly the zaaknummer's characters. */
  readonly places: readonly Range[];
}

/** The `length` characters `skip` after the start of one-line `range`. */
const within = (range: Range, skip: number, length: number): Range =>
  lineRange(range.start.line, range.start.character + skip, range.start.character + skip + length);

/** The document's own zaaknummer and every place that writes it; null without a well-formed one in the header. */
export function ownZaaknummer(doc: KamervraagDocument): OwnZaaknummer | null {
  const header = doc.header?.zaaknummer;
  if (!header || !ZAAKNUMMER.test(header.text)) return null;
  const z = header.text;
  const id = `kv-tk-${z}`;
  const others: Range[] = [];
  const bron = doc.metadata.bronVraag?.documentId;
  const prefix = id.length - z.length;
  if (bron?.text === id) others.push(within(bron.range, prefix, z.length));
  const footer = doc.footer?.kamervraagNummer;
  const footerDocument = footer ? footerId(footer.value) : null;
  if (footerDocument?.text === id) others.push(within(footerDocument.range, prefix, z.length));
  for (const e of doc.externalReferences) if (e.kind === 'zaaknummer' && e.text === z) others.push(e.range);
  others.sort((a, b) => comparePositions(a.start, b.start));
  return { zaaknummer: z, places: [header.range, ...others] };
}

/** The document's own zaaknummer when `pos` stands on (or right after) one of its places, with that place. */
export function ownZaaknummerAt(doc: KamervraagDocument, pos: Position): (OwnZaaknummer & { readonly at: Range }) | null {
  const own = ownZaaknummer(doc);
  const at = own?.places.find((r) => touches(r, pos));
  return own && at ? { ...own, at } : null;
}
