/**
 * The options of the `kamervraag` commands (cli/options.ts, on Node's `util.parseArgs`): every command
 * reads `--name value`, `--name=value`, its short forms and `--` alike, and says the same things, in
 * English and Dutch, about what it cannot take.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { CliError } from '../../server/src/cli/errors';
import { COMMAND_OPTIONS, readOptions, type Command } from '../../server/src/cli/options';
import { EXAMPLES, run } from '../support/cli';

/** The usage error `readOptions` throws for `args`, in both languages. */
function refusal(command: Command, args: string[]): { en: string; nl: string } {
  try {
    readOptions(command, args);
  } catch (e) {
    assert.ok(e instanceof CliError, String(e));
    return e.text;
  }
  assert.fail(`${command} ${args.join(' ')} was taken`);
}

describe('kamervraag: the options of each command', () => {
  it('values as separate arguments, after =, or after a short flag; switches; -- before paths', () => {
    assert.deepEqual(readOptions('check', ['--format', 'json', '--config', 'a.json', '--fix', 'x']), { values: { format: 'json', config: 'a.json', fix: true }, paths: ['x'] });
    assert.deepEqual(readOptions('check', ['--format=sarif', '-', 'y']), { values: { format: 'sarif' }, paths: ['-', 'y'] });
    assert.deepEqual(readOptions('list', ['-f', 'csv', '--lang=nl', 'dir']), { values: { format: 'csv', lang: 'nl' }, paths: ['dir'] });
    assert.deepEqual(readOptions('parse', ['--jsonl', '--', '-x.kvr', '--fix']), { values: { jsonl: true }, paths: ['-x.kvr', '--fix'] });
    assert.deepEqual(readOptions('format', ['a', '--check', 'b']), { values: { check: true }, paths: ['a', 'b'] });
  });

  it('an option of another command, a missing value, a value not among the choices, a value for a switch', () => {
    assert.deepEqual(refusal('check', ['--jsonl', 'x']), { en: "unknown option '--jsonl' for check.", nl: "onbekende optie '--jsonl' voor check." });
    assert.equal(refusal('list', ['--fix', 'x']).en, "unknown option '--fix' for list.");
    assert.equal(refusal('format', ['--write', 'x']).en, "unknown option '--write' for format.");
    assert.equal(refusal('format', ['-z', 'x']).en, "unknown option '-z' for format.");
    assert.deepEqual(refusal('check', ['x', '--config']), { en: '--config needs a value.', nl: '--config heeft een waarde nodig.' });
    assert.equal(refusal('list', ['x', '-f']).en, '-f needs a value.');
    assert.deepEqual(refusal('list', ['-f', 'xml', 'x']), { en: "--format must be text, json, csv or ics, not 'xml'.", nl: "--format moet text, json, csv of ics zijn, niet 'xml'." });
    assert.equal(refusal('check', ['--format=csv', 'x']).en, "--format must be text, json or sarif, not 'csv'.");
    assert.equal(refusal('list', ['--lang', 'fr', 'x']).en, "--lang must be en or nl, not 'fr'.", 'every command checks --lang');
    assert.deepEqual(refusal('check', ['--fix=yes', 'x']), { en: '--fix takes no value.', nl: '--fix heeft geen waarde.' });
    assert.equal(refusal('format', ['--check=1', 'x']).en, '--check takes no value.');
  });

  it('a name that looks like a file is said how to give; no path at all is said too', () => {
    assert.equal(refusal('check', ['-notes.txt']).en, "unknown option '-notes.txt' (a file whose name starts with -: write ./-notes.txt or put -- before it).");
    for (const command of (Object.keys(COMMAND_OPTIONS) as Command[]).filter((c) => c !== 'rules')) {
      assert.deepEqual(refusal(command, ['--lang', 'nl']), {
        en: `${command} needs at least one PATH, GLOB or - (standard input).`,
        nl: `${command} heeft ten minste één pad (PATH), patroon (GLOB) of - (standaardinvoer) nodig.`,
      });
    }
  });

  it('rules takes --lang and nothing else', () => {
    assert.deepEqual(readOptions('rules', []), { values: {}, paths: [] });
    assert.deepEqual(readOptions('rules', ['--lang=nl']).values, { lang: 'nl' });
    assert.equal(refusal('rules', ['--lang', 'xx']).en, "--lang must be en or nl, not 'xx'.");
    assert.equal(refusal('rules', ['--bogus']).en, "unknown option '--bogus' for rules.");
    assert.deepEqual(refusal('rules', ['extra']), { en: "rules takes no PATH: 'extra'.", nl: "rules neemt geen pad (PATH): 'extra'." });
    const r = run(['rules', '--lang', 'xx']);
    assert.deepEqual([r.code, r.out, r.err], [2, '', "kamervraag: --lang must be en or nl, not 'xx'.\n"]);
  });

  it('through the command: exit code 2 and one line on standard error, in Dutch with --lang nl', () => {
    const r = run(['list', '--lang', 'nl', '--format', 'xml', EXAMPLES]);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.equal(r.err, "kamervraag: --format moet text, json, csv of ics zijn, niet 'xml'.\n");
    const fix = run(['check', '--fix=no', EXAMPLES]);
    assert.deepEqual([fix.code, fix.err], [2, 'kamervraag: --fix takes no value.\n']);
    const inline = run(['list', '--format=json', EXAMPLES], undefined, { KAMERVRAAG_TODAY: '2024-11-20' });
    assert.equal(inline.code, 0, inline.err);
    assert.equal((JSON.parse(inline.out) as unknown[]).length, 4);
  });
});
