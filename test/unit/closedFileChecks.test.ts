/**
 * What the server checks of the workspace's Kamervragen that are not open (`kamervraag.validate.workspace`),
 * and when (service/closedFileChecks.ts), against a host of plain data: each closed document once, again
 * when its file changed or a Kamervraag it names did, every one after the settings changed; an empty list
 * when it is no longer asked for or left the workspace; nothing for an open document, which publishes its own.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, type KamervraagSettings } from '../../server/src/core/config';
import { ClosedFileChecks, type ClosedFileHost } from '../../server/src/service/closedFileChecks';
import type { IndexedDocument } from '../../server/src/service/summaries';

const entry = (uri: string, zaaknummer: string | null): IndexedDocument => ({
  uri, zaaknummer, title: null, symbols: [], indieners: [], beantwoordDoor: null, metadata: { ingediend: null, beantwoord: null }, mededelingen: [], unanswered: 0,
});

/** A workspace of files (uri → text; a text names the zaaknummers after `cites:`), open documents and a setting. */
function workspace() {
  const files = new Map<string, string>();
  const entries = new Map<string, IndexedDocument>();
  const open = new Set<string>();
  const log: string[] = [];
  let workspaceOn = true;
  const host: ClosedFileHost<string> = {
    entries: () => entries.values(),
    isOpen: (uri) => open.has(uri),
    settingsForAll: async (uris) => new Map(uris.map((u) => [u, { ...DEFAULT_SETTINGS, validate: { enable: true, workspace: workspaceOn } } as KamervraagSettings])),
    readFile: async (uri) => files.get(uri),
    check: (uri, text) => {
      log.push(`check ${uri}`);
      return { diagnostics: [`${uri}: ${text}`], cites: /cites: (.*)/.exec(text)?.[1]?.split(' ') ?? [] };
    },
    publish: (uri, diagnostics) => log.push(`publish ${uri} ${diagnostics.length}`),
    yieldToRequests: () => Promise.resolve(),
    report: (message) => log.push(`report ${message}`),
  };
  const write = (uri: string, zaaknummer: string | null, text: string) => {
    files.set(uri, text);
    entries.set(uri, entry(uri, zaaknummer));
  };
  return {
    host, files, entries, open, log, write,
    set workspaceOn(on: boolean) {
      workspaceOn = on;
    },
    take: () => log.splice(0).sort(),
  };
}

describe('checks of the Kamervragen that are not open', () => {
  it('each closed document once, published; an open one not; nothing again while nothing changed', async () => {
    const w = workspace();
    w.write('a', '2024Z00001', 'a');
    w.write('b', '2024Z00002', 'b');
    w.write('c', '2024Z00003', 'c');
    w.open.add('c');
    const checks = new ClosedFileChecks(w.host);
    await checks.update();
    assert.deepEqual(w.take(), ['check a', 'check b', 'publish a 1', 'publish b 1']);
    assert.deepEqual(checks.publishedUris().sort(), ['a', 'b']);
    await checks.update();
    assert.deepEqual(w.take(), [], 'nothing changed, nothing read');
  });

  it('again when its file changed, or when a Kamervraag it names did (an edit of an open one too); not the others', async () => {
    const w = workspace();
    w.write('a', '2024Z00001', 'cites: 2024Z00003');
    w.write('b', '2024Z00002', 'b');
    w.write('c', '2024Z00003', 'c');
    w.open.add('c');
    const checks = new ClosedFileChecks(w.host);
    await checks.update();
    w.take();
    w.write('b', '2024Z00002', 'b changed');
    await checks.update();
    assert.deepEqual(w.take(), ['check b', 'publish b 1']);
    // The open document c was edited (the index made a new entry for it): a, which names it, is checked again.
    w.entries.set('c', entry('c', '2024Z00003'));
    await checks.update();
    assert.deepEqual(w.take(), ['check a', 'publish a 1']);
    // c gets another zaaknummer: the one a names is gone, so a is checked again.
    w.entries.set('c', entry('c', '2024Z00009'));
    await checks.update();
    assert.deepEqual(w.take(), ['check a', 'publish a 1']);
  });

  it('the settings changed: every closed document again; no longer asked for: an empty list for each', async () => {
    const w = workspace();
    w.write('a', '2024Z00001', 'a');
    w.write('b', '2024Z00002', 'b');
    const checks = new ClosedFileChecks(w.host);
    await checks.update();
    w.take();
    await checks.invalidate();
    assert.deepEqual(w.take(), ['check a', 'check b', 'publish a 1', 'publish b 1']);
    w.workspaceOn = false;
    await checks.invalidate();
    assert.deepEqual(w.take(), ['publish a 0', 'publish b 0']);
    assert.deepEqual(checks.publishedUris(), []);
    await checks.invalidate();
    assert.deepEqual(w.take(), [], 'cleared once');
  });

  it('off from the start: nothing is read or published', async () => {
    const w = workspace();
    w.workspaceOn = false;
    w.write('a', '2024Z00001', 'a');
    const checks = new ClosedFileChecks(w.host);
    await checks.update();
    assert.deepEqual(w.take(), []);
  });

  it('a deleted file: an empty list; an opened document: its own publishing takes over, nothing cleared under it', async () => {
    const w = workspace();
    w.write('a', '2024Z00001', 'a');
    w.write('b', '2024Z00002', 'b');
    const checks = new ClosedFileChecks(w.host);
    await checks.update();
    w.take();
    w.entries.delete('a');
    w.files.delete('a');
    w.open.add('b');
    checks.opened('b');
    w.entries.set('b', entry('b', '2024Z00002'));
    await checks.update();
    assert.deepEqual(w.take(), ['publish a 0']);
    assert.deepEqual(checks.publishedUris(), []);
    // Closed again: its file is checked again.
    w.open.delete('b');
    w.entries.set('b', entry('b', '2024Z00002'));
    await checks.update();
    assert.deepEqual(w.take(), ['check b', 'publish b 1']);
  });


  it('closed: what the document published stays until its file is checked, or an empty list replaces it (the file gone, the setting off)', async () => {
    const w = workspace();
    for (const uri of ['a', 'b', 'c']) {
      w.write(uri, null, uri);
      w.open.add(uri);
    }
    const checks = new ClosedFileChecks(w.host);
    await checks.update();
    assert.deepEqual(w.take(), [], 'open: they publish their own');
    // All three closed; the index still has each one's entry (of its last text) until the file is read.
    for (const uri of ['a', 'b', 'c']) {
      w.open.delete(uri);
      checks.closed(uri);
    }
    assert.deepEqual(w.take(), [], 'nothing published at the close: no empty list before the file\'s problems');
    assert.deepEqual(checks.publishedUris().sort(), ['a', 'b', 'c']);
    // The index read two of them again: a as it was, b gone from the disk (its entry went); c not yet.
    w.entries.set('a', entry('a', null));
    w.files.delete('b');
    w.entries.delete('b');
    await checks.update();
    assert.deepEqual(w.take(), ['check a', 'publish a 1', 'publish b 0']);
    assert.deepEqual(checks.publishedUris().sort(), ['a', 'c'], 'c keeps what it published until its file is read');
    w.entries.set('c', entry('c', null));
    await checks.update();
    assert.deepEqual(w.take(), ['check c', 'publish c 1']);
    // Opened and closed again while the setting went off: an empty list once the sweep knows it.
    w.open.add('a');
    checks.opened('a');
    w.open.delete('a');
    checks.closed('a');
    w.workspaceOn = false;
    w.entries.set('a', entry('a', null));
    await checks.update();
    assert.deepEqual(w.take(), ['publish a 0']);
    assert.deepEqual(checks.publishedUris(), ['c']);
  });
  it('one file under two spellings of its name (the editor\'s and the index\'s): its problems stay under the editor\'s, never emptied after', async () => {
    // `(1)` as Node's pathToFileURL and Neovim write it; `%281%29` as the index (vscode-uri) does: one file.
    const editors = 'file:///ws/Kamervraag%20(1).kvr';
    const indexes = 'file:///ws/Kamervraag%20%281%29.kvr';
    const w = workspace();
    w.write(indexes, '2024Z10000', 'x');
    const checks = new ClosedFileChecks(w.host);
    await checks.update();
    assert.deepEqual(w.take(), [`check ${indexes}`, `publish ${indexes} 1`]);
    // Opened under the editor's spelling: its own publishing takes over (the editor reads both as one file).
    w.open.add(editors);
    checks.opened(editors);
    assert.deepEqual(checks.publishedUris(), []);
    // Closed again, and its file read again (under the index's spelling): checked and published where the
    // editor has its problems, and nothing empties them after.
    w.open.delete(editors);
    checks.closed(editors);
    w.entries.set(indexes, entry(indexes, '2024Z10000'));
    await checks.update();
    assert.deepEqual(w.take(), [`check ${indexes}`, `publish ${editors} 1`]);
    assert.deepEqual(checks.publishedUris(), [editors]);
    await checks.invalidate();
    assert.deepEqual(w.take(), [`check ${indexes}`, `publish ${editors} 1`]);
    // Gone from the disk: the list emptied once, under that spelling.
    w.entries.delete(indexes);
    await checks.update();
    assert.deepEqual(w.take(), [`publish ${editors} 0`]);
  });

  it('a file that cannot be read or checked is reported and costs only its own problems; a failing sweep never rejects', async () => {
    const w = workspace();
    w.write('a', '2024Z00001', 'a');
    w.write('b', '2024Z00002', 'b');
    const check = w.host.check;
    w.host.check = (uri, text, settings) => {
      if (uri === 'a') throw new Error('kapot');
      return check(uri, text, settings);
    };
    const checks = new ClosedFileChecks(w.host);
    await checks.update();
    assert.deepEqual(w.take(), ['check b', 'publish b 1', 'report kamervraag: a could not be checked: Error: kapot']);
    w.host.settingsForAll = () => Promise.reject(new Error('geen instellingen'));
    await checks.invalidate();
    assert.deepEqual(w.take(), ['report kamervraag: the checks of the files that are not open stopped: Error: geen instellingen']);
  });

  it('an update during a sweep starts one more when it ends; disposed, nothing more is published', async () => {
    const w = workspace();
    w.write('a', '2024Z00001', 'a');
    const checks = new ClosedFileChecks(w.host);
    const first = checks.update();
    w.write('b', '2024Z00002', 'b');
    const second = checks.update();
    await Promise.all([first, second]);
    assert.deepEqual(w.take(), ['check a', 'check b', 'publish a 1', 'publish b 1']);
    checks.dispose();
    w.write('a', '2024Z00001', 'a changed');
    await checks.invalidate();
    assert.deepEqual(w.take(), []);
  });
});
