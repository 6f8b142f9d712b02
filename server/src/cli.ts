/**
 * The `kamervraag` command-line tool: `check` prints the diagnostics of documents like a compiler
 * (or as JSON or SARIF 2.1.0), `parse` prints the document model as JSON.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import {
  check, DiagnosticSeverity, localeOf, parse, RULES,
  type KvDiagnostic, type Locale, type RuleCode,
} from './core';
import { toJson } from './core/json';
import { KAMERVRAAG_FIRST_LINE } from './core/parse';
import { StreamOutput, type Output } from './cli/output';

declare const KAMERVRAAG_VERSION: string | undefined;
const VERSION = typeof KAMERVRAAG_VERSION === 'string' ? KAMERVRAAG_VERSION : '0.0.0-dev';

const USAGE = `Usage:
  kamervraag check [--format text|json|sarif] [--lang en|nl] PATH|GLOB|- ...
  kamervraag parse [--lang en|nl] PATH|-
  kamervraag rules
  kamervraag --help | --version

check   Prints every problem found, one a line: file:line:col severity code message.
        A directory is searched for Kamervragen (*.kvr, *.kamervraag, and *.txt files whose
        first line is "Kamervraag <zaaknummer>"). "-" reads standard input.
        Exit code: 0 no errors, 1 errors found, 2 usage or I/O failure.
parse   Prints the document model as JSON: zaaknummer, title, metadata, questions.
rules   Lists the checks with their codes and default severities.

Messages are in Dutch when --lang nl is given or LANG starts with nl.`;

/** A failure that ends the run with exit code 2 and a clear message. */
class UsageError extends Error {}

interface Input {
  /** As shown in messages and output: the path as given, relative when possible. */
  readonly name: string;
  readonly text: string;
}

const SEVERITY_NAME: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

const SARIF_LEVEL: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'note',
  [DiagnosticSeverity.Hint]: 'note',
};

const DOCUMENT_EXTENSIONS = new Set(['.kvr', '.kamervraag', '.txt']);

function decode(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${name}: not UTF-8 text; save the file as UTF-8 and try again.`);
  }
}

function readStdin(): string {
  try {
    return decode(fs.readFileSync(0), '<stdin>');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`<stdin>: cannot read standard input (${(e as Error).message}).`);
  }
}

function readFile(file: string): Input {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new UsageError(`${file}: ${why}.`);
  }
  return { name: file, text: decode(bytes, file) };
}

/** A file in a directory is a Kamervraag when its extension says so, or, for .txt, its first line does. */
function looksLikeKamervraag(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.kvr' || ext === '.kamervraag') return true;
  if (ext !== '.txt') return false;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(64);
      const n = fs.readSync(fd, buf, 0, 64, 0);
      return KAMERVRAAG_FIRST_LINE.test(buf.subarray(0, n).toString('utf8'));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

async function expand(args: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ name: '<stdin>', text: readStdin() });
      continue;
    }
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(arg);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const files = (await glob(['**/*'], { cwd: arg, onlyFiles: true, absolute: false, ignore: ['**/node_modules/**', '**/.git/**'] }))
        .filter((f) => DOCUMENT_EXTENSIONS.has(path.extname(f).toLowerCase()))
        .map((f) => path.join(arg, f))
        .filter(looksLikeKamervraag)
        .sort();
      if (files.length === 0) throw new UsageError(`${arg}: directory without Kamervraag documents (*.kvr, *.kamervraag, or *.txt starting with "Kamervraag").`);
      for (const f of files) inputs.push(readFile(f));
      continue;
    }
    if (stat) {
      inputs.push(readFile(arg));
      continue;
    }
    if (/[*?[\]{}]/.test(arg)) {
      const files = (await glob([arg], { onlyFiles: true, absolute: path.isAbsolute(arg) })).sort();
      if (files.length === 0) throw new UsageError(`${arg}: no file matches this pattern.`);
      for (const f of files) inputs.push(readFile(f));
      continue;
    }
    throw new UsageError(`${arg}: no such file.`);
  }
  return inputs;
}

interface Options {
  format: 'text' | 'json' | 'sarif';
  locale: Locale;
  rest: string[];
}

function readOptions(args: readonly string[]): Options {
  const o: Options = { format: 'text', locale: localeOf(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG), rest: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--format' || flag === '-f') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not '${v}'.`);
      o.format = v;
    } else if (flag === '--lang') {
      const v = value();
      if (v !== 'en' && v !== 'nl') throw new UsageError(`--lang must be en or nl, not '${v}'.`);
      o.locale = v;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option '${a}'.`);
    } else {
      o.rest.push(a);
    }
  }
  return o;
}

function textLine(input: Input, d: KvDiagnostic, locale: Locale): string {
  return `${input.name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_NAME[d.severity]} ${d.code} ${d.message[locale]}\n`;
}

function sarifRegion(r: KvDiagnostic['range']) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function toUri(name: string): string {
  if (name === '<stdin>') return 'stdin';
  return name.split(path.sep).map(encodeURIComponent).join('/');
}

function sarif(results: ReadonlyArray<{ input: Input; diagnostics: KvDiagnostic[] }>, locale: Locale): unknown {
  const codes = Object.keys(RULES) as RuleCode[];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'kamervraag',
          version: VERSION,
          rules: codes.map((code) => {
            const rule = RULES[code];
            return {
              id: code,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
              ...('href' in rule ? { helpUri: rule.href } : {}),
            };
          }),
        },
      },
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { SRCROOT: { uri: `${pathToFileUrl(process.cwd())}/` } },
      artifacts: results.map(({ input }) => ({ location: { uri: toUri(input.name), uriBaseId: 'SRCROOT' } })),
      results: results.flatMap(({ input, diagnostics }, artifactIndex) => diagnostics.map((d) => ({
        ruleId: d.code,
        ruleIndex: codes.indexOf(d.code),
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message[locale] },
        locations: [{
          physicalLocation: { artifactLocation: { uri: toUri(input.name), uriBaseId: 'SRCROOT', index: artifactIndex }, region: sarifRegion(d.range) },
        }],
        ...(d.related.length > 0 ? {
          relatedLocations: d.related.map((r, id) => ({
            id,
            message: { text: r.message[locale] },
            physicalLocation: { artifactLocation: { uri: toUri(input.name), uriBaseId: 'SRCROOT', index: artifactIndex }, region: sarifRegion(r.range) },
          })),
        } : {}),
      }))),
    }],
  };
}

function pathToFileUrl(p: string): string {
  return 'file://' + p.split(path.sep).map(encodeURIComponent).join('/');
}

async function runCheck(args: readonly string[], io: Output): Promise<number> {
  const o = readOptions(args);
  if (o.rest.length === 0) throw new UsageError('check needs at least one PATH, GLOB or - (standard input).');
  const inputs = await expand(o.rest);
  const results = inputs.map((input) => ({ input, diagnostics: check(parse(input.text)) }));
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === DiagnosticSeverity.Error) errors++;
      else if (d.severity === DiagnosticSeverity.Warning) warnings++;
    }
  }
  if (o.format === 'text') {
    for (const r of results) for (const d of r.diagnostics) io.out(textLine(r.input, d, o.locale));
    // A reader that went away (`| head -1`) had what it wanted: end quietly.
    if (!(await io.drain())) return errors > 0 ? 1 : 0;
    const files = results.length;
    io.err(o.locale === 'nl'
      ? `${files} ${files === 1 ? 'document' : 'documenten'} gecontroleerd: ${errors} ${errors === 1 ? 'fout' : 'fouten'}, ${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}.\n`
      : `${files} document${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.\n`);
  } else if (o.format === 'json') {
    io.out(JSON.stringify(results.map((r) => ({
      file: r.input.name,
      diagnostics: r.diagnostics.map((d) => ({
        code: d.code, severity: SEVERITY_NAME[d.severity], message: d.message[o.locale], range: d.range,
        related: d.related.map((x) => ({ range: x.range, message: x.message[o.locale] })),
      })),
    })), null, 2) + '\n');
  } else {
    io.out(JSON.stringify(sarif(results, o.locale), null, 2) + '\n');
  }
  return errors > 0 ? 1 : 0;
}

async function runParse(args: readonly string[], io: Output): Promise<number> {
  const o = readOptions(args);
  if (o.rest.length !== 1) throw new UsageError('parse needs exactly one PATH or - (standard input).');
  const [input] = await expand(o.rest);
  io.out(JSON.stringify(toJson(parse(input!.text)), null, 2) + '\n');
  return 0;
}

function runRules(io: Output): number {
  for (const [code, rule] of Object.entries(RULES)) {
    io.out(`${code.padEnd(28)} ${SEVERITY_NAME[rule.severity].padEnd(8)} ${rule.description}\n`);
  }
  return 0;
}

/** The language of the messages: `--lang` when given, else the environment's locale. */
function localeOfArgs(args: readonly string[]): Locale {
  for (let i = 0; i < args.length && args[i] !== '--'; i++) {
    const value = args[i] === '--lang' ? args[i + 1] : args[i]!.startsWith('--lang=') ? args[i]!.slice('--lang='.length) : undefined;
    if (value === 'en' || value === 'nl') return value;
  }
  return localeOf(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
}

/**
 * Runs the tool on standard output and standard error (or `io`); resolves to the exit code: 0 no
 * errors, 1 errors found, 2 usage or I/O failure. Never throws.
 */
export async function main(args: readonly string[], io?: Output): Promise<number> {
  const output = io ?? new StreamOutput(process.stdout, process.stderr);
  const code = await runCommand(args, output);
  return output instanceof StreamOutput ? output.finish(code, localeOfArgs(args)) : code;
}

async function runCommand(args: readonly string[], io: Output): Promise<number> {
  try {
    const [command, ...rest] = args;
    switch (command) {
      case 'check':
        return await runCheck(rest, io);
      case 'parse':
        return await runParse(rest, io);
      case 'rules':
        return runRules(io);
      case '--version':
      case '-v':
        io.out(`${VERSION}\n`);
        return 0;
      case '--help':
      case '-h':
      case 'help':
        io.out(`${USAGE}\n`);
        return 0;
      case undefined:
        io.err(`${USAGE}\n`);
        return 2;
      default:
        throw new UsageError(`unknown command '${command}'. Commands: check, parse, rules.`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`kamervraag: ${e.message}\n`);
      return 2;
    }
    io.err(`kamervraag: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 2;
  }
}
