/** `kamervraag check` with settings: the `.kamervraag.json` nearest above each file, and `--config FILE`. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, run, tempDir } from '../support/cli';

const json = (dir: string, value: unknown, name = '.kamervraag.json') => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

describe('kamervraag check: .kamervraag.json', () => {
  it('the nearest file above each document applies to it: ignore, another severity, validate off', () => {
    const root = tempDir();
    const quiet = path.join(root, 'quiet');
    const strict = path.join(root, 'team', 'strict');
    fs.mkdirSync(quiet);
    fs.mkdirSync(strict, { recursive: true });
    const plain = fixture('late-answer.kvr', root);
    const ignored = fixture('late-answer.kvr', quiet);
    const raised = fixture('late-answer.kvr', strict);
    json(quiet, { diagnostics: { severity: { 'late-answer': 'ignore' } } });
    // Found two folders up.
    json(path.join(root, 'team'), { diagnostics: { severity: { 'late-answer': 'error' } } });

    assert.match(run(['check', plain]).out, /^.*:6:12 info late-answer /);
    const q = run(['check', ignored]);
    assert.equal(q.code, 0);
    assert.equal(q.out, '');
    assert.match(q.err, /^1 document checked: 0 errors, 0 warnings, 0 notes\.$/m);
    const s = run(['check', raised]);
    assert.equal(s.code, 1);
    assert.match(s.out, /:6:12 error late-answer /);

    // One run over the whole folder: each file with its own settings.
    const all = run(['check', '--format', 'json', root]);
    const byFile = Object.fromEntries(JSON.parse(all.out).map((r: { file: string; diagnostics: { severity: string }[] }) => [path.relative(root, r.file), r.diagnostics.map((d) => d.severity)]));
    assert.deepEqual(byFile, { 'late-answer.kvr': ['info'], 'quiet/late-answer.kvr': [], 'team/strict/late-answer.kvr': ['error'] });
    assert.equal(all.code, 1);

    json(quiet, { validate: { enable: false } });
    assert.equal(run(['check', fixture('duplicate-question-number.kvr', quiet)]).code, 0);
  });

  it('standard input takes the file above the working folder', () => {
    const dir = tempDir();
    json(dir, { diagnostics: { severity: { 'late-answer': 'warning' } } });
    const text = fs.readFileSync(fixture('late-answer.kvr'));
    assert.match(run(['check', '-'], text, {}, { cwd: dir }).out, /^<stdin>:6:12 warning late-answer /);
  });

  it('bad JSON: exit code 2 and where it went wrong; unknown keys and bad values: a warning, once per file', () => {
    const dir = tempDir();
    fixture('late-answer.kvr', dir);
    fixture('missing-answer.kvr', dir);
    const config = json(dir, '{\n  "answerTermDays": 21,\n  "diagnostics": { "severity": { "late-answer": "ignore" } \n}\n}\n'.replace('21,', '21,,'));
    const bad = run(['check', dir]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, new RegExp(`^kamervraag: ${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON at line 2, column \\d+: `, 'm'));

    json(dir, { answerTermDays: 'drie weken', diagnostics: { severity: { 'late-answr': 'ignore', 'late-answer': 'ignore' } } });
    const warned = run(['check', dir]);
    assert.equal(warned.code, 0, warned.err);
    const lines = warned.err.trim().split('\n');
    assert.deepEqual(lines.slice(0, 2), [
      `kamervraag: ${config}: 'answerTermDays' must be a whole number from 1 to 366, not "drie weken" (ignored).`,
      `kamervraag: ${config}: unknown check code 'late-answr' in 'diagnostics.severity' (kamervraag rules lists them) (ignored).`,
    ]);
    assert.equal(lines.length, 3, warned.err);
    assert.deepEqual(run(['check', '--lang', 'nl', dir]).err.trim().split('\n').slice(0, 2), [
      `kamervraag: ${config}: 'answerTermDays' moet een geheel getal van 1 tot en met 366 zijn, niet "drie weken" (genegeerd).`,
      `kamervraag: ${config}: onbekende controlecode 'late-answr' in 'diagnostics.severity' (kamervraag rules noemt ze) (genegeerd).`,
    ], 'in Dutch with --lang nl');
    // The valid choice still applies: late-answer is gone, missing-answer's warning stays.
    assert.doesNotMatch(warned.out, /late-answer/);
    assert.match(warned.out, /warning missing-answer/);
  });
});

describe('kamervraag check --config FILE', () => {
  it('applies to every file instead of the lookup', () => {
    const dir = tempDir();
    const file = fixture('late-answer.kvr', dir);
    json(dir, { diagnostics: { severity: { 'late-answer': 'ignore' } } });
    const other = json(tempDir(), { diagnostics: { severity: { 'late-answer': 'hint' } } }, 'ci.json');
    assert.equal(run(['check', file]).out, '');
    assert.match(run(['check', '--config', other, file]).out, /:6:12 hint late-answer /);
    assert.match(run(['check', `--config=${other}`, file]).out, /:6:12 hint late-answer /);
  });

  it('a missing or broken --config file: exit code 2 with its name, before any document', () => {
    const file = fixture('late-answer.kvr');
    const missing = run(['check', '--config', 'geen.json', file]);
    assert.equal(missing.code, 2);
    assert.equal(missing.out, '');
    assert.equal(missing.err, 'kamervraag: geen.json: cannot read the settings: no such file.\n');
    const broken = json(tempDir(), '[1, 2', 'broken.json');
    const r = run(['check', '--config', broken, file], undefined, { LANG: 'nl_NL.UTF-8' });
    assert.equal(r.code, 2);
    assert.match(r.err, /: geen geldige JSON/);
    assert.match(run(['check', '--config']).err, /--config needs a value/);
    assert.match(run(['parse', '--config', broken, file]).err, /unknown option '--config'/);
  });
});
