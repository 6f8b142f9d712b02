/**
 * The README's command-line examples, taken from README.md and run as a user pastes them at the root of
 * this folder after `npm link` (a `kamervraag` on the PATH that is a link to bin/kamervraag.js, as
 * `npm link` makes), so that the README cannot drift from what the tool does.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, cliEnv, ROOT, tempDir } from '../support/cli';

/** The lines of the ```sh block under "## Command-line tool", without their comments. */
function readmeCommands(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Command-line tool'), readme.indexOf('\n## ', readme.indexOf('\n## Command-line tool') + 1));
  const block = /```sh\n([\s\S]*?)\n```/.exec(section);
  assert.ok(block, 'README.md has no ```sh block under "## Command-line tool"');
  return block[1]!.split('\n').map((l) => l.replace(/\s+#\s.*$/, '').trim()).filter((l) => l !== '');
}

describe('README: the command-line examples', () => {
  const commands = readmeCommands();

  it('start by putting kamervraag on the PATH, and use files that exist', () => {
    assert.equal(commands[0], 'npm link');
    assert.ok(commands.length >= 6, commands.join('\n'));
    for (const c of commands.slice(1)) {
      assert.match(c, /^kamervraag /, c);
      for (const arg of c.split(/\s+/).filter((a) => /^'?test\//.test(a))) {
        const file = arg.replace(/'/g, '');
        if (!/[*?]/.test(file)) assert.ok(fs.existsSync(path.join(ROOT, file)), `${c}: ${file} does not exist`);
      }
    }
  });

  it('run from the root of the folder: exit code 0 and output', () => {
    // `npm link` without touching the global install: the same link, in a folder of its own on the PATH.
    const bin = tempDir('kamervraag-readme-bin-');
    fs.symlinkSync(BIN, path.join(bin, 'kamervraag'));
    // The commands write their files (kamervragen.sarif) where they run: a copy of the folder's examples.
    const root = tempDir('kamervraag-readme-');
    fs.cpSync(path.join(ROOT, 'test/fixtures/examples'), path.join(root, 'test/fixtures/examples'), { recursive: true });
    for (const command of commands.slice(1)) {
      const r = spawnSync('sh', ['-c', command], { cwd: root, encoding: 'utf8', env: cliEnv({ PATH: `${bin}${path.delimiter}${process.env.PATH}` }) });
      assert.equal(r.status, 0, `${command}\n${r.stderr}`);
      const redirect = /> (\S+)$/.exec(command);
      const out = redirect ? fs.readFileSync(path.join(root, redirect[1]!), 'utf8') : r.stdout;
      assert.ok(out.length > 0, `${command}: no output`);
      if (/--format (json|sarif)|^kamervraag parse [^-]/.test(command)) JSON.parse(out);
      if (command.includes('--jsonl')) assert.deepEqual(out.trim().split('\n').map((l) => JSON.parse(l).zaaknummer), ['2014Z19222', '2024Z16988', '2024Z18294', '2024Z18439']);
      if (command.includes('--lang nl')) assert.match(out, /"message": "Beantwoord na 25 dagen/);
    }
  });
});
