/**
 * The workspace index over an in-memory file system (`MemoryWorkspace`): which files it holds, file
 * events, open documents, folder changes and the fuzzy query, without a disk or a connection.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/core';
import { MemoryWorkspace } from '../../server/src/service/memoryWorkspace';
import type { WorkspaceFiles } from '../../server/src/service/workspace';
import { WorkspaceIndex } from '../../server/src/service/workspaceIndex';
import { MAX_FILE_BYTES } from '../../server/src/service/workspace';
import * as fc from 'fast-check';
import { summarize, summarizeText } from '../../server/src/service/summaries';
import { skipSpaces, trimEnd } from '../../server/src/core/lines';

const ROOT = path.join(__dirname, '..', '..', '..');
const example = (name: string) => readFileSync(path.join(ROOT, 'test', 'fixtures', 'examples', name), 'utf8');
const fixture = (name: string) => readFileSync(path.join(ROOT, 'test', 'fixtures', 'protocol', name), 'utf8');

const WS = 'file:///ws';
const T2014 = 'Kamervraag 2014Z19222: Te weinig capaciteit bij politie en Openbaar Ministerie om mensenhandel aan te pakken';
const T2024 = 'Kamervraag 2024Z18294: Het landelijk kwaliteitskader in relatie tot Preventie met gezag';
const TRANGES = 'Kamervraag 2024Z20001: Vragen over verwijzingen naar reeksen van vragen';

function workspace(): MemoryWorkspace {
  return new MemoryWorkspace({
    [`${WS}/2014Z19222.txt`]: example('2014Z19222.txt'),
    [`${WS}/sub/deeper/antwoord.txt`]: example('2024Z18294.txt'),
    [`${WS}/sub/ranges.kvr`]: fixture('ranges.kvr'),
    [`${WS}/notes.txt`]: 'Boodschappen: melk, brood.\nKamervraag 2014Z19222 staat hier niet bovenaan.\n',
    [`${WS}/2024Z18294.md`]: example('2024Z18294.txt'),
    [`${WS}/node_modules/ignored.kvr`]: fixture('problems.kvr'),
    [`${WS}/.hidden/ignored.kvr`]: fixture('problems.kvr'),
    'file:///elsewhere/2024Z16988.txt': example('2024Z16988.txt'),
  });
}

async function indexed(files: WorkspaceFiles = workspace()): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(files);
  index.addFolder(WS);
  await index.whenReady();
  return index;
}

/** The entries an empty query lists: [uri, name], sorted. */
const documents = (index: WorkspaceIndex) =>
  index.search('').map((h) => [h.uri, h.symbol.name]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

describe('WorkspaceIndex over MemoryWorkspace', () => {
  it('indexes the Kamervragen of a folder: .kvr, and .txt whose first line is a header; not notes.txt, .md, node_modules, hidden folders or other folders', async () => {
    const index = await indexed();
    assert.deepEqual(documents(index), [
      [`${WS}/2014Z19222.txt`, T2014],
      [`${WS}/sub/deeper/antwoord.txt`, T2024],
      [`${WS}/sub/ranges.kvr`, TRANGES],
    ]);
    assert.deepEqual(index.stats, { documents: 3, pendingFiles: 0, ready: true });
  });

  it('a query matches documents and questions fuzzily, with the document as container', async () => {
    const index = await indexed();
    const q = index.search('vraag 6 mensenhandelteams');
    assert.equal(q.length, 1);
    assert.match(q[0]!.symbol.name, /^Vraag 6: Hoeveel mensenhandelteams zijn er bij de politie/);
    assert.equal(q[0]!.container, T2014);
    assert.equal(q[0]!.symbol.line, 41);
    assert.deepEqual(index.search('2014z19222').map((h) => h.symbol.name), [T2014]);
    assert.ok(index.search('kwltkdr').some((h) => h.symbol.name === T2024));
    assert.deepEqual(index.search('zzzzqqq'), []);
    assert.equal(index.search('vraag', 2).length, 2);
  });

  it('file events add, change and remove documents; a .txt that loses its header goes', async () => {
    const files = workspace();
    const index = await indexed(files);
    const added = `${WS}/sub/nieuw.kvr`;
    files.write(added, fixture('duplicate.kvr'));
    index.fileChanged(added);
    await index.whenReady();
    assert.equal(index.search('2024Z20003').length, 1);
    files.write(added, fixture('duplicate.kvr').replace('Vragen met een dubbel nummer', 'Gewijzigde titel'));
    index.fileChanged(added);
    await index.whenReady();
    assert.equal(index.search('gewijzigde titel').length, 1);
    files.delete(added);
    index.filesDeleted([added]);
    assert.equal(index.search('2024Z20003').length, 0);

    files.write(`${WS}/2014Z19222.txt`, 'Boodschappen\n' + example('2014Z19222.txt'));
    index.fileChanged(`${WS}/2014Z19222.txt`);
    await index.whenReady();
    assert.deepEqual(index.search('2014z19222'), []);
    // A file that is gone when it is read is dropped as well.
    index.fileChanged(`${WS}/sub/ranges.kvr`);
    files.delete(`${WS}/sub/ranges.kvr`);
    await index.whenReady();
    assert.deepEqual(documents(index), [[`${WS}/sub/deeper/antwoord.txt`, T2024]]);
  });

  it('events for files outside the folders, or of other kinds, are ignored', async () => {
    const files = workspace();
    const index = await indexed(files);
    index.fileChanged('file:///elsewhere/2024Z16988.txt');
    index.fileChanged(`${WS}/2024Z18294.md`);
    await index.whenReady();
    assert.equal(index.stats.documents, 3);
  });

  it('events for files in folders the search passes over (node_modules, out, dist, hidden ones) are ignored, and a document of there closed goes', async () => {
    const files = workspace();
    const index = await indexed(files);
    for (const uri of [`${WS}/node_modules/ignored.kvr`, `${WS}/.hidden/ignored.kvr`, `${WS}/sub/dist/2024Z16988.txt`, `${WS}/out/x.kvr`]) {
      files.write(uri, example('2024Z16988.txt'));
      index.fileChanged(uri);
    }
    await index.whenReady();
    assert.equal(index.stats.documents, 3);
    index.update(`${WS}/sub/dist/2024Z16988.txt`, parse(example('2024Z16988.txt')));
    assert.equal(index.search('2024Z16988').length, 1, 'listed while open');
    assert.equal(index.closed(`${WS}/sub/dist/2024Z16988.txt`), false);
    await index.whenReady();
    assert.equal(index.search('2024Z16988').length, 0, 'gone once closed, as after a fresh start');
    // A name that only starts like a skipped one is searched.
    files.write(`${WS}/outbox/2024Z16988.txt`, example('2024Z16988.txt'));
    index.fileChanged(`${WS}/outbox/2024Z16988.txt`);
    await index.whenReady();
    assert.equal(index.search('2024Z16988').length, 1);
  });

  it('an open document overrides its file with its live model, whatever the file events, and comes from disk again once closed', async () => {
    const files = workspace();
    const index = await indexed(files);
    const uri = `${WS}/sub/ranges.kvr`;
    const live = fixture('ranges.kvr').replace('Vragen over verwijzingen naar reeksen van vragen', 'Nog niet opgeslagen titel');
    // Another spelling of the same URI (as Node's pathToFileURL or another client may write it).
    index.update('FILE://localhost/ws/sub/ranges.kvr', parse(live));
    assert.deepEqual(index.search('nog niet opgeslagen').map((h) => h.uri), ['FILE://localhost/ws/sub/ranges.kvr']);
    assert.equal(index.stats.documents, 3);
    index.fileChanged(uri);
    index.filesDeleted([uri]);
    await index.whenReady();
    assert.equal(index.search('nog niet opgeslagen').length, 1);
    assert.equal(index.closed('FILE://localhost/ws/sub/ranges.kvr'), true, 'a file of the folders: its entry stays until the file is read');
    assert.equal(index.search('nog niet opgeslagen').length, 1, 'no gap: the entry of its last text until then');
    assert.equal(index.stats.documents, 3);
    await index.whenReady();
    assert.equal(index.search('nog niet opgeslagen').length, 0);
    assert.deepEqual(index.search('reeksen van vragen').map((h) => [h.uri, h.symbol.name]), [[uri, TRANGES]]);
  });

  it('byZaaknummer(): the current entries, as open documents are edited (a new zaaknummer, other questions), opened and closed', async () => {
    const index = await indexed();
    const uri = `${WS}/2014Z19222.txt`;
    const by = (z: string) => index.byZaaknummer(z).map((e) => `${e.uri} ${e.symbols.filter((s) => s.level === 2).length}`);
    assert.deepEqual(by('2014Z19222'), [`${uri} 10`]);
    const text = example('2014Z19222.txt');
    // Edited: one question fewer, the same zaaknummer; the entry is the live one.
    index.update(uri, parse(text.replace(/ • Vraag 10\n[\s\S]*?\n\n\n/, '\n\n')));
    assert.deepEqual(by('2014Z19222'), [`${uri} 9`]);
    // Another zaaknummer typed in its header: it is found under that one only.
    index.update(uri, parse(text.replace('Kamervraag 2014Z19222', 'Kamervraag 2014Z19223')));
    assert.deepEqual(by('2014Z19222'), []);
    assert.deepEqual(by('2014Z19223'), [`${uri} 10`]);
    // A copy opened elsewhere, then closed; the file again once its document is closed.
    index.update('untitled:2', parse(text));
    assert.deepEqual(by('2014Z19222'), ['untitled:2 10']);
    index.closed('untitled:2');
    index.closed(uri);
    await index.whenReady();
    assert.deepEqual(by('2014Z19222'), [`${uri} 10`]);
    assert.deepEqual(by('2014Z19223'), []);
  });

  it('a folder moved, copied or deleted, of which the editor reports only the folder: its Kamervragen come and go with it; open documents stay', async () => {
    const files = workspace();
    const index = await indexed(files);
    const uris = () => documents(index).map(([uri]) => uri);
    // Moved: `sub` becomes `moved` (deleted, then created, as a file watcher reports it).
    for (const name of ['deeper/antwoord.txt', 'ranges.kvr']) {
      const text = (await files.readFile(`${WS}/sub/${name}`))!;
      files.delete(`${WS}/sub/${name}`);
      files.write(`${WS}/moved/${name}`, text);
    }
    index.filesDeleted([`${WS}/sub`]);
    assert.deepEqual(uris(), [`${WS}/2014Z19222.txt`]);
    index.fileChanged(`${WS}/moved`);
    await index.whenReady();
    assert.deepEqual(uris(), [`${WS}/2014Z19222.txt`, `${WS}/moved/deeper/antwoord.txt`, `${WS}/moved/ranges.kvr`]);
    // Deleted while one of its documents is open: that one stays; a folder of the same prefix (`moved2`) is another folder.
    files.write(`${WS}/moved2/a.kvr`, fixture('ranges.kvr'));
    index.fileChanged(`${WS}/moved2`);
    await index.whenReady();
    index.update(`${WS}/moved/ranges.kvr`, parse(fixture('ranges.kvr')));
    index.filesDeleted([`${WS}/moved`]);
    assert.deepEqual(uris(), [`${WS}/2014Z19222.txt`, `${WS}/moved/ranges.kvr`, `${WS}/moved2/a.kvr`]);
    // One batch: a folder, a file and a path that was never indexed.
    index.filesDeleted([`${WS}/moved2`, `${WS}/2014Z19222.txt`, `${WS}/elders`]);
    assert.deepEqual(uris(), [`${WS}/moved/ranges.kvr`]);
    files.write(`${WS}/moved2/a.kvr`, fixture('ranges.kvr'));
    index.fileChanged(`${WS}/moved2`);
    index.fileChanged(`${WS}/2014Z19222.txt`);
    await index.whenReady();
    assert.deepEqual(uris(), [`${WS}/2014Z19222.txt`, `${WS}/moved/ranges.kvr`, `${WS}/moved2/a.kvr`]);
    // Created in a folder the search passes over, or a file that is no folder: nothing is listed.
    files.write(`${WS}/node_modules/x/b.kvr`, fixture('ranges.kvr'));
    index.fileChanged(`${WS}/node_modules/x`);
    index.fileChanged(`${WS}/notes.txt`);
    index.fileChanged(`${WS}/plaatje.png`);
    await index.whenReady();
    assert.equal(uris().length, 3);
  });

  it('edited(): an open document edited but not checked yet is read at its current text, parsed only when the index is read, without telling the listeners', async () => {
    const index = await indexed();
    const uri = `${WS}/2014Z19222.txt`;
    const text = example('2014Z19222.txt');
    const by = (z: string) => index.byZaaknummer(z).map((e) => `${e.uri} ${e.symbols.filter((s) => s.level === 2).length}`);
    index.update(uri, parse(text));
    let heard = 0;
    index.onDidChange(() => heard++);
    let current = text.replace(/ • Vraag 10\n[\s\S]*?\n\n\n/, '\n\n');
    let parsed = 0;
    const model = () => {
      parsed++;
      return parse(current);
    };
    const before = index.version;
    index.edited(uri, model);
    assert.equal(parsed, 0, 'not parsed on the keystroke');
    assert.ok(index.version > before, 'what was read of the index no longer holds');
    assert.deepEqual(by('2014Z19222'), [`${uri} 9`], 'the text as it is now');
    assert.equal(parsed, 1);
    by('2014Z19222');
    assert.equal(parsed, 1, 'parsed once for the edit');
    // Edited again: the latest text; nothing to read (closed, out of sync) keeps the entry.
    current = current.replace('Kamervraag 2014Z19222', 'Kamervraag 2014Z19223');
    index.edited(uri, model);
    assert.deepEqual(by('2014Z19223'), [`${uri} 9`]);
    index.edited(uri, () => undefined);
    assert.deepEqual(by('2014Z19223'), [`${uri} 9`]);
    assert.equal(heard, 0, 'the check\'s update tells the listeners, not the keystroke');
    // The check's update replaces what an edit would read; a document not in the index waits for its update.
    index.edited(uri, model);
    index.update(uri, parse(text));
    assert.deepEqual(by('2014Z19222'), [`${uri} 10`]);
    index.edited('untitled:9', () => parse(text));
    assert.deepEqual(by('2014Z19222'), [`${uri} 10`]);
    // The check's update with the model an edit was read at (the analysis cache's, per version): not summarized again.
    const latest = parse(current);
    index.edited(uri, () => latest);
    const read = index.byZaaknummer('2014Z19223')[0];
    index.update(uri, latest);
    assert.equal(index.byZaaknummer('2014Z19223')[0], read);
  });

  it('a file grown past the size limit leaves the index (as the entry of a document closed bigger than that)', async () => {
    const files = workspace();
    const index = await indexed(files);
    const uri = `${WS}/2014Z19222.txt`;
    assert.equal(index.byZaaknummer('2014Z19222').length, 1);
    files.write(uri, example('2014Z19222.txt') + 'x'.repeat(MAX_FILE_BYTES));
    index.fileChanged(uri);
    await index.whenReady();
    assert.equal(index.byZaaknummer('2014Z19222').length, 0);
    assert.equal(index.stats.documents, 2);
  });

  it('an open document outside the folders is listed while open, and goes when closed', async () => {
    const index = await indexed();
    index.update('untitled:1', parse(example('2024Z16988.txt')));
    assert.equal(index.search('2024Z16988').length, 1);
    assert.equal(index.closed('untitled:1'), false);
    assert.equal(index.search('2024Z16988').length, 0);
  });

  it('names(): who asked and who answered, read from disk and from open documents, the most frequent first, not the asking document\'s own', async () => {
    const index = await indexed();
    const names = (uri = 'file:///new.kvr') => {
      const n = index.names(uri);
      return { indieners: n.indieners.map((c) => `${c.name} ×${c.documents}`), beantwoordDoor: n.beantwoordDoor.map((c) => `${c.name} ×${c.documents}`) };
    };
    assert.deepEqual(names(), {
      indieners: ['Jansen (D66) ×1', 'Michiel van Nispen (SP) ×1', 'Mutluer (GroenLinks-PvdA) ×1', 'Nine Kooiman (SP) ×1'],
      beantwoordDoor: ['De Vries ×1', 'Opstelten ×1', 'Van Weel ×1'],
    });
    assert.deepEqual(names(`${WS}/2014Z19222.txt`).indieners, ['Jansen (D66) ×1', 'Mutluer (GroenLinks-PvdA) ×1'], 'the document\'s own names are no suggestion to it');
    const open = 'file:///open.kvr';
    index.update(open, parse('Kamervraag 2024Z30000\n\nTitel\n\nIngediend 1 oktober 2024\nIndieners Mutluer (GroenLinks-PvdA), Mutluer (GroenLinks-PvdA)\nBeantwoord door Opstelten\n • Vraag 1\n  Wat?'));
    assert.deepEqual(names().indieners[0], 'Mutluer (GroenLinks-PvdA) ×2', 'counted once per document');
    assert.deepEqual(names().beantwoordDoor[0], 'Opstelten ×2');
    index.update(open, parse('Kamervraag 2024Z30000\n\nTitel\n\nIngediend 1 oktober 2024\nIndiener Jansen (D66)\n • Vraag 1\n  Wat?'));
    assert.equal(names().indieners[0], 'Jansen (D66) ×2', 'an edit is seen at once');
    assert.deepEqual(names().beantwoordDoor, ['De Vries ×1', 'Opstelten ×1', 'Van Weel ×1']);
    index.closed(open);
    assert.equal(names().indieners[0], 'Jansen (D66) ×1', 'closed, and in no folder: gone');
  });

  it('a folder added with a slash at the end and removed without one (or the other way) is one folder', async () => {
    for (const [added, removed] of [[`${WS}/`, WS], [WS, `${WS}/`]] as const) {
      const index = new WorkspaceIndex(workspace());
      index.addFolder(added);
      await index.whenReady();
      assert.equal(index.stats.documents, 3);
      index.addFolder(removed);
      index.removeFolder(removed);
      await index.whenReady();
      assert.equal(index.stats.documents, 0, `${added} added, ${removed} removed`);
    }
  });

  it('the limit of candidate files counts what the folders hold, not every time a folder was added', async () => {
    const logged: string[] = [];
    const index = new WorkspaceIndex(workspace(), (m) => logged.push(m));
    index.maxFiles = 6;
    for (let i = 0; i < 5; i++) {
      index.addFolder(WS);
      await index.whenReady();
      assert.equal(index.stats.documents, 3, `added for the ${i + 1}th time`);
      index.removeFolder(WS);
      assert.equal(index.stats.documents, 0);
    }
    assert.deepEqual(logged, []);
  });

  it('folder changes add and remove their documents', async () => {
    const index = await indexed();
    index.addFolder('file:///elsewhere/');
    index.removeFolder(WS);
    await index.whenReady();
    assert.deepEqual(documents(index).map(([, name]) => name.slice(0, 21)), ['Kamervraag 2024Z16988']);
  });

  it('indexes in slices, between which other work gets its turn', async () => {
    const files = new MemoryWorkspace();
    for (let i = 0; i < 200; i++) files.write(`${WS}/${i}.kvr`, `Kamervraag 2024Z${String(i).padStart(5, '0')}\n\nTitel ${i}\n`);
    const index = new WorkspaceIndex(files);
    index.sliceMs = 0;
    index.addFolder(WS);
    let turns = 0;
    const other = () => {
      if (index.stats.ready) return;
      turns++;
      setImmediate(other);
    };
    setImmediate(other);
    await index.whenReady();
    assert.equal(index.stats.documents, 200);
    assert.ok(turns >= 5, `${turns} turns`);
  });

  it('a document opened while its file is being read keeps its live entry (a file system that answers later)', async () => {
    const files = workspace();
    let opened = false;
    const index: WorkspaceIndex = new WorkspaceIndex({
      readDirectory: (uri) => files.readDirectory(uri),
      stat: (uri) => files.stat(uri),
      readFile: async (uri): Promise<string | undefined> => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (!opened && uri.endsWith('/ranges.kvr')) {
          opened = true;
          index.update(uri, parse(fixture('ranges.kvr').replace('Vragen over verwijzingen naar reeksen van vragen', 'Live titel')));
          // Its entry is made (as when the index is read) before the file's text comes back.
          assert.equal(index.search('live titel').length, 1);
        }
        return files.readFile(uri);
      },
    });
    index.addFolder(WS);
    await index.whenReady();
    assert.ok(opened);
    assert.deepEqual(index.search('reeksen van vragen'), []);
    assert.equal(index.search('live titel').length, 1);
    assert.equal(index.stats.documents, 3);
  });

  it('a file that cannot be read is dropped and logged', async () => {
    const files = workspace();
    const logged: string[] = [];
    const index = new WorkspaceIndex(
      {
        readDirectory: (uri) => files.readDirectory(uri),
        stat: (uri) => files.stat(uri),
        readFile: async (uri) => {
          if (uri.endsWith('/ranges.kvr')) throw new Error('EACCES');
          return files.readFile(uri);
        },
      },
      (m) => logged.push(m),
    );
    index.addFolder(WS);
    await index.whenReady();
    assert.equal(index.stats.documents, 2);
    assert.deepEqual(logged, [`kamervraag: cannot index ${WS}/sub/ranges.kvr: Error: EACCES`]);
  });
});

describe('MemoryWorkspace', () => {
  it('lists a folder from the files under it, with decoded names', async () => {
    const files = new MemoryWorkspace({ 'file:///a/b%20c.kvr': 'x', 'file:///a/d/e.txt': 'y', 'file:///ab.kvr': 'z' });
    const entries = await files.readDirectory('file:///a/');
    assert.deepEqual(entries, [
      { name: 'b c.kvr', uri: 'file:///a/b%20c.kvr', kind: 'file' },
      { name: 'd', uri: 'file:///a/d', kind: 'directory' },
    ]);
    assert.equal(await files.readDirectory('file:///a/b%20c.kvr'), undefined);
    assert.equal(await files.readDirectory('file:///nothing'), undefined);
    assert.deepEqual(await files.stat('file:///a/d/e.txt'), { size: 1 });
    assert.equal(await files.readFile('file:///A/missing'), undefined);
  });
});

describe('the index\'s names of questions: the text on one line, shortened', () => {
  /** As the names were made before they read only what they need: every white-space run one space, trimmed, cut with `…`. */
  const clipped = (text: string, max: number) => {
    const t = text.replace(/\s+/g, ' ').trim();
    return t.length <= max ? t : t.slice(0, max - 1).trimEnd() + '…';
  };
  const piece = fc.constantFrom('Kunt', 'u', 'aangeven', 'waarom?', ' ', '  ', '\t', '\u00a0', '\u2003', '\u3000', 'é', 'x'.repeat(30), ' '.repeat(40));

  it('whatever the white space in it and however long it is, from the text and from the parsed model alike', () => {
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), (parts) => {
      const line = parts.join('');
      const text = `Kamervraag 2024Z12345\n\nTitel\n\n • Vraag 1\n  ${line}\n`;
      const q = `  ${line}`;
      const body = q.slice(skipSpaces(q), trimEnd(q));
      // A line of only white space is no question text: the heading alone.
      const expected = body === '' ? 'Vraag 1' : `Vraag 1: ${clipped(body, 80)}`;
      assert.equal(summarizeText('file:///a.kvr', text).symbols[1]?.name, expected, JSON.stringify(line));
      assert.equal(summarize('file:///a.kvr', parse(text)).symbols[1]?.name, summarizeText('file:///a.kvr', text).symbols[1]?.name);
    }), { numRuns: 500, seed: 20261202 });
  });
});
