/** Markdown helpers for hovers. */

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
