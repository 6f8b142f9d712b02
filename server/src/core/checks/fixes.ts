/**
 * The fixes that add or move lines: an answer line under a question, a missing metadata key, the metadata
 * lines in the order of the format. Each keeps every character of the author: lines move whole, and
 * what is inserted is only the structure (a line end, the indentation, a key) — never a value the author
 * did not write. The fixes that replace a word live next to their check.
 */
import type { Fix } from '../diagnostic';
import type { KamervraagDocument, MetadataField } from '../model';
import { METADATA_KEYS } from '../metadata';
import { firstQuestion } from '../blockStyle';
import { lineEndAfter, lineRange, range, skipSpaces } from '../lines';
import { msg } from './messages';

/** Order index of a metadata key (-1: unknown); `Indiener` and `Indieners` share a place. */
export function metadataOrder(key: string): number {
  const i = METADATA_KEYS.indexOf(key as (typeof METADATA_KEYS)[number]);
  return key === 'Indieners' ? METADATA_KEYS.indexOf('Indiener') : i;
}

/**
 * The fix of a missing answer to question `i`: after the last line of its question text, a blank line and
 * an empty answer line indented as the question text (else twice the heading's indentation), the cursor on
 * it. None for a block without question text, where the line would become the question.
 *
 * Inserted at the start of the next line (`⏎  |⏎`), so that an editor that indents the lines of a snippet
 * like the line it is inserted on (VS Code) finds no indentation there; at the end of the text, where
 * there is no next line, after the question (`⏎⏎  `) and without a cursor.
 */
export function answerFix(doc: KamervraagDocument, i: number): Fix | undefined {
  const blocks = doc.blocks;
  const lines = blocks.lines;
  const last = blocks.lastTextLine(i);
  if (last < 0 || blocks.hasAnswer(i)) return undefined;
  const heading = blocks.headingLine(i);
  let indent = '';
  for (let k = heading + 1; k <= last; k++) {
    const s = lines.line(k);
    const at = skipSpaces(s);
    if (at < s.length) {
      indent = s.slice(0, at);
      break;
    }
  }
  if (indent === '') {
    const h = lines.line(heading);
    indent = h.slice(0, skipSpaces(h)).repeat(2) || '  ';
  }
  const eol = lineEndAfter(doc.blocks.lines, last);
  const title = msg('Add an answer line', 'Voeg een antwoordregel toe');
  if (last + 1 < lines.count) {
    return { title, edits: [{ range: lineRange(last + 1, 0, 0), newText: `${eol}${indent}${eol}`, cursor: eol.length + indent.length }], needsInput: true };
  }
  const end = lines.line(last).length;
  return { title, edits: [{ range: lineRange(last, end, end), newText: `${eol}${eol}${indent}` }], needsInput: true };
}

/**
 * The fix of a document without questions: its first, a ` • Vraag 1` heading and an empty question line with
 * the cursor on it, where *Vraag toevoegen* writes it (blockStyle.ts `firstQuestion`). Only inserts.
 */
export function firstQuestionFix(doc: KamervraagDocument): Fix {
  const first = firstQuestion(doc);
  const at = doc.blocks.lines.positionAt(first.at);
  return {
    title: msg("Add 'Vraag 1'", "Voeg 'Vraag 1' toe"),
    edits: [{ range: { start: at, end: at }, newText: first.newText, cursor: first.cursor }],
    needsInput: true,
  };
}

/** The known fields, when the metadata lines from the first field to the last are all known fields (no
 * blank, stray or unknown line between them); null otherwise. */
function plainFields(doc: KamervraagDocument): readonly MetadataField[] | null {
  const fields = doc.metadata.fields;
  if (fields.length === 0 || !fields.every((f) => f.known)) return null;
  const first = fields[0]!.range.start.line;
  const last = fields[fields.length - 1]!.range.start.line;
  return last - first + 1 === fields.length ? fields : null;
}

/**
 * The fix of metadata out of order: the lines of the block in the order of the format (a stable sort:
 * a field written twice keeps its order), each line's text as written, the line ends where they stand.
 * None when the block holds a blank, stray or unknown line, whose place in the order nobody knows.
 */
export function metadataOrderFix(doc: KamervraagDocument): Fix | undefined {
  const fields = plainFields(doc);
  if (!fields) return undefined;
  const lines = doc.blocks.lines;
  const first = fields[0]!.range.start.line;
  const last = fields[fields.length - 1]!.range.start.line;
  const sorted = fields.map((f, k) => ({ k, order: metadataOrder(f.key), line: f.range.start.line }))
    .sort((a, b) => a.order - b.order || a.k - b.k);
  let newText = '';
  for (let k = 0; k < sorted.length; k++) {
    newText += lines.line(sorted[k]!.line);
    // The line end that stood after the k-th line stays after the k-th line.
    if (k + 1 < sorted.length) newText += lines.text.slice(lines.end(first + k), lines.start(first + k + 1));
  }
  return {
    title: msg('Put the metadata in the order of the format', 'Zet de metadata in de volgorde van het formaat'),
    edits: [{ range: range(first, 0, last, lines.line(last).length), newText }],
  };
}

/**
 * The fix of a missing metadata field: its key on a line of its own at its place in the order — after the
 * field that comes last before it in the order, else before the first field — with the cursor after the
 * key and a space, where the author writes the value. None without any known field to place it by.
 */
export function missingFieldFix(doc: KamervraagDocument, key: string): Fix | undefined {
  const order = metadataOrder(key);
  const known = doc.metadata.fields.filter((f) => f.known);
  if (known.length === 0 || order < 0) return undefined;
  let before: MetadataField | null = null;
  for (const f of known) {
    const o = metadataOrder(f.key);
    if (o < order && (!before || o >= metadataOrder(before.key))) before = f;
  }
  const lines = doc.blocks.lines;
  const title = msg(`Add the '${key}' line`, `Voeg de regel '${key}' toe`);
  if (before) {
    const line = before.range.start.line;
    const end = lines.line(line).length;
    const newText = `${lineEndAfter(doc.blocks.lines, line)}${key} `;
    return { title, edits: [{ range: lineRange(line, end, end), newText, cursor: newText.length }], needsInput: true };
  }
  const line = known[0]!.range.start.line;
  return { title, edits: [{ range: lineRange(line, 0, 0), newText: `${key} ${lineEndAfter(doc.blocks.lines, line)}`, cursor: key.length + 1 }], needsInput: true };
}
