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
import { wantsColor } from '../../server/src/cli/output';

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
function readFirstLine(args: string[], env: Record<string, string> = {}): Promise<{ first: string; code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
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

  it('check of a folder | head -1: the first problem, then a quiet end without the count (the rest is not checked)', async () => {
    // The results go by without waiting for the output one by one (`mustDrain`); a reader that went away
    // still stops the run: the count of checked documents, said at the end of a whole run, never comes.
    const dir = tempDir();
    const text = duplicatesDocument(40);
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.kvr`), text);
    // As it comes (a second thread reading ahead, on two cores or more), in one thread, with a worker.
    for (const workers of ['', '1', '2']) {
      const r = await readFirstLine(['check', dir], { KAMERVRAAG_WORKERS: workers });
      assert.match(r.first, /000\.kvr:\d+:\d+ /, `workers ${workers}`);
      assert.equal(r.err, '', `workers ${workers}`);
      assert.equal(r.code, 1, `workers ${workers}`);
    }
  });

  it('list of a folder | head -1: the header line, then a quiet end (the rest is not listed)', async () => {
    // A file that cannot be decoded, last: said on standard error (exit code 2) only if the run got there.
    const dir = tempDir();
    const text = duplicatesDocument(3);
    for (let i = 0; i < 2000; i++) fs.writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}.kvr`), text.replace('2024Z12345', `2024Z${10000 + i}`));
    fs.writeFileSync(path.join(dir, 'zzzz.kvr'), Buffer.from([0x4b, 0xff, 0xfe, 0x00]));
    for (const workers of ['', '1']) {
      const r = await readFirstLine(['list', dir], { KAMERVRAAG_WORKERS: workers });
      assert.match(r.first, /^zaaknummer\s/, `workers ${workers}`);
      assert.equal(r.err, '', `workers ${workers}`);
      assert.equal(r.code, 0, `workers ${workers}`);
    }
    assert.match(run(['list', dir]).err, /zzzz\.kvr: not UTF-8 text/, 'the whole run says it');
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

describe('kamervraag check: colours', () => {
  const file = `${EXAMPLES}/2014Z19222.txt`;
  const plain = run(['check', file]).out;
  // The escape character is built, not written, in the pattern: a control character in a regular expression reads as a mistake.
  const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

  it('none in a pipe or a file, unless FORCE_COLOR asks (and not when it says 0)', () => {
    assert.match(plain, /^test\/fixtures\/examples\/2014Z19222\.txt:6:12 info late-answer /);
    assert.doesNotMatch(plain, ANSI);
    assert.equal(run(['check', file], undefined, { FORCE_COLOR: '0' }).out, plain);
    const coloured = run(['check', file], undefined, { FORCE_COLOR: '1' }).out;
    assert.equal(coloured, `\x1b[2mtest/fixtures/examples/2014Z19222.txt:6:12\x1b[22m \x1b[36minfo\x1b[39m \x1b[2mlate-answer\x1b[22m ${plain.slice(plain.indexOf('Answered'))}`);
    assert.equal(coloured.replace(ANSI, ''), plain, 'the same text under the colours');
  });

  it('errors red and warnings yellow; the count on standard error stays plain', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.kvr'), duplicatesDocument(2).replace('Ingediend 1 oktober 2024\n', ''));
    const r = run(['check', dir], undefined, { FORCE_COLOR: '1' });
    assert.ok(r.out.includes('\x1b[31merror\x1b[39m \x1b[2mduplicate-question-number\x1b[22m'), r.out);
    assert.ok(r.out.includes('\x1b[33mwarning\x1b[39m'), r.out);
    assert.doesNotMatch(r.err, ANSI);
  });

  it('on a terminal as Node says it shows colours (NO_COLOR, TERM=dumb); FORCE_COLOR for pipes', () => {
    assert.equal(wantsColor({ isTTY: true, hasColors: () => true }, {}), true);
    assert.equal(wantsColor({ isTTY: true, hasColors: () => false }, { FORCE_COLOR: '1' }), false, 'the terminal\'s answer is Node\'s, FORCE_COLOR included');
    assert.equal(wantsColor({ isTTY: false }, {}), false);
    assert.equal(wantsColor({ isTTY: false }, { FORCE_COLOR: '' }), true);
    assert.equal(wantsColor({ isTTY: false }, { FORCE_COLOR: 'false' }), false);
    assert.equal(wantsColor({}, { NO_COLOR: '1' }), false);
  });
});
