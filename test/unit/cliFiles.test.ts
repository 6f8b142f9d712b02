/**
 * The `kamervraag` command on files it cannot read or decode: each is named on standard error, the
 * others are still checked, and the exit code is 2. UTF-16 files with a byte order mark are read.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AS_USER, EXAMPLES, fixture, ROOT, run, runAsUser, tempDir } from '../support/cli';

const EXAMPLE = `${EXAMPLES}/2014Z19222.txt`;
const EXAMPLE_PROBLEM = '6:12 info late-answer Answered after 25 days';

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (order === 'le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
}

/** A folder with one readable document with an error, `good.kvr`, and whatever `make` adds. */
function folder(make: (dir: string) => void = () => undefined): { dir: string; good: string } {
  const dir = tempDir();
  const good = fixture('zaaknummer-mismatch.kvr', dir);
  fs.renameSync(good, path.join(dir, 'good.kvr'));
  make(dir);
  return { dir, good: path.join(dir, 'good.kvr') };
}

const GOOD_PROBLEM = 'good.kvr:28:29 error zaaknummer-mismatch';

describe('kamervraag check: files that cannot be read', () => {
  it('a folder: each unreadable or undecodable file named, the others checked, exit code 2', () => {
    const { dir } = folder((d) => {
      fs.writeFileSync(path.join(d, 'latin1.kvr'), Buffer.from('Kamervraag 2024Z12345\n\nCr\xe8che\n', 'latin1'));
      fs.writeFileSync(path.join(d, 'latin1.txt'), Buffer.from('Kamervraag 2024Z12345\n\nCr\xe8che\n', 'latin1'));
      fs.writeFileSync(path.join(d, 'word.txt'), utf16(fs.readFileSync(path.join(ROOT, EXAMPLE), 'utf8'), 'le'));
      fs.symlinkSync('loop.kvr', path.join(d, 'loop.kvr'));
      fs.symlinkSync('nergens.kvr', path.join(d, 'weg.kvr'));
      execFileSync('mkfifo', [path.join(d, 'pijp.kvr')]);
      fs.mkdirSync(path.join(d, 'sub'));
      fs.writeFileSync(path.join(d, 'sub', 'nul.kvr'), Buffer.from('Kamervraag 2024Z12345\n', 'utf16le'));
      fs.symlinkSync('..', path.join(d, 'sub', 'terug'));
    });
    const r = run(['check', dir]);
    assert.equal(r.code, 2, r.err);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.length, 2, r.out);
    assert.ok(lines[0]!.startsWith(`${dir}/${GOOD_PROBLEM} `), lines[0]);
    assert.ok(lines[1]!.startsWith(`${dir}/word.txt:${EXAMPLE_PROBLEM}`), lines[1]);
    assert.deepEqual(r.err.trim().split('\n'), [
      `kamervraag: ${dir}/latin1.kvr: not UTF-8 text; save the file as UTF-8 and try again.`,
      `kamervraag: ${dir}/latin1.txt: not UTF-8 text; save the file as UTF-8 and try again.`,
      `kamervraag: ${dir}/loop.kvr: symbolic link loop.`,
      `kamervraag: ${dir}/pijp.kvr: not a regular file.`,
      `kamervraag: ${dir}/sub/nul.kvr: contains NUL characters: not a text file, or UTF-16 without a byte order mark.`,
      `kamervraag: ${dir}/weg.kvr: broken symbolic link (to nergens.kvr).`,
      '2 documents checked: 1 error, 0 warnings, 1 note; 6 files could not be read.',
    ]);
  });

  it('files and folders the user may not read: named, the rest checked, exit code 2', { skip: AS_USER ? false : 'running as root without setpriv: cannot make a file unreadable' }, () => {
    const { dir } = folder((d) => {
      fs.chmodSync(d, 0o755);
      fs.writeFileSync(path.join(d, 'geheim.kvr'), 'Kamervraag 2024Z12345\n');
      fs.chmodSync(path.join(d, 'geheim.kvr'), 0o000);
      fs.writeFileSync(path.join(d, 'geheim.txt'), 'Kamervraag 2024Z12345\n');
      fs.chmodSync(path.join(d, 'geheim.txt'), 0o000);
      fs.mkdirSync(path.join(d, 'dicht'));
      fs.writeFileSync(path.join(d, 'dicht', 'a.kvr'), 'Kamervraag 2024Z12345\n');
      fs.chmodSync(path.join(d, 'dicht'), 0o000);
    });
    const r = runAsUser(['check', dir]);
    assert.equal(r.code, 2, r.err);
    assert.match(r.out, new RegExp(`^${dir}/${GOOD_PROBLEM}`));
    assert.deepEqual(r.err.trim().split('\n'), [
      `kamervraag: ${dir}/dicht: cannot read this directory: permission denied.`,
      `kamervraag: ${dir}/geheim.kvr: permission denied.`,
      `kamervraag: ${dir}/geheim.txt: permission denied.`,
      '1 document checked: 1 error, 0 warnings, 0 notes; 3 files could not be read.',
    ]);
    const named = runAsUser(['check', path.join(dir, 'dicht'), path.join(dir, 'dicht', 'a.kvr'), path.join(dir, 'good.kvr')]);
    assert.equal(named.code, 2);
    assert.deepEqual(named.err.trim().split('\n').slice(0, 2), [
      `kamervraag: ${dir}/dicht: cannot read this directory: permission denied.`,
      `kamervraag: ${dir}/dicht/a.kvr: permission denied.`,
    ]);
    const pattern = runAsUser(['check', `${dir}/*/*.kvr`, path.join(dir, 'good.kvr')]);
    assert.equal(pattern.code, 2);
    assert.equal(pattern.err.split('\n')[0], `kamervraag: ${dir}/dicht: cannot read this directory: permission denied.`);
  });

  it('arguments that cannot be read say why, and do not stop the others', () => {
    const { dir, good } = folder((d) => {
      fs.symlinkSync('loop.kvr', path.join(d, 'loop.kvr'));
    });
    const r = run(['check', path.join(dir, 'loop.kvr'), path.join(good, 'x.kvr'), path.join(dir, 'geen.kvr'), good, `${dir}/*.nothing`]);
    assert.equal(r.code, 2);
    assert.match(r.out, new RegExp(`^${good}:28:29 error zaaknummer-mismatch`));
    assert.deepEqual(r.err.trim().split('\n'), [
      `kamervraag: ${dir}/loop.kvr: symbolic link loop.`,
      `kamervraag: ${good}/x.kvr: a part of the path is not a directory.`,
      `kamervraag: ${dir}/geen.kvr: no such file.`,
      `kamervraag: ${dir}/*.nothing: no file matches this pattern.`,
      '1 document checked: 1 error, 0 warnings, 0 notes; 4 files could not be read.',
    ]);
  });

  it('--format sarif: the files that could not be read are the invocation\'s notifications', () => {
    const { dir, good } = folder((d) => fs.writeFileSync(path.join(d, 'oud.kvr'), Buffer.from('Kamervraag 2024Z12345\n\nCr\xe8che\n', 'latin1')));
    const r = run(['check', '--format', 'sarif', dir]);
    assert.equal(r.code, 2);
    const run0 = JSON.parse(r.out).runs[0];
    // Outside the working folder: an absolute file URL, no SRCROOT.
    assert.deepEqual(run0.artifacts.map((a: { location: { uri: string } }) => a.location), [{ uri: pathToFileURL(good).href }]);
    assert.equal(run0.invocations[0].executionSuccessful, false);
    const [notification] = run0.invocations[0].toolExecutionNotifications;
    assert.equal(notification.level, 'error');
    assert.equal(notification.message.text, 'not UTF-8 text; save the file as UTF-8 and try again');
    assert.match(notification.locations[0].physicalLocation.artifactLocation.uri, /\/oud\.kvr$/);
    assert.equal(r.err, `kamervraag: ${dir}/oud.kvr: not UTF-8 text; save the file as UTF-8 and try again.\n`);
    assert.equal(JSON.parse(run(['check', '--format', 'sarif', good]).out).runs[0].invocations[0].executionSuccessful, true);
  });

  it('UTF-16 with a byte order mark (as Word saves) is read like UTF-8', () => {
    const text = fs.readFileSync(path.join(ROOT, EXAMPLE), 'utf8');
    const dir = tempDir();
    for (const order of ['le', 'be'] as const) {
      const file = path.join(dir, `${order}.txt`);
      fs.writeFileSync(file, utf16(text, order));
      const r = run(['check', file]);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, run(['check', EXAMPLE]).out.replace(EXAMPLE, file));
      assert.deepEqual(JSON.parse(run(['parse', file]).out), JSON.parse(run(['parse', EXAMPLE]).out));
    }
  });

  it('UTF-8 with a byte order mark, or with a U+FFFD written in it, is read as it is', () => {
    const text = fs.readFileSync(path.join(ROOT, EXAMPLE), 'utf8');
    const dir = tempDir();
    const bom = path.join(dir, 'bom.txt');
    fs.writeFileSync(bom, `\uFEFF${text}`);
    assert.equal(run(['check', bom]).out, run(['check', EXAMPLE]).out.replace(EXAMPLE, bom));
    assert.deepEqual(JSON.parse(run(['parse', bom]).out), JSON.parse(run(['parse', EXAMPLE]).out));
    // U+FFFD as a character of the text (valid UTF-8: EF BF BD), not bytes that are no UTF-8.
    const replacement = path.join(dir, 'vervanging.txt');
    fs.writeFileSync(replacement, text.replace('Er is een verdubbeling', 'Er is een \uFFFD verdubbeling'));
    const r = run(['check', replacement]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, run(['check', EXAMPLE]).out.replace(EXAMPLE, replacement));
    assert.ok(run(['parse', replacement]).out.includes('Er is een \uFFFD verdubbeling'));
  });

  it('files around and above the 64 KB read at once, one after another: each read whole, none mixed with the one before', () => {
    // The CLI reads each file into one buffer kept from file to file (cli/inputs.ts `readFile`); a file
    // that does not fit is read on into a buffer of its own. Each file's model must be that of its own
    // bytes, as standard input (read apart, by Node) gives it.
    const dir = tempDir();
    // A document of exactly `bytes` bytes: its question `fill` repeated, then `a`s up to the size.
    const doc = (zaaknummer: string, bytes: number, fill: string): Buffer => {
      const head = Buffer.from(`Kamervraag ${zaaknummer}\n\nTitel ${zaaknummer}\n\nIngediend 1 oktober 2024\n • Vraag 1\n  `);
      const room = bytes - head.length - 2;
      const body = fill.repeat(Math.floor(room / Buffer.byteLength(fill)));
      return Buffer.concat([head, Buffer.from(body + 'a'.repeat(room - Buffer.byteLength(body))), Buffer.from('?\n')]);
    };
    const files: [string, Buffer][] = [
      ['a-groot.kvr', doc('2024Z10001', 300_005, 'woord ')],
      ['b-klein.kvr', doc('2024Z10002', 200, 'kort ')],
      ['c-grens.kvr', doc('2024Z10003', 65_536, 'ë')],
      ['d-onder.kvr', doc('2024Z10004', 65_535, 'x ')],
      // `ë` is two bytes: in this one, one of them stands across the 65,536th byte.
      ['e-boven.kvr', doc('2024Z10005', 70_001, 'ë')],
      ['e-net-boven.kvr', doc('2024Z10006', 65_537, 'x')],
      ['f-leeg.kvr', Buffer.alloc(0)],
      ['g-klein.kvr', doc('2024Z10008', 120, 'y')],
    ];
    assert.deepEqual(files.map(([, bytes]) => bytes.length), [300_005, 200, 65_536, 65_535, 70_001, 65_537, 0, 120]);
    assert.deepEqual([...files[4]![1].subarray(65_535, 65_537)], [0xc3, 0xab], 'an ë across the boundary');
    for (const [name, bytes] of files) fs.writeFileSync(path.join(dir, name), bytes);
    assert.equal(fs.statSync(path.join(dir, 'c-grens.kvr')).size, 65_536);
    const all = run(['parse', ...files.map(([name]) => path.join(dir, name))]);
    assert.equal(all.code, 0, all.err);
    const models = JSON.parse(all.out) as { file: string }[];
    assert.equal(models.length, files.length);
    files.forEach(([name, bytes], i) => {
      const alone = run(['parse', '-'], bytes);
      assert.equal(alone.code, 0, alone.err);
      assert.deepEqual({ ...models[i]!, file: name }, { ...JSON.parse(alone.out), file: name }, name);
    });
    assert.ok(JSON.stringify(models[4]).includes('ëëë'), 'the two-byte letters across the boundary read as letters');
  });

  it('in Dutch too', () => {
    const dir = tempDir();
    fs.symlinkSync('loop.kvr', path.join(dir, 'loop.kvr'));
    const r = run(['check', '--lang', 'nl', path.join(dir, 'loop.kvr'), fixture('zaaknummer-mismatch.kvr')]);
    assert.equal(r.code, 2);
    assert.deepEqual(r.err.trim().split('\n'), [
      `kamervraag: ${dir}/loop.kvr: kringverwijzing van symbolische koppelingen.`,
      '1 document gecontroleerd: 1 fout, 0 waarschuwingen, 0 meldingen; 1 bestand kon niet worden gelezen.',
    ]);
  });
});
