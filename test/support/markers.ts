/**
 * Fixture markers: `⟦` and `⟧` around a span in fixture text mark an expected range; they are removed
 * before the text is parsed. Several pairs may stand in one text; they do not nest.
 */
import type { Position, Range } from 'vscode-languageserver-types';

export function extractMarkers(marked: string): { text: string; ranges: Range[] } {
  const ranges: Range[] = [];
  let text = '';
  let line = 0;
  let character = 0;
  let open: { line: number; character: number } | null = null;
  for (const ch of marked) {
    if (ch === '⟦') {
      open = { line, character };
      continue;
    }
    if (ch === '⟧') {
      if (!open) throw new Error('⟧ without ⟦');
      ranges.push({ start: open, end: { line, character } });
      open = null;
      continue;
    }
    text += ch;
    if (ch === '\n') {
      line++;
      character = 0;
    } else {
      character += ch.length;
    }
  }
  if (open) throw new Error('⟦ without ⟧');
  return { text, ranges };
}

/** The cursor marker of feature fixtures: an empty `⟦|⟧` where the cursor stands. */
export const CURSOR = '⟦|⟧';

/**
 * Feature fixtures: `⟦|⟧` marks a cursor position (it may stand inside a `⟦…⟧`), `⟦…⟧` an expected
 * range; both are removed. Returns the cursors and the ranges in the order they stand in the text.
 */
export function extractCursors(marked: string): { text: string; cursors: Position[]; ranges: Range[] } {
  const cursors: Position[] = [];
  let rest = '';
  // Where each cursor stands is counted on the text with the cursor markers gone but the range markers kept.
  for (const [i, part] of marked.split(CURSOR).entries()) {
    if (i > 0) cursors.push(positionAfter(rest.replace(/[⟦⟧]/g, '')));
    rest += part;
  }
  const { text, ranges } = extractMarkers(rest);
  return { text, cursors, ranges };
}

function positionAfter(text: string): Position {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}
