/**
 * The metadata block (`Ingediend: …` up to the first heading): its fields, and the typed values the format
 * gives them (dates, `Beantwoord … (na N dagen)`, members, the minister, topics, source links).
 */
import type {
  BeantwoordValue, DateValue, IndienersValue, Member, Metadata, MetadataField, MinisterValue, OnderwerpenValue,
  Range, SourceValue, Span,
} from './model';
import { readDutchDate } from './dates';
import { isSpace, lineRange, range, skipSpaces, trimEnd, type LineTable } from './lines';
import { LineSpan, trimmedSpan } from './nodes';
import { groupTopics } from './topics';

/** The metadata keys of the format, in their required order. */
export const METADATA_KEYS = [
  'Ingediend', 'Beantwoord', 'Indiener', 'Indieners', 'Beantwoord door', 'Onderwerpen', 'Bron vraag', 'Bron antwoord',
] as const;

/** Longest first, so that `Beantwoord door` is not read as `Beantwoord`. */
const KEYS_LONGEST_FIRST = [...METADATA_KEYS].sort((a, b) => b.length - a.length);


/** A name without the party or role in parentheses after it: `Michiel van Nispen` of `Michiel van Nispen (SP)`. */
export function withoutParty(name: string): string {
  const paren = name.indexOf('(');
  return (paren < 0 ? name : name.slice(0, paren)).trim();
}

/** The metadata key a line starts with, or null. */
export function readMetadataKey(s: string): string | null {
  return readMetadataKeyAt(s, 0, s.length);
}

/** The metadata key the line `text[at, end)` starts with, or null. */
function readMetadataKeyAt(text: string, at: number, end: number): string | null {
  for (const key of KEYS_LONGEST_FIRST) {
    if (text.startsWith(key, at) && (at + key.length === end || isSpace(text.charCodeAt(at + key.length)))) return key;
  }
  return null;
}

/** A capital letter where it is tried (`lastIndex`): an unknown key next to a field (`Indiener` misspelt) starts with one. */
const CAPITAL = /\p{Lu}/uy;

/**
 * A metadata line: its key, and its value as offsets on the line; the value's text and the ranges are made
 * when asked for. Thousands of documents are checked in a row (`kamervraag check` of a folder, the
 * workspace), and the checks read the keys and values of every field but the ranges only of those they
 * report on.
 */
class MetadataLine implements MetadataField {
  private cached: string | undefined = undefined;

  constructor(
    private readonly table: LineTable,
    /** The line of the document. */
    readonly line: number,
    readonly key: string,
    readonly known: boolean,
    /** Where the value starts and ends on the line, and where the line's text ends (without trailing spaces). */
    readonly valueStart: number,
    readonly valueEnd: number,
    readonly textEnd: number,
  ) {}

  get value(): string {
    if (this.cached === undefined) {
      const offset = this.table.start(this.line);
      this.cached = this.valueEnd > this.valueStart ? this.table.text.slice(offset + this.valueStart, offset + this.valueEnd) : '';
    }
    return this.cached;
  }

  get keyRange(): Range {
    return lineRange(this.line, 0, this.key.length);
  }

  get valueRange(): Range {
    return lineRange(this.line, this.valueStart, this.valueEnd);
  }

  get range(): Range {
    return lineRange(this.line, 0, this.textEnd);
  }

  toJSON(): MetadataField {
    return { key: this.key, keyRange: this.keyRange, value: this.value, valueRange: this.valueRange, range: this.range, known: this.known };
  }
}

export function readMetadata(table: LineTable, from: number, to: number, strayLines: Span[]): Metadata {
  const text = table.text;
  // The key each line starts with, first: a line of another key counts as a field next to one of them.
  const keys: (string | null)[] = [];
  for (let i = from; i < to; i++) keys.push(readMetadataKeyAt(text, table.start(i), table.end(i)));
  const fields: MetadataLine[] = [];
  for (let i = from; i < to; i++) {
    const lineStart = table.start(i);
    const lineEnd = table.end(i);
    // (skipSpaces stops at the line end: \n and \r are no spaces.)
    if (skipSpaces(text, lineStart) >= lineEnd) continue;
    const key = keys[i - from]!;
    let keyEnd: number;
    if (key !== null) keyEnd = key.length;
    else {
      const neighbourIsField = (i > from && keys[i - 1 - from] !== null) || (i + 1 < to && keys[i + 1 - from] !== null);
      CAPITAL.lastIndex = lineStart;
      if (!neighbourIsField || !CAPITAL.test(text)) {
        const s = table.line(i);
        strayLines.push(trimmedSpan(table, i, s, 0, s.length));
        continue;
      }
      keyEnd = 0;
      while (lineStart + keyEnd < lineEnd && !isSpace(text.charCodeAt(lineStart + keyEnd))) keyEnd++;
    }
    const valueStart = Math.min(skipSpaces(text, lineStart + keyEnd), lineEnd) - lineStart;
    const textEnd = trimEnd(text, lineEnd) - lineStart;
    fields.push(new MetadataLine(table, i, key ?? text.slice(lineStart, lineStart + keyEnd), key !== null, valueStart, Math.max(valueStart, textEnd), textEnd));
  }
  // The first field of each known key.
  let ingediend: MetadataLine | null = null;
  let beantwoord: MetadataLine | null = null;
  let indieners: MetadataLine | null = null;
  let beantwoordDoor: MetadataLine | null = null;
  let onderwerpen: MetadataLine | null = null;
  let bronVraag: MetadataLine | null = null;
  let bronAntwoord: MetadataLine | null = null;
  for (const f of fields) {
    if (!f.known) continue;
    switch (f.key) {
      case 'Ingediend': ingediend ??= f; break;
      case 'Beantwoord': beantwoord ??= f; break;
      case 'Indiener': case 'Indieners': indieners ??= f; break;
      case 'Beantwoord door': beantwoordDoor ??= f; break;
      case 'Onderwerpen': onderwerpen ??= f; break;
      case 'Bron vraag': bronVraag ??= f; break;
      case 'Bron antwoord': bronAntwoord ??= f; break;
    }
  }
  return {
    fields,
    ingediend: dateValue(ingediend),
    beantwoord: beantwoordValue(table, beantwoord),
    indieners: indienersValue(table, indieners),
    beantwoordDoor: beantwoordDoor && new MinisterReading(table, beantwoordDoor),
    onderwerpen: onderwerpen && new TopicsReading(table, onderwerpen),
    bronVraag: sourceValue(table, bronVraag),
    bronAntwoord: sourceValue(table, bronAntwoord),
    range: fields.length > 0 ? range(fields[0]!.line, 0, fields[fields.length - 1]!.line, fields[fields.length - 1]!.textEnd) : null,
  };
}

function dateValue(field: MetadataLine | null): DateValue | null {
  if (!field) return null;
  const reading = readDutchDate(field.value);
  return { field, date: reading.kind === 'ok' ? reading.date : null, dateRange: field.valueRange };
}

function beantwoordValue(table: LineTable, field: MetadataLine | null): BeantwoordValue | null {
  if (!field) return null;
  const line = field.line;
  const s = table.line(line);
  const valueStart = field.valueStart;
  const valueEnd = field.valueEnd;
  const open = s.lastIndexOf('(', valueEnd);
  let dateEnd = valueEnd;
  let days: number | null = null;
  let daysRange: Range | null = null;
  if (open >= valueStart) {
    const m = /^\(\s*na\s+(\d{1,6})\s+dag(?:en)?\s*\)$/i.exec(s.slice(open, valueEnd));
    if (m) {
      const digitsStart = s.indexOf(m[1]!, open);
      days = Number(m[1]);
      daysRange = lineRange(line, digitsStart, digitsStart + m[1]!.length);
      dateEnd = trimEnd(s, open);
    }
  }
  const reading = readDutchDate(s.slice(valueStart, dateEnd));
  return {
    field,
    date: reading.kind === 'ok' ? reading.date : null,
    dateRange: lineRange(line, valueStart, Math.max(valueStart, dateEnd)),
    days,
    daysRange,
  };
}

/** The length of the word `en` or `&` between spaces at `i` of `s` (a space before it at `i - 1`), or 0. */
function conjunctionAt(s: string, i: number, end: number): number {
  const n = s.charCodeAt(i) === 38 /* & */ ? 1 : (s.charCodeAt(i) | 32) === 101 /* e */ && (s.charCodeAt(i + 1) | 32) === 110 /* n */ ? 2 : 0;
  return n > 0 && i + n < end && isSpace(s.charCodeAt(i + n)) ? n : 0;
}

/**
 * Splits `s[start, end)` into members: at commas and semicolons outside parentheses, and at `en` or `&`
 * between two of them ("Van den Hil (VVD) en Bikker (ChristenUnie)"; a party inside parentheses is never
 * split). A part that is only initials ("Omtzigt, P.H. (NSC)") belongs to the name before it.
 */
function splitMembers(s: string, start: number, end: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  const push = (a: number, b: number) => {
    const last = parts[parts.length - 1];
    // (A letter and a full stop first, before the expression: most parts are names.)
    if (last && s.charCodeAt(skipSpaces(s, a) + 1) === 46 /* . */ && INITIALS.test(s.slice(a, b))) last[1] = b;
    else parts.push([a, b]);
  };
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */) depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (c === 44 /* , */ || c === 59 /* ; */) {
      push(from, i);
      from = i + 1;
    } else if (i > from && isSpace(s.charCodeAt(i - 1))) {
      const n = conjunctionAt(s, i, end);
      if (n > 0 && skipSpaces(s, from) < i - 1) {
        push(from, i);
        from = i + n;
      }
    }
  }
  push(from, end);
  return parts;
}

/** A member's initials after a comma, and perhaps the party: `P.H.`, `P. H. (NSC)`. */
const INITIALS = /^\s*(?:\p{Lu}\.\s*)+(?:\(.*\))?\s*$/u;

/** `Name (PARTY)` or `Name`: the name, and the party inside the last parentheses. */
function readPerson(table: LineTable, line: number, s: string, start: number, end: number): { name: Span; groups: Span[] } {
  const a = skipSpaces(s, start);
  const b = trimEnd(s, end);
  const groups: Span[] = [];
  let nameEnd = b;
  let depth = 0;
  let open = -1;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c === 40 /* ( */) {
      if (depth === 0) {
        open = i;
        if (groups.length === 0) nameEnd = i;
      }
      depth++;
    } else if (c === 41 /* ) */ && depth > 0) {
      depth--;
      if (depth === 0 && open >= 0) groups.push(trimmedSpan(table, line, s, open + 1, i));
    }
  }
  return { name: trimmedSpan(table, line, s, a, nameEnd), groups };
}

function indienersValue(table: LineTable, field: MetadataLine | null): IndienersValue | null {
  if (!field) return null;
  const line = field.line;
  const s = table.line(line);
  const members: Member[] = [];
  for (const [a, b] of splitMembers(s, field.valueStart, field.valueEnd)) {
    if (skipSpaces(s, a) >= b) continue;
    const person = readPerson(table, line, s, a, b);
    const whole = trimmedSpan(table, line, s, a, b);
    members.push({ name: person.name, party: person.groups[person.groups.length - 1] ?? null, range: whole.range });
  }
  return { field, plural: field.key === 'Indieners', members };
}

/** `Beantwoord door`: read when first asked for (no check needs more than whether the line is there). */
class MinisterReading implements MinisterValue {
  private read: { name: Span; role: Span | null; party: Span | null } | undefined = undefined;

  constructor(private readonly table: LineTable, readonly field: MetadataLine) {}

  private person(): { name: Span; role: Span | null; party: Span | null } {
    if (this.read) return this.read;
    const { table, field } = this;
    const person = readPerson(table, field.line, table.line(field.line), field.valueStart, field.valueEnd);
    let role: Span | null = null;
    let party: Span | null = null;
    if (person.groups.length >= 2) {
      role = person.groups[0]!;
      party = person.groups[person.groups.length - 1]!;
    } else if (person.groups.length === 1) {
      const g = person.groups[0]!;
      if (/^(minister|staatssecretaris|vice|premier)/i.test(g.text) || /\s\p{Ll}/u.test(g.text)) role = g;
      else party = g;
    }
    return (this.read = { name: person.name, role, party });
  }

  get name(): Span {
    return this.person().name;
  }

  get role(): Span | null {
    return this.person().role;
  }

  get party(): Span | null {
    return this.person().party;
  }

  toJSON(): MinisterValue {
    return { field: this.field, ...this.person() };
  }
}

/** `Onderwerpen`: the topics, read when first asked for (no check reads them). */
class TopicsReading implements OnderwerpenValue {
  private read: readonly Span[] | undefined = undefined;

  constructor(private readonly table: LineTable, readonly field: MetadataLine) {}

  get topics(): readonly Span[] {
    if (this.read) return this.read;
    const { table, field } = this;
    const s = table.line(field.line);
    const starts: number[] = [];
    const ends: number[] = [];
    const words: string[] = [];
    const re = /\S+/gu;
    re.lastIndex = field.valueStart;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null && m.index < field.valueEnd) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
      words.push(m[0]);
    }
    return (this.read = groupTopics(words).map(([a, b]) => new LineSpan(table, field.line, starts[a]!, ends[b]!)));
  }

  toJSON(): OnderwerpenValue {
    return { field: this.field, topics: this.topics };
  }
}

function sourceValue(table: LineTable, field: MetadataLine | null): SourceValue | null {
  if (!field) return null;
  const line = field.line;
  const url = new LineSpan(table, line, field.valueStart, field.valueEnd);
  const m = /(?:kv|ah)-tk-[A-Za-z0-9-]+/.exec(url.text);
  let documentId: Span | null = null;
  if (m) documentId = new LineSpan(table, line, field.valueStart + m.index, field.valueStart + m.index + m[0].length);
  return { field, url, documentId };
}
