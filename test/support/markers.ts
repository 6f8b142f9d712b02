/**
 * Fixture markers: `⟦` and `⟧` around a span in fixture text mark an expected range; they are removed
 * before the text is parsed. Several pairs may stand in one text; they do not nest.
 */
import type { Range } from 'vscode-languageserver-types';

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
