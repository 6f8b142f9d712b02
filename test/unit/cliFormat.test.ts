/**
 * `kamervraag format`: files brought into the layout of the format as Format Document does it, written
 * back in their own encoding, permissions and place (a symbolic link stays one), never half written and
 * never over a change made since they were read; `--check` for a CI; standard input to standard output,
 * unchanged when it cannot be formatted.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatText } from '../../server/src/core/format';
import * as fc from 'fast-check';
import { bytesOf, stamp, writeOver } from '../../server/src/cli/writeBack';
import { decode, type TextEncoding } from '../../server/src/cli/inputs';
import { spawnSync } from 'node:child_process';
import { AS_USER, BIN, cliEnv, folderWith, ROOT, run, runAsUser } from '../support/cli';

const PASTED = fs.readFileSync(path.join(ROOT, 'test/fixtures/formatting/word-paste.txt'), 'utf8');
const FORMATTED = fs.readFileSync(path.join(ROOT, 'test/fixtures/formatting/word-paste.formatted.txt'), 'utf8');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'test/fixtures/examples/2014Z19222.txt'), 'utf8');

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return order === 'le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), le]) : Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
}

const folder = (files: Record<string, string | Buffer>) => folderWith(files, 'kamervraag-format-');

describe('kamervraag format', () => {
  it('writes a pasted document in the format and names it; a second run finds nothing to do', () => {
    assert.notEqual(PASTED, FORMATTED);
    const dir = folder({ 'plak.kvr': PASTED, 'voorbeeld.kvr': EXAMPLE });
    const file = path.join(dir, 'plak.kvr');
    const r = run(['format', dir]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, `${file}\n`);
    assert.equal(r.err, '1 document formatted, 1 already in the format.\n');
    assert.equal(fs.readFileSync(file, 'utf8'), FORMATTED);
    assert.equal(fs.readFileSync(path.join(dir, 'voorbeeld.kvr'), 'utf8'), EXAMPLE);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['plak.kvr', 'voorbeeld.kvr'], 'no temporary file left behind');
    const written = fs.statSync(file).mtimeMs;
    const again = run(['format', dir]);
    assert.equal(again.code, 0, again.err);
    assert.equal(again.out, '');
    assert.equal(again.err, '0 documents formatted, 2 already in the format.\n');
    assert.equal(fs.statSync(file).mtimeMs, written, 'a file in the format is not written');
  });

  it('--check writes nothing, names what is not in the format and exits 1; 0 once it is', () => {
    const dir = folder({ 'plak.kvr': PASTED });
    const file = path.join(dir, 'plak.kvr');
    const r = run(['format', '--check', dir]);
    assert.equal(r.code, 1, r.err);
    assert.equal(r.out, `${file}\n`);
    assert.equal(r.err, '1 document not in the format, 0 in the format.\n');
    assert.equal(fs.readFileSync(file, 'utf8'), PASTED);
    assert.equal(run(['format', file]).code, 0);
    const after = run(['format', '--check', file]);
    assert.deepEqual([after.code, after.out], [0, '']);
  });

  it('keeps the encoding and the byte order mark (UTF-8, UTF-16 LE and BE) and CRLF line ends', () => {
    const crlf = PASTED.replace(/\r?\n/g, '\r\n');
    const dir = folder({
      'bom.kvr': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]),
      'le.kvr': utf16(crlf, 'le'),
      'be.kvr': utf16(crlf, 'be'),
    });
    const r = run(['format', dir]);
    assert.equal(r.code, 0, r.err);
    const expected = formatText(crlf);
    assert.ok(expected.includes('\r\n') && !/[^\r]\n/.test(expected), 'the formatted text keeps CRLF');
    const bom = fs.readFileSync(path.join(dir, 'bom.kvr'));
    assert.deepEqual([...bom.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bom.subarray(3).toString('utf8'), expected);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'le.kvr')), utf16(expected, 'le'));
    assert.deepEqual(fs.readFileSync(path.join(dir, 'be.kvr')), utf16(expected, 'be'));
  });

  it('keeps the permissions, and a symbolic link stays a link to the file it formats', () => {
    const dir = folder({ 'plak.kvr': PASTED });
    const file = path.join(dir, 'plak.kvr');
    fs.chmodSync(file, 0o640);
    fs.mkdirSync(path.join(dir, 'links'));
    const link = path.join(dir, 'links', 'koppeling.kvr');
    fs.symlinkSync('../plak.kvr', link);
    const r = run(['format', link]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, `${link}\n`);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readlinkSync(link), '../plak.kvr');
    assert.equal(fs.readFileSync(file, 'utf8'), FORMATTED);
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['links', 'plak.kvr']);
  });

  it('a text that is no Kamervraag, or cannot be read, is named and left; the others are formatted; exit code 2', () => {
    const dir = folder({ 'plak.kvr': PASTED, 'notities.kvr': 'Boodschappen:  \n\n\n- melk\t\n' });
    const r = run(['format', path.join(dir, 'notities.kvr'), path.join(dir, 'plak.kvr'), path.join(dir, 'weg.kvr')]);
    assert.equal(r.code, 2);
    assert.equal(r.out, `${path.join(dir, 'plak.kvr')}\n`);
    assert.match(r.err, /notities\.kvr: not a Kamervraag; left as it is\.\n/);
    assert.match(r.err, /weg\.kvr: no such file\.\n/);
    assert.match(r.err, /1 document formatted, 0 already in the format; 2 files could not be formatted\.\n$/);
    assert.equal(fs.readFileSync(path.join(dir, 'notities.kvr'), 'utf8'), 'Boodschappen:  \n\n\n- melk\t\n');
    assert.equal(fs.readFileSync(path.join(dir, 'plak.kvr'), 'utf8'), FORMATTED);
  });

  it('- formats standard input to standard output, and writes out unchanged what it cannot format', () => {
    const r = run(['format', '-'], PASTED);
    assert.deepEqual([r.code, r.out, r.err], [0, FORMATTED, '']);
    const same = run(['format', '-'], FORMATTED);
    assert.deepEqual([same.code, same.out, same.err], [0, FORMATTED, '']);
    const notes = 'Boodschappen:\n- melk\n';
    const left = run(['format', '-'], notes);
    assert.equal(left.code, 2);
    assert.equal(left.out, notes, 'the text is passed on, not lost');
    assert.equal(left.err, 'kamervraag: <stdin>: not a Kamervraag; left as it is.\n');
    const checked = run(['format', '--check', '-'], PASTED);
    assert.deepEqual([checked.code, checked.out], [1, '<stdin>\n']);
  });

  it('- keeps a UTF-8 byte order mark of standard input in front of what it writes', () => {
    assert.equal(run(['format', '-'], `\uFEFF${PASTED}`).out, `\uFEFF${FORMATTED}`);
    assert.equal(run(['format', '-'], `\uFEFF${FORMATTED}`).out, `\uFEFF${FORMATTED}`);
    assert.equal(run(['format', '-'], '\uFEFFBoodschappen\n').out, '\uFEFFBoodschappen\n');
  });

  it('- writes UTF-16 standard input back as UTF-16 with its byte order mark, formatted or not, as format FILE does', () => {
    const utf16 = (text: string, be = false) => {
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      return be ? Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]) : bytes;
    };
    const bytesOut = (input: Buffer) => spawnSync(process.execPath, [BIN, 'format', '-'], { cwd: ROOT, input, env: cliEnv({}) }).stdout;
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    assert.deepEqual(bytesOut(utf16(crlf(FORMATTED))), utf16(crlf(FORMATTED)), 'already in the format: the same bytes');
    assert.deepEqual(bytesOut(utf16(PASTED)), utf16(FORMATTED), 'formatted: UTF-16 still');
    assert.deepEqual(bytesOut(utf16(PASTED, true)), utf16(FORMATTED, true), 'big-endian too');
    assert.deepEqual(bytesOut(utf16('Boodschappen\n')), utf16('Boodschappen\n'), 'no Kamervraag: as it came');
  });

  it('in Dutch with --lang nl; usage errors say what is wrong', () => {
    const dir = folder({ 'plak.kvr': PASTED });
    const nl = run(['format', '--check', '--lang', 'nl', dir]);
    assert.equal(nl.err, '1 document niet in het formaat, 0 wel.\n');
    assert.equal(run(['format', '--lang=nl', dir]).err, '1 document opgemaakt, 0 al in het formaat.\n');
    const both = run(['format', '-', path.join(dir, 'plak.kvr')], PASTED);
    assert.equal(both.code, 2);
    assert.match(both.err, /standard input\) is formatted to standard output: give it alone, or use --check/);
    assert.match(run(['format', '--write', dir]).err, /unknown option '--write' for format/);
    assert.match(run(['format']).err, /format needs at least one PATH/);
    assert.match(run(['format', '--lang', 'fr', dir]).err, /--lang must be en or nl, not 'fr'/);
  });
});

describe('kamervraag format: writing over a file', () => {
  it('writes nothing over a file that changed after it was read (an editor saved it meanwhile)', () => {
    const dir = folder({ 'plak.kvr': PASTED });
    const file = path.join(dir, 'plak.kvr');
    const before = stamp(file);
    fs.appendFileSync(file, 'Een zin die de gebruiker net typte.\n');
    const why = writeOver(file, Buffer.from(FORMATTED), before);
    assert.equal(why?.en, 'changed since it was read');
    assert.equal(fs.readFileSync(file, 'utf8'), `${PASTED}Een zin die de gebruiker net typte.\n`);
    assert.deepEqual(fs.readdirSync(dir), ['plak.kvr']);
  });

  it('leaves a file the user may not write, though the folder would take a new one', { skip: AS_USER ? false : 'running as root without setpriv: cannot make a file read-only' }, () => {
    const dir = folder({ 'plak.kvr': PASTED, 'vrij.kvr': PASTED });
    const file = path.join(dir, 'plak.kvr');
    fs.chmodSync(dir, 0o777);
    fs.chmodSync(file, 0o444);
    fs.chmodSync(path.join(dir, 'vrij.kvr'), 0o666);
    if (process.getuid?.() === 0) for (const f of [dir, file, path.join(dir, 'vrij.kvr')]) fs.chownSync(f, 65534, 65534);
    const r = runAsUser(['format', dir]);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /plak\.kvr: not formatted: permission denied; left as it is\.\n/);
    assert.equal(r.out, `${path.join(dir, 'vrij.kvr')}\n`);
    assert.equal(fs.readFileSync(file, 'utf8'), PASTED);
    assert.equal(fs.readFileSync(path.join(dir, 'vrij.kvr'), 'utf8'), FORMATTED);
  });

  it('leaves a file with other names (hard links): a new file would part them', () => {
    const dir = folder({ 'plak.kvr': PASTED });
    const file = path.join(dir, 'plak.kvr');
    fs.linkSync(file, path.join(dir, 'ook.kvr'));
    const r = run(['format', file]);
    assert.equal(r.code, 2);
    assert.match(r.err, /plak\.kvr: not formatted: it has other names \(hard links\), which would keep the old text; left as it is\.\n/);
    assert.equal(fs.readFileSync(file, 'utf8'), PASTED);
    assert.equal(fs.statSync(file).nlink, 2);
  });

  it('writes over an unchanged file, and says why when the folder cannot take the new file', () => {
    const dir = folder({ 'plak.kvr': PASTED });
    const file = path.join(dir, 'plak.kvr');
    assert.equal(writeOver(file, Buffer.from(FORMATTED), stamp(file)), null);
    assert.equal(fs.readFileSync(file, 'utf8'), FORMATTED);
    // A temporary file already where the new text would be written first: the file is left as it is.
    const blocker = path.join(dir, `.plak.kvr.${process.pid}.kamervraag-tmp`);
    fs.mkdirSync(blocker);
    const why = writeOver(file, Buffer.from(PASTED), stamp(file));
    assert.ok(why, 'a reason');
    assert.equal(fs.readFileSync(file, 'utf8'), FORMATTED);
    assert.ok(fs.statSync(blocker).isDirectory(), 'what was there is not removed');
  });
});

describe('kamervraag format: a text in its encoding', () => {
  const ENCODINGS: TextEncoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'];
  const loneSurrogate = (t: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(t);

  it('every text without NUL reads back the same from its bytes, but for what its encoding cannot hold', () => {
    const unit = fc.oneof(fc.constantFrom('\ufeff', '\ud83d', '\ude00', '😀', 'é', '\r\n', ' • Vraag 1'), fc.string({ unit: 'binary', maxLength: 3 }));
    fc.assert(fc.property(fc.array(unit, { maxLength: 12 }), fc.constantFrom(...ENCODINGS), (parts, encoding) => {
      const text = parts.join('').replace(/\0/g, '');
      const bytes = bytesOf(text, encoding);
      // A lone surrogate is no text in any of them (`read` refuses such a file too); a leading U+FEFF in
      // UTF-8 without a mark would be read as the mark.
      const unreadable = loneSurrogate(text) || (encoding === 'utf-8' && text.startsWith('\ufeff'));
      assert.equal(bytes === null, unreadable, JSON.stringify({ text, encoding }));
      if (bytes) assert.equal(decode(bytes), text);
    }), { numRuns: 3000, seed: 20261204 });
  });
});

