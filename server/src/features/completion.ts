/**
 * Completion of question numbers in a mention: after "vraag ", "antwoord " or "vragen 1, " the questions of
 * the document (the one being answered left out), each with the start of its question text; and what
 * `completionAuthoring.ts` offers while writing (metadata keys, dates, topics and names, a new question block).
 */
import type { CompletionParams } from 'vscode-languageserver';
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { authoringCompletions, WORD_AFTER } from './completionAuthoring';
import type { FeatureContext } from './context';
import { t } from './i18n';
import { escapeMarkdown, forClient, truncate } from './markdown';
import { questionText } from './questionText';

/** "vraag ", "antwoord ", "vragen 1, ", "vraag 2 t/m ", "vragen 3 en 1" … up to the cursor; group 1 is the number being typed. */
const MENTION = /\b(?:vra(?:ag|gen)|antwoord(?:en)?)[ \u00a0]+(?:\d+[ \u00a0]*(?:,[ \u00a0]*(?:en[ \u00a0]+)?|en[ \u00a0]+|t\/m[ \u00a0]*|tot[ \u00a0]+en[ \u00a0]+met[ \u00a0]+|[-–][ \u00a0]*))*(\d*)$/i;

/** Characters that open the completion list in editors that ask for them. */
export const COMPLETION_TRIGGERS = [' '];

export function completion(analysis: Analysis, params: CompletionParams, context: FeatureContext): CompletionList | null {
  if (params.position.line >= analysis.lines.count || params.position.character > analysis.lineText(params.position.line).length) return null;
  const writing = authoringCompletions(analysis, params, context);
  const numbers = numberCompletion(analysis, params, context);
  if (!writing) return numbers;
  return { isIncomplete: writing.incomplete, items: [...writing.items, ...(numbers?.items ?? [])] };
}

function numberCompletion(analysis: Analysis, params: CompletionParams, context: FeatureContext): CompletionList | null {
  const doc = analysis.document;
  const locale = context.locale;
  const pos = params.position;
  if (pos.line >= analysis.lines.count) return null;
  const line = analysis.lineText(pos.line);
  // Past the end of its line there is no sensible prefix.
  if (pos.character > line.length) return null;
  const m = MENTION.exec(line.slice(0, pos.character));
  if (!m) return null;
  // Only where no word follows: a number written in front of "6" or "vraag 6" would glue to it ("vraag 26").
  if (WORD_AFTER.test(line.slice(pos.character))) return null;
  const typed = m[1]!;
  // The block the cursor stands in: its own number is no useful reference. Outside the question blocks and
  // the Mededelingen (`Bron antwoord `, a title, the footer) a number names no question.
  let own: number | null = null;
  let inBlock = false;
  for (const q of doc.questions) {
    if (q.range.start.line > pos.line) break;
    if (pos.line <= q.range.end.line) {
      own = q.number;
      inBlock = true;
    }
  }
  if (!inBlock && !doc.mededelingen.some((md) => md.range.start.line <= pos.line && pos.line <= md.range.end.line)) return null;
  const range = { start: { line: pos.line, character: pos.character - typed.length }, end: pos };
  const seen = new Set<number>();
  const items: CompletionItem[] = [];
  for (const q of doc.questions) {
    if (q.number === null || q.number === own || seen.has(q.number)) continue;
    seen.add(q.number);
    const label = String(q.number);
    // Only numbers that go on from the digits typed: "2" replacing a typed "1" would lose it.
    if (!label.startsWith(typed)) continue;
    const text = questionText(q);
    const item: CompletionItem = {
      label,
      kind: CompletionItemKind.Reference,
      detail: text ? truncate(text, 60) : `${t(locale, 'question')} ${label}`,
      sortText: label.padStart(9, '0'),
      textEdit: { range, newText: label },
    };
    if (text) {
      const answered = q.hasAnswer;
      item.documentation = forClient({
        kind: MarkupKind.Markdown,
        value: `**${t(locale, 'question')} ${label}**\n\n> ${escapeMarkdown(truncate(text, 400))}${answered ? '' : `\n\n_${escapeMarkdown(t(locale, 'notAnsweredYet'))}_`}`,
      }, context.markdown.documentation);
    }
    items.push(item);
  }
  return { isIncomplete: false, items };
}
