/** Running the built `kamervraag` bin as a user runs it, for the CLI tests. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const BIN = path.join(ROOT, 'bin', 'kamervraag.js');
export const EXAMPLES = 'test/fixtures/examples';
export const CHECKS = 'test/fixtures/checks';

/** The environment of a run: English messages and no colours unless `env` says otherwise. */
export function cliEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  delete inherited.FORCE_COLOR;
  delete inherited.NO_COLOR;
  return { ...inherited, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env };
}

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

/** Runs `kamervraag args…` in the project folder; `input` is its standard input. */
export function run(args: string[], input?: string | Buffer, env: NodeJS.ProcessEnv = {}, options: SpawnSyncOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', env: cliEnv(env), ...options });
  return { code: r.status, out: String(r.stdout ?? ''), err: String(r.stderr ?? '') };
}

/** A new empty temporary folder. */
export function tempDir(prefix = 'kamervraag-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A new temporary folder with the files `files` (name → text or bytes). */
export function folderWith(files: Record<string, string | Buffer>, prefix = 'kamervraag-cli-'): string {
  const dir = tempDir(prefix);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

/** A fixture without its `⟦⟧` markers, in a temporary folder (or `dir`). */
export function fixture(name: string, dir = tempDir()): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, fs.readFileSync(path.join(ROOT, CHECKS, name), 'utf8').replace(/[⟦⟧]/g, ''));
  return file;
}

/** A Kamervraag of `count` questions, all numbered 1: one duplicate-question-number error per question after the first. */
export function duplicatesDocument(count: number): string {
  const questions = Array.from({ length: count }, () => ' • Vraag 1\n  Hoeveel agenten zijn er?\n\n  Er zijn er 48.000.\n\n').join('');
  return `Kamervraag 2024Z12345\n\nCapaciteit bij de politie\n\nIngediend 1 oktober 2024\nBeantwoord 15 oktober 2024 (na 14 dagen)\n${questions}`;
}

/**
 * How to run the CLI as a user for whom `chmod 000` means something: directly when not root, as
 * `nobody` through setpriv when root; undefined when neither works.
 */
function unprivileged(): string[] | undefined {
  if (process.getuid?.() !== 0) return [];
  const probe = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', 'process.exit(process.getuid() === 65534 ? 0 : 1)']);
  return probe.status === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : undefined;
}

/** The command prefix that runs as such a user, or undefined (tests that need one are skipped). */
export const AS_USER = unprivileged();

/** Runs `kamervraag args…` as that user, in the project folder. */
export function runAsUser(args: string[]): CliResult {
  const [command, ...prefix] = [...AS_USER!, process.execPath];
  const r = spawnSync(command!, [...prefix, BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: cliEnv() });
  return { code: r.status, out: String(r.stdout ?? ''), err: String(r.stderr ?? '') };
}
