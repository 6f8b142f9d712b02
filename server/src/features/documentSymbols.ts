/**
 * Document symbols: the document (zaaknummer, title) holding the metadata (a field per line), every
 * `Vraag N` with its question and answer, every `Mededeling`, and the footer. The words are the
 * session's language ("Question 3" with "Question" and "Answer"; in Dutch "Vraag 3" with "Vraag" and
 * "Antwoord"); the domain words `Kamervraag` and `Mededeling`, and the metadata keys, stay. Ranges are exact and each
 * selection range lies inside its range, so outline, breadcrumbs and sticky scroll line up.
 */
import type { DocumentSymbolParams } from 'vscode-languageserver';
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import type { Locale } from '../core/diagnostic';
import { formatDutchDate } from '../core/dates';
import type { KamervraagDocument, Range, Span } from '../core/model';
import type { FeatureContext } from './context';
import { t } from './i18n';
import { truncate } from './markdown';
import { rangeContains, union } from '../core/ranges';

/** How long a detail (the first words of a question) may be. */
const DETAIL_CHARS = 80;

function symbol(
  name: string,
  detail: string | undefined,
  kind: SymbolKind,
  range: Range,
  selectionRange: Range,
  children?: DocumentSymbol[],
): DocumentSymbol {
  let full = range;
  for (const child of children ?? []) if (!rangeContains(full, child.range)) full = union(full, child.range);
  const selection = rangeContains(full, selectionRange) ? selectionRange : { start: full.start, end: full.start };
  const n = name.trim() || '?';
  // Each shape written whole: a property added afterwards takes another object to hold it.
  if (children && children.length > 0) {
    return detail ? { name: n, kind, range: full, selectionRange: selection, detail, children } : { name: n, kind, range: full, selectionRange: selection, children };
  }
  return detail ? { name: n, kind, range: full, selectionRange: selection, detail } : { name: n, kind, range: full, selectionRange: selection };
}

const MESSY_SPACE = /\s\s|[\t\n\r\u00a0]/;

/** The first words of some paragraphs: reads only as much text as the detail shows. */
function firstWords(spans: readonly Span[]): string | undefined {
  let text = '';
  for (const s of spans) {
    const t = s.text.length > DETAIL_CHARS + 20 ? s.text.slice(0, DETAIL_CHARS + 20) : s.text;
    text = text ? `${text} ${t}` : t;
    if (text.length > DETAIL_CHARS) break;
  }
  if (MESSY_SPACE.test(text)) text = text.replace(/\s+/g, ' ');
  text = text.trim();
  return text ? truncate(text, DETAIL_CHARS) : undefined;
}

/**
 * The question or answer of a block (`paragraphs`, not empty), selected at its first paragraph. Most are
 * one paragraph: its range is then the selection too, one object rather than two (the outline of 10,000
 * questions keeps 30,000 symbols alive while it is made, and each object kept is copied by the collector).
 */
function partSymbol(name: string, detail: string | undefined, paragraphs: readonly Span[]): DocumentSymbol {
  const first = paragraphs[0]!.range;
  const range = paragraphs.length === 1 ? first : { start: first.start, end: paragraphs[paragraphs.length - 1]!.range.end };
  return symbol(name, detail, SymbolKind.String, range, first);
}

/** The symbols as a tree when the client shows one, else flattened (each with its container's name). */
export function documentSymbols(
  analysis: Analysis,
  params: DocumentSymbolParams,
  context: FeatureContext,
): DocumentSymbol[] | SymbolInformation[] {
  const tree = symbolTree(analysis.document, context.locale);
  return context.hierarchicalSymbols ? tree : flatten(tree, params.textDocument.uri);
}

function symbolTree(doc: KamervraagDocument, locale: Locale): DocumentSymbol[] {
  const children: DocumentSymbol[] = [];
  const QUESTION = t(locale, 'question');
  const ANSWER = t(locale, 'answer');
  const m = doc.metadata;
  if (m.range && m.fields.length > 0) {
    children.push(
      symbol(
        t(locale, 'metadata'),
        undefined,
        SymbolKind.Namespace,
        m.range,
        m.fields[0]!.keyRange,
        m.fields.map((f) => symbol(f.key, truncate(f.value, DETAIL_CHARS), SymbolKind.Property, f.range, f.keyRange)),
      ),
    );
  }
  for (const q of doc.questions) {
    // A question's paragraphs and heading are made each time they are asked for: asked once here.
    const question = q.question;
    const answer = q.answer;
    const heading = q.heading;
    const parts: DocumentSymbol[] = [];
    const questionWords = firstWords(question);
    if (question.length > 0) parts.push(partSymbol(QUESTION, questionWords, question));
    if (answer.length > 0) parts.push(partSymbol(ANSWER, firstWords(answer), answer));
    const name = q.number !== null ? `${QUESTION} ${q.number}` : heading.text;
    children.push(symbol(name, questionWords, SymbolKind.Class, q.range, heading.range, parts));
  }
  for (const md of doc.mededelingen) {
    children.push(
      symbol('Mededeling', md.date ? formatDutchDate(md.date) : undefined, SymbolKind.Event, md.range, md.heading.range),
    );
  }
  const f = doc.footer;
  if (f) {
    children.push(
      symbol(
        t(locale, 'footer'),
        undefined,
        SymbolKind.Namespace,
        f.range,
        f.fields[0]?.keyRange ?? f.range,
        f.fields.map((field) =>
          symbol(field.key, truncate(field.value.text, DETAIL_CHARS), SymbolKind.Property, field.range, field.keyRange),
        ),
      ),
    );
  }
  const header = doc.header;
  const anchor = header?.range ?? doc.title?.range ?? children[0]?.range;
  if (!anchor) return [];
  let whole = anchor;
  if (doc.title) whole = union(whole, doc.title.range);
  const zaak = header?.zaaknummer;
  return [
    symbol(
      zaak ? `Kamervraag ${zaak.text}` : 'Kamervraag',
      doc.title?.text.trim() || undefined,
      SymbolKind.File,
      whole,
      zaak?.range ?? anchor,
      children,
    ),
  ];
}

/** The tree flattened, for clients without hierarchical document symbols. */
function flatten(tree: readonly DocumentSymbol[], uri: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const walk = (symbols: readonly DocumentSymbol[], container: string | undefined): void => {
    for (const s of symbols) {
      const info: SymbolInformation = { name: s.name, kind: s.kind, location: { uri, range: s.range } };
      if (container) info.containerName = container;
      out.push(info);
      if (s.children) walk(s.children, s.name);
    }
  };
  walk(tree, undefined);
  return out;
}
