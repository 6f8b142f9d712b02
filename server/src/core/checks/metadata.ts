/** The metadata block: known keys, their order, duplicates, required fields and malformed values. */
import { diagnostic, replaceFix, type Fix, type KvDiagnostic } from '../diagnostic';
import type { KamervraagDocument, MetadataField } from '../model';
import { METADATA_KEYS } from '../metadata';
import type { QuestionGraph } from '../graph';
import { DOCUMENT_START, msg, rel } from './messages';
import { metadataOrder as orderOf, metadataOrderFix, missingFieldFix } from './fixes';

const REQUIRED_ALWAYS = ['Ingediend', 'Indiener', 'Onderwerpen', 'Bron vraag'] as const;
const REQUIRED_WHEN_ANSWERED = ['Beantwoord', 'Beantwoord door', 'Bron antwoord'] as const;

export function checkMetadata(doc: KamervraagDocument, graph: QuestionGraph, out: KvDiagnostic[]): void {
  const md = doc.metadata;
  const seen = new Map<string, MetadataField>();
  let furthest: MetadataField | null = null;
  // What an unknown key is taken for (`INGEDIEND`): its own fix, so no second line of that key is offered.
  const meant = new Set<string>();
  let orderFix: Fix | undefined | null = null;
  for (const f of md.fields) {
    if (!f.known) {
      const proper = METADATA_KEYS.find((k) => k.toLowerCase() === f.key.toLowerCase()
        || k.toLowerCase().replace(' ', '') === f.key.toLowerCase());
      out.push(diagnostic('metadata-unknown-key', f.keyRange, msg(
        proper ? `Unknown metadata key '${f.key}': did you mean '${proper}'?` : `Unknown metadata key '${f.key}'. Known keys: ${METADATA_KEYS.join(', ')}.`,
        proper ? `Onbekend metadataveld '${f.key}': bedoelt u '${proper}'?` : `Onbekend metadataveld '${f.key}'. Bekende velden: ${METADATA_KEYS.join(', ')}.`,
      ), [], proper ? replaceFix(msg(`Change to '${proper}'`, `Wijzig in '${proper}'`), f.keyRange, proper) : undefined));
      if (proper) meant.add(proper === 'Indieners' ? 'Indiener' : proper);
      continue;
    }
    const family = f.key === 'Indieners' ? 'Indiener' : f.key;
    const twin = seen.get(family);
    if (twin) {
      out.push(diagnostic('metadata-duplicate-field', f.keyRange, msg(
        `'${f.key}' occurs twice.`, `'${f.key}' staat er twee keer.`,
      ), [rel(twin.keyRange, 'First occurrence', 'Eerste keer')]));
      continue;
    }
    seen.set(family, f);
    if (furthest && orderOf(f.key) < orderOf(furthest.key)) {
      out.push(diagnostic('metadata-order', f.keyRange, msg(
        `'${f.key}' belongs before '${furthest.key}' (order: ${METADATA_KEYS.filter((k) => k !== 'Indieners').join(', ')}).`,
        `'${f.key}' hoort vóór '${furthest.key}' (volgorde: ${METADATA_KEYS.filter((k) => k !== 'Indieners').join(', ')}).`,
      ), [rel(furthest.keyRange, `'${furthest.key}' stands here`, `'${furthest.key}' staat hier`)], orderFix ??= metadataOrderFix(doc)));
    } else {
      furthest = f;
    }
    if (f.value === '' && f.key !== 'Onderwerpen') {
      out.push(diagnostic('metadata-malformed-value', f.keyRange, msg(`'${f.key}' has no value.`, `'${f.key}' heeft geen waarde.`)));
    }
  }
  // On the first metadata line: the block where the field belongs.
  const missingAt = md.fields[0]?.range ?? doc.title?.range ?? doc.header?.range ?? DOCUMENT_START;
  const required: string[] = [...REQUIRED_ALWAYS];
  const answered = graph.answered || md.bronAntwoord !== null || md.beantwoordDoor !== null;
  if (answered) required.push(...REQUIRED_WHEN_ANSWERED);
  for (const key of required) {
    if (!seen.has(key)) {
      out.push(diagnostic('metadata-missing-field', missingAt, msg(
        answered && (REQUIRED_WHEN_ANSWERED as readonly string[]).includes(key)
          ? `The document is answered but has no '${key}' line.` : `The metadata has no '${key}' line.`,
        answered && (REQUIRED_WHEN_ANSWERED as readonly string[]).includes(key)
          ? `Het document is beantwoord maar heeft geen regel '${key}'.` : `De metadata heeft geen regel '${key}'.`,
      ), [], meant.has(key) ? undefined : missingFieldFix(doc, key)));
    }
  }
  const ind = md.indieners;
  if (ind && ind.members.length > 0) {
    const n = ind.members.length;
    if (ind.plural !== (n > 1)) {
      const proper = n > 1 ? 'Indieners' : 'Indiener';
      out.push(diagnostic('indieners-count', ind.field.keyRange, msg(
        `'${ind.field.key}' with ${n} member${n > 1 ? 's' : ''}: write '${proper}'.`,
        `'${ind.field.key}' met ${n} ${n > 1 ? 'leden' : 'lid'}: schrijf '${proper}'.`,
      ), [], replaceFix(msg(`Change to '${proper}'`, `Wijzig in '${proper}'`), ind.field.keyRange, proper)));
    }
    for (const m of ind.members) {
      if (m.name.text === '') {
        out.push(diagnostic('metadata-malformed-value', m.range, msg('A member without a name.', 'Een lid zonder naam.')));
      }
    }
  }
  for (const src of [md.bronVraag, md.bronAntwoord]) {
    if (src && src.field.value !== '' && !src.documentId) {
      const expected = src === md.bronVraag ? 'kv-tk-<zaaknummer>' : 'ah-tk-<vergaderjaar>-<nr>';
      out.push(diagnostic('metadata-malformed-value', src.url.range, msg(
        `'${src.field.key}' should link to the document ${expected}.`,
        `'${src.field.key}' hoort te verwijzen naar het document ${expected}.`,
      )));
    }
  }
  const b = md.beantwoord;
  if (b && b.days === null && b.field.value !== '') {
    out.push(diagnostic('metadata-malformed-value', b.field.valueRange, msg(
      "'Beantwoord' should end with the days since Ingediend: '(na N dagen)'.",
      "'Beantwoord' hoort te eindigen op het aantal dagen sinds Ingediend: '(na N dagen)'.",
    )));
  }
}
