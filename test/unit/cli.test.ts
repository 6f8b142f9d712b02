/** The `kamervraag` command, run as a user runs it: the built bin, its output and its exit codes. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CHECKS, EXAMPLES, fixture, ROOT, run } from '../support/cli';

describe('kamervraag check', () => {
  it('the examples: information only, exit code 0', () => {
    // On 20 november 2024 no example is past its term yet (KAMERVRAAG_TODAY sets the day).
    const r = run(['check', EXAMPLES], undefined, { KAMERVRAAG_TODAY: '2024-11-20' });
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.out.trim().split('\n'), [
      `${EXAMPLES}/2014Z19222.txt:6:12 info late-answer Answered after 25 days, later than the three weeks of the Reglement van Orde, and no Mededeling (postponement notice) was sent.`,
      `${EXAMPLES}/2024Z16988.txt:1:1 info unanswered-document Not answered yet: none of the 9 questions have an answer.`,
      `${EXAMPLES}/2024Z18439.txt:1:1 info unanswered-document Not answered yet: none of the 22 questions have an answer.`,
    ]);
    // The three information diagnostics above are counted too.
    assert.match(r.err, /^4 documents checked: 0 errors, 0 warnings, 3 notes\.$/m);
    // Judged on a later day, 2024Z18439 (due 5 december 2024, no Mededeling) is overdue; 2024Z16988 has a Mededeling.
    const later = run(['check', EXAMPLES], undefined, { KAMERVRAAG_TODAY: '2024-12-17' });
    assert.equal(later.code, 0, later.err);
    assert.match(later.out, /^.*2024Z18439\.txt:5:11 info answer-overdue Not answered: the term of 21 days ended on 5 December 2024, 12 days ago, and no Mededeling \(postponement notice\) was sent\.$/m);
    assert.equal(later.out.split('\n').filter((l) => l.includes('answer-overdue')).length, 1);
  });

  it('errors give exit code 1 and compiler-style lines; a glob and standard input work', () => {
    const file = fixture('zaaknummer-mismatch.kvr');
    const r = run(['check', file]);
    assert.equal(r.code, 1);
    assert.equal(r.out, `${file}:28:29 error zaaknummer-mismatch Kamervraag document nummer 'kv-tk-2024Z12346' does not match the zaaknummer 2024Z12345 of the header.\n`);
    const glob = run(['check', `${path.dirname(file)}/*.kvr`]);
    assert.equal(glob.code, 1);
    assert.equal(glob.out, r.out);
    const stdin = run(['check', '-'], fs.readFileSync(file));
    assert.equal(stdin.code, 1);
    assert.match(stdin.out, /^<stdin>:28:29 error zaaknummer-mismatch /);
  });

  it('a file\'s problems in the order of its lines, as a compiler prints them (not grouped by check)', () => {
    // Answer 1 names a question that does not exist; question 2 has no answer (its check runs before the references').
    const text = fs.readFileSync(fixture('reference-self.kvr'), 'utf8')
      .replace(/\n {2}Zie antwoord vraag \S+\n/, '\n')
      .replace('  Er zijn 48.000 agenten in dienst.', '  Zie antwoord vraag 9.');
    const r = run(['check', '-'], text);
    const lines = r.out.trim().split('\n').map((l) => l.split(' ').slice(0, 3).join(' '));
    assert.deepEqual(lines, ['<stdin>:15:22 error reference-unknown-question', '<stdin>:17:4 warning missing-answer', '<stdin>:24:50 warning reference-unanswered']);
  });

  it('warnings alone exit 0; --lang nl and LANG=nl_NL give Dutch', () => {
    const file = fixture('missing-answer.kvr');
    const r = run(['check', '--lang', 'nl', file]);
    assert.equal(r.code, 0);
    assert.match(r.out, /warning missing-answer Vraag 2 heeft geen antwoord\./);
    assert.match(run(['check', file], undefined, { LANG: 'nl_NL.UTF-8' }).out, /heeft geen antwoord/);
  });

  it('--format json', () => {
    const r = run(['check', '--format', 'json', fixture('days-wrong.kvr')]);
    const [result] = JSON.parse(r.out);
    assert.equal(result.diagnostics.length, 1);
    const d = result.diagnostics[0];
    assert.equal(d.code, 'days-wrong');
    assert.equal(d.severity, 'warning');
    assert.deepEqual(d.range, { start: { line: 5, character: 31 }, end: { line: 5, character: 33 } });
    assert.equal(d.related[0].message, 'Ingediend');
  });

  it('--format sarif: SARIF 2.1.0 with rules, levels, regions and related locations', () => {
    const file = fixture('duplicate-question-number.kvr');
    const r = run(['check', '--format=sarif', file]);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.out);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /\/sarif-schema-2\.1\.0\.json$/);
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'kamervraag');
    const ids = run0.tool.driver.rules.map((x: { id: string }) => x.id);
    assert.ok(ids.includes('duplicate-question-number') && ids.includes('late-answer'));
    const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'duplicate-question-number');
    assert.equal(result.level, 'error');
    assert.equal(ids[result.ruleIndex], 'duplicate-question-number');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 22, startColumn: 10, endLine: 22, endColumn: 11 });
    assert.equal(result.relatedLocations[0].physicalLocation.region.startLine, 17);
    const late = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'late-answer');
    assert.equal(late.defaultConfiguration.level, 'note');
    assert.match(late.helpUri, /^file:\/\/.*\/docs\/rules\.md#late-answer$/);
  });

  it('usage and I/O failures: exit code 2 and a clear message', () => {
    const missing = run(['check', 'geen-bestand.txt']);
    assert.equal(missing.code, 2);
    assert.equal(missing.err, 'kamervraag: geen-bestand.txt: no such file.\n');
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-empty-'));
    fs.writeFileSync(path.join(empty, 'notes.txt'), 'Boodschappen\n');
    const dir = run(['check', empty]);
    assert.equal(dir.code, 2);
    assert.match(dir.err, /directory without Kamervraag documents/);
    const latin1 = path.join(empty, 'oud.kvr');
    fs.writeFileSync(latin1, Buffer.from('Kamervraag 2024Z12345\n\nCr\xe8che\n', 'latin1'));
    const enc = run(['check', latin1]);
    assert.equal(enc.code, 2);
    assert.match(enc.err, /not UTF-8/);
    assert.equal(run(['check']).code, 2);
    assert.equal(run(['check', '--format', 'xml', EXAMPLES]).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run(['check', `${empty}/*.nothing`]).code, 2);
  });

  it('--help, --version and rules', () => {
    assert.match(run(['--help']).out, /kamervraag check \[--fix\] \[--format text\|json\|sarif\]/);
    assert.match(run(['--help']).out, /kamervraag format \[--check\] \[--lang en\|nl\] \[--\] PATH\|GLOB\|- \.\.\./);
    assert.match(run(['--help']).out, /kamervraag parse \[--jsonl\] \[--lang en\|nl\] \[--\] PATH\|GLOB\|- \.\.\./);
    for (const command of ['check', 'parse', 'list', 'format', 'rules']) {
      const help = run([command, '--help']);
      assert.equal(help.code, 0, `${command} --help`);
      assert.equal(help.out, run(['--help']).out, `${command} --help: the usage`);
    }
    assert.equal(run(['format', '-h', 'x.kvr']).code, 0);
    assert.match(run(['check', '--', '--help']).err, /--help: no such file/, 'after --, --help is a file name');
    assert.match(run(['--version']).out, /^\d+\.\d+\.\d+\n$/);
    assert.match(run(['rules']).out, /^missing-answer\s+warning\s+/m);
    // The rule that needs the workspace says that check does not report it.
    assert.match(run(['rules']).out, /^cross-reference-unknown-question\s+warning\s+.* \(in the editor only: needs the workspace\)\.$/m);
    assert.match(run(['rules', '--lang', 'nl']).out, /^cross-reference-unknown-question\s+warning\s+.* \(alleen in de editor: heeft de werkruimte nodig\)\.$/m);
    assert.equal(run(['rules']).out.match(/editor only/g)?.length, 1);
  });
});

describe('kamervraag parse', () => {
  it('prints the model as data', () => {
    const r = run(['parse', `${EXAMPLES}/2014Z19222.txt`]);
    assert.equal(r.code, 0, r.err);
    const doc = JSON.parse(r.out);
    assert.equal(doc.zaaknummer, '2014Z19222');
    assert.equal(doc.metadata.ingediend, '2014-10-30');
    assert.equal(doc.metadata.beantwoord, '2014-11-24');
    assert.equal(doc.metadata.dagen, 25);
    assert.deepEqual(doc.metadata.indieners, [{ name: 'Michiel van Nispen', party: 'SP' }, { name: 'Nine Kooiman', party: 'SP' }]);
    assert.equal(doc.questions.length, 10);
    assert.deepEqual(doc.questions.map((q: { references: number[] }) => q.references), [[], [], [2], [], [9], [], [10], [6], [], []]);
    const q3 = doc.questions[2];
    assert.deepEqual(Object.keys(q3), ['number', 'question', 'answer', 'references', 'footnotes', 'range', 'line', 'column']);
    assert.equal(q3.answer, 'Zie antwoord vraag 2.');
    assert.deepEqual(q3.range.start, { line: 24, character: 3 });
  });

  it('an unanswered question has answer null', () => {
    const doc = JSON.parse(run(['parse', `${EXAMPLES}/2024Z18439.txt`]).out);
    assert.ok(doc.questions.every((q: { answer: unknown }) => q.answer === null));
    assert.equal(doc.metadata.beantwoord, null);
  });
});

describe('kamervraag parse: several documents', () => {
  const ZAAKNUMMERS = ['2014Z19222', '2024Z16988', '2024Z18294', '2024Z18439'];

  it('a directory, a pattern or several files: a JSON array, each document with its file', () => {
    for (const args of [[EXAMPLES], [`${EXAMPLES}/*.txt`], ZAAKNUMMERS.map((z) => `${EXAMPLES}/${z}.txt`)]) {
      const r = run(['parse', ...args]);
      assert.equal(r.code, 0, r.err);
      const docs = JSON.parse(r.out);
      assert.ok(Array.isArray(docs), args.join(' '));
      assert.deepEqual(docs.map((d: { file: string; zaaknummer: string }) => [d.file, d.zaaknummer]), ZAAKNUMMERS.map((z) => [`${EXAMPLES}/${z}.txt`, z]));
      assert.deepEqual(Object.keys(docs[0]).slice(0, 3), ['file', 'zaaknummer', 'title']);
      assert.equal(r.err, '');
    }
    const one = JSON.parse(run(['parse', `${EXAMPLES}/2014Z19222.txt`]).out);
    assert.deepEqual(JSON.parse(run(['parse', EXAMPLES]).out)[0], { file: `${EXAMPLES}/2014Z19222.txt`, ...one });
  });

  it('--jsonl: one document a line', () => {
    const r = run(['parse', '--jsonl', EXAMPLES]);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trimEnd().split('\n');
    assert.deepEqual(lines.map((l) => JSON.parse(l).zaaknummer), ZAAKNUMMERS);
    assert.equal(JSON.parse(lines[0]!).file, `${EXAMPLES}/2014Z19222.txt`);
    const stdin = run(['parse', '--jsonl', '-'], fs.readFileSync(path.join(ROOT, EXAMPLES, '2014Z19222.txt')));
    assert.equal(stdin.out.split('\n').length, 2);
    assert.equal(JSON.parse(stdin.out).file, '<stdin>');
  });

  it('a document that cannot be read: named on standard error, the others printed, exit code 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-parse-'));
    fs.copyFileSync(path.join(ROOT, EXAMPLES, '2014Z19222.txt'), path.join(dir, 'a.kvr'));
    fs.writeFileSync(path.join(dir, 'b.kvr'), Buffer.from('Kamervraag 2024Z12345\n\nCr\xe8che\n', 'latin1'));
    fs.copyFileSync(path.join(ROOT, EXAMPLES, '2024Z16988.txt'), path.join(dir, 'c.kvr'));
    const r = run(['parse', dir]);
    assert.equal(r.code, 2);
    assert.deepEqual(JSON.parse(r.out).map((d: { file: string }) => path.basename(d.file)), ['a.kvr', 'c.kvr']);
    assert.equal(r.err, `kamervraag: ${dir}/b.kvr: not UTF-8 text; save the file as UTF-8 and try again.\n`);
    const none = run(['parse', path.join(dir, 'b.kvr'), `${dir}/*.nothing`]);
    assert.equal(none.code, 2);
    assert.equal(none.out, '[]\n');
  });
});

describe('kamervraag: arguments', () => {
  it('- (standard input) only once: a second would read nothing', () => {
    for (const command of ['check', 'parse']) {
      const r = run([command, '-', '-'], fs.readFileSync(path.join(ROOT, EXAMPLES, '2014Z19222.txt')));
      assert.equal(r.code, 2, command);
      assert.equal(r.out, '');
      assert.equal(r.err, 'kamervraag: - (standard input) can be given only once.\n');
    }
  });

  it('-- ends the options: a file whose name starts with -', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-dash-'));
    fs.writeFileSync(path.join(dir, '-x.kvr'), fs.readFileSync(path.join(ROOT, CHECKS, 'missing-answer.kvr'), 'utf8').replace(/[⟦⟧]/g, ''));
    const r = run(['check', '--lang', 'nl', '--', '-x.kvr'], undefined, {}, { cwd: dir });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^-x\.kvr:\d+:\d+ warning missing-answer Vraag 2 heeft geen antwoord\./);
    assert.equal(JSON.parse(run(['parse', '--', '-x.kvr'], undefined, {}, { cwd: dir }).out).zaaknummer, '2024Z12345');
    const option = run(['check', '-x.kvr'], undefined, {}, { cwd: dir });
    assert.equal(option.code, 2);
    assert.equal(option.err, "kamervraag: unknown option '-x.kvr' (a file whose name starts with -: write ./-x.kvr or put -- before it).\n");
  });

  it('options belong to their command', () => {
    assert.equal(run(['check', '--jsonl', EXAMPLES]).err, "kamervraag: unknown option '--jsonl' for check.\n");
    assert.equal(run(['parse', '--format', 'json', EXAMPLES]).err, "kamervraag: unknown option '--format' for parse.\n");
  });
});
