/** Markdown helpers for hovers, and their plain text for a client that shows no Markdown. */
import { MarkupKind, type MarkupContent } from 'vscode-languageserver-types';

/**
 * Escapes every character Markdown could read as markup, so document text shows as written; and the `:`
 * of a `://`: VS Code's renderer (marked, with GitHub's extensions) makes a link of a bare `https://…` and
 * keeps the escapes inside it, so a URL in a question showed as `https://www\.rijksoverheid\.nl` and its
 * link went to no such host. (A `www.` or an e-mail address the escaped `.` keeps from being a link.)
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]|:(?=\/\/)/g, (c) => '\\' + c);
}

/** Cuts `text` to at most `max` characters, at a word boundary when one is near, adding `…`. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.lastIndexOf(' ', max);
  if (cut < max * 0.6) cut = max;
  // Do not split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut).trimEnd() + '…';
}

/**
 * What a reader sees of the Markdown this server writes (`**bold**`, `_emphasis_`, `> ` quotes,
 * `[label](target)` links, text escaped by `escapeMarkdown`), as plain text: for a client that shows no
 * Markdown (LSP `contentFormat`, `documentationFormat` without `markdown`: eglot without markdown-mode).
 * A link keeps its label, and its address after it when that is a web address.
 */
export function markdownToPlainText(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i]!;
    if (c === '\\' && i + 1 < markdown.length) out += markdown[++i];
    else if (c === '*' && markdown[i + 1] === '*') i++;
    else if (c === '_' || c === '[') continue;
    else if (c === ']' && markdown[i + 1] === '(') {
      const close = markdown.indexOf(')', i + 2);
      const target = markdown.slice(i + 2, close < 0 ? markdown.length : close);
      if (/^https?:\/\//.test(target)) out += ` (${target})`;
      i = close < 0 ? markdown.length : close;
    } else out += c;
  }
  return out;
}

/** `content` as the client shows it: Markdown as written when it takes Markdown, else its plain text. */
export function forClient(content: MarkupContent, markdown: boolean): MarkupContent {
  return markdown || content.kind !== MarkupKind.Markdown ? content : { kind: MarkupKind.PlainText, value: markdownToPlainText(content.value) };
}
