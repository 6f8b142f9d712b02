/**
 * The document numbers: the zaaknummer of the header against Bron vraag and the footer's Kamervraag
 * document nummer, Bron antwoord against the Kamerantwoord document nummer, the footer's Volledige titel
 * against the title.
 */
import { diagnostic, replaceFix, type Fix, type KvDiagnostic } from '../diagnostic';
import type { KamervraagDocument, Range, Span } from '../model';
import { ZAAKNUMMER } from '../parse';
import { isBlank, lineRange } from '../lines';
import { msg, rel } from './messages';
import { isWhiteSpace, skipWhiteSpace } from '../chars';

/** Whether `a` and `b` read the same, whatever white space stands between their words (compared in place). */
function sameText(a: string, b: string): boolean {
  if (a === b) return true;
  let i = skipWhiteSpace(a, 0);
  let j = skipWhiteSpace(b, 0);
  for (;;) {
    const endA = i >= a.length;
    const endB = j >= b.length;
    if (endA || endB) return endA && endB;
    const spaceA = isWhiteSpace(a.charCodeAt(i));
    const spaceB = isWhiteSpace(b.charCodeAt(j));
    if (spaceA || spaceB) {
      // White space inside both (not at the end of either: that is trimmed) is one space.
      if (!spaceA || !spaceB) return false;
      i = skipWhiteSpace(a, i);
      j = skipWhiteSpace(b, j);
      if ((i >= a.length) !== (j >= b.length)) return false;
      continue;
    }
    if (a.charCodeAt(i++) !== b.charCodeAt(j++)) return false;
  }
}

/** A document id in a footer value: `kv-tk-2014Z19222`, `ah-tk-20142015-637-h1` (read as `Bron vraag` reads one). */
const DOCUMENT_ID = /(?:kv|ah)-tk-[A-Za-z0-9-]*/;

/**
 * The document id a footer value starts with or holds (`kv-tk-2014Z19223 (herdruk)`): the part a check
 * compares and a fix replaces, so that a remark after it survives. Null when the value holds none.
 */
export function footerId(value: Span): Span | null {
  const m = DOCUMENT_ID.exec(value.text);
  if (!m) return null;
  const { line, character } = value.range.start;
  return { text: m[0], range: lineRange(line, character + m.index, character + m.index + m[0].length) };
}

/**
 * The fix that writes `expected` for a document id: over the id when there is one, at the end of an empty
 * footer value (after a space); none for a value without an id, which it would overwrite.
 */
function idFix(id: Span | null, value: Span, key: Range, expected: string): Fix | undefined {
  const title = msg(`Change to '${expected}'`, `Wijzig in '${expected}'`);
  if (id) return replaceFix(title, id.range, expected);
  if (value.text !== '') return undefined;
  const rightAfterColon = value.range.start.line === key.end.line && value.range.start.character <= key.end.character + 1;
  return replaceFix(title, value.range, rightAfterColon ? ` ${expected}` : expected);
}

/** `fix` as the author's choice (`needsInput`): offered as a quick fix, never applied by fix-all. */
function needsChoice(fix: Fix | undefined): Fix | undefined {
  return fix && { ...fix, needsInput: true };
}

/** The words of `s` (what white space separates), each as often as it stands there. */
function wordCounts(s: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of s.split(/\s+/)) if (w !== '') counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Whether every word of `replaced` is in `by` as often: replacing the one with the other loses no word. */
function losesNoWord(replaced: string, by: string): boolean {
  const have = wordCounts(by);
  for (const [w, n] of wordCounts(replaced)) if ((have.get(w) ?? 0) < n) return false;
  return true;
}

/**
 * The fix that copies the title over the footer's Volledige titel: only over the words where the two
 * differ, so that the words they share are not rewritten. Where the footer has words the title has not
 * (the full title is longer, ends with a full stop or a footnote marker, or the title is the one with the
 * typing error), the fix is offered but never applied by fix-all or `check --fix` (`needsInput`): the
 * author chooses which of the two is meant.
 */
function titleFix(title: Span, footer: Span): Fix {
  const a = footer.text;
  const b = title.text;
  // A word boundary in `s` at `i`: an end, or a space on either side.
  const boundary = (s: string, i: number) => i === 0 || i === s.length || /\s/.test(s[i - 1]!) || /\s/.test(s[i]!);
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  while (p > 0 && !(boundary(a, p) && boundary(b, p))) p--;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  while (q > 0 && !(boundary(a, a.length - q) && boundary(b, b.length - q))) q--;
  const { line, character } = footer.range.start;
  const replaced = a.slice(p, a.length - q);
  const by = b.slice(p, b.length - q);
  const fix = replaceFix(msg('Copy the title', 'Neem de titel over'), lineRange(line, character + p, character + a.length - q), by);
  return losesNoWord(replaced, by) ? fix : needsChoice(fix)!;
}
export function checkDocumentNumbers(doc: KamervraagDocument, out: KvDiagnostic[]): void {
  const z = doc.header?.zaaknummer && ZAAKNUMMER.test(doc.header.zaaknummer.text) ? doc.header.zaaknummer : null;
  const bronVraag = doc.metadata.bronVraag?.documentId ?? null;
  const footer = doc.footer;
  const kvField = footer?.kamervraagNummer ?? null;
  const kvId = kvField ? footerId(kvField.value) : null;
  // What the checks compare: the id, or the whole value when it holds none.
  const kvFooter = kvId ?? kvField?.value ?? null;
  const mismatch = (place: Span, en: string, nl: string, fix: Fix | undefined) => {
    out.push(diagnostic('zaaknummer-mismatch', place.range, msg(
      `${en} '${place.text}' does not match the zaaknummer ${z!.text} of the header.`,
      `${nl} '${place.text}' komt niet overeen met het zaaknummer ${z!.text} van de kopregel.`,
    ), [rel(z!.range, 'Zaaknummer in the header', 'Zaaknummer in de kopregel')], fix));
  };
  if (z) {
    const expected = `kv-tk-${z.text}`;
    // Bron vraag and the footer agreeing against the header: the header may well be the one with the
    // typing error, so their fixes are the author's choice, never applied by fix-all.
    const othersAgree = bronVraag !== null && kvFooter !== null && bronVraag.text === kvFooter.text;
    const choice = (fix: Fix | undefined): Fix | undefined => (othersAgree ? needsChoice(fix) : fix);
    if (bronVraag && bronVraag.text !== expected) {
      mismatch(bronVraag, 'Bron vraag', 'Bron vraag', choice(replaceFix(msg(`Change to '${expected}'`, `Wijzig in '${expected}'`), bronVraag.range, expected)));
    }
    if (kvField && kvFooter && kvFooter.text !== expected) {
      mismatch(kvFooter, 'Kamervraag document nummer', 'Kamervraag document nummer', choice(idFix(kvId, kvField.value, kvField.keyRange, expected)));
    }
  } else if (bronVraag && kvFooter && bronVraag.text !== kvFooter.text) {
    out.push(diagnostic('zaaknummer-mismatch', kvFooter.range, msg(
      `'${kvFooter.text}' does not match Bron vraag '${bronVraag.text}'.`,
      `'${kvFooter.text}' komt niet overeen met Bron vraag '${bronVraag.text}'.`,
    ), [rel(bronVraag.range, 'Bron vraag', 'Bron vraag')]));
  }
  const bronAntwoord = doc.metadata.bronAntwoord?.documentId ?? null;
  const ahField = footer?.kamerantwoordNummer ?? null;
  const ahId = ahField ? footerId(ahField.value) : null;
  const ahFooter = ahId ?? ahField?.value ?? null;
  if (bronAntwoord && ahField && ahFooter && bronAntwoord.text !== ahFooter.text) {
    out.push(diagnostic('answer-number-mismatch', ahFooter.range, msg(
      `'${ahFooter.text}' does not match Bron antwoord '${bronAntwoord.text}'.`,
      `'${ahFooter.text}' komt niet overeen met Bron antwoord '${bronAntwoord.text}'.`,
    ), [rel(bronAntwoord.range, 'Bron antwoord', 'Bron antwoord')],
    // Two places, either of which may hold the typing error: the author's choice, never fix-all's.
    needsChoice(idFix(ahId, ahField.value, ahField.keyRange, bronAntwoord.text))));
  }
  const titel = footer?.kamervraagTitel?.value ?? null;
  if (doc.title && titel && !sameText(doc.title.text, titel.text)) {
    out.push(diagnostic('footer-title-mismatch', titel.range, msg(
      'The Volledige titel differs from the title of the document.',
      'De Volledige titel wijkt af van de titel van het document.',
    ), [rel(doc.title.range, 'Title', 'Titel')], titleIsSure(doc) ? titleFix(doc.title, titel) : undefined));
  }
}

/**
 * Whether the line read as the title is the title for certain, so that copying it over the footer's loses
 * nothing: it stands where the format puts it (after the header and one blank line), and no line before the
 * first question is stray text, as the real title is when another line took its place (a header written
 * twice, a reference, a footnote marker). Else the footer may hold the only right title: no fix.
 */
function titleIsSure(doc: KamervraagDocument): boolean {
  if (!doc.header || !doc.title) return false;
  const lines = doc.blocks.lines;
  const at = doc.title.range.start.line;
  if (at !== doc.header.range.start.line + 2 || !isBlank(lines.line(at - 1))) return false;
  const body = doc.blocks.questionCount > 0 ? doc.blocks.headingLine(0) : doc.lineCount;
  return !doc.strayLines.some((s) => s.range.start.line < body);
}
