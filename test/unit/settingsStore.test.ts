/** The server's settings per document (service/settings.ts): `.kamervraag.json` in the workspace folder, the editor's on top. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../server/src/core/config';
import { MemoryWorkspace } from '../../server/src/service/memoryWorkspace';
import { keepValid, SettingsStore } from '../../server/src/service/settings';

function store(files: Record<string, string>, editor: (uri: string) => unknown = () => undefined) {
  const workspace = new MemoryWorkspace(files);
  const reported: string[] = [];
  const s = new SettingsStore(workspace, async (uri) => editor(uri), (m) => reported.push(m));
  s.addFolder('file:///ws');
  return { s, workspace, reported };
}

describe('SettingsStore', () => {
  it("the workspace folder's .kamervraag.json applies to its documents, the nearest one first; not outside the folder", async () => {
    const { s } = store({
      'file:///ws/.kamervraag.json': JSON.stringify({ answerTermDays: 30, diagnostics: { severity: { 'late-answer': 'ignore' } } }),
      'file:///ws/team/.kamervraag.json': JSON.stringify({ answerTermDays: 10 }),
      'file:///.kamervraag.json': JSON.stringify({ answerTermDays: 99 }),
    });
    for (const uri of ['file:///ws/a.kvr', 'file:///ws/x/y/b.kvr', 'file:///ws/team/c.kvr', 'file:///elsewhere/d.kvr']) await s.load(uri);
    assert.equal(s.settingsFor('file:///ws/a.kvr')!.answerTermDays, 30);
    assert.deepEqual(s.settingsFor('file:///ws/a.kvr')!.diagnostics.severity, { 'late-answer': 'ignore' });
    assert.equal(s.settingsFor('file:///ws/x/y/b.kvr')!.answerTermDays, 30);
    // The nearest file is the one: its keys, not a merge with the folder's.
    assert.equal(s.settingsFor('file:///ws/team/c.kvr')!.answerTermDays, 10);
    assert.deepEqual(s.settingsFor('file:///ws/team/c.kvr')!.diagnostics.severity, {});
    assert.deepEqual(s.settingsFor('file:///elsewhere/d.kvr'), DEFAULT_SETTINGS);
    assert.equal(s.settingsFor('file:///ws/unloaded.kvr'), undefined);
  });

  it('the workspace folders change: a .kamervraag.json above the folders left no longer applies', async () => {
    const { s } = store({ 'file:///ws/.kamervraag.json': JSON.stringify({ answerTermDays: 30 }) });
    const uri = 'file:///ws/sub/b.kvr';
    await s.load(uri);
    assert.equal(s.settingsFor(uri)!.answerTermDays, 30);
    // ws/sub is opened as a folder of its own, and ws is closed: ws's file is outside every folder now.
    s.addFolder('file:///ws/sub/');
    s.removeFolder('file:///ws');
    assert.equal(await s.load(uri), true, 'the settings changed');
    assert.equal(s.settingsFor(uri)!.answerTermDays, DEFAULT_SETTINGS.answerTermDays);
    // A folder named with a slash at the end is the same folder.
    s.addFolder('file:///ws/');
    s.removeFolder('file:///ws/sub/');
    await s.load(uri);
    assert.equal(s.settingsFor(uri)!.answerTermDays, 30);
    s.removeFolder('file:///ws');
    s.addFolder('file:///ws/sub');
    await s.load(uri);
    assert.equal(s.settingsFor(uri)!.answerTermDays, DEFAULT_SETTINGS.answerTermDays);
    // And back: the file applies again.
    s.addFolder('file:///ws');
    s.removeFolder('file:///ws/sub');
    await s.load(uri);
    assert.equal(s.settingsFor(uri)!.answerTermDays, 30);
  });

  it('a .kamervraag.json that starts with a byte order mark (Notepad) is read: the workspace reads files without it', async () => {
    const { s, reported } = store({ 'file:///ws/.kamervraag.json': `\uFEFF${JSON.stringify({ answerTermDays: 30 })}` });
    await s.load('file:///ws/a.kvr');
    assert.equal(s.settingsFor('file:///ws/a.kvr')!.answerTermDays, 30);
    assert.deepEqual(reported, []);
  });

  it("the editor's settings override the file key by key, severities code by code", async () => {
    const { s } = store(
      { 'file:///ws/.kamervraag.json': JSON.stringify({ answerTermDays: 30, inlayHints: { maxLength: 10 }, diagnostics: { severity: { 'late-answer': 'ignore', 'stray-text': 'error' } } }) },
      () => ({ inlayHints: { enabled: false }, diagnostics: { severity: { 'stray-text': 'hint' } } }),
    );
    await s.load('file:///ws/a.kvr');
    const settings = s.settingsFor('file:///ws/a.kvr')!;
    assert.equal(settings.answerTermDays, 30);
    assert.deepEqual(settings.inlayHints, { enabled: false, maxLength: 10 });
    assert.deepEqual(settings.diagnostics.severity, { 'late-answer': 'ignore', 'stray-text': 'hint' });
  });

  it('load says whether the settings changed; a changed file is read again after filesChanged', async () => {
    const { s, workspace } = store({ 'file:///ws/.kamervraag.json': '{"answerTermDays": 30}' });
    assert.equal(await s.load('file:///ws/a.kvr'), true);
    assert.equal(await s.load('file:///ws/a.kvr'), false);
    workspace.write('file:///ws/.kamervraag.json', '{"answerTermDays": 14}');
    assert.equal(await s.load('file:///ws/a.kvr'), false, 'cached until told');
    s.filesChanged();
    assert.equal(await s.load('file:///ws/a.kvr'), true);
    assert.equal(s.settingsFor('file:///ws/a.kvr')!.answerTermDays, 14);
    workspace.delete('file:///ws/.kamervraag.json');
    s.filesChanged();
    assert.equal(await s.load('file:///ws/a.kvr'), true);
    assert.deepEqual(s.settingsFor('file:///ws/a.kvr'), DEFAULT_SETTINGS);
  });

  it('a file that is not JSON, unknown keys, a failing editor: reported once each, the rest applies, never a rejection', async () => {
    const { s, reported } = store({ 'file:///ws/.kamervraag.json': '{ "answerTermDays": 30,, }' }, () => {
      throw new Error('no configuration');
    });
    await s.load('file:///ws/a.kvr');
    await s.load('file:///ws/b.kvr');
    assert.deepEqual(s.settingsFor('file:///ws/a.kvr'), DEFAULT_SETTINGS);
    assert.equal(reported.length, 1);
    assert.match(reported[0]!, /^file:\/\/\/ws\/\.kamervraag\.json: not valid JSON/);

    const other = store({ 'file:///ws/.kamervraag.json': '{ "answerTermDays": 30, "colour": "red" }' }, () => ({ codeLens: { enabled: 'no' } }));
    await other.s.load('file:///ws/a.kvr');
    await other.s.load('file:///ws/b.kvr');
    assert.equal(other.s.settingsFor('file:///ws/a.kvr')!.answerTermDays, 30);
    assert.deepEqual(other.reported, [
      "file:///ws/.kamervraag.json: unknown setting 'colour' (ignored)",
      `kamervraag.* settings: 'codeLens.enabled' must be true or false, not "no" (ignored)`,
    ]);
  });

  it('an editor that never answers holds nothing back: the file and the defaults apply', async () => {
    const workspace = new MemoryWorkspace({ 'file:///ws/.kamervraag.json': '{"answerTermDays": 30}' });
    const s = new SettingsStore(workspace, () => new Promise(() => undefined), () => undefined, 20);
    s.addFolder('file:///ws');
    assert.equal(await s.load('file:///ws/a.kvr'), true);
    assert.equal(s.settingsFor('file:///ws/a.kvr')!.answerTermDays, 30);
  });

  it('a document closed while its settings are read keeps nothing; opened again, it reads them anew', async () => {
    const { s } = store({ 'file:///ws/.kamervraag.json': '{"answerTermDays": 30}' });
    const loading = s.load('file:///ws/a.kvr');
    s.forget('file:///ws/a.kvr');
    assert.equal(await loading, false);
    assert.equal(s.settingsFor('file:///ws/a.kvr'), undefined);
    assert.equal(await s.load('file:///ws/a.kvr'), true);
    assert.equal(s.settingsFor('file:///ws/a.kvr')!.answerTermDays, 30);
  });

  it('settingsForAll: open documents as loaded, the others from their nearest .kamervraag.json under the editor, asked once per folder', async () => {
    const asked: string[] = [];
    let editor: Record<string, unknown> = {};
    const { s } = store({
      'file:///ws/.kamervraag.json': JSON.stringify({ answerTermDays: 30 }),
      'file:///ws/team/.kamervraag.json': JSON.stringify({ answerTermDays: 10, codeLens: { enabled: false } }),
    }, (uri) => {
      asked.push(uri);
      return uri.startsWith('file:///ws/team') || uri === 'file:///ws' ? editor : {};
    });
    await s.load('file:///ws/open.kvr');
    editor = { answerTermDays: 42 };
    asked.length = 0;
    const uris = ['file:///ws/open.kvr', 'file:///ws/a.kvr', 'file:///ws/x/b.kvr', 'file:///ws/team/c.kvr', 'file:///elsewhere/d.kvr'];
    const all = await s.settingsForAll(uris);
    assert.deepEqual(uris.map((u) => all.get(u)?.answerTermDays), [30, 42, 42, 42, 21], 'the open one as loaded (before the editor said 42)');
    assert.equal(all.get('file:///ws/team/c.kvr')!.codeLens.enabled, false, 'the editor overrides the file key by key');
    assert.deepEqual(asked.sort(), ['file:///elsewhere/d.kvr', 'file:///ws'], 'the editor asked once for the folder, and for a document outside every folder');
    assert.equal(s.settingsFor('file:///ws/a.kvr'), undefined, 'nothing kept for a document that is not open');
  });

  it('settingsForAll waits for a load under way and reads a changed .kamervraag.json after filesChanged', async () => {
    const { s, workspace } = store({ 'file:///ws/.kamervraag.json': '{"answerTermDays": 30}' });
    const loading = s.load('file:///ws/open.kvr');
    const all = await s.settingsForAll(['file:///ws/open.kvr', 'file:///ws/a.kvr']);
    await loading;
    assert.equal(all.get('file:///ws/open.kvr')!.answerTermDays, 30);
    workspace.write('file:///ws/.kamervraag.json', '{"answerTermDays": 14}');
    s.filesChanged();
    assert.equal((await s.settingsForAll(['file:///ws/a.kvr'])).get('file:///ws/a.kvr')!.answerTermDays, 14);
  });

  it('keepValid: a group is judged line by line: an unknown check code costs its own line, not the group\'s other choices', () => {
    const problems: string[] = [];
    const first = keepValid(undefined, { diagnostics: { severity: { 'late-answer': 'error' } } }, (p) => problems.push(p));
    const next = keepValid(first, { diagnostics: { severity: { 'unanswered-document': 'ignore', 'no-such-rule': 'error', 'late-answer': 'loud' } } }, (p) => problems.push(p));
    // The valid line applies, the nonsense value keeps the last good one, the unknown code is dropped.
    assert.deepEqual(next, { diagnostics: { severity: { 'unanswered-document': 'ignore', 'late-answer': 'error' } } });
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('no-such-rule')) && problems.some((p) => p.includes('loud')), problems.join('\n'));
    // An unknown group is one problem, and goes.
    problems.length = 0;
    assert.deepEqual(keepValid(next, { nosuch: { a: 1, b: 2 }, validate: { enable: false } }, (p) => problems.push(p)), { validate: { enable: false } });
    assert.equal(problems.length, 1, problems.join('\n'));
  });

  it('keepValid: a pushed value that is nonsense keeps the last good one; a key no longer pushed is gone', () => {
    const problems: string[] = [];
    const first = keepValid(undefined, { maxNumberOfProblems: 10, answerTermDays: 30 }, (p) => problems.push(p));
    assert.deepEqual(first, { maxNumberOfProblems: 10, answerTermDays: 30 });
    assert.deepEqual(keepValid(first, { maxNumberOfProblems: -3 }, (p) => problems.push(p)), { maxNumberOfProblems: 10 });
    assert.equal(problems.length, 1);
    assert.equal(keepValid(first, null, () => undefined), null);
  });
});
