/**
 * Completion while writing a document from nothing: the metadata keys still missing (at the start of a
 * line of the metadata block, in the format's order), today's date and the Dutch month names in the date
 * fields (`Ingediend`, `Beantwoord`, with `(na N dagen)` counted from Ingediend), and a new question block
 * with the next number (a snippet when the client takes snippets); the values of the other fields come
 * from `completionValues.ts`. `completion.ts` asks here first.
 */
import type { CompletionParams } from 'vscode-languageserver';
import {
  CompletionItemKind, InsertTextFormat, type CompletionItem,
} from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { beantwoordValue, formatDutchDate, MONTHS } from '../core/dates';
import { blockStyle } from '../core/blockStyle';
import { lineRange } from '../core/lines';
import { METADATA_KEYS, readMetadataKey } from '../core/metadata';
import type { KamervraagDocument } from '../core/model';
import type { FeatureContext } from './context';
import { sourceCompletion, valueCompletions } from './completionValues';

/** The lines of the metadata block: after the title (or header) up to the first heading or the footer. */
function metadataLines(doc: KamervraagDocument): { from: number; to: number } {
  const from = doc.title ? doc.title.range.end.line + 1 : doc.header ? 1 : 0;
  let to = doc.footer ? doc.footer.range.start.line : doc.lineCount;
  if (doc.blocks.questionCount > 0) to = Math.min(to, doc.blocks.headingLine(0));
  if (doc.mededelingen.length > 0) to = Math.min(to, doc.mededelingen[0]!.heading.range.start.line);
  return { from, to };
}

/** A letter, mark or digit right after the cursor: the word there goes on, and what completion writes would glue to it. */
export const WORD_AFTER = /^[\p{L}\p{M}\p{N}]/u;

const order = (k: number) => String(k).padStart(3, '0');

/** The keys the metadata lacks, in the format's order (Indiener and Indieners when neither stands). */
function keyItems(doc: KamervraagDocument, line: number, typed: string, nl: boolean): CompletionItem[] {
  const present = new Set(doc.metadata.fields.filter((f) => f.known && f.range.start.line !== line).map((f) => f.key));
  const hasIndiener = present.has('Indiener') || present.has('Indieners');
  const items: CompletionItem[] = [];
  METADATA_KEYS.forEach((key, k) => {
    if (present.has(key) || ((key === 'Indiener' || key === 'Indieners') && hasIndiener)) return;
    if (!key.toLowerCase().startsWith(typed.toLowerCase())) return;
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: nl ? 'metadataveld' : 'metadata field',
      sortText: order(k),
      filterText: key,
      textEdit: { range: lineRange(line, 0, typed.length), newText: `${key} ` },
    });
  });
  return items;
}

/** Today's date, month names or the year, after `Ingediend ` / `Beantwoord `. */
function dateItems(doc: KamervraagDocument, line: number, key: string, after: string, keyEnd: number, context: FeatureContext): CompletionItem[] {
  const nl = context.locale === 'nl';
  const today = context.clock();
  const start = keyEnd + (/^[ \t\u00a0]*/.exec(after)![0].length);
  const cursor = keyEnd + after.length;
  const typed = after.slice(start - keyEnd);
  if (/^\d{0,2}$/.test(typed)) {
    const label = key === 'Beantwoord' ? beantwoordValue(doc.metadata.ingediend?.date ?? null, today) : formatDutchDate(today);
    // Only what goes on from the digits typed: "3" is no beginning of "14 november 2024", and would be lost.
    if (!label.startsWith(typed)) return [];
    return [{
      label,
      kind: CompletionItemKind.Value,
      detail: nl ? 'vandaag' : 'today',
      preselect: true,
      sortText: '000',
      filterText: label,
      textEdit: { range: lineRange(line, start, cursor), newText: label },
    }];
  }
  const month = /^(\d{1,2})[ \u00a0]+(\p{L}*)$/u.exec(typed);
  if (month) {
    const from = cursor - month[2]!.length;
    const begun = month[2]!.toLowerCase();
    return MONTHS.flatMap((name, k) => (!name.startsWith(begun) ? [] : [{
      label: name,
      kind: CompletionItemKind.EnumMember,
      detail: nl ? `maand ${k + 1}` : `month ${k + 1}`,
      sortText: order(k),
      filterText: name,
      textEdit: { range: lineRange(line, from, cursor), newText: `${name} ` },
    }]));
  }
  const year = /^\d{1,2}[ \u00a0]+\p{L}+[ \u00a0]+(\d{0,4})$/u.exec(typed);
  if (year) {
    const label = String(today.year);
    if (!label.startsWith(year[1]!)) return [];
    return [{ label, kind: CompletionItemKind.Value, sortText: '000', filterText: label, textEdit: { range: lineRange(line, cursor - year[1]!.length, cursor), newText: label } }];
  }
  return [];
}

/**
 * A block written at the cursor as the document writes its blocks (core/blockStyle.ts, as *Vraag
 * toevoegen* and the Mededeling fix write them): the heading's lead of the canonical block nearest to block
 * `near` — after the indentation already typed (`indentEnd`), only its bullet — and the indentation of its text.
 */
function writtenAs(analysis: Analysis, near: number, indentEnd: number): { lead: string; indent: string } {
  const { lead, indent } = blockStyle(analysis.document.blocks, Math.max(0, near));
  return { lead: indentEnd === 0 ? lead : lead.trimStart(), indent };
}

/** A new question block numbered after the block above the cursor, in the document's indentation. */
function questionItem(analysis: Analysis, line: number, indentEnd: number, cursor: number, context: FeatureContext): CompletionItem {
  const doc = analysis.document;
  const blocks = doc.blocks;
  let previous: number | null = null;
  let above = -1;
  for (let q = 0; q < blocks.questionCount && blocks.headingLine(q) < line; q++) {
    previous = blocks.number(q) ?? previous;
    above = q;
  }
  const n = (previous ?? 0) + 1;
  const { lead, indent: body } = writtenAs(analysis, above, indentEnd);
  const nl = context.locale === 'nl';
  const head = `${lead}Vraag ${n}`;
  const answered = analysis.graph.answered;
  // Without snippets the heading alone: a client that takes the text as the word it completes (Neovim's
  // omnifunc) cannot insert a line end, and would write a NUL into the line.
  const newText = context.snippetSupport
    ? `${head}\n${body}\${1:${nl ? 'vraag' : 'question'}}${answered ? `\n\n${body}\${2:${nl ? 'antwoord' : 'answer'}}` : ''}$0`
    : head;
  const typed = analysis.lineText(line).slice(indentEnd, cursor);
  return {
    label: `Vraag ${n}`,
    kind: CompletionItemKind.Snippet,
    detail: nl ? 'nieuw vraagblok' : 'new question block',
    insertTextFormat: context.snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: '000',
    filterText: `${typed}Vraag ${n}`,
    textEdit: { range: lineRange(line, indentEnd, cursor), newText },
  };
}

/**
 * A Mededeling (postponement notice) dated today, in the document's indentation: ` • Mededeling - 4 december
 * 2026` and a line for its text, as *Vraag toevoegen* writes a question block.
 */
function mededelingItem(analysis: Analysis, line: number, indentEnd: number, cursor: number, context: FeatureContext): CompletionItem {
  const { lead, indent: body } = writtenAs(analysis, analysis.document.blocks.questionCount - 1, indentEnd);
  const nl = context.locale === 'nl';
  const head = `${lead}Mededeling - ${formatDutchDate(context.clock())}`;
  const newText = context.snippetSupport ? `${head}\n${body}\${1:${nl ? 'reden van het uitstel' : 'reason for the postponement'}}$0` : head;
  const typed = analysis.lineText(line).slice(indentEnd, cursor);
  return {
    label: 'Mededeling',
    kind: CompletionItemKind.Snippet,
    detail: nl ? 'uitstelbericht, vandaag gedateerd' : 'postponement notice, dated today',
    insertTextFormat: context.snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: '001',
    filterText: `${typed.replace(/[a-z]+$/i, '')}Mededeling`,
    textEdit: { range: lineRange(line, indentEnd, cursor), newText },
  };
}

/** What is offered at the cursor while writing (`incomplete`: more for a longer prefix); null when nothing of this kind fits there. */
export function authoringCompletions(analysis: Analysis, params: CompletionParams, context: FeatureContext): { items: CompletionItem[]; incomplete: boolean } | null {
  const doc = analysis.document;
  const { line, character } = params.position;
  const text = analysis.lineText(line);
  const before = text.slice(0, character);
  const typedByTrigger = params.context?.triggerKind === 2; /* CompletionTriggerKind.TriggerCharacter */
  const nl = context.locale === 'nl';
  const meta = metadataLines(doc);
  const footer = doc.footer ? doc.footer.range.start.line : doc.lineCount;
  const items: CompletionItem[] = [];
  let incomplete = false;
  if (line >= meta.from && line < meta.to) {
    const key = readMetadataKey(text);
    // A topic or a name from the workspace; not in front of a word, to which it would glue.
    if (key && !WORD_AFTER.test(text.slice(character))) {
      const values = valueCompletions(line, key, text, character, params.textDocument.uri, context);
      items.push(...values.items);
      incomplete = values.incomplete;
      const source = sourceCompletion(line, key, text, character, doc, nl);
      if (source) items.push(source);
    }
    // Not in front of a word: "Ingediend |30 oktober" would become "Ingediend 14 november 202430 oktober".
    if ((key === 'Ingediend' || key === 'Beantwoord') && character > key.length && !WORD_AFTER.test(text.slice(character))) {
      items.push(...dateItems(doc, line, key, before.slice(key.length), key.length, context));
    }
    // A key being typed (`Beantwoord d` goes on to `Beantwoord door`); not inside a word (`I|ndieners`),
    // where the key written before the rest of the word would break it in two.
    if (/^(?:\p{L}[\p{L} ]*)?$/u.test(before) && !WORD_AFTER.test(text.slice(character))) items.push(...keyItems(doc, line, before, nl));
  }
  const lastField = doc.metadata.range ? doc.metadata.range.end.line : meta.from - 1;
  const bulletOrWord = /^([ \t\u00a0]*)(?:[•\-*–][ \t]*)?(?:v|vr|vra|vraa|vraag)?[ ]?$/i.exec(before);
  if (bulletOrWord && line > lastField && line >= meta.from && line < footer && !(typedByTrigger && before.trim() === '')) {
    // Only on a line of its own: nothing after the cursor.
    if (text.slice(character).trim() === '') items.push(questionItem(analysis, line, bulletOrWord[1]!.length, character, context));
  }
  // `• M`, `Med` … on a line of its own after the last question's heading (FORMAT.md: a Mededeling follows
  // the questions): a Mededeling dated today.
  const blocks = doc.blocks;
  const afterQuestions = blocks.questionCount > 0 && line > blocks.headingLine(blocks.questionCount - 1) && line < footer;
  const notice = /^([ \t\u00a0]*)(?:[•\-*–][ \t]*)?(m(?:e(?:d(?:e(?:d(?:e(?:l(?:i(?:n(?:g)?)?)?)?)?)?)?)?)?)$/i.exec(before);
  if (notice && afterQuestions && text.slice(character).trim() === '') {
    items.push(mededelingItem(analysis, line, notice[1]!.length, character, context));
  }
  // The date of a Mededeling's heading: ` • Mededeling - ` goes on to today.
  const heading = /^[ \t\u00a0]*•[ \t\u00a0]*Mededeling[ \t\u00a0]*[-–]/iu.exec(before);
  if (heading && line > lastField && line < footer && !WORD_AFTER.test(text.slice(character))) {
    items.push(...dateItems(doc, line, 'Mededeling', before.slice(heading[0].length), heading[0].length, context));
  }
  return items.length > 0 ? { items, incomplete } : null;
}
