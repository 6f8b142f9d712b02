/**
 * The metadata block (`Ingediend: …` up to the first heading): its fields, and the typed values the format
 * gives them (dates, `Beantwoord … (na N dagen)`, members, the minister, topics, source links).
 */
import type {
  BeantwoordValue, DateValue, IndienersValue, Member, Metadata, MetadataField, MinisterValue, OnderwerpenValue,
  Range, SourceValue, Span,
} from './model';
import { readDutchDate } from './dates';
import { isBlank, isSpace, lineRange, skipSpaces, trimEnd, type LineTable } from './lines';
import { LineSpan, trimmedSpan } from './nodes';
import { groupTopics } from './topics';

/** The metadata keys of the format, in their required order. */
export const METADATA_KEYS = [
  'Ingediend', 'Beantwoord', 'Indiener', 'Indieners', 'Beantwoord door', 'Onderwerpen', 'Bron vraag', 'Bron antwoord',
] as const;

/** Longest first, so that `Beantwoord door` is not read as `Beantwoord`. */
const KEYS_LONGEST_FIRST = [...METADATA_KEYS].sort((a, b) => b.length - a.length);


/** The metadata key a line starts with, or null. */
export function readMetadataKey(s: string): string | null {
  for (const key of KEYS_LONGEST_FIRST) {
    if (s.startsWith(key) && (s.length === key.length || isSpace(s.charCodeAt(key.length)))) return key;
  }
  return null;
}

export function readMetadata(table: LineTable, from: number, to: number, strayLines: Span[]): Metadata {
  const lines: string[] = [];
  for (let i = from; i < to; i++) lines.push(table.line(i));
  const fields: MetadataField[] = [];
  const keys = lines.map(readMetadataKey);
  for (let i = from; i < to; i++) {
    const s = lines[i - from]!;
    if (isBlank(s)) continue;
    const key = keys[i - from] ?? null;
    const neighbourIsField = (i > from && keys[i - 1 - from] !== null) || (i + 1 < to && keys[i + 1 - from] !== null);
    if (key === null && !(neighbourIsField && /^\p{Lu}\p{Ll}*/u.test(s))) {
      strayLines.push(trimmedSpan(table, i, s, 0, s.length));
      continue;
    }
    let keyEnd: number;
    if (key !== null) keyEnd = key.length;
    else {
      keyEnd = 0;
      while (keyEnd < s.length && !isSpace(s.charCodeAt(keyEnd))) keyEnd++;
    }
    const value = trimmedSpan(table, i, s, keyEnd, s.length);
    fields.push({
      key: s.slice(0, keyEnd),
      keyRange: lineRange(i, 0, keyEnd),
      value: value.text,
      valueRange: value.range,
      range: lineRange(i, 0, trimEnd(s)),
      known: key !== null,
    });
  }
  const first = (key: string) => fields.find((f) => f.known && f.key === key) ?? null;
  const indienerField = fields.find((f) => f.known && (f.key === 'Indiener' || f.key === 'Indieners')) ?? null;
  return {
    fields,
    ingediend: dateValue(table, first('Ingediend')),
    beantwoord: beantwoordValue(table, first('Beantwoord')),
    indieners: indienersValue(table, indienerField),
    beantwoordDoor: ministerValue(table, first('Beantwoord door')),
    onderwerpen: onderwerpenValue(table, first('Onderwerpen')),
    bronVraag: sourceValue(table, first('Bron vraag')),
    bronAntwoord: sourceValue(table, first('Bron antwoord')),
    range: fields.length > 0 ? { start: fields[0]!.range.start, end: fields[fields.length - 1]!.range.end } : null,
  };
}

function dateValue(table: LineTable, field: MetadataField | null): DateValue | null {
  if (!field) return null;
  const reading = readDutchDate(field.value);
  return { field, date: reading.kind === 'ok' ? reading.date : null, dateRange: field.valueRange };
}

function beantwoordValue(table: LineTable, field: MetadataField | null): BeantwoordValue | null {
  if (!field) return null;
  const line = field.range.start.line;
  const s = table.line(line);
  const valueStart = field.valueRange.start.character;
  const valueEnd = field.valueRange.end.character;
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

/** Splits `s[start, end)` at commas outside parentheses. */
function splitTopLevel(s: string, start: number, end: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      parts.push([from, i]);
      from = i + 1;
    }
  }
  parts.push([from, end]);
  return parts;
}

/** `Name (PARTY)` or `Name`: the name, and the party inside the last parentheses. */
function readPerson(table: LineTable, line: number, s: string, start: number, end: number): { name: Span; groups: Span[] } {
  const a = skipSpaces(s, start);
  const b = trimEnd(s, end);
  const groups: Span[] = [];
  let nameEnd = b;
  let depth = 0;
  let open = -1;
  for (let i = a; i < b; i++) {
    const c = s[i];
    if (c === '(') {
      if (depth === 0) {
        open = i;
        if (groups.length === 0) nameEnd = i;
      }
      depth++;
    } else if (c === ')' && depth > 0) {
      depth--;
      if (depth === 0 && open >= 0) groups.push(trimmedSpan(table, line, s, open + 1, i));
    }
  }
  return { name: trimmedSpan(table, line, s, a, nameEnd), groups };
}

function indienersValue(table: LineTable, field: MetadataField | null): IndienersValue | null {
  if (!field) return null;
  const line = field.range.start.line;
  const s = table.line(line);
  const members: Member[] = [];
  for (const [a, b] of splitTopLevel(s, field.valueRange.start.character, field.valueRange.end.character)) {
    if (isBlank(s.slice(a, b))) continue;
    const person = readPerson(table, line, s, a, b);
    const whole = trimmedSpan(table, line, s, a, b);
    members.push({ name: person.name, party: person.groups[person.groups.length - 1] ?? null, range: whole.range });
  }
  return { field, plural: field.key === 'Indieners', members };
}

function ministerValue(table: LineTable, field: MetadataField | null): MinisterValue | null {
  if (!field) return null;
  const line = field.range.start.line;
  const s = table.line(line);
  const person = readPerson(table, line, s, field.valueRange.start.character, field.valueRange.end.character);
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
  return { field, name: person.name, role, party };
}

function onderwerpenValue(table: LineTable, field: MetadataField | null): OnderwerpenValue | null {
  if (!field) return null;
  const line = field.range.start.line;
  const s = table.line(line);
  const starts: number[] = [];
  const ends: number[] = [];
  const words: string[] = [];
  const re = /\S+/gu;
  re.lastIndex = field.valueRange.start.character;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null && m.index < field.valueRange.end.character) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    words.push(m[0]);
  }
  const topics = groupTopics(words).map(([a, b]) => new LineSpan(table, line, starts[a]!, ends[b]!));
  return { field, topics };
}

function sourceValue(table: LineTable, field: MetadataField | null): SourceValue | null {
  if (!field) return null;
  const line = field.range.start.line;
  const url = new LineSpan(table, line, field.valueRange.start.character, field.valueRange.end.character);
  const m = /(?:kv|ah)-tk-[A-Za-z0-9-]+/.exec(url.text);
  let documentId: Span | null = null;
  if (m) {
    const idEnd = m.index + m[0].length;
    const start = url.range.start.character + m.index;
    documentId = new LineSpan(table, line, start, url.range.start.character + idEnd);
  }
  return { field, url, documentId };
}
