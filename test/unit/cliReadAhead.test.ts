/**
 * Reading ahead (cli/readAhead.ts, cli/readerThread.ts): a second thread reads and decodes the files
 * while the main thread checks them. What the main thread takes is what `read` gives, in order, whatever
 * the files hold and however far the reader is ahead; the files the reader cannot hand over (not plain
 * UTF-8, unreadable, too large for its ring) are left to the main thread.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fromPlainUtf8, read } from '../../server/src/cli/inputs';
import { plainUtf8, readFile } from '../../server/src/cli/fileBytes';
import { FREE, MAX_TEXT_BYTES, READING, RING_BYTES, ReadAhead, type Taken } from '../../server/src/cli/readAhead';
import { holdsMany, MIN_PARALLEL_FILES, readsAhead } from '../../server/src/cli/pool';
import { scanText } from '../../server/src/core/textScans';
import { run, tempDir } from '../support/cli';

/** The reader's state of file `i` (FREE, READING, IN_RING, OWN), read without taking the file. */
const readerState = (ahead: ReadAhead, i: number): number => Atomics.load((ahead as unknown as { states: Int32Array }).states, i);

/** Sleeps the thread (as a busy main thread would keep the reader waiting). */
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes the texts of `names` in turn, `pauseMs` apart (so that the reader keeps ahead): each one taken from
 * the ring is the file's text, and passes `check`. How many came from the ring.
 */
function takeSlowly(ahead: ReadAhead, names: readonly string[], pauseMs: number, check: (taken: Taken) => void): number {
  let fromRing = 0;
  for (const name of names) {
    sleep(pauseMs);
    const taken = ahead.take();
    if (taken === null) continue;
    fromRing++;
    assert.equal(taken.text, fs.readFileSync(name, 'utf8'));
    check(taken);
  }
  return fromRing;
}

/** A text of about `chars` characters, with letters of every width (’, é, an emoji outside the BMP). */
function text(i: number, chars: number): string {
  const line = `Vraag ${i}: Klopt het dat de minister ’s avonds café’s sluit? 🇳🇱 ${'x'.repeat(i % 17)}\n`;
  return `Kamervraag 2024Z${String(10000 + (i % 90000)).padStart(5, '0')}\n${line.repeat(Math.ceil(chars / line.length))}`;
}

describe('kamervraag: reading ahead in a second thread', () => {
  it('hands over every text as read() gives it, in order, through many turns of its ring; leaves the rest to the main thread', () => {
    const dir = tempDir();
    const names: string[] = [];
    const add = (name: string, content: string | Buffer | null) => {
      const file = path.join(dir, name);
      if (content === null) fs.mkdirSync(file);
      else fs.writeFileSync(file, content);
      names.push(file);
    };
    // 400 ordinary documents of 1 to 30 KB: some 8 MB as UTF-16, the ring (2 MB) filled four times.
    for (let i = 0; i < 400; i++) add(`doc${String(i).padStart(3, '0')}.kvr`, text(i, 1000 + ((i * 7919) % 30000)));
    // Among them, the files the reader leaves to the main thread, and a few it hands over as they are.
    const odd: Record<string, string | Buffer | null> = {
      'bom.kvr': `\uFEFF${text(1, 500)}`,
      'empty.kvr': '',
      'utf16.kvr': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(2, 500), 'utf16le')]),
      'nul.kvr': `${text(3, 200)}\0`,
      'latin1.kvr': Buffer.from('Kamervraag 2024Z12345\nCaf\xe9\n', 'latin1'),
      'folder.kvr': null,
      'large.kvr': text(4, MAX_TEXT_BYTES), // as UTF-16 twice the most the ring takes
    };
    for (const [name, content] of Object.entries(odd)) add(name, content);
    names.splice(200, 0, path.join(dir, 'missing.kvr'));
    const ahead = ReadAhead.start(names, { scan: true });
    assert.ok(ahead, 'the thread starts');
    let fromRing = 0;
    let scanned = 0;
    try {
      names.forEach((name, i) => {
        // The first hundred slowly: the reader gets ahead until the ring is full, and waits for room.
        if (i < 100) sleep(5);
        // Then as fast as the reader goes: wait until it has handled this file (a hang guard of 10 s),
        // so that what is checked — every text through many turns of the ring — does not depend on how
        // much of a busy machine the reader (at nice 10) gets.
        for (let waited = 0; (readerState(ahead, i) === FREE || readerState(ahead, i) === READING) && waited < 10_000; waited++) sleep(1);
        const taken = ahead.take();
        let expected: string | null = null;
        try {
          expected = plainUtf8(readFile(name));
        } catch {
          // Unreadable: the main thread's to read (and to say why).
        }
        if (taken === null) return;
        fromRing++;
        assert.notEqual(expected, null, `${path.basename(name)} is left to the main thread`);
        assert.ok(taken.text === expected, `${path.basename(name)}: the text as plainUtf8 decodes it`);
        const source = { name, ifHeader: true as const };
        assert.deepEqual(fromPlainUtf8(source, taken.text), read(source), `${path.basename(name)}: what read() gives`);
        // The parser's scans of the text (core/textScans.ts), but for a text the parser reads after its
        // byte order mark, or one whose lines it finds a slice at a time.
        const scans = scanText(taken.text);
        if (taken.text.startsWith('\uFEFF') || scans === null) assert.equal(taken.scans, null, `${path.basename(name)}: no scans`);
        else {
          scanned++;
          assert.deepEqual(taken.scans, { lineStarts: scans.lineStarts, anchors: scans.anchors }, `${path.basename(name)}: its scans`);
        }
      });
    } finally {
      ahead.stop();
    }
    assert.ok(Buffer.byteLength(fs.readFileSync(path.join(dir, 'large.kvr'), 'utf8'), 'utf16le') > MAX_TEXT_BYTES);
    assert.ok(fromRing >= 400, `every ordinary file comes from the reader (${fromRing} of 402 it could hand over, ${(8e6 / RING_BYTES).toFixed(0)} turns of the ring)`);
    assert.ok(scanned >= 150, `the texts of at most one slice come with their scans (${scanned})`);
  });

  it('without scan (kamervraag list), hands over the texts alone', () => {
    const dir = tempDir();
    const names = Array.from({ length: 50 }, (_, i) => path.join(dir, `d${i}.kvr`));
    names.forEach((name, i) => fs.writeFileSync(name, text(i, 500)));
    const ahead = ReadAhead.start(names)!;
    try {
      const fromRing = takeSlowly(ahead, names, 5, (taken) => assert.equal(taken.scans, null));
      assert.ok(fromRing > 0, 'files from the ring');
    } finally {
      ahead.stop();
    }
  });

  it('a thread started before its files are known (startEarly) reads them once given; one not given them is ended', async () => {
    const dir = tempDir();
    const names = Array.from({ length: 100 }, (_, i) => path.join(dir, `d${i}.kvr`));
    names.forEach((name, i) => fs.writeFileSync(name, text(i, 500)));
    const threads = () => fs.readdirSync('/proc/self/task').length;
    const before = process.platform === 'linux' ? threads() : 0;
    ReadAhead.startEarly();
    const ahead = ReadAhead.start(names, { scan: true })!;
    try {
      for (let waited = 0; !ahead.started && waited < 30_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(ahead.started, true, 'the early thread got its files');
      const fromRing = takeSlowly(ahead, names, 2, (taken) => assert.notEqual(taken.scans, null));
      assert.ok(fromRing > 50, `files from the early thread's ring (${fromRing})`);
    } finally {
      ahead.stop();
    }
    // Started and not used: ended, its thread gone.
    ReadAhead.startEarly();
    await ReadAhead.dismissEarly();
    if (process.platform === 'linux') {
      for (let waited = 0; threads() > before && waited < 10_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      // (At most as many as before: a thread of an earlier test may still have been ending then.)
      assert.ok(threads() <= before, `no thread left (${threads()} threads, ${before} before)`);
    }
  });

  it('stops when told, with files left; the texts taken until then are the files', () => {
    const dir = tempDir();
    const names = Array.from({ length: 300 }, (_, i) => path.join(dir, `d${i}.kvr`));
    names.forEach((name, i) => fs.writeFileSync(name, text(i, 2000)));
    const ahead = ReadAhead.start(names)!;
    sleep(50);
    for (let i = 0; i < 10; i++) {
      const taken = ahead.take();
      assert.ok(taken === null || taken.text === fs.readFileSync(names[i]!, 'utf8'));
    }
    ahead.stop();
  });

  it('a reader that cannot start leaves every file to the main thread, and nothing waits for it', async () => {
    const dir = tempDir();
    const names = Array.from({ length: 100 }, (_, i) => path.join(dir, `d${i}.kvr`));
    names.forEach((name, i) => fs.writeFileSync(name, text(i, 500)));
    const ahead = ReadAhead.start(names, { script: path.join(dir, 'no-such-reader.js') })!;
    // Its thread fails to load the script: let that happen before the files are taken.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(names.map(() => ahead.take()), names.map(() => null));
    assert.equal(ahead.started, false, 'it never said it had started');
    ahead.stop();
  });

  it('says when its thread has started (runInOrder sets V8\'s flags only then: cli/compilerFlags.ts)', async () => {
    const dir = tempDir();
    const names = Array.from({ length: 100 }, (_, i) => path.join(dir, `d${i}.kvr`));
    names.forEach((name, i) => fs.writeFileSync(name, text(i, 500)));
    const ahead = ReadAhead.start(names)!;
    try {
      for (let waited = 0; !ahead.started && waited < 30_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(ahead.started, true);
      // And reads: taken slowly, the files come from its ring.
      assert.ok(takeSlowly(ahead, names, 10, () => undefined) > 0, 'files from the ring');
    } finally {
      ahead.stop();
    }
  });

  it('is used for a folder of files on more than one core, unless KAMERVRAAG_WORKERS=1 or --fix', () => {
    const saved = process.env.KAMERVRAAG_WORKERS;
    try {
      delete process.env.KAMERVRAAG_WORKERS;
      const options = { kind: 'check', config: null, today: { year: 2024, month: 11, day: 20 } } as const;
      assert.equal(readsAhead(100, options, 2), true);
      assert.equal(readsAhead(100, options, 1), false, 'one core');
      assert.equal(readsAhead(10, options, 2), false, 'a few files');
      assert.equal(readsAhead(100, { ...options, fix: true }, 2), false, '--fix takes a stamp before reading each file');
      process.env.KAMERVRAAG_WORKERS = '1';
      assert.equal(readsAhead(100, options, 2), false, 'one thread asked for');
    } finally {
      if (saved === undefined) delete process.env.KAMERVRAAG_WORKERS;
      else process.env.KAMERVRAAG_WORKERS = saved;
    }
  });

  it('is started before the search for a folder of at least MIN_PARALLEL_FILES entries, not for a small one or a file', () => {
    const dir = tempDir();
    for (let i = 0; i < MIN_PARALLEL_FILES - 1; i++) fs.writeFileSync(path.join(dir, `d${i}.kvr`), '');
    assert.equal(holdsMany(dir), false, `${MIN_PARALLEL_FILES - 1} entries`);
    fs.mkdirSync(path.join(dir, 'sub'));
    assert.equal(holdsMany(dir), true, `${MIN_PARALLEL_FILES} entries (a folder among them)`);
    assert.equal(holdsMany(path.join(dir, 'd0.kvr')), false, 'a file');
    assert.equal(holdsMany(path.join(dir, 'missing')), false, 'nothing there');
    assert.equal(holdsMany(path.join(dir, '*.kvr')), false, 'a pattern');
  });

  it('kamervraag check and list of a folder: the same output and exit code as one thread alone', { skip: os.availableParallelism() < 2 && 'one core' }, () => {
    const dir = tempDir();
    for (let i = 0; i < 150; i++) fs.writeFileSync(path.join(dir, `doc${String(i).padStart(3, '0')}.kvr`), text(i, 800 + i * 40));
    fs.writeFileSync(path.join(dir, 'doc050x.kvr'), Buffer.from([0x4b, 0xff, 0xfe, 0x00]));
    fs.writeFileSync(path.join(dir, 'doc060x.txt'), 'Boodschappen\n');
    fs.writeFileSync(path.join(dir, 'doc070x.txt'), text(70, 300));
    fs.writeFileSync(path.join(dir, 'doc080x.kvr'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(80, 300), 'utf16le')]));
    const today = { KAMERVRAAG_TODAY: '2024-11-20' };
    for (const args of [['check', dir], ['check', '--format', 'json', dir], ['list', '--format', 'csv', dir]]) {
      const one = run(args, undefined, { ...today, KAMERVRAAG_WORKERS: '1', KAMERVRAAG_POOL_TRACE: '1' });
      const ahead = run(args, undefined, { ...today, KAMERVRAAG_POOL_TRACE: '1' });
      assert.doesNotMatch(one.err, /read ahead/);
      assert.match(ahead.err, /^kamervraag: 154 files read ahead in a second thread\n/);
      assert.equal(ahead.out, one.out, args.join(' '));
      assert.equal(ahead.err.replace(/^.*read ahead.*\n/, ''), one.err);
      assert.equal(ahead.code, one.code);
      assert.match(one.err, /doc050x\.kvr: not UTF-8 text/);
    }
  });
});
