/**
 * The preview's page (preview.ts): the Kamervraag as a reader sees it, laid out from the server's
 * `kamervraag/preview` answer (server/src/core/preview.ts). Every text of the document is escaped; the
 * only markup is this file's. Each element carries the source line it shows (`data-line`), for the
 * scrolling with the editor and the double click back to the text; a reference's number links to the
 * question or answer it names, and a footnote marker is raised. No `vscode` import (as status.ts): the
 * extension passes `vscode.l10n`, the unit tests a translator of their own.
 */
import type { PreviewParagraph } from '../../server/src/core/preview';
import type { PreviewAnswer } from '../../server/src/features/preview';
import type { L10n } from './status';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The anchor of a question's (or its answer's) section: by the question's place, so a duplicated number still has one. */
export const anchorOf = (to: 'question' | 'answer', question: number): string => `${to === 'answer' ? 'antwoord' : 'vraag'}-${question}`;

/** A paragraph's text with its links and its footnote markers (raised, as on paper). */
function paragraphHtml(p: PreviewParagraph, l10n: L10n): string {
  const marks = [
    ...p.links.map((link) => ({ start: link.start, end: link.end, open: `<a href="#${anchorOf(link.to, link.question)}">`, close: '</a>' })),
    ...p.footnotes.map((f) => ({ start: f.start, end: f.end, open: `<sup class="footnote" title="${escapeHtml(l10n.t('Footnote {0}', p.text.slice(f.start, f.end)))}">`, close: '</sup>' })),
  ].sort((a, b) => a.start - b.start);
  let html = '';
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at || mark.end > p.text.length) continue;
    html += escapeHtml(p.text.slice(at, mark.start)) + mark.open + escapeHtml(p.text.slice(mark.start, mark.end)) + mark.close;
    at = mark.end;
  }
  html += escapeHtml(p.text.slice(at));
  return `<p data-line="${p.line}">${html}</p>`;
}

/** A metadata value: a web address of `Bron vraag`/`Bron antwoord` as a link (VS Code asks before it opens it). */
function valueHtml(value: string): string {
  return /^https?:\/\/\S+$/.test(value) ? `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>` : escapeHtml(value);
}

/** The page's content, for `<main>`. */
export function previewBody(p: PreviewAnswer, l10n: L10n): string {
  const out: string[] = [];
  out.push('<header>');
  if (p.zaaknummer) out.push(`<p class="kamervraag">Kamervraag ${escapeHtml(p.zaaknummer)}</p>`);
  if (p.title) out.push(`<h1 data-line="${p.title.line}">${escapeHtml(p.title.text)}</h1>`);
  if (p.term) out.push(`<p class="term ${p.state === 'te laat' ? 'late' : ''}">${escapeHtml(p.term)}</p>`);
  if (p.metadata.length > 0) {
    out.push('<dl>');
    for (const f of p.metadata) out.push(`<div data-line="${f.line}"><dt>${escapeHtml(f.key)}</dt><dd>${valueHtml(f.value)}</dd></div>`);
    out.push('</dl>');
  }
  out.push('</header>');
  if (p.questions === 0) out.push(`<p class="missing">${escapeHtml(l10n.t('This Kamervraag has no questions yet.'))}</p>`);
  for (const b of p.blocks) {
    const id = b.kind === 'mededeling' || b.question === null ? '' : ` id="${anchorOf(b.kind, b.question)}"`;
    out.push(`<section class="${b.kind}"${id} data-line="${b.line}"><h2>${escapeHtml(b.heading)}</h2>`);
    for (const para of b.paragraphs) out.push(paragraphHtml(para, l10n));
    if (b.paragraphs.length === 0) out.push(`<p class="missing">${escapeHtml(b.kind === 'answer' ? l10n.t('No answer yet') : l10n.t('No text yet'))}</p>`);
    out.push('</section>');
  }
  return out.join('\n');
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); line-height: 1.5; max-width: 50em; margin: 0 auto; padding: 0 1.5em 3em; }
header { border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); margin-bottom: 1em; }
.kamervraag { color: var(--vscode-descriptionForeground); margin-bottom: 0; }
h1 { font-size: 1.6em; line-height: 1.25; margin: .2em 0 .5em; }
h2 { font-size: 1.05em; margin: 0 0 .3em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: 0 0 1em; }
dl div { display: contents; }
dt { color: var(--vscode-descriptionForeground); }
dd { margin: 0; overflow-wrap: anywhere; }
section { margin: 0 0 1.2em; }
section.answer { padding-left: 1em; border-left: 3px solid var(--vscode-textBlockQuote-border, rgba(128,128,128,.5)); }
section.mededeling { padding: .5em 1em; background: var(--vscode-textBlockQuote-background, rgba(128,128,128,.1)); }
p { margin: 0 0 .5em; overflow-wrap: anywhere; }
.term.late { color: var(--vscode-editorWarning-foreground); }
.missing { font-style: italic; color: var(--vscode-editorWarning-foreground); }
sup.footnote { line-height: 0; color: var(--vscode-descriptionForeground); }
a { color: var(--vscode-textLink-foreground); }
a:hover { color: var(--vscode-textLink-activeForeground); }
.revealed { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
[data-line], dt { position: relative; }
.cursor::before, .cursor > dt::before { content: ''; position: absolute; left: -.7em; top: 0; height: 100%; border-left: 3px solid var(--vscode-editorCursor-foreground, var(--vscode-focusBorder)); opacity: .6; }
`;

/**
 * The whole page: the content, its style and the script (preview.ts), under a policy that allows nothing
 * else. `line`: the source line the page opens at (the top of the editor), unless it kept a place of its own;
 * `cursor`: the line of the editor's cursor, whose element is marked.
 */
export function previewPage(body: string, options: { readonly nonce: string; readonly script: string; readonly title: string; readonly line?: number; readonly cursor?: number }): string {
  const { nonce } = options;
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(options.title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main id="content" data-start="${Math.max(0, Math.floor(options.line ?? 0))}" data-cursor="${Math.max(-1, Math.floor(options.cursor ?? -1))}">${body}</main>
<script nonce="${nonce}">${options.script}</script>
</body>
</html>`;
}
