// Plain-Node unit tests of the browser client's early reads of settings files (client/src/settingsPrefetch.ts):
// the files it reads are the ones the server asks for, in its order, and each early read answers once.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { EARLY_READ_MS, EarlyReads, settingsFiles } from '../../../client/src/settingsPrefetch';
import { SettingsStore } from '../../../server/src/service/settings';

/** The `.kamervraag.json` files the server's settings store asks for when `document` opens, in order. */
async function serverReads(document: string, folder: string, existing: ReadonlySet<string> = new Set()): Promise<string[]> {
  const asked: string[] = [];
  const store = new SettingsStore(
    {
      readDirectory: async () => undefined,
      stat: async () => undefined,
      readFile: async (uri) => {
        asked.push(uri);
        return existing.has(uri) ? '{}' : undefined;
      },
    },
    async () => undefined,
    () => undefined,
  );
  store.addFolder(folder);
  await store.load(document);
  return asked;
}

const FOLDER = 'vscode-remote://localhost:8080/home/ambtenaar/Kamervragen';
const CASES: ReadonlyArray<[string, string]> = [
  [`${FOLDER}/2024Z18439.kvr`, FOLDER],
  [`${FOLDER}/2024/november/2024Z18439.txt`, FOLDER],
  [`${FOLDER}/2024/november/2024Z18439.txt`, `${FOLDER}/`],
  [`${FOLDER}/met%20spatie/Kamervraag%20(1).txt`, FOLDER],
  ['file:///c%3A/Users/a/kv/2024/x.kvr', 'file:///c%3A/Users/a/kv'],
];

test('the settings files read early are the ones the server asks for, in its order', async () => {
  for (const [document, folder] of CASES) {
    const files = settingsFiles(document, folder);
    assert.ok(files.length > 0, document);
    assert.deepEqual(files, await serverReads(document, folder), document);
  }
  assert.deepEqual(settingsFiles(`${FOLDER}/2024/november/a.kvr`, FOLDER), [
    `${FOLDER}/2024/november/.kamervraag.json`,
    `${FOLDER}/2024/.kamervraag.json`,
    `${FOLDER}/.kamervraag.json`,
  ]);
  // The server stops at the first file there; the early reads of the ones above it are never asked for.
  const document = `${FOLDER}/2024/november/a.kvr`;
  assert.deepEqual(await serverReads(document, FOLDER, new Set([`${FOLDER}/2024/.kamervraag.json`])), settingsFiles(document, FOLDER).slice(0, 2));
});

test('no settings files for a document outside the workspace folder (the server reads none)', async () => {
  for (const document of [`${FOLDER}-oud/2024Z18439.kvr`, 'untitled:Untitled-1', 'vscode-remote://localhost:8080/elders/a.kvr']) {
    assert.deepEqual(settingsFiles(document, FOLDER), [], document);
    assert.deepEqual(await serverReads(document, FOLDER), [], document);
  }
});

test('an early read answers once, and only while it is recent', async () => {
  let now = 1000;
  let reads = 0;
  const early = new EarlyReads<string | null>(() => now);
  const read = async (uri: string) => {
    reads++;
    return `text of ${uri}`;
  };
  early.start('a', read);
  early.start('a', read); // under way: not read twice
  early.start('b', read);
  assert.equal(reads, 2);
  assert.equal(await early.take('a'), 'text of a');
  assert.equal(early.take('a'), undefined, 'handed out once');
  assert.equal(early.take('c'), undefined, 'never started');
  now += EARLY_READ_MS + 1;
  assert.equal(early.take('b'), undefined, 'too old: the file is read again');
  // Reads never asked for are let go once they are old.
  early.start('c', read);
  early.start('d', read);
  assert.equal(early.size, 2);
  now += EARLY_READ_MS + 1;
  assert.equal(early.take('zzz'), undefined);
  assert.equal(early.size, 0);
});

test('a failed early read is handed to the asker, not left as an unhandled rejection', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  try {
    const early = new EarlyReads<string | null>();
    early.start('x', async () => {
      throw new Error('permission denied');
    });
    await new Promise((r) => setImmediate(r));
    await assert.rejects(early.take('x')!, /permission denied/);
    early.start('y', async () => {
      throw new Error('never asked for');
    });
    await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});

test('a file that changed after its early read started is read again: the early read is not handed out', async () => {
  const early = new EarlyReads<string | null>();
  const file = `${FOLDER}/.kamervraag.json`;
  let reads = 0;
  early.start(file, async () => `{"versie": ${++reads}}`);
  early.forget(file);
  assert.equal(early.take(file), undefined, 'the server reads the file as it is now');
  assert.equal(early.size, 0);
  early.forget(`${FOLDER}/nooit-gelezen.json`);
  early.start(file, async () => `{"versie": ${++reads}}`);
  assert.equal(await early.take(file), '{"versie": 2}');
});
