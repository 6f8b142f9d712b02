/**
 * Random incremental edits, as an editor sends them in `didChange`: each a range of the current text
 * (possibly empty, possibly across lines or inside a CRLF or a surrogate pair) and its new text.
 */
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

export interface RawEdit {
  /** Where the edit starts, as a fraction of the text length. */
  readonly at: number;
  /** How much it replaces, in characters (often 0 or 1, like typing). */
  readonly length: number;
  readonly text: string;
  /** A change without a range: the whole text replaced (clients may mix both kinds). */
  readonly full?: boolean;
}

const insertions = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('x', ' ', '1', '9', '\n', '\r\n', '', '•', '«', 'é', '😀', '\uD800') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '\n • Vraag 4\n', ' • Vraag 11\n  Waarom?\n\n  Zie antwoord vraag 2.\n', 'Zie antwoord vraag 3', ', 8 en 9', ' t/m 5',
      '\n\n', 'Beantwoord 24 november 2014 (na 25 dagen)\n', 'Kamervraag document nummer: kv-tk-2014Z19222\n',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

export const rawEdit: fc.Arbitrary<RawEdit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat({ max: 3 }) }, { weight: 1, arbitrary: fc.nat({ max: 400 }) }),
  text: insertions,
  full: fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

/** What a full change sets the text to: a short document, so the edits after it have something to work on. */
const fullText = (e: RawEdit) => `Kamervraag 2014Z19222\n\nTitel\n\n • Vraag 1\n  Waarom?${e.text}\n\n  Zie antwoord vraag 1.`;

/** Edit batches: each inner array is the contentChanges of one didChange. */
export const editBatches = fc.array(fc.array(rawEdit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 });

/** The offsets an edit covers in `text`. An offset between `\r` and `\n` has no LSP position (a
 * line's characters end before its line break): it moves to before the `\r`. */
export function offsetsOf(text: string, e: RawEdit): [number, number] {
  const snap = (o: number) => (o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10 ? o - 1 : o);
  const start = snap(Math.min(text.length, Math.floor(e.at * (text.length + 1))));
  const end = Math.max(start, snap(Math.min(text.length, start + e.length)));
  return [start, end];
}

/** Turns a raw edit into an LSP change against `doc` (whose text it does not change). */
export function toChange(doc: TextDocument, e: RawEdit): TextDocumentContentChangeEvent {
  if (e.full) return { text: fullText(e) };
  const [start, end] = offsetsOf(doc.getText(), e);
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.text };
}

/** The LSP changes of a batch against `doc`: each applies to the text after the previous one. */
export function changesOf(doc: TextDocument, batch: readonly RawEdit[]): TextDocumentContentChangeEvent[] {
  const changes: TextDocumentContentChangeEvent[] = [];
  // TextDocument.update changes the document it is given: work on a copy.
  const scratch = TextDocument.create(doc.uri, doc.languageId, doc.version, doc.getText());
  for (const e of batch) {
    const change = toChange(scratch, e);
    changes.push(change);
    TextDocument.update(scratch, [change], scratch.version + 1);
  }
  return changes;
}

/** Applies a batch to `doc` (which TextDocument.update changes in place, as the server's TextDocuments does). */
export function applyBatch(doc: TextDocument, batch: readonly RawEdit[]): { changes: TextDocumentContentChangeEvent[]; doc: TextDocument } {
  const changes = changesOf(doc, batch);
  return { changes, doc: TextDocument.update(doc, changes, doc.version + 1) };
}

/** Independent of TextDocument: splices the text by offsets (the reference for the final text). */
export function spliceText(text: string, batch: readonly RawEdit[]): string {
  let t = text;
  for (const e of batch) {
    if (e.full) {
      t = fullText(e);
      continue;
    }
    const [start, end] = offsetsOf(t, e);
    t = t.slice(0, start) + e.text + t.slice(end);
  }
  return t;
}
