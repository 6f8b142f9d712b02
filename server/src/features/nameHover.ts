/**
 * The hover on a name in the metadata: on a member after `Indiener(s)`, the other Kamervragen of the
 * workspace that member asked; on the value of `Beantwoord door`, the others that minister answered —
 * each a link to its document, the newest zaaknummer first. From the workspace index; nothing without one,
 * or when the name stands in no other document.
 */
import type { HoverParams } from 'vscode-languageserver';
import { MarkupKind, type Hover, type Range } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { touches } from '../core/ranges';
import { fileName, uriKey } from '../service/uris';
import type { FeatureContext, NamedDocument } from './context';
import { escapeMarkdown, truncate } from './markdown';

/** A hover lists at most this many documents, then how many more there are. */
export const MAX_LISTED = 10;
const TITLE_CHARS = 120;

export function nameHover(analysis: Analysis, params: HoverParams, context: FeatureContext): Hover | null {
  const workspace = context.workspace;
  if (!workspace) return null;
  const meta = analysis.document.metadata;
  const pos = params.position;
  let found: { field: 'indieners' | 'beantwoordDoor'; name: string; range: Range } | null = null;
  for (const m of meta.indieners?.members ?? []) {
    if (touches(m.range, pos)) found = { field: 'indieners', name: m.name.text, range: m.range };
  }
  const minister = meta.beantwoordDoor;
  if (!found && minister && minister.name.text && touches(minister.field.valueRange, pos)) {
    found = { field: 'beantwoordDoor', name: minister.name.text, range: minister.field.valueRange };
  }
  if (!found) return null;
  const self = uriKey(params.textDocument.uri);
  const others = workspace.byName(found.field, found.name).filter((d) => uriKey(d.uri) !== self).reverse();
  if (others.length === 0) return null;
  const nl = context.locale === 'nl';
  const n = others.length;
  const kamervragen = n === 1 ? 'Kamervraag' : 'Kamervragen';
  const head = found.field === 'indieners'
    ? (nl ? `Indiener van nog ${n} ${kamervragen} in de werkruimte:` : `Asked ${n} other ${kamervragen} in the workspace:`)
    : (nl ? `Beantwoordde nog ${n} ${kamervragen} in de werkruimte:` : `Answered ${n} other ${kamervragen} in the workspace:`);
  const lines = others.slice(0, MAX_LISTED).map((d) => `- ${link(d)}`);
  if (n > MAX_LISTED) lines.push(`- … ${nl ? `en nog ${n - MAX_LISTED}` : `and ${n - MAX_LISTED} more`}`);
  return { contents: { kind: MarkupKind.Markdown, value: `**${escapeMarkdown(found.name)}**\n\n${escapeMarkdown(head)}\n\n${lines.join('\n')}` }, range: found.range };
}

/** `[2024Z16988](uri) Het bericht …`: the zaaknummer (or the file's name) as the link. */
function link(d: NamedDocument): string {
  const label = d.zaaknummer ?? fileName(d.uri);
  const title = d.title ? ` ${escapeMarkdown(truncate(d.title, TITLE_CHARS))}` : '';
  // A parenthesis or space in the address would end the Markdown link (encodeURIComponent leaves `(` `)`).
  const target = d.uri.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeMarkdown(label)}](${target})${title}`;
}
