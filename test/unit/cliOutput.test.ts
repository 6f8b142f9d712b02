/**
 * The `kamervraag` command when its output cannot be written: a reader that went away (`| head -1`)
 * ends the run quietly; a write error (a full disk) is exit code 2 and one line on standard error.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, cliEnv, duplicatesDocument, EXAMPLES, ROOT, run, tempDir } from '../support/cli';

/** The writing end of a pipe whose reading end is already closed: every write to it fails with EPIPE. */
function pipeWithoutReader(): number {
  const fifo = path.join(tempDir(), 'pipe');
  execFileSync('mkfifo', [fifo]);
  const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  const writer = fs.openSync(fifo, fs.constants.O_WRONLY);
  fs.closeSync(reader);
  return writer;
}

/** Runs the CLI with its standard output into a pipe nobody reads any more. */
function runIntoClosedPipe(args: string[]) {
  const fd = pipeWithoutReader();
  try {
    return run(args, undefined, {}, { stdio: ['ignore', fd, 'pipe'] });
  } finally {
    fs.closeSync(fd);
  }
}

/** A document whose check prints megabytes: 20,000 duplicate-question-number errors. */
function bigDocument(): string {
  const file = path.join(tempDir(), 'groot.kvr');
  fs.writeFileSync(file, duplicatesDocument(20_000));
  return file;
}

/** Spawns the CLI, reads its standard output up to the first line, then closes the pipe, as `| head -1` does. */
function readFirstLine(args: string[]): Promise<{ first: string; code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let first: string | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (first === undefined && out.includes('\n')) {
        first = out.slice(0, out.indexOf('\n'));
        child.stdout.destroy();
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => { err += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ first: first ?? out, code, err }));
  });
}

describe('kamervraag: a reader that goes away', () => {
  it('rules, check and parse into a closed pipe: nothing on standard error, the exit code of what was found', () => {
    const big = bigDocument();
    for (const [args, code] of [[['rules'], 0], [['check', big], 1], [['check', '--format', 'sarif', big], 1], [['parse', `${EXAMPLES}/2014Z19222.txt`], 0]] as const) {
      const r = runIntoClosedPipe([...args]);
      assert.equal(r.err, '', `${args.join(' ')}: ${r.err}`);
      assert.equal(r.code, code, args.join(' '));
    }
  });

  it('check of a big document | head -1: the first problem, then a quiet end', async () => {
    const big = bigDocument();
    const r = await readFirstLine(['check', big]);
    assert.match(r.first, /groot\.kvr:\d+:\d+ /);
    assert.equal(r.err, '');
    assert.equal(r.code, 1);
    const parsed = await readFirstLine(['parse', big]);
    assert.equal(parsed.first, '{');
    assert.equal(parsed.err, '');
    assert.equal(parsed.code, 0);
  });
});

describe('kamervraag: a write error', { skip: fs.existsSync('/dev/full') ? false : 'no /dev/full on this system' }, () => {
  it('standard output to /dev/full: exit code 2 and one line naming the failure', () => {
    for (const args of [['parse', `${EXAMPLES}/2014Z19222.txt`], ['rules'], ['check', '--format', 'json', EXAMPLES], ['--help']]) {
      const full = fs.openSync('/dev/full', 'w');
      try {
        const r = run(args, undefined, {}, { stdio: ['ignore', full, 'pipe'] });
        assert.equal(r.code, 2, args.join(' '));
        assert.equal(r.err, 'kamervraag: cannot write the output: no space left on device (ENOSPC).\n', args.join(' '));
      } finally {
        fs.closeSync(full);
      }
    }
  });
});
