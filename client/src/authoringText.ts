/**
 * The pure parts of the writing commands (no `vscode` import: unit-tested in plain Node): the snippet of a
 * new Kamervraag, and the questions of a document's outline as "Ga naar vraag…" lists them.
 */
import { formatDutchDate } from '../../server/src/core/dates';

export interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * A new Kamervraag as a snippet: the header `Kamervraag <year>Z` with a tab stop for the five digits (the
 * Bron vraag and the footer follow it), the title (the footer's Volledige titel follows it), the metadata
 * with today's date, one question block, and the footer. Placeholders are Dutch, as the documents are.
 */
export function newKamervraagSnippet(today: Day): string {
  const zaak = `${today.year}Z\${1:00000}`;
  const same = `${today.year}Z\${1}`;
  return [
    `Kamervraag ${zaak}`,
    '',
    '${2:Titel}',
    '',
    `Ingediend ${formatDutchDate(today)}`,
    'Indiener ${3:Naam (PARTIJ)}',
    'Onderwerpen ${4:onderwerp}',
    `Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-${same}.html`,
    ' • Vraag 1',
    '  ${5:Vraag}$0',
    '',
    '',
    `Kamervraag document nummer: kv-tk-${same}`,
    'Volledige titel: ${2}',
    '',
  ].join('\n');
}

/** The part of a document symbol the outline gives (vscode.DocumentSymbol has it). */
export interface OutlineSymbol {
  readonly name: string;
  readonly detail: string;
  readonly selectionRange: { readonly start: { readonly line: number; readonly character: number } };
  readonly children: readonly OutlineSymbol[];
}

export interface QuestionPick {
  readonly number: number | null;
  /** `Vraag 3`, or the heading as written when it has no number. */
  readonly name: string;
  /** The first words of the question. */
  readonly words: string;
  /** Whether the outline shows an answer (a second part under the question). */
  readonly answered: boolean;
  readonly line: number;
  readonly character: number;
}

/** The questions in the server's outline (the document symbol, then its `Question N` / `Vraag N` children, in the
 * display language, each with its question and answer parts). */
export function questionPicks(symbols: readonly OutlineSymbol[]): QuestionPick[] {
  const out: QuestionPick[] = [];
  for (const root of symbols) {
    for (const s of root.children) {
      const m = /^(?:Vraag|Question) (\d+)$/.exec(s.name);
      if (!m && !/^\s*(?:vraag|question)\b/i.test(s.name)) continue;
      out.push({
        number: m ? Number(m[1]) : null,
        name: s.name,
        words: s.detail,
        answered: s.children.length >= 2,
        line: s.selectionRange.start.line,
        character: s.selectionRange.start.character,
      });
    }
  }
  return out;
}

/**
 * `text` of the document as a quick pick shows it: as written. VS Code draws `$(name)` (`$(zap)`,
 * `$(sync~spin)`) in a quick pick's label, description and detail as an icon, unless the `$` is escaped with
 * a backslash; a `$(` that names no icon it shows as it is, and so must not escape.
 */
export function pickText(text: string): string {
  return text.replace(/\$(?=\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\))/g, '\\$');
}
