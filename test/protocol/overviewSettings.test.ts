/**
 * The overview judges each document with its own settings, as its hover, status and checks do: two
 * workspace folders, one with a `.kamervraag.json` (`answerTermDays: 5`), one without; the editor's
 * `kamervraag.answerTermDays` (pulled with `workspace/configuration`) overrides the file where the user set
 * it; a changed setting or file makes the server say `kamervraag/overviewChanged`. Fixed clock: 20
 * November 2024.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client, EXAMPLES, FULL_CAPABILITIES, ROOT } from './harness';

const uriOf = (file: string): string => pathToFileURL(file).href;

interface OverviewDocument { uri: string; zaaknummer: string | null; state: string; deadline: string | null; days: number | null; answerTermDays: number }
interface Overview { today: string; answerTermDays: number | null; documents: OverviewDocument[] }
interface Term { state: string; deadline: string | null; daysLeft: number | null }

const rows = (o: Overview) => o.documents.map((d) => `${d.state} ${d.zaaknummer} ${d.deadline} ${d.days} (${d.answerTermDays} days)`);

/** Asks until `until` holds (a hang guard, not a speed claim). */
async function waitFor<T>(what: string, get: () => T | Promise<T>, until: (x: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const x = await get();
    if (until(x)) return x;
    if (Date.now() > deadline) assert.fail(`${what}; last: ${JSON.stringify(x)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("kamervraag/overview with each document's settings", () => {
  let dir: string;
  let client: Client;
  /** What the editor says for a scope inside folder a (the user's settings there); folder b: nothing set. */
  let editorA: Record<string, unknown> = {};
  let changes = 0;
  const files = { late: '', open: '', other: '', config: '' };
  const overview = () => client.request<Overview>('kamervraag/overview', {});
  const settled = (what: string, expected: string[]) => waitFor(what, overview, (o) => JSON.stringify(rows(o)) === JSON.stringify(expected));
  /** After `act`, the server says the overview changed and the rows become `expected`. */
  async function changed(act: () => Promise<void>, expected: string[], what: string): Promise<Overview> {
    const before = changes;
    await act();
    await waitFor(`kamervraag/overviewChanged after ${what}`, () => changes, (n) => n > before);
    return settled(what, expected);
  }

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kamervraag-overview-settings-'));
    const [a, b] = [path.join(dir, 'a'), path.join(dir, 'b')];
    mkdirSync(a);
    mkdirSync(b);
    files.config = path.join(a, '.kamervraag.json');
    writeFileSync(files.config, JSON.stringify({ answerTermDays: 5 }));
    files.late = path.join(a, '2024Z17000.kvr');
    files.open = path.join(a, '2024Z18439.txt');
    files.other = path.join(b, '2024Z16988.txt');
    copyFileSync(path.join(ROOT, 'test', 'fixtures', 'workspace', '2024Z17000.kvr'), files.late);
    copyFileSync(path.join(EXAMPLES, '2024Z18439.txt'), files.open);
    copyFileSync(path.join(EXAMPLES, '2024Z16988.txt'), files.other);
    client = new Client();
    client.conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) =>
      p.items.map((item) => (item.section !== 'kamervraag' ? null : (item.scopeUri ?? '').startsWith(uriOf(a)) ? editorA : {})));
    client.conn.onNotification('kamervraag/overviewChanged', () => {
      changes++;
    });
    await client.initialize({
      capabilities: { ...FULL_CAPABILITIES, workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
      workspaceFolders: [{ uri: uriOf(a), name: 'a' }, { uri: uriOf(b), name: 'b' }],
      initializationOptions: { today: '2024-11-20', overviewNotifications: true },
    });
  });
  after(() => {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a folder's .kamervraag.json gives its documents their term, open or not; the other folder keeps 21", async () => {
    const o = await settled('the overview with the term of folder a', [
      'te laat 2024Z17000 2024-10-06 -45 (5 days)',
      'te laat 2024Z18439 2024-11-19 -1 (5 days)',
      'uitgesteld 2024Z16988 2024-11-15 null (21 days)',
    ]);
    assert.equal(o.answerTermDays, null, 'no one term for all rows');
    // Opened, the document says the same in its status (the settings store's settings for it).
    const uri = uriOf(files.open);
    await client.openAndWait(uri, readFileSync(files.open, 'utf8'));
    const status = await client.request<{ term: Term }>('kamervraag/status', { textDocument: { uri } });
    assert.deepEqual([status.term.state, status.term.deadline, status.term.daysLeft], ['te laat', '2024-11-19', -1]);
    assert.equal((await overview()).documents.find((d) => d.uri === uri)!.days, -1);
  });

  it("the editor's kamervraag.answerTermDays, where the user set it, overrides the file; the view hears of it", async () => {
    // Let the notifications of the scan and the open pass first.
    await waitFor('the first kamervraag/overviewChanged', () => changes, (n) => n > 0);
    await changed(async () => {
      editorA = { answerTermDays: 42 };
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }, [
      'te laat 2024Z17000 2024-11-12 -8 (42 days)',
      'te beantwoorden 2024Z18439 2024-12-26 36 (42 days)',
      'uitgesteld 2024Z16988 2024-11-15 null (21 days)',
    ], 'the editor setting');
    const status = await client.request<{ term: Term }>('kamervraag/status', { textDocument: { uri: uriOf(files.open) } });
    assert.deepEqual([status.term.state, status.term.deadline, status.term.daysLeft], ['te beantwoorden', '2024-12-26', 36]);
    // Unset again: the file's 5 days.
    await changed(async () => {
      editorA = {};
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }, [
      'te laat 2024Z17000 2024-10-06 -45 (5 days)',
      'te laat 2024Z18439 2024-11-19 -1 (5 days)',
      'uitgesteld 2024Z16988 2024-11-15 null (21 days)',
    ], 'the editor setting unset');
  });

  it('a changed .kamervraag.json is read again, and the view hears of it', async () => {
    writeFileSync(files.config, JSON.stringify({ answerTermDays: 10 }));
    await changed(
      () => client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(files.config), type: 2 }] }),
      ['te laat 2024Z17000 2024-10-11 -40 (10 days)', 'te beantwoorden 2024Z18439 2024-11-24 4 (10 days)', 'uitgesteld 2024Z16988 2024-11-15 null (21 days)'],
      'the file changed',
    );
  });
});
