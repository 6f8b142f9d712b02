/**
 * When the server checks and publishes its open documents (server/src/service/openDocumentChecks.ts),
 * against a host of plain data, on timers and a clock the test moves: a burst of edits is one check, of
 * the last version; the first waits for the document's settings; big documents wait longer (half the last
 * check, at most MAX_DELAY_MS); a closed document is not checked; a change of the workspace checks again
 * only the documents whose findings across documents would differ, once for a burst.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { CROSS_DELAY_MS, MAX_DELAY_MS, OpenDocumentChecks, type OpenDocumentHost } from '../../server/src/service/openDocumentChecks';
import type { Timers } from '../../server/src/service/timers';

/** Open documents (uri → version, what their check across documents finds), settings being read, a log. */
function server() {
  let time = 0;
  let handles = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const fake: Timers = {
    set(fn, ms) {
      timers.set(++handles, { at: time + ms, fn });
      return handles;
    },
    clear(handle) {
      timers.delete(handle as number);
    },
  };
  const open = new Map<string, { version: number; cross: string }>();
  const loading = new Map<string, Promise<void>>();
  const log: string[] = [];
  /** How long each check takes, on the test's clock. */
  let checkCost = 1;
  const host: OpenDocumentHost<string> = {
    openUris: () => open.keys(),
    settingsPending: (uri) => loading.get(uri),
    check(uri) {
      const d = open.get(uri);
      if (!d) return undefined;
      time += checkCost;
      log.push(`check ${uri} v${d.version}`);
      return { version: d.version, diagnostics: [`${uri}@${d.version}`], crossState: d.cross };
    },
    crossState: (uri) => open.get(uri)?.cross,
    publish: (uri, version, diagnostics) => log.push(`publish ${uri} v${version} ${diagnostics.join(',')}`),
  };
  const checks = new OpenDocumentChecks(host, { now: () => time, timers: fake });
  return {
    checks, open, loading, log,
    set checkCost(ms: number) {
      checkCost = ms;
    },
    /** The waits of the timers set now, from now. */
    waits: () => [...timers.values()].map((t) => t.at - time),
    /** Lets `ms` pass, running each timer when it is due, in order. */
    pass(ms: number) {
      const end = time + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        time = Math.max(time, due[1].at);
        due[1].fn();
      }
      time = Math.max(time, end);
    },
    edit(uri: string, cross?: string) {
      const d = open.get(uri) ?? { version: 0, cross: '' };
      open.set(uri, { version: d.version + 1, cross: cross ?? d.cross });
      checks.changed(uri);
    },
  };
}

describe('the checks of the open documents', () => {
  it('a burst of edits is one check, of the last version, after the shortest wait', () => {
    const s = server();
    s.edit('a');
    s.pass(1);
    s.edit('a');
    s.edit('a');
    assert.deepEqual(s.waits(), [2]);
    s.pass(1);
    assert.deepEqual(s.log, []);
    s.pass(1);
    assert.deepEqual(s.log, ['check a v3', 'publish a v3 a@3']);
    const t = server();
    t.checks.baseDelayMs = 0;
    t.edit('b');
    assert.deepEqual(t.waits(), [0], 'initializationOptions.diagnosticDelay 0');
  });

  it('the first check waits for the document\'s settings', async () => {
    const s = server();
    let read!: () => void;
    s.loading.set('a', new Promise<void>((resolve) => (read = resolve)));
    s.edit('a');
    s.pass(10);
    await Promise.resolve();
    assert.deepEqual(s.log, [], 'not before the settings are read');
    s.loading.delete('a');
    read();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(s.log, ['check a v1', 'publish a v1 a@1']);
  });

  it('after a long check the next waits half as long, at most MAX_DELAY_MS', () => {
    const s = server();
    s.checkCost = 30;
    s.edit('a');
    s.pass(2);
    s.edit('a');
    assert.deepEqual(s.waits(), [15]);
    s.checkCost = 400;
    s.pass(15);
    s.edit('a');
    assert.deepEqual(s.waits(), [MAX_DELAY_MS]);
  });

  it('a closed document is not checked, nor published when its settings arrive after the close', async () => {
    const s = server();
    s.edit('a');
    s.open.delete('a');
    s.checks.closed('a');
    assert.deepEqual(s.waits(), []);
    let read!: () => void;
    s.loading.set('b', new Promise<void>((resolve) => (read = resolve)));
    s.edit('b');
    s.pass(2);
    s.open.delete('b');
    s.checks.closed('b');
    read();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(s.log, []);
  });

  it('a change of the workspace checks again, once a burst is over, only what would be found otherwise', () => {
    const s = server();
    s.edit('a', 'cites 2024Z00001: question 9 missing');
    s.edit('b', 'cites nothing');
    s.pass(2);
    s.log.length = 0;
    // The workspace changes three times; then a's findings would differ (2024Z00001 got its question 9).
    s.checks.workspaceChanged();
    s.checks.workspaceChanged();
    s.open.get('a')!.cross = 'cites 2024Z00001: fine';
    s.checks.workspaceChanged();
    assert.deepEqual(s.waits(), [CROSS_DELAY_MS], 'one sweep for the burst');
    s.pass(CROSS_DELAY_MS + 2);
    assert.deepEqual(s.log, ['check a v1', 'publish a v1 a@1']);
    // Published with what it finds now: the next change of the workspace leaves it.
    s.checks.workspaceChanged();
    s.pass(CROSS_DELAY_MS + 2);
    assert.equal(s.log.length, 2);
    // A document whose check is pending already is not asked about; a closed one is forgotten.
    s.open.get('b')!.cross = 'cites 2024Z00002';
    s.edit('b');
    s.checks.workspaceChanged();
    s.pass(CROSS_DELAY_MS + 2);
    assert.deepEqual(s.log.slice(2), ['check b v2', 'publish b v2 b@2']);
    s.checks.dispose();
    s.checks.workspaceChanged();
    s.checks.dispose();
    assert.deepEqual(s.waits(), [], 'nothing left set after dispose');
  });
});
