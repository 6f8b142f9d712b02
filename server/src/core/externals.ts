/**
 * References to other documents: zaaknummers (`2024Z16988`), document numbers (`2023D39037`),
 * `Kamerstuk 29 383, nr. 406`, `Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844`; and whether a
 * question mention belongs to such a document ("(2024Z16988, vraag 2)", "vraag 3 van het lid Omtzigt").
 */
import type { ExternalReference, KamervraagDocument } from './model';
import { lineRange } from './lines';
import { isBlankChar, isDigit, isWordChar, matchesWord } from './chars';
import { MONTHS } from './dates';

/**
 * What follows `Kamerstuk(ken)`: the dossier number in its usual form, five digits (`29 383`, `21 501-02`,
 * `35 300 VII`), then mostly `, nr. 406`; a chamber and year may come first (`II 2019/20,`). Text glued by
 * PDF extraction (`Kamerstuk 215`, a bare `Kamerstukken`) is then no reference.
 */
const KAMERSTUK_TAIL =
  /(?:[ \u00a0]+I{1,2}(?![\p{L}\d]))?(?:,?[ \u00a0]+\d{4}[/–-]\d{2,4})?,?[ \u00a0]+\d{2}[ \u00a0]?\d{3}(?!\d)(?:-[\dA-Za-z]+|[ \u00a0][IVXLC]+(?![\p{L}\d]))?(?:,?[ \u00a0]*nr\.?[ \u00a0]*\d+)?/uy;
/**
 * What follows `Aanhangsel`, up to its number, which it needs: ` Handelingen, vergaderjaar 2022–2023, nr. 844`,
 * ` Handelingen II 2022/23, nr. 844`.
 */
const AANHANGSEL_TAIL =
  /(?:[ \u00a0]+(?:van[ \u00a0]+de[ \u00a0]+)?Handelingen(?:[ \u00a0]+(?:II|TK)(?![\p{L}\d]))?)?(?:,?[ \u00a0]*(?:vergaderjaar[ \u00a0]*)?\d{4}[ \u00a0]*[/–-][ \u00a0]*\d{2,4})?,?[ \u00a0]*nr\.?[ \u00a0]*\d+/iuy;


/** The end of a zaaknummer or document number, or of `nr. 844` after Kamerstuk or Aanhangsel. */
const EXTERNAL_END = /(?:(?<![\p{L}\d])\d{4}[ZD]\d{5}|(?:Kamerstuk(?:ken)?|Aanhangsel)\b[^()]{0,60}?\bnr\.?[ \u00a0]*\d+)$/u;

/**
 * "(2024Z16988, vraag 2)", "(2024Z16988), vraag 2" or "Kamerstuk 29 383, nr. 406, vraag 3": the question
 * is the other document's.
 */
export function followsExternal(s: string, phraseStart: number, lineStart: number): boolean {
  // Skip the separators between the other document's number and the question: `, `, ` (`, `), `, `; `.
  let end = phraseStart;
  for (let c = s.charCodeAt(end - 1); isBlankChar(c) || c === 44 || c === 59 || c === 58 || c === 40 || c === 41; c = s.charCodeAt(end - 1)) end--;
  return end > lineStart && isDigit(s.charCodeAt(end - 1)) && EXTERNAL_END.test(s.slice(Math.max(lineStart, end - 100), end));
}

/** White space between two words. */
const SP = '[ \\t\\u00a0]+';
/** Words before the other set of questions: "van de", "van mijn eerdere", "uit die". Not `deze`, `dit`: those are this document. */
const OTHER_DETERMINER = `(?:de|het|mijn|uw|zijn|haar|hun|onze|die|dat|eerdere)${SP}`;
/** A word describing it ("schriftelijke", "feitelijke", "eerdere"; at most two), unless it points to this document. */
const OTHER_ADJECTIVE = `(?!(?:deze|dit|onderhavige|huidige|voorgaande|bovenstaande|volgende)(?![\\p{L}\\d]))\\p{L}+${SP}`;
/** What holds questions other than this document: other Kamervragen, a list, a consultation, a report, a request, a member. */
const OTHER_SOURCE = '(?:kamer)?vragen(?:lijst)?|overleg|verslag|verzoek|onderzoek|enquête|interpellatie|debat|commissie|raad|heer|mevrouw';
/** The date of another letter: "van 14 mei" (its questions were asked, or answered, on another day than this document's). */
const OTHER_DATE = `\\d{1,2}${SP}(?:${MONTHS.join('|')})`;
/**
 * After the numbers: "van het lid Omtzigt", "van de leden …", "uit de (schriftelijke) vragen van …",
 * "van eerdere vragen (2024Z…)", "van mijn eerdere schriftelijke vragen", "uit het schriftelijk overleg",
 * "van de vragenlijst", "van de heer …", "van de Raad van State", "(uw vraag 3) van 14 mei jl.": the
 * questions are another document's.
 */
const OTHER_ASKERS = new RegExp(
  `${SP}(?:van|uit)${SP}(?:het${SP}(?:kamer)?lid|de${SP}(?:kamer)?leden|${OTHER_DATE}|(?:${OTHER_DETERMINER})?(?:${OTHER_ADJECTIVE})?(?:${OTHER_ADJECTIVE})?(?:${OTHER_SOURCE}))(?![\\p{L}\\d])`,
  'iuy',
);

/**
 * "vraag 3 van het lid Omtzigt (2024Z12345)", "vraag 5 (2024Z12345)", "vraag 5, Kamerstuk 29 383, nr. 406":
 * the question is the other document's, named after the numbers that end at `end`.
 */
export function precedesExternal(s: string, end: number): boolean {
  let i = end;
  for (let c = s.charCodeAt(i); isBlankChar(c) || c === 44 || c === 58 || c === 40; c = s.charCodeAt(++i));
  if (i === end) return false;
  const c = s.charCodeAt(i);
  if (isDigit(c) || c === 75 /* K */ || c === 65 /* A */) return externalEnd(s, i) > 0;
  // Most mentions end a sentence or go on with another word: the expression runs only before `van`/`uit`.
  if ((c | 32) !== 118 /* v */ && (c | 32) !== 117 /* u */) return false;
  OTHER_ASKERS.lastIndex = end;
  return OTHER_ASKERS.test(s);
}

/**
 * The end of the reference to another document that starts at `at` (its first letter or digit, nothing
 * glued before it): a zaaknummer `2024Z16988`, a document number `2023D39037`, `Kamerstuk 29 383, nr. 406`
 * or `Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844`; or -1.
 */
function externalEnd(s: string, at: number): number {
  const c = s.charCodeAt(at);
  if (isDigit(c)) {
    // 2024Z16988: four digits, Z or D, five digits, nothing glued after.
    const letter = s.charCodeAt(at + 4);
    if (letter !== 90 /* Z */ && letter !== 68 /* D */) return -1;
    const end = at + 10;
    if (end > s.length || (end < s.length && isWordChar(s.charCodeAt(end)))) return -1;
    for (let i = at; i < end; i++) if (i !== at + 4 && !isDigit(s.charCodeAt(i))) return -1;
    return end;
  }
  if (c !== 75 /* K */ && c !== 65 /* A */) return -1;
  const word = c === 75 ? (matchesWord(s, at, 'kamerstukken') ? 'kamerstukken' : 'kamerstuk') : 'aanhangsel';
  const end = at + word.length;
  if (!matchesWord(s, at, word) || (end < s.length && isWordChar(s.charCodeAt(end)))) return -1;
  const tail = c === 75 ? KAMERSTUK_TAIL : AANHANGSEL_TAIL;
  tail.lastIndex = end;
  return tail.test(s) ? tail.lastIndex : -1;
}

/**
 * References to other documents in one line: zaaknummers (`2024Z16988`), document numbers
 * (`2023D39037`), `Kamerstuk 29 383, nr. 406`, `Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844`.
 * `offset` is the character of `s` in its line (for a trimmed paragraph).
 */
export function scanExternals(s: string, line: number, offset: number, out: ExternalReference[]): void {
  const found: number[] = [];
  for (const a of ['Z', 'D', 'K', 'A']) {
    for (let i = s.indexOf(a); i !== -1; i = s.indexOf(a, i + 1)) found.push(i);
  }
  found.sort((x, y) => x - y);
  let consumed = 0;
  for (const anchor of found) {
    const c = s.charCodeAt(anchor);
    // A zaaknummer or document number starts four digits before its Z or D.
    const at = c === 90 /* Z */ || c === 68 /* D */ ? anchor - 4 : anchor;
    if (at < consumed || at < 0 || (at > 0 && isWordChar(s.charCodeAt(at - 1)))) continue;
    const end = externalEnd(s, at);
    if (end < 0) continue;
    const kind = c === 90 ? 'zaaknummer' : c === 68 ? 'documentnummer' : c === 75 ? 'kamerstuk' : 'aanhangsel';
    out.push({ kind, text: s.slice(at, end), range: lineRange(line, offset + at, offset + end) });
    consumed = end;
  }
}

/**
 * The document's references to other documents: its own zaaknummer, as a Mededeling writes it ("de
 * vragen … over … (2024Z16988)"), names the document itself and is none.
 */
export function externalReferencesOf(doc: KamervraagDocument): ExternalReference[] {
  const zaaknummer = doc.header?.zaaknummer?.text;
  return doc.externalReferences.filter((e) => !(e.kind === 'zaaknummer' && e.text === zaaknummer));
}

/** Where the official publications are: `<site><id>.html` (`kv-tk-…`, `ah-tk-…`, `kst-…`). */
export const OFFICIAL_SITE = 'https://zoek.officielebekendmakingen.nl/';

/** A document number the official site serves: `kv-tk-2014Z19222`, `ah-tk-20142015-637`, `ah-tk-20232024-12-h1`. */
const DOCUMENT_ID = /^(?:kv-tk-\d{4}Z\d{5}|ah-tk-\d{8}-\d+(?:-[a-z]\d+)?)$/;

/** The address of a Kamervraag's (`kv-tk-…`) or an answer's (`ah-tk-…`) publication, or null for anything else. */
export function officialDocumentUrl(id: string): string | null {
  return DOCUMENT_ID.test(id) ? `${OFFICIAL_SITE}${id}.html` : null;
}

/** A Kamerstuk with its number: the dossier (`29 383`, `21 501-02`, `35 300 VII`) and `nr. 406`. */
const KAMERSTUK_ID =
  /^Kamerstuk(?:ken)?(?:[ \u00a0]+I{1,2}(?![\p{L}\d]))?(?:,?[ \u00a0]+\d{4}[/–-]\d{2,4})?,?[ \u00a0]+(\d{2})[ \u00a0]?(\d{3})(?:-([\dA-Za-z]+)|[ \u00a0]([IVXLC]+))?,?[ \u00a0]*nr\.?[ \u00a0]*(\d+)$/iu;
/** An Aanhangsel of the Tweede Kamer's Handelingen with its vergaderjaar and number. */
const AANHANGSEL_ID = /^Aanhangsel\b.*?(\d{4})[ \u00a0]*[/–-][ \u00a0]*(\d{2}|\d{4}),?[ \u00a0]*nr\.?[ \u00a0]*(\d+)$/iu;

/**
 * The identifier under which officielebekendmakingen.nl publishes a Kamerstuk or an Aanhangsel (the site's
 * `https://zoek.officielebekendmakingen.nl/<id>.html`): `Kamerstuk 29 383, nr. 406` is `kst-29383-406`,
 * `Kamerstuk 35 300 VII, nr. 5` `kst-35300-VII-5`, `Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844`
 * `ah-tk-20222023-844`. Null for a reference without a number (or vergaderjaar), and for zaaknummers and
 * document numbers, which the site does not use.
 */
export function officialPublication(ref: ExternalReference): string | null {
  if (ref.kind === 'kamerstuk') {
    const m = KAMERSTUK_ID.exec(ref.text);
    if (!m) return null;
    // The site writes a dossier's letters in capitals (`kst-35300-VII-5`, `kst-35261-B`).
    const suffix = (m[3] ?? m[4])?.toUpperCase();
    return `kst-${m[1]}${m[2]}${suffix ? `-${suffix}` : ''}-${m[5]}`;
  }
  if (ref.kind === 'aanhangsel') {
    const m = AANHANGSEL_ID.exec(ref.text);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2]!.length === 4 ? Number(m[2]) : from + 1;
    // A vergaderjaar is two years in a row: `2022–2023`, `2022/23` (and `1999/00`).
    if (to !== from + 1 || (m[2]!.length === 2 && String(to).slice(2) !== m[2])) return null;
    return `ah-tk-${from}${to}-${m[3]}`;
  }
  return null;
}

/** The address of a Kamerstuk's or Aanhangsel's publication on officielebekendmakingen.nl, or null (`officialPublication`). */
export function officialPublicationUrl(ref: ExternalReference): string | null {
  const id = officialPublication(ref);
  return id === null ? null : `${OFFICIAL_SITE}${id}.html`;
}
