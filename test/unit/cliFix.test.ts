/**
 * `kamervraag check --fix`: the editor's "Fix all" (core/fixAll.ts) applied to files and written back
 * (cli/writeBack.ts: own encoding, never over a change made since the file was read), then the problems
 * left reported; the checks set to `ignore` are not fixed; worker threads write their own files.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analysis';
import { fixAll } from '../../server/src/core/fixAll';
import * as fc from 'fast-check';
import { checkedFormat } from '../../server/src/core/formatCheck';
import { notAKamervraag } from '../../server/src/core/checks/document';
import { parse } from '../../server/src/core/parse';
import { encode, type TextEncoding } from '../../server/src/cli/inputs';
import { bytesOf } from '../../server/src/cli/writeBack';
import { hostileDocument, kamervraagDocument, mutatedExample } from '../fuzz/arbitraries';
import { checkFormat, wordPasted } from '../fuzz/formatSafety';
import { fixAllViolations } from '../fuzz/fixAllSafety';
import { examples } from '../fuzz/harness';
import { CHECKS, folderWith, ROOT, run } from '../support/cli';

const TODAY = { KAMERVRAAG_TODAY: '2024-12-01' };

/** A fixture of test/fixtures/checks without its markers. */
const fixtureText = (name: string) => fs.readFileSync(path.join(ROOT, CHECKS, name), 'utf8').replace(/[⟦⟧]/g, '');

/** `Indiener` with two members (indieners-count) and `(na 14 dagen)` after 15 days (days-wrong): both fixable. */
const TWO_FIXES = fixtureText('indieners-count.kvr').replace('Beantwoord 15 oktober 2024 (na 14 dagen)', 'Beantwoord 16 oktober 2024 (na 14 dagen)');

const folder = (files: Record<string, string | Buffer>) => folderWith(files, 'kamervraag-fix-');

describe('kamervraag check --fix', () => {
  it('writes the fixes into the file and reports what is left, as check of the fixed file does', () => {
    const expected = fixAll(analyze(TWO_FIXES)).text;
    assert.notEqual(expected, TWO_FIXES);
    assert.match(expected, /^Indieners Jan Jansen/m);
    assert.match(expected, /\(na 15 dagen\)/);
    const dir = folder({ 'a.kvr': TWO_FIXES, 'b.kvr': fixtureText('date-order.kvr') });
    const before = run(['check', dir], undefined, TODAY);
    assert.match(before.out, /a\.kvr:7:1 warning indieners-count/);
    const r = run(['check', '--fix', dir], undefined, TODAY);
    assert.equal(fs.readFileSync(path.join(dir, 'a.kvr'), 'utf8'), expected);
    assert.equal(fs.readFileSync(path.join(dir, 'b.kvr'), 'utf8'), fixtureText('date-order.kvr'), 'nothing to fix there');
    const after = run(['check', dir], undefined, TODAY);
    assert.equal(r.out, after.out, 'the problems of the fixed files');
    assert.doesNotMatch(r.out, /indieners-count|days-wrong/);
    assert.match(r.err, /^2 documents checked: 1 error, \d+ warnings?, \d+ notes?; 1 fixed\.\n$/);
    assert.equal(r.code, 1, 'an error is left (date-order has no fix)');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.kvr', 'b.kvr'], 'no temporary file left behind');
    const again = run(['check', '--fix', dir], undefined, TODAY);
    assert.match(again.err, /; 0 fixed\.\n$/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.kvr'), 'utf8'), expected);
  });

  it('leaves the fixes of the checks set to ignore in .kamervraag.json', () => {
    const dir = folder({ 'a.kvr': TWO_FIXES, '.kamervraag.json': '{ "diagnostics": { "severity": { "indieners-count": "ignore" } } }' });
    const r = run(['check', '--fix', dir], undefined, TODAY);
    const text = fs.readFileSync(path.join(dir, 'a.kvr'), 'utf8');
    assert.match(text, /^Indiener Jan Jansen/m, 'the ignored check is not fixed');
    assert.match(text, /\(na 15 dagen\)/, 'the other is');
    assert.match(r.err, /; 1 fixed\.\n$/);
  });

  it('writes a UTF-16 file back as UTF-16 with its byte order mark', () => {
    const bytes = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const dir = folder({ 'word.kvr': bytes(TWO_FIXES) });
    run(['check', '--fix', dir], undefined, TODAY);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'word.kvr')), bytes(fixAll(analyze(TWO_FIXES)).text));
  });

  it('worker threads fix the files they check', () => {
    const dir = folder(Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${String(i).padStart(2, '0')}.kvr`, TWO_FIXES])));
    const r = run(['check', '--fix', dir], undefined, { ...TODAY, KAMERVRAAG_WORKERS: '2', KAMERVRAAG_POOL_TRACE: '1' });
    assert.match(r.err, /80 files over 2 threads/);
    assert.match(r.err, /80 documents checked: 0 errors, 0 warnings, \d+ notes?; 80 fixed\.\n$/);
    const expected = fixAll(analyze(TWO_FIXES)).text;
    for (const name of fs.readdirSync(dir)) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), expected, name);
  });

  it('in Dutch; standard input cannot be fixed; --fix is an option of check only', () => {
    const dir = folder({ 'a.kvr': TWO_FIXES });
    assert.match(run(['check', '--fix', '--lang', 'nl', dir], undefined, TODAY).err, /; 1 verbeterd\.\n$/);
    const stdin = run(['check', '--fix', '-'], TWO_FIXES);
    assert.equal(stdin.code, 2);
    assert.match(stdin.err, /--fix writes the files it fixes: standard input \(-\) cannot be fixed/);
    assert.match(run(['parse', '--fix', dir]).err, /unknown option '--fix' for parse/);
  });
});

describe('kamervraag format and check --fix on documents broken on purpose', () => {
  it('write exactly what the editor\'s formatting and Fix all give, which the nothing-lost properties hold, in each file\'s encoding', () => {
    // The generators of the "nothing lost" properties (test/fuzz): generated with faults, pasted from
    // Word, hostile lines, the real examples mutated; a fixed seed, so the same files every run.
    const encodings: TextEncoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'];
    // Texts a file can hold in all four (no NUL, no lone surrogate, no leading U+FEFF), as `read` gives them.
    const texts = fc.sample(fc.oneof(kamervraagDocument(true), wordPasted, hostileDocument, mutatedExample(examples()).map((m) => m.text)), { numRuns: 60, seed: 20261204 })
      .filter((t) => encodings.every((e) => bytesOf(t, e) !== null));
    assert.ok(texts.length >= 50, `${texts.length} texts`);
    const files = Object.fromEntries(texts.map((t, i) => [`d${String(i).padStart(2, '0')}.kvr`, encode(t, encodings[i % 4]!)]));
    const formatDir = folder(files);
    const fixDir = folder(files);
    const formatted = run(['format', formatDir], undefined, TODAY);
    const fixed = run(['check', '--fix', fixDir], undefined, TODAY);
    assert.doesNotMatch(formatted.err + fixed.err, /internal error|interne fout/);
    let written = 0;
    texts.forEach((text, i) => {
      const name = `d${String(i).padStart(2, '0')}.kvr`;
      const read = (dir: string) => fs.readFileSync(path.join(dir, name));
      const asFormatted = checkedFormat(parse(text));
      const wanted = notAKamervraag(parse(text)) || 'wrong' in asFormatted ? text : asFormatted.formatted.toString();
      assert.deepEqual(read(formatDir), encode(wanted, encodings[i % 4]!), `${name}: format`);
      assert.deepEqual(read(fixDir), encode(fixAll(analyze(text)).text, encodings[i % 4]!), `${name}: check --fix`);
      // What was written is what the "nothing lost" properties hold for these very texts.
      assert.deepEqual(checkFormat(text), [], `${name}: formatting`);
      assert.deepEqual(fixAllViolations(text), [], `${name}: fix-all`);
      if (wanted !== text) written++;
    });
    assert.ok(written > texts.length / 2, `most of the files were formatted (${written} of ${texts.length})`);
    assert.deepEqual(fs.readdirSync(formatDir).length, texts.length, 'no temporary file left behind');
  });
});
