// Plain-Node checks of the extension manifest (package.json) and its localisation files: what vsce and
// VS Code would only notice at packaging or run time (a %key% without text, a missing file, a bad icon).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { KAMERVRAAG_FILES_GLOB, ZAAKNUMMER_TXT_GLOB } from '../../../client/src/detect';
import { SERVER_SETTINGS } from '../../../client/src/serverSettings';

const repo = path.resolve(__dirname, '../../../..');
const read = (f: string) => fs.readFileSync(path.join(repo, f), 'utf8');
const manifest = JSON.parse(read('package.json'));

function placeholders(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.push(m[1]);
  } else if (Array.isArray(value)) for (const v of value) placeholders(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) placeholders(v, out);
  return out;
}

test('every %key% of the manifest has an English and a Dutch text, and no text is unused', () => {
  const keys = placeholders(manifest).sort();
  assert.ok(keys.length >= 4, 'the manifest uses localised strings');
  for (const file of ['package.nls.json', 'package.nls.nl.json']) {
    const nls = JSON.parse(read(file));
    assert.deepEqual(Object.keys(nls).sort(), [...new Set(keys)], file);
    for (const [k, v] of Object.entries(nls)) assert.ok(typeof v === 'string' && v.length > 0, `${file}: ${k}`);
  }
  const en = JSON.parse(read('package.nls.json'));
  const nl = JSON.parse(read('package.nls.nl.json'));
  for (const k of Object.keys(en)) assert.notEqual(en[k], nl[k], `${k} is translated`);
});

test('every vscode.l10n.t() string of the client has a Dutch translation', () => {
  const sources = fs.readdirSync(path.join(repo, 'client/src')).filter((f) => f.endsWith('.ts'))
    .map((f) => read(`client/src/${f}`)).join('\n');
  const strings = [...sources.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
  assert.ok(strings.length >= 3);
  const nl = JSON.parse(read('l10n/bundle.l10n.nl.json'));
  const en = JSON.parse(read('l10n/bundle.l10n.json'));
  assert.deepEqual(Object.keys(nl).sort(), [...new Set(strings)].sort());
  assert.deepEqual(Object.keys(en).sort(), [...new Set(strings)].sort());
});

test('language, grammar, activation and capabilities as the issue asks', () => {
  const [lang] = manifest.contributes.languages;
  assert.equal(lang.id, 'kamervraag');
  assert.deepEqual(lang.aliases, ['Kamervraag', 'kamervraag']);
  assert.deepEqual([...lang.extensions].sort(), ['.kamervraag', '.kvr']);
  assert.ok(new RegExp(lang.firstLine).test('Kamervraag 2014Z19222'));
  assert.ok(!new RegExp(lang.firstLine).test('Kamervraag over iets'));
  assert.equal(lang.configuration, './language-configuration.json');
  const [grammar] = manifest.contributes.grammars;
  assert.equal(grammar.scopeName, 'text.kamervraag');
  assert.equal(grammar.language, 'kamervraag');
  assert.ok(!manifest.activationEvents.includes('*'));
  // Plain text (a .txt may be a Kamervraag), and a folder of Kamervragen opened: the view shows before any
  // document is opened (the globs the client uses to look for them too).
  assert.deepEqual(manifest.activationEvents, ['onLanguage:plaintext', `workspaceContains:${KAMERVRAAG_FILES_GLOB}`, `workspaceContains:${ZAAKNUMMER_TXT_GLOB}`]);
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  assert.equal(manifest.engines.vscode, '^1.91.0');
  assert.deepEqual(manifest.categories, ['Programming Languages', 'Linters']);
  assert.equal(manifest.main, './dist/extension.js');
  // The browser build (VS Code in the browser) beside the Node one, and virtual workspaces (issue 14).
  assert.equal(manifest.browser, './dist/web/extension.js');
  assert.equal(manifest.capabilities.virtualWorkspaces.supported, true);
  // @types/vscode must not be newer than the engine (vsce refuses to package otherwise).
  const types = JSON.parse(read('node_modules/@types/vscode/package.json')).version as string;
  assert.ok(types.startsWith('1.91.'), `@types/vscode ${types}`);
});

test('the zaaknummer glob finds the files named with one, and passes other .txt files by', () => {
  // VS Code's glob: `*` within a name, `[0-9]` one digit.
  const re = new RegExp(`^${ZAAKNUMMER_TXT_GLOB.replace('**/', '').replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`);
  for (const name of ['2024Z16988.txt', 'kv-tk-2024Z16988.txt', '2024Z16988 antwoord.txt']) assert.ok(re.test(name), name);
  for (const name of ['notes.txt', '2024Z1698.txt', '2024-16988.txt', '2024Z16988.kvr']) assert.ok(!re.test(name), name);
});

test('the Kamervragen view has a view container of its own on the activity bar, with a product icon', () => {
  const [container] = manifest.contributes.viewsContainers.activitybar;
  assert.equal(container.title, 'Kamervragen');
  const [view] = manifest.contributes.views[container.id];
  assert.equal(view.id, 'kamervraag.overview');
  assert.equal(view.when, 'kamervraag.overview.available');
  assert.deepEqual(Object.keys(manifest.contributes.views), [container.id]);
  // A codicon (as VS Code's own references view has): it follows the product icon theme and adds no file.
  for (const icon of [container.icon, view.icon]) assert.equal(icon, '$(comment-unresolved)');
});

test('a right click in a Kamervraag offers the question commands in a "Kamervraag" submenu', () => {
  const menus = manifest.contributes.menus;
  const [submenu] = manifest.contributes.submenus;
  assert.equal(submenu.label, 'Kamervraag');
  // Not for a Kamervraag the server does not have (a Git version of one: the client sets kamervraag.servedSchemes).
  assert.deepEqual(menus['editor/context'], [{ submenu: submenu.id, when: 'editorLangId == kamervraag && resourceScheme in kamervraag.servedSchemes', group: '1_modification@90' }]);
  const commands = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
  const items = menus[submenu.id] as Array<{ command: string; group: string; when?: string }>;
  // The commands that edit are not offered in a read-only editor.
  assert.deepEqual(items.filter((i) => i.when === '!activeEditorIsReadonly').map((i) => i.command), [
    'kamervraag.insertQuestion', 'kamervraag.moveQuestionUp', 'kamervraag.moveQuestionDown', 'kamervraag.deleteQuestion',
    'kamervraag.renumber', 'kamervraag.startAnswering',
  ]);
  assert.deepEqual(items.map((i) => i.command), [
    'kamervraag.insertQuestion', 'kamervraag.moveQuestionUp', 'kamervraag.moveQuestionDown', 'kamervraag.deleteQuestion',
    'kamervraag.renumber', 'kamervraag.startAnswering', 'kamervraag.goToQuestion', 'kamervraag.copyAnswerDocument',
  ]);
  for (const i of items) {
    assert.ok(commands.has(i.command), `${i.command} is a command`);
    assert.match(i.group, /^\d_[a-z]+@\d+$/);
    // The same commands stay in the palette, there only for a Kamervraag.
    assert.equal(menus.commandPalette.find((c: { command: string }) => c.command === i.command)?.when, 'editorLangId == kamervraag', i.command);
  }
});

test('the preview opens as Markdown\'s does: the title bar\'s button (to the side, with Alt in place), Ctrl+Shift+V and Ctrl+K V, the palette', () => {
  const menus = manifest.contributes.menus;
  const commands = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
  assert.ok(commands.has('kamervraag.showPreview') && commands.has('kamervraag.showPreviewToSide'));
  assert.deepEqual(menus['editor/title'], [{
    command: 'kamervraag.showPreviewToSide', when: 'editorLangId == kamervraag && resourceScheme in kamervraag.servedSchemes && !notebookEditorFocused', alt: 'kamervraag.showPreview', group: 'navigation',
  }]);
  const keys = (manifest.contributes.keybindings as Array<{ command: string; key: string; mac: string; when: string }>).map((k) => [k.command, k.key, k.mac, k.when]);
  assert.deepEqual(keys, [
    ['kamervraag.showPreview', 'ctrl+shift+v', 'cmd+shift+v', 'editorLangId == kamervraag && !notebookEditorFocused'],
    ['kamervraag.showPreviewToSide', 'ctrl+k v', 'cmd+k v', 'editorLangId == kamervraag && !notebookEditorFocused'],
  ]);
  for (const command of ['kamervraag.showPreview', 'kamervraag.showPreviewToSide']) {
    assert.equal(menus.commandPalette.find((c: { command: string }) => c.command === command)?.when, 'editorLangId == kamervraag', command);
  }
});

test('the files the manifest names exist (after npm run build)', () => {
  for (const f of [manifest.main, manifest.browser, 'dist/web/server.js', manifest.contributes.grammars[0].path, manifest.contributes.languages[0].configuration, manifest.icon, 'dist/server.js']) {
    assert.ok(fs.existsSync(path.join(repo, f)), f);
  }
});

test('the icon is a 128×128 PNG', () => {
  const png = fs.readFileSync(path.join(repo, manifest.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
  assert.equal(png.readUInt32BE(16), 128);
  assert.equal(png.readUInt32BE(20), 128);
});

/** The keys that occur more than once in one object of a JSON text (JSON.parse silently keeps the last). */
function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  const stack: Array<Set<string>> = [];
  // A small scanner over the JSON text: strings, and a key is a string followed by ':'.
  const re = /"(?:[^"\\]|\\.)*"\s*:?|[{}]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const token = m[0];
    if (token === '{') stack.push(new Set());
    else if (token === '}') stack.pop();
    else if (token.endsWith(':')) {
      const key = JSON.parse(token.slice(0, token.lastIndexOf('"') + 1)) as string;
      const keys = stack[stack.length - 1]!;
      if (keys.has(key)) found.push(key);
      keys.add(key);
    }
  }
  return found;
}

test('no JSON file of the extension has a key twice in one object (a merge can leave one; VS Code reads only the last)', () => {
  assert.deepEqual(duplicateKeys('{ "a": { "b": 1 }, "a": 2, "c": "x\\": y" }'), ['a'], 'the scanner finds a duplicate');
  for (const file of ['package.json', 'package.nls.json', 'package.nls.nl.json', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.nl.json', 'language-configuration.json', 'syntaxes/kamervraag.tmLanguage.json']) {
    assert.deepEqual(duplicateKeys(read(file)), [], file);
  }
});

test("the client passes every setting of the manifest to the server but its own (a setting left out never reaches the server)", () => {
  const own = ['detectPlainText', 'trace.server'];
  const contributed = Object.keys(manifest.contributes.configuration.properties).map((k) => k.replace(/^kamervraag\./, ''));
  assert.deepEqual([...SERVER_SETTINGS].sort(), contributed.filter((k) => !own.includes(k)).sort());
});

test('the walkthrough: its media are files of the .vsix, its links run commands that exist, in English and Dutch', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  assert.equal(walkthrough.id, 'kamervraag.gettingStarted');
  const ours = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
  // VS Code's own commands the steps use, and the view's focus command VS Code makes for it.
  const builtIn = new Set(['workbench.action.files.openFolder', 'workbench.actions.view.problems', 'workbench.action.openSettings', 'kamervraag.overview.focus']);
  const ignore = read('.vscodeignore');
  for (const step of walkthrough.steps) {
    const media = step.media.markdown as string;
    assert.ok(fs.existsSync(path.join(repo, media)), media);
    assert.match(ignore, new RegExp(`^!${media.split('/')[0]}/\\*\\.md$`, 'm'), `${media} is let into the .vsix`);
    for (const file of ['package.nls.json', 'package.nls.nl.json']) {
      const description = JSON.parse(read(file))[/^%(.+)%$/.exec(step.description)![1]!] as string;
      // VS Code shows a step's description with its links, and any other markdown as it is written.
      assert.doesNotMatch(description, /[`*]/, `${file} ${step.id}: no markdown but links`);
      const commands = [...description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]!);
      assert.ok(commands.length > 0, `${step.id}: a link to act on`);
      for (const c of commands) assert.ok(ours.has(c) || builtIn.has(c), `${file} ${step.id}: command:${c}`);
    }
    for (const event of step.completionEvents as string[]) {
      const command = /^onCommand:(.+)$/.exec(event)?.[1];
      if (command) assert.ok(ours.has(command) || builtIn.has(command), event);
    }
  }
});
