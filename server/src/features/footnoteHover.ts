/**
 * The hover on a footnote marker glued to a question's, an answer's or a Mededeling's text (`aanpakken?1`,
 * `2 juli 20142`; core/footnotes.ts): which footnote it is, and that its text is not in the Kamervraag but
 * in the publication, the questions' for a question's marker and the answer's for an answer's, linked on
 * officielebekendmakingen.nl when the document names it (`Bron vraag`, `Bron antwoord`, the footer, the
 * zaaknummer).
 */
import type { HoverParams } from 'vscode-languageserver';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import type { Locale } from '../core/diagnostic';
import { officialDocumentUrl } from '../core/externals';
import { findFootnotes, type FootnoteMarker } from '../core/footnotes';
import type { KamervraagDocument, Position, Range, Span } from '../core/model';
import type { FeatureContext } from './context';
import { list } from './i18n';
import { escapeMarkdown } from './markdown';

type Part = 'question' | 'answer' | 'mededeling';

export function footnoteHover(analysis: Analysis, params: HoverParams, context: FeatureContext): Hover | null {
  const doc = analysis.document;
  const found = footnoteAt(doc, params.position);
  if (!found) return null;
  const { marker, part, range } = found;
  const locale = context.locale;
  const id = part === 'question' ? questionsId(doc) : part === 'answer' ? answerId(doc) : null;
  const url = id === null ? null : officialDocumentUrl(id);
  const link = url ? `[${escapeMarkdown(id!)}](${url})` : null;
  const lines = [`**${escapeMarkdown(heading(marker.numbers, locale))}**`, where(part, marker.numbers.length > 1, link, locale)];
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range };
}

/** The footnote marker at `pos` (its ends included), the part of the document it stands in and its range. */
function footnoteAt(doc: KamervraagDocument, pos: Position): { marker: FootnoteMarker; part: Part; range: Range } | null {
  const spans: Array<[Part, readonly Span[]]> = [];
  for (const q of doc.questions) {
    if (q.range.start.line > pos.line || pos.line > q.range.end.line) continue;
    spans.push(['question', q.question], ['answer', q.answer]);
  }
  for (const m of doc.mededelingen) if (m.range.start.line <= pos.line && pos.line <= m.range.end.line) spans.push(['mededeling', m.paragraphs]);
  for (const [part, paragraphs] of spans) {
    for (const span of paragraphs) {
      if (span.range.start.line !== pos.line) continue;
      const at = span.range.start.character;
      for (const marker of findFootnotes(span.text)) {
        if (at + marker.start <= pos.character && pos.character <= at + marker.end) {
          return { marker, part, range: { start: { line: pos.line, character: at + marker.start }, end: { line: pos.line, character: at + marker.end } } };
        }
      }
    }
  }
  return null;
}

/** The document number of the questions' publication: `Bron vraag`'s, the footer's, or made of the zaaknummer. */
function questionsId(doc: KamervraagDocument): string | null {
  const zaaknummer = doc.header?.zaaknummer?.text;
  return doc.metadata.bronVraag?.documentId?.text ?? doc.footer?.kamervraagNummer?.value.text ?? (zaaknummer ? `kv-tk-${zaaknummer}` : null);
}

/** The document number of the answer's publication: `Bron antwoord`'s or the footer's. */
function answerId(doc: KamervraagDocument): string | null {
  return doc.metadata.bronAntwoord?.documentId?.text ?? doc.footer?.kamerantwoordNummer?.value.text ?? null;
}

function heading(numbers: readonly number[], locale: Locale): string {
  const word = locale === 'nl' ? (numbers.length > 1 ? 'Voetnoten' : 'Voetnoot') : numbers.length > 1 ? 'Footnotes' : 'Footnote';
  return `${word} ${list(locale, numbers)}`;
}

/** Where the footnote's text is, in Markdown: `link` the publication's (already Markdown), or null. */
function where(part: Part, plural: boolean, link: string | null, locale: Locale): string {
  const nl = locale === 'nl';
  const notHere = nl ? 'De tekst staat niet in de Kamervraag' : `${plural ? 'Their text is' : 'Its text is'} not in the Kamervraag`;
  if (part === 'mededeling') return `${notHere}.`;
  const what = nl ? (part === 'question' ? 'de vragen' : 'het antwoord') : part === 'question' ? 'the questions' : 'the answer';
  const publication = nl ? `, wel in de publicatie van ${what} op officielebekendmakingen.nl` : ` but in the publication of ${what} on officielebekendmakingen.nl`;
  return link ? `${notHere}${publication}: ${link}.` : `${notHere}${publication}.`;
}
