/**
 * `check(doc)`: the rules a careful author keeps (FORMAT.md, "Rules a careful author keeps"), as
 * diagnostics with stable codes (see `RULES` in diagnostic.ts), narrow ranges, related locations and,
 * where one edit mends the problem, a fix.
 */
import { diagnostic, type Fix, type KvDiagnostic, type Message, type RelatedLocation } from './diagnostic';
import { daysBetween, formatDutchDate, MONTHS, readDutchDate } from './dates';
import type { DutchDate, KamervraagDocument, MetadataField, Range, Reference, Span } from './model';
import { METADATA_KEYS, ZAAKNUMMER } from './parse';
import { lineRange, skipSpaces } from './lines';
import { readHeading } from './headings';
import { QuestionGraph } from './graph';

/** The minister's term for answering: three weeks (Reglement van Orde, art. 135). */
export const ANSWER_TERM_DAYS = 21;

const msg = (en: string, nl: string): Message => ({ en, nl });
const rel = (range: Range, en: string, nl: string): RelatedLocation => ({ range, message: msg(en, nl) });

/** Every diagnostic of the document. Pass the document's question graph when there is one already. */
export function check(doc: KamervraagDocument, graph: QuestionGraph = new QuestionGraph(doc)): KvDiagnostic[] {
  const out: KvDiagnostic[] = [];
  checkHeaderAndTitle(doc, out);
  checkMetadata(doc, graph, out);
  checkDates(doc, out);
  checkDocumentNumbers(doc, out);
  checkQuestions(doc, graph, out);
  checkReferences(doc, graph, out);
  for (const s of doc.strayLines) {
    // Unnecessary: the structure ignores the line, so an editor may fade it.
    out.push({ ...diagnostic('stray-text', s.range, msg(
      'Text outside any block: not part of the header, metadata, a question or the footer.',
      'Tekst buiten elk blok: hoort niet bij de kop, de metadata, een vraag of de voettekst.',
    )), unnecessary: true });
  }
  return out;
}

const DOCUMENT_START: Range = lineRange(0, 0, 0);

function checkHeaderAndTitle(doc: KamervraagDocument, out: KvDiagnostic[]): void {
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
      ), [], { title: msg(`Write '${proper}'`, `Schrijf '${proper}'`), range: lineRange(0, from, h.range.end.character), newText: proper }));
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

const REQUIRED_ALWAYS = ['Ingediend', 'Indiener', 'Onderwerpen', 'Bron vraag'] as const;
const REQUIRED_WHEN_ANSWERED = ['Beantwoord', 'Beantwoord door', 'Bron antwoord'] as const;

/** Order index of a known key; `Indiener` and `Indieners` share a place. */
function orderOf(key: string): number {
  const i = METADATA_KEYS.indexOf(key as (typeof METADATA_KEYS)[number]);
  return key === 'Indieners' ? METADATA_KEYS.indexOf('Indiener') : i;
}

function checkMetadata(doc: KamervraagDocument, graph: QuestionGraph, out: KvDiagnostic[]): void {
  const md = doc.metadata;
  const seen = new Map<string, MetadataField>();
  let furthest: MetadataField | null = null;
  for (const f of md.fields) {
    if (!f.known) {
      const proper = METADATA_KEYS.find((k) => k.toLowerCase() === f.key.toLowerCase()
        || k.toLowerCase().replace(' ', '') === f.key.toLowerCase());
      out.push(diagnostic('metadata-unknown-key', f.keyRange, msg(
        proper ? `Unknown metadata key '${f.key}': did you mean '${proper}'?` : `Unknown metadata key '${f.key}'. Known keys: ${METADATA_KEYS.join(', ')}.`,
        proper ? `Onbekend metadataveld '${f.key}': bedoelt u '${proper}'?` : `Onbekend metadataveld '${f.key}'. Bekende velden: ${METADATA_KEYS.join(', ')}.`,
      ), [], proper ? { title: msg(`Change to '${proper}'`, `Wijzig in '${proper}'`), range: f.keyRange, newText: proper } : undefined));
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
      ), [rel(furthest.keyRange, `'${furthest.key}' stands here`, `'${furthest.key}' staat hier`)]));
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
      )));
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
      ), [], { title: msg(`Change to '${proper}'`, `Wijzig in '${proper}'`), range: ind.field.keyRange, newText: proper }));
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
      "'Beantwoord' ends with '(na N dagen)'.", "'Beantwoord' eindigt op '(na N dagen)'.",
    )));
  }
}

/** A diagnostic for a date that cannot be read or does not exist; null when the date is fine. */
function dateProblem(text: string, range: Range): KvDiagnostic | null {
  const r = readDutchDate(text);
  switch (r.kind) {
    case 'ok':
      return null;
    case 'unknown-month':
      return diagnostic('date-invalid', range, msg(
        `'${r.month}' is not a month: write it in Dutch, in lower case (${MONTHS.join(', ')}).`,
        `'${r.month}' is geen maand: schrijf die in het Nederlands, met kleine letters (${MONTHS.join(', ')}).`,
      ));
    case 'no-such-day':
      return diagnostic('date-invalid', range, msg(
        `${r.day} ${MONTHS[r.month - 1]} ${r.year} does not exist.`,
        `${r.day} ${MONTHS[r.month - 1]} ${r.year} bestaat niet.`,
      ));
    case 'unreadable':
      return diagnostic('date-invalid', range, msg(
        `'${text.trim()}' is not a date like '30 oktober 2014'.`,
        `'${text.trim()}' is geen datum zoals '30 oktober 2014'.`,
      ));
  }
}

function checkDates(doc: KamervraagDocument, out: KvDiagnostic[]): void {
  const { ingediend, beantwoord } = doc.metadata;
  if (ingediend && ingediend.field.value !== '') {
    const p = dateProblem(ingediend.field.value, ingediend.dateRange);
    if (p) out.push(p);
  }
  if (beantwoord && beantwoord.field.value !== '') {
    const text = textOfRange(beantwoord.field.value, beantwoord.field.valueRange, beantwoord.dateRange);
    const p = dateProblem(text, beantwoord.dateRange);
    if (p) out.push(p);
  }
  for (const m of doc.mededelingen) {
    if (m.dateRange && !m.date) {
      const p = dateProblem(textOfRange(m.heading.text, m.heading.range, m.dateRange), m.dateRange);
      if (p) out.push(p);
    }
  }
  const from: DutchDate | null = ingediend?.date ?? null;
  const to: DutchDate | null = beantwoord?.date ?? null;
  if (from && to && beantwoord) {
    const days = daysBetween(from, to);
    if (days < 0) {
      out.push(diagnostic('date-order', beantwoord.dateRange, msg(
        `Beantwoord (${formatDutchDate(to)}) lies before Ingediend (${formatDutchDate(from)}).`,
        `Beantwoord (${formatDutchDate(to)}) ligt vóór Ingediend (${formatDutchDate(from)}).`,
      ), [rel(ingediend!.dateRange, 'Ingediend', 'Ingediend')]));
    } else {
      if (beantwoord.days !== null && beantwoord.daysRange && beantwoord.days !== days) {
        out.push(diagnostic('days-wrong', beantwoord.daysRange, msg(
          `From ${formatDutchDate(from)} to ${formatDutchDate(to)} is ${days} days, not ${beantwoord.days}.`,
          `Van ${formatDutchDate(from)} tot ${formatDutchDate(to)} is ${days} dagen, niet ${beantwoord.days}.`,
        ), [rel(ingediend!.dateRange, 'Ingediend', 'Ingediend')],
        { title: msg(`Change to ${days}`, `Wijzig in ${days}`), range: beantwoord.daysRange, newText: String(days) }));
      }
      if (days > ANSWER_TERM_DAYS && doc.mededelingen.length === 0) {
        out.push(diagnostic('late-answer', beantwoord.dateRange, msg(
          `Answered after ${days} days, later than the three weeks of the Reglement van Orde, and no Mededeling (postponement notice) was sent.`,
          `Beantwoord na ${days} dagen, later dan de drie weken van het Reglement van Orde, en zonder Mededeling (uitstelbericht).`,
        ), [rel(ingediend!.dateRange, 'Ingediend', 'Ingediend')]));
      }
    }
  }
}

/** The text of `inner`, a part of the span (`outerText`, `outer`) on one line. */
function textOfRange(outerText: string, outer: Range, inner: Range): string {
  const a = inner.start.character - outer.start.character;
  return outerText.slice(Math.max(0, a), Math.max(0, a + inner.end.character - inner.start.character));
}

function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

/** A document id in a footer value: `kv-tk-2014Z19222`, `ah-tk-20142015-637-h1` (read as `Bron vraag` reads one). */
const DOCUMENT_ID = /(?:kv|ah)-tk-[A-Za-z0-9-]*/;

/**
 * The document id a footer value starts with or holds (`kv-tk-2014Z19223 (herdruk)`): the part a check
 * compares and a fix replaces, so that a remark after it survives. Null when the value holds none.
 */
function footerId(value: Span): Span | null {
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
  if (id) return { title, range: id.range, newText: expected };
  if (value.text !== '') return undefined;
  const rightAfterColon = value.range.start.line === key.end.line && value.range.start.character <= key.end.character + 1;
  return { title, range: value.range, newText: rightAfterColon ? ` ${expected}` : expected };
}

/**
 * The fix that copies the title over the footer's Volledige titel: only over the words where the two
 * differ, so that the words they share are not rewritten.
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
  return {
    title: msg('Copy the title', 'Neem de titel over'),
    range: lineRange(line, character + p, character + a.length - q),
    newText: b.slice(p, b.length - q),
  };
}

function checkDocumentNumbers(doc: KamervraagDocument, out: KvDiagnostic[]): void {
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
      `${nl} '${place.text}' komt niet overeen met het zaaknummer ${z!.text} van de kop.`,
    ), [rel(z!.range, 'Zaaknummer in the header', 'Zaaknummer in de kop')], fix));
  };
  if (z) {
    const expected = `kv-tk-${z.text}`;
    if (bronVraag && bronVraag.text !== expected) {
      mismatch(bronVraag, 'Bron vraag', 'Bron vraag', { title: msg(`Change to '${expected}'`, `Wijzig in '${expected}'`), range: bronVraag.range, newText: expected });
    }
    if (kvField && kvFooter && kvFooter.text !== expected) {
      mismatch(kvFooter, 'Kamervraag document nummer', 'Kamervraag document nummer', idFix(kvId, kvField.value, kvField.keyRange, expected));
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
    idFix(ahId, ahField.value, ahField.keyRange, bronAntwoord.text)));
  }
  const titel = footer?.kamervraagTitel?.value ?? null;
  if (doc.title && titel && !sameText(doc.title.text, titel.text)) {
    out.push(diagnostic('footer-title-mismatch', titel.range, msg(
      'The Volledige titel differs from the title of the document.',
      'De Volledige titel wijkt af van de titel van het document.',
    ), [rel(doc.title.range, 'Title', 'Titel')], titleFix(doc.title, titel)));
  }
}

/**
 * The fix of the malformed heading of question `i`: bullet, word and spacing written `• Vraag N` (the digits
 * as written); text after the number (`• Vraag 2: Kunt u …`, `- Vraag 2 (vervolg)`) moves to a line of its
 * own under the heading, indented like the body, so that no word is lost. None when that text would read
 * as a heading itself.
 */
function headingFix(doc: KamervraagDocument, i: number): Fix | undefined {
  const blocks = doc.blocks;
  const lines = blocks.lines;
  const q = blocks.question(i);
  if (!q.numberRange) return undefined;
  const line = q.headingRange.start.line;
  const s = lines.line(line);
  const digits = s.slice(q.numberRange.start.character, q.numberRange.end.character);
  const heading = `• Vraag ${digits}`;
  const title = msg(`Write '${heading}'`, `Schrijf '${heading}'`);
  const end = q.headingRange.end.character;
  let restStart = q.numberRange.end.character;
  if (s[restStart] === ':' || s[restStart] === '.') restStart++;
  restStart = skipSpaces(s, restStart);
  if (restStart >= end) return { title, range: q.headingRange, newText: heading };
  // The indentation of the block's first line of text, else twice the heading's (one space: two; two: four).
  let indent = '';
  for (let k = line + 1; k < blocks.endLine(i) && k < lines.count; k++) {
    const body = lines.line(k);
    const at = skipSpaces(body);
    if (at < body.length) {
      indent = body.slice(0, at);
      break;
    }
  }
  if (indent === '') indent = s.slice(0, q.headingRange.start.character).repeat(2) || '  ';
  const moved = indent + s.slice(restStart, end);
  if (readHeading(moved)) return undefined;
  return {
    title: msg(`Write '${heading}', the text after it on the next line`, `Schrijf '${heading}', de tekst erna op de volgende regel`),
    range: q.headingRange,
    newText: `${heading}${lineEnding(doc, line)}${moved}`,
  };
}

/** The line end after `line`, or the document's first one when it is the last line. */
function lineEnding(doc: KamervraagDocument, line: number): string {
  const lines = doc.blocks.lines;
  const at = line + 1 < lines.count ? line : 0;
  return lines.count > 1 ? lines.text.slice(lines.end(at), lines.start(at + 1)) : '\n';
}

function checkQuestions(doc: KamervraagDocument, graph: QuestionGraph, out: KvDiagnostic[]): void {
  // By index in doc.blocks: most questions have no problem, and need no object.
  const blocks = doc.blocks;
  const count = blocks.questionCount;
  let expected = 1;
  for (let i = 0; i < count; i++) {
    const number = blocks.number(i);
    if (blocks.malformedHeading(i)) {
      const q = blocks.question(i);
      const fix = number !== null ? headingFix(doc, i) : undefined;
      out.push(diagnostic('malformed-heading', q.headingRange, number === null
        ? msg('A question heading without a number: write `• Vraag N`.', 'Een vraagkop zonder nummer: schrijf `• Vraag N`.')
        : msg(`Write the heading as '• Vraag ${number}' (bullet •, 'Vraag' with a capital, one space).`,
          `Schrijf de kop als '• Vraag ${number}' (opsommingsteken •, 'Vraag' met hoofdletter, één spatie).`), [], fix));
    }
    if (number !== null) {
      const first = graph.indexOf(number);
      if (first !== i) {
        const q = blocks.question(i);
        const twin = blocks.question(first);
        out.push(diagnostic('duplicate-question-number', q.numberRange ?? q.heading.range, msg(
          `There is already a question ${number}.`, `Er is al een vraag ${number}.`,
        ), [rel(twin.numberRange ?? twin.heading.range, `First Vraag ${number}`, `Eerste vraag ${number}`)]));
      } else {
        if (number !== expected) {
          const q = blocks.question(i);
          out.push(diagnostic('question-number-sequence', q.numberRange ?? q.heading.range, msg(
            `Expected Vraag ${expected} here, found Vraag ${number}: questions are numbered 1, 2, 3 … in order.`,
            `Hier wordt vraag ${expected} verwacht, niet vraag ${number}: vragen zijn genummerd 1, 2, 3 … op volgorde.`,
          )));
        }
        expected = number + 1;
      }
    }
    if (!blocks.hasQuestionText(i)) {
      const { heading } = blocks.question(i);
      out.push(diagnostic('missing-question-text', heading.range, msg(
        `${heading.text} has no question text.`, `${heading.text} heeft geen vraagtekst.`,
      )));
    }
  }
  if (!graph.answered) {
    if (count > 0) {
      const at = doc.header?.range ?? DOCUMENT_START;
      out.push(diagnostic('unanswered-document', at, msg(
        `Not answered yet: none of the ${count} question${count === 1 ? ' has' : 's have'} an answer.`,
        `Nog niet beantwoord: ${count === 1 ? 'de vraag heeft' : `geen van de ${count} vragen heeft`} een antwoord.`,
      )));
    }
    return;
  }
  for (let i = 0; i < count; i++) {
    if (!blocks.hasAnswer(i)) {
      const { heading } = blocks.question(i);
      out.push(diagnostic('missing-answer', heading.range, msg(
        `${heading.text} has no answer.`, `${heading.text} heeft geen antwoord.`,
      )));
    }
  }
}

function checkReferences(doc: KamervraagDocument, graph: QuestionGraph, out: KvDiagnostic[]): void {
  let known: string | undefined;
  const describeKnown = () => {
    if (known === undefined) {
      const numbers = graph.numbers();
      known = numbers.length === 0 ? 'none' : describeNumbers(numbers);
    }
    return known;
  };
  // By index in doc.blocks: most references are fine, and need no object.
  const blocks = doc.blocks;
  const numbers = blocks.numbers;
  for (let r = 0; r < blocks.referenceCount; r++) {
    let missing: number[] | null = null;
    let missingRange: Range | null = null;
    const first = blocks.numbersStart(r);
    const fromQuestion = blocks.fromQuestion(r);
    const inPart = blocks.inPart(r);
    for (let k = first; k < blocks.numbersEnd(r); k++) {
      const n = numbers[k]!;
      const target = graph.indexOf(n);
      // An answer that sends the reader to itself; a question may name its own number ("Wat is uw reactie
      // op vraag 2 en 3" in Vraag 3).
      const self = n === fromQuestion && inPart === 'answer';
      const toUnanswered = graph.answered && inPart === 'answer' && target >= 0 && !blocks.hasAnswer(target);
      // Most numbers are fine; the target (its range, whether it is implied) is made only for a problem.
      if (target >= 0 && !self && !toUnanswered) continue;
      const t = blocks.reference(r).targets[k - first]!;
      if (target < 0) {
        if (t.implied) {
          (missing ??= []).push(t.number);
          missingRange = t.range;
        } else {
          const has = describeKnown();
          out.push(diagnostic('reference-unknown-question', t.range, msg(
            `There is no question ${t.number} (this document has ${has === 'none' ? 'no questions' : `questions ${has}`}).`,
            `Er is geen vraag ${t.number} (dit document heeft ${has === 'none' ? 'geen vragen' : `vragen ${has}`}).`,
          )));
        }
        continue;
      }
      if (self) {
        out.push(diagnostic('reference-self', t.range, msg(
          `Vraag ${t.number} refers to itself.`, `Vraag ${t.number} verwijst naar zichzelf.`,
        )));
        continue;
      }
      if (!t.implied) {
        out.push(diagnostic('reference-unanswered', t.range, msg(
          `Refers to the answer of Vraag ${t.number}, which has no answer.`,
          `Verwijst naar het antwoord op vraag ${t.number}, dat ontbreekt.`,
        ), [rel(blocks.question(target).heading.range, `Vraag ${t.number}`, `Vraag ${t.number}`)]));
      }
    }
    if (missing && missingRange) {
      out.push(diagnostic('reference-unknown-question', missingRange, msg(
        `The range includes questions that do not exist: ${describeNumbers(missing)}.`,
        `Het bereik bevat vragen die niet bestaan: ${describeNumbers(missing)}.`,
      )));
    }
  }
  for (const cycle of graph.unresolvedCycles()) {
    const group = new Set(cycle);
    const numbers = cycle.map((q) => q.number);
    const members = numbers.length <= 8 ? `${numbers.join(', ')}` : `${numbers.slice(0, 7).join(', ')} … ${numbers[numbers.length - 1]}`;
    for (const q of cycle) {
      const referral = graph.referralInto(q, group);
      if (!referral) continue;
      const { reference, to } = referral;
      out.push(diagnostic('reference-cycle', reference.range, msg(
        `Answers refer to each other in a circle (questions ${members}) and none of them gives an answer.`,
        `Antwoorden verwijzen in een kring naar elkaar (vragen ${members}) en geen ervan geeft een antwoord.`,
      ), [rel(to.answerRange ?? to.heading.range, `Answer to Vraag ${to.number}, which refers on`, `Antwoord op vraag ${to.number}, dat verder verwijst`)]));
    }
  }
}

/** `1–10`, `1–3, 5, 7–9`. */
export function describeNumbers(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : `${sorted[i]}`);
    i = j;
  }
  return parts.join(', ');
}

export type { Reference };
