/**
 * Inlay hints: after each written number of a reference ("zie antwoord vraag 3"), the first words of the
 * question it names ("Hoeveel agenten zijn er…"), with the whole question as the tooltip. Only numbers
 * that name a question of the document; only in the requested range (the visible part of a large
 * document: the reference rows are searched by line, not walked from the top).
 * Settings: `kamervraag.inlayHints.enabled`, `kamervraag.inlayHints.maxLength`.
 */
import type { InlayHintParams } from 'vscode-languageserver';
import { MarkupKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { isPosition } from '../core/ranges';
import type { FeatureContext } from './context';
import { t } from './i18n';
import { escapeMarkdown, truncate } from './markdown';
import { questionText } from './questionText';

/** The most a tooltip shows of a question. */
const TOOLTIP_CHARS = 2000;

/**
 * The most hints one answer holds, the first in the range: far more than an editor shows at once, and a
 * bound on the answer's size (each hint carries its tooltip), which a line of a hundred thousand
 * references would otherwise make too large to send.
 */
export const MAX_HINTS = 1000;

/** `text` in at most `max` characters, `…` included, cut at a word where one is near. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : truncate(text, Math.max(0, max - 1));
}

/** The first reference row on or after `line` (rows are in document order). */
function firstRowFrom(analysis: Analysis, line: number): number {
  const rows = analysis.document.blocks;
  let lo = 0;
  let hi = rows.referenceCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows.referenceLine(mid) < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function inRange(range: Range, line: number, character: number): boolean {
  if (line < range.start.line || line > range.end.line) return false;
  if (line === range.start.line && character < range.start.character) return false;
  return !(line === range.end.line && character > range.end.character);
}

export function inlayHints(analysis: Analysis, params: InlayHintParams, context: FeatureContext): InlayHint[] {
  const { enabled, maxLength } = context.settings.inlayHints;
  if (!enabled) return [];
  const rows = analysis.document.blocks;
  const graph = analysis.graph;
  // A range that is not one (a broken client) means the whole document.
  const asked = (params as { range?: { start?: unknown; end?: unknown } }).range;
  const range: Range = asked && isPosition(asked.start) && isPosition(asked.end)
    ? { start: asked.start, end: asked.end }
    : { start: { line: 0, character: 0 }, end: { line: Number.MAX_SAFE_INTEGER, character: 0 } };
  const hints: InlayHint[] = [];
  const texts = new Map<number, string>();
  for (let r = firstRowFrom(analysis, range.start.line); r < rows.referenceCount && rows.referenceLine(r) <= range.end.line; r++) {
    for (const target of rows.reference(r).targets) {
      if (hints.length === MAX_HINTS) return hints;
      if (target.implied) continue;
      const at = target.range.end;
      if (!inRange(range, at.line, at.character)) continue;
      const q = graph.question(target.number);
      if (!q) continue;
      let text = texts.get(target.number);
      if (text === undefined) texts.set(target.number, (text = questionText(q)));
      if (!text) continue;
      hints.push({
        position: at,
        label: shorten(text, maxLength),
        paddingLeft: true,
        tooltip: {
          kind: MarkupKind.Markdown,
          value: `**${t(context.locale, 'question')} ${target.number}**\n\n> ${escapeMarkdown(truncate(text, TOOLTIP_CHARS))}`,
        },
      });
    }
  }
  return hints;
}
