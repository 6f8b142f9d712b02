/** The README of the .vsix (scripts/vsix-readme.mjs): README.md for the extension's page, nothing of it lost but what it leaves out. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../support/cli';

type VsixReadme = { vsixReadme(markdown: string, inVsix: (file: string) => boolean): string; LEFT_OUT: string[]; anchorOf(heading: string): string };
const load = (): Promise<VsixReadme> => import(pathToFileURL(path.join(ROOT, 'scripts', 'vsix-readme.mjs')).href);
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The files of the .vsix, as scripts/vscode-package.mjs lists them. */
function vsixFiles(): string[] {
  const list = /const required = \[([\s\S]*?)\];/.exec(read('scripts/vscode-package.mjs'))?.[1] ?? '';
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

/** The `## ` sections of a markdown text (outside code blocks), by heading; the text before the first under ''. */
function sections(markdown: string): Map<string, string> {
  const out = new Map<string, string[]>([['', []]]);
  let current = '';
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fence = !fence;
    if (!fence && line.startsWith('## ')) out.set((current = line.slice(3).trim()), []);
    out.get(current)!.push(line);
  }
  return new Map([...out].map(([k, v]) => [k, v.join('\n')]));
}

/** The words of a text with the link markup taken away (images, parenthesised links, then link targets). */
function words(text: string): string[] {
  return text
    .replace(/^!\[[^\]]*\]\([^)]*\)$/gm, '')
    .replace(/ \(\[[^\]]+\]\([^)\s]+\)\)/g, '')
    .replace(/\[([^\]]+)\]\([^)\s]+\)/g, '$1')
    .split(/\s+/)
    .filter(Boolean);
}

/** Every link and image target of a markdown text, outside code blocks and code spans. */
function targets(markdown: string): string[] {
  const prose = markdown.replace(/^\s*```[\s\S]*?^\s*```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

describe('the .vsix README', () => {
  it('keeps every section for the extension\'s users word for word, and leaves out the others', async () => {
    const { vsixReadme, LEFT_OUT } = await load();
    const files = vsixFiles();
    const readme = read('README.md');
    const whole = vsixReadme(readme, (f) => files.includes(f));
    // It ends with a note on what it leaves out.
    const note = /\n\n(\*[^\n]*\*)\n$/.exec(whole);
    assert.ok(note, 'no closing note');
    assert.equal(note[1], `*${LEFT_OUT.join(', ')}: in README.md of the extension's source.*`);
    const made = whole.slice(0, note.index);
    const before = sections(readme);
    const after = sections(made);
    for (const heading of LEFT_OUT) assert.ok(before.has(heading), `README.md has no section "${heading}"`);
    assert.deepEqual([...after.keys()], [...before.keys()].filter((h) => !LEFT_OUT.includes(h)));
    for (const [heading, text] of after) {
      assert.deepEqual(words(text), words(before.get(heading)!), `section "${heading || '(top)'}" changed`);
    }
    assert.ok(made.length < readme.length * 0.7, `${made.length} of ${readme.length} characters`);
  });

  it('links only to what the page can show: files of the .vsix, its own headings, web addresses', async () => {
    const { vsixReadme, anchorOf } = await load();
    const files = vsixFiles();
    const readme = read('README.md');
    // README.md itself links to files outside the .vsix (the screenshot, docs/) and to sections left out.
    assert.ok(targets(readme).some((t) => !t.startsWith('#') && !/^https?:/.test(t) && !files.includes(t.split('#')[0]!)));
    const made = vsixReadme(readme, (f) => files.includes(f));
    const anchors = new Set(sections(made).keys());
    const headings = new Set([...made.matchAll(/^#{1,6} (.*)$/gm)].map((m) => anchorOf(m[1]!)));
    for (const target of targets(made)) {
      if (/^(https?|mailto):/.test(target)) continue;
      if (target.startsWith('#')) assert.ok(headings.has(target.slice(1)), `link to #${target.slice(1)}, no such heading (${[...anchors].join(', ')})`);
      else assert.ok(files.includes(target.split('#')[0]!), `link to ${target}, not in the .vsix`);
    }
    assert.doesNotMatch(made, /images\/screenshot\.png/);
  });

  it('reads code blocks as code, keeps what is there, and unlinks what is not', async () => {
    const { vsixReadme } = await load();
    const markdown = [
      '# T', '', 'See [the checks](#the-checks) and [x](#performance) ([below](#development)).', '',
      '![icon](images/icon.png)', '', '![shot](images/screenshot.png)', '',
      '## The checks', '', '```sh', '## Performance', '```', 'after the block [docs](docs/rules.md) and [web](https://example.org).', '',
      '## Performance', '', 'numbers', '```', '## The checks', '```', 'more numbers', '',
      '## Settings', '', 'kept', '',
    ].join('\n');
    const made = vsixReadme(markdown, (f) => f === 'images/icon.png');
    assert.equal(made, [
      '# T', '', 'See [the checks](#the-checks) and x.', '',
      '![icon](images/icon.png)', '',
      '## The checks', '', '```sh', '## Performance', '```', 'after the block docs and [web](https://example.org).', '',
      '## Settings', '', 'kept', '',
      '*Try it, Command-line tool, Other editors, Performance, Development: in README.md of the extension\'s source.*', '',
    ].join('\n'));
  });
});
