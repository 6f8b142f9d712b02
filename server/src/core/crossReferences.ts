/**
 * References from one Kamervraag to another: a zaaknummer written in its text (`2024Z16988`, also inside a
 * document id `kv-tk-2024Z16988`), and a question of that document ("vraag 4 van de leden … (2024Z16988)",
 * "(2024Z16988, vraag 2)"). The document's own zaaknummer is no cross reference. What they point to, the
 * workspace says (features/crossReferences.ts); here only where they stand.
 */
import { isDigit } from './chars';
import { followsExternal, precedesExternal } from './externals';
import { lineRange } from './lines';
import type { ExternalReference, KamervraagDocument, Range } from './model';

export interface CrossReference {
  /** The other document's zaaknummer. */
  readonly zaaknummer: string;
  /** For "vraag 4 van … (2024Z12345)": 4, and `range` holds its digits; null for the zaaknummer itself. */
  readonly question: number | null;
  /** The zaaknummer (with `kv-tk-` when written as a document id), or the question's number. */
  readonly range: Range;
}

/**
 * `vraag 4`, `vragen 2 en 3`, `vragen 1, 2 of 5`, `vragen 2 t/m 4`, `vragen 1 tot en met 4`: the word and
 * its numbers (of a range its written ends).
 */
const QUESTION_NUMBERS =
  /(?<![\p{L}\d])vra(?:ag|gen)[ \u00a0]+(\d{1,4}(?:(?:[ \u00a0]*[,\u2013-][ \u00a0]*|[ \u00a0]+(?:en|of|en\/of|t\/m|tot[ \u00a0]+en[ \u00a0]+met)[ \u00a0]+)\d{1,4})*)(?![\p{L}\d])/giu;
/** `kv-tk-` in any case, read where `lastIndex` says. */
const KV_TK = /kv-tk-/iy;
/** How far after a question's numbers its document's zaaknummer may stand ("vraag 3 van het lid … (2024Z…)"). */
const REACH = 160;

const cache = new WeakMap<KamervraagDocument, readonly CrossReference[]>();

/** The cross references of `doc`, in document order; `lineText` gives the text of a line. */
export function crossReferences(doc: KamervraagDocument, lineText: (line: number) => string): readonly CrossReference[] {
  let found = cache.get(doc);
  if (!found) cache.set(doc, (found = scan(doc, lineText)));
  return found;
}

function scan(doc: KamervraagDocument, lineText: (line: number) => string): CrossReference[] {
  const own = doc.header?.zaaknummer?.text.trim() ?? null;
  const byLine = new Map<number, ExternalReference[]>();
  for (const ext of doc.externalReferences) {
    if (ext.kind !== 'zaaknummer') continue;
    const list = byLine.get(ext.range.start.line);
    if (list) list.push(ext);
    else byLine.set(ext.range.start.line, [ext]);
  }
  const out: CrossReference[] = [];
  for (const [line, exts] of byLine) {
    const s = lineText(line);
    const onLine: CrossReference[] = [];
    for (const ext of exts) {
      if (ext.text === own) continue;
      const at = ext.range.start.character;
      KV_TK.lastIndex = at - 6;
      const start = at >= 6 && KV_TK.test(s) ? at - 6 : at;
      onLine.push({ zaaknummer: ext.text, question: null, range: lineRange(line, start, ext.range.end.character) });
    }
    QUESTION_NUMBERS.lastIndex = 0;
    for (let m = QUESTION_NUMBERS.exec(s); m; m = QUESTION_NUMBERS.exec(s)) {
      const numbersEnd = m.index + m[0].length;
      let target: ExternalReference | undefined;
      if (precedesExternal(s, numbersEnd)) {
        target = exts.find((e) => e.range.start.character >= numbersEnd && e.range.start.character - numbersEnd <= REACH);
      } else if (followsExternal(s, m.index, 0)) {
        // The last zaaknummer before the question.
        for (let k = exts.length - 1; k >= 0 && !target; k--) if (exts[k]!.range.end.character <= m.index) target = exts[k];
      }
      if (!target || target.text === own) continue;
      // Each number of the list: its digits, where they stand.
      for (let i = m.index + m[0].length - m[1]!.length; i < numbersEnd; i++) {
        if (!isDigit(s.charCodeAt(i))) continue;
        const from = i;
        while (i < numbersEnd && isDigit(s.charCodeAt(i))) i++;
        onLine.push({ zaaknummer: target.text, question: Number(s.slice(from, i)), range: lineRange(line, from, i) });
      }
    }
    onLine.sort((a, b) => a.range.start.character - b.range.start.character);
    out.push(...onLine);
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
