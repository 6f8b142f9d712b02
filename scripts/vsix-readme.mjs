// The README of the .vsix: what VS Code shows on the extension's page (Extensions view, "Details"). It is
// README.md for the people who use the extension: the sections for developers and for users of the
// command-line tool or another editor are left out (they are in README.md of the source), and so are
// the images and links to files the .vsix does not hold (`images/screenshot.png`, `docs/…`), which the
// page would show broken. The text of every section kept stays as it is; a link that would point
// nowhere keeps its text. Used by scripts/vscode-package.mjs; tested by test/unit/vsixReadme.test.ts.

/** The `## ` sections of README.md that the .vsix leaves out. */
export const LEFT_OUT = ['Try it', 'Command-line tool', 'Other editors', 'Performance', 'Development'];

/** GitHub's anchor of a heading: lower case, punctuation but `-` and `_` dropped, spaces made `-`. */
export function anchorOf(heading) {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/**
 * `markdown` (README.md) made the .vsix's README. `inVsix(path)` says whether a relative path (as
 * written in a link, without its `#fragment`) is a file of the .vsix.
 */
export function vsixReadme(markdown, inVsix) {
  // One pass, outside code blocks: a `## ` heading starts a section kept or left out; the headings kept
  // are the anchors a link in the page may point to.
  const kept = [];
  const anchors = new Set();
  let fence = null;
  let leaving = false;
  for (const line of markdown.split('\n')) {
    const heading = fence === null ? /^(#{1,6}) (.*)$/.exec(line) : null;
    if (fence !== null) {
      if (line.trim().startsWith(fence)) fence = null;
    } else if (heading) {
      if (heading[1] === '##') leaving = LEFT_OUT.includes(heading[2].trim());
      if (!leaving) anchors.add(anchorOf(heading[2]));
    } else {
      fence = /^\s*(```+|~~~+)/.exec(line)?.[1] ?? null;
    }
    if (!leaving) kept.push(line);
  }
  let text = kept.join('\n').replace(/\n{3,}/g, '\n\n');
  const goesNowhere = (target) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return false; // https:, mailto:, …
    if (target.startsWith('#')) return !anchors.has(target.slice(1));
    return !inVsix(target.split('#')[0]);
  };
  // An image that is not in the .vsix: the whole paragraph it stands alone in goes.
  text = text.replace(/^!\[[^\]]*\]\(([^)\s]+)\)\n\n?/gm, (whole, target) => (goesNowhere(target) ? '' : whole));
  // A link that is all of a parenthesis ("([below](#other-editors))") goes with it when it points
  // nowhere; other links that point nowhere keep their text.
  text = text.replace(/ \(\[[^\]]+\]\(([^)\s]+)\)\)/g, (whole, target) => (goesNowhere(target) ? '' : whole));
  text = text.replace(/(?<!!)\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label, target) => (goesNowhere(target) ? label : whole));
  const note = `*${LEFT_OUT.join(', ')}: in README.md of the extension's source.*`;
  return `${text.trimEnd()}\n\n${note}\n`;
}
