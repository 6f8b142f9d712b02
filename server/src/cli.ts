/**
 * The `kamervraag` command-line tool: `check` prints the diagnostics of documents like a compiler
 * (or as JSON or SARIF 2.1.0), `parse` prints the document model as JSON.
 */
import {
  DiagnosticSeverity, localeOf, parse,
  type KvDiagnostic, type Locale,
} from './core';
import { toJson } from './core/json';
import { CliError, msg } from './cli/errors';
import { expand, isLeftOut, isProblem, isStdin, read, type Problem } from './cli/inputs';
import { fileLine, paint, printable, StreamOutput, wantsColor, type Colour, type Output } from './cli/output';
import { sarif, VERSION, type CheckResult } from './cli/sarif';
import { readAheadEarly, runInOrder } from './cli/pool';
import { ReadAhead } from './cli/readAhead';
import { tuneCompilerForShortRun } from './cli/compilerFlags';
import { runList } from './cli/list';
import { runFormat } from './cli/format';
import { clockFrom } from './core/clock';
import { ConfigLookup, loadConfigFile, warnOnce } from './cli/config';
import { checkJson } from './cli/json';
import { rulesText, SEVERITY_NAME } from './cli/rules';
import { readOptions } from './cli/options';

const USAGE = `Usage:
  kamervraag check [--fix] [--format text|json|sarif] [--lang en|nl] [--config FILE] [--] PATH|GLOB|- ...
  kamervraag parse [--jsonl] [--lang en|nl] [--] PATH|GLOB|- ...
  kamervraag list [--format text|json|csv|ics] [--lang en|nl] [--config FILE] [--] PATH|GLOB|- ...
  kamervraag format [--check] [--lang en|nl] [--] PATH|GLOB|- ...
  kamervraag rules [--lang en|nl]
  kamervraag [COMMAND] --help | --version

check   Prints every problem found, one a line: file:line:col severity code message.
        A directory is searched for Kamervragen (*.kvr, *.kamervraag, and *.txt files whose
        first line is "Kamervraag <zaaknummer>"). "-" reads standard input (once).
        --fix first applies every fix that needs no input (as "Fix all" in the editor) and
        writes the files back; the problems left are printed.
parse   Prints the document model as JSON: zaaknummer, title, metadata, questions. One file
        gives one object; several files, a directory or a GLOB give an array of them, each
        with its "file"; --jsonl prints one document a line instead.
list    Prints one line per Kamervraag: zaaknummer, state (te laat, te beantwoorden,
        uitgesteld, beantwoord), deadline, days left (negative: late; none once answered
        or postponed), questions without an answer, title; --format json or csv adds
        indieners and ingediend; --format ics writes the deadlines still to be met as a
        calendar (iCalendar). Today is the system's date, or KAMERVRAAG_TODAY=YYYY-MM-DD;
        the term is answerTermDays of the .kamervraag.json (21). Exit code 1 when a file
        is no Kamervraag.
format  Brings each Kamervraag into the layout of the format, as Format Document does in the
        editor, every word kept: a file not in the format is written anew (in its own encoding
        and line ends) and named. --check writes nothing and names the files not in the format
        (exit code 1 when there is one). "-" formats standard input to standard output.
rules   Lists the checks with their codes, default severities and what each reports.

check reads its settings from the .kamervraag.json nearest above each file (or from
--config FILE): the kamervraag.* settings of the editor without "kamervraag.", e.g.
{ "diagnostics": { "severity": { "late-answer": "ignore" } }, "answerTermDays": 21 }.
One that cannot be read or is no valid JSON stops the run (exit code 2).

Files are read as UTF-8, or UTF-16 when they start with its byte order mark. A file that
cannot be read or decoded is named on standard error and the others are still done.
"--" ends the options: kamervraag check -- -notes.txt
Exit code: 0 no errors, 1 errors found, 2 usage or I/O failure (a file that could not be
read, or output that could not be written). When the reader of the output stops (| head),
the tool stops quietly.

Messages are in Dutch when --lang nl is given or LANG starts with nl. The answer terms
(answer-overdue) are judged on today's date, or on KAMERVRAAG_TODAY=YYYY-MM-DD when set.`;

/** The colour of each severity's name in `check`'s lines on a terminal. */
const SEVERITY_COLOUR: Record<DiagnosticSeverity, Colour> = {
  [DiagnosticSeverity.Error]: 'red', [DiagnosticSeverity.Warning]: 'yellow', [DiagnosticSeverity.Information]: 'cyan', [DiagnosticSeverity.Hint]: 'dim',
};

/** One line of `check`: `file:line:col severity code message`, the place and code dimmed and the severity coloured when `colour`. */
function textLine(name: string, d: KvDiagnostic, locale: Locale, colour: boolean): string {
  const where = paint(colour, 'dim', `${printable(name)}:${d.range.start.line + 1}:${d.range.start.character + 1}`);
  return `${where} ${paint(colour, SEVERITY_COLOUR[d.severity], SEVERITY_NAME[d.severity])} ${paint(colour, 'dim', d.code)} ${printable(d.message[locale])}\n`;
}

function problemLine(p: Problem, locale: Locale): string {
  return fileLine(p.name, p.problem[locale]);
}

/** The count after `check`; `fixed`: the documents `--fix` wrote (null without `--fix`). */
function summary(files: number, errors: number, warnings: number, notes: number, unreadable: number, fixed: number | null, locale: Locale): string {
  if (locale === 'nl') {
    const mended = fixed === null ? '' : `; ${fixed} verbeterd`;
    const failed = unreadable === 0 ? '' : `; ${unreadable} ${unreadable === 1 ? 'bestand kon' : 'bestanden konden'} niet worden gelezen${fixed === null ? '' : ' of verbeterd'}`;
    return `${files} ${files === 1 ? 'document' : 'documenten'} gecontroleerd: ${errors} ${errors === 1 ? 'fout' : 'fouten'}, ${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}, ${notes} ${notes === 1 ? 'melding' : 'meldingen'}${mended}${failed}.\n`;
  }
  const mended = fixed === null ? '' : `; ${fixed} fixed`;
  const failed = unreadable === 0 ? '' : `; ${unreadable} file${unreadable === 1 ? '' : 's'} could not be read${fixed === null ? '' : ' or fixed'}`;
  return `${files} document${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${notes} note${notes === 1 ? '' : 's'}${mended}${failed}.\n`;
}

/**
 * Checks each document in turn; one that cannot be read is named on standard error and the others
 * are still checked. Exit code 2 when any could not be read, else 1 when errors were found.
 */
async function runCheck(args: readonly string[], io: Output, locale: Locale, colour: boolean): Promise<number> {
  const { values, paths } = readOptions('check', args);
  const o = { format: values.format ?? 'text', config: values.config, fix: values.fix === true };
  if (o.fix && paths.includes('-')) {
    throw new CliError(msg('--fix writes the files it fixes: standard input (-) cannot be fixed.', '--fix schrijft de bestanden die het verbetert: standaardinvoer (-) kan niet worden verbeterd.'));
  }
  const configs = new ConfigLookup(o.config === undefined ? null : loadConfigFile(o.config));
  const warned = new Set<string | null>();
  // The day the answer terms are judged on (answer-overdue): today, or KAMERVRAAG_TODAY (YYYY-MM-DD).
  const today = clockFrom(process.env.KAMERVRAAG_TODAY)();
  const options = { kind: 'check', config: o.config ?? null, today, fix: o.fix } as const;
  readAheadEarly(paths, options);
  const { sources } = await expand(paths);
  const results: CheckResult[] = [];
  const problems: Problem[] = [];
  let errors = 0;
  let warnings = 0;
  // Information diagnostics (a late answer, an unanswered document): counted, they never fail the run.
  let notes = 0;
  let checked = 0;
  const exitCode = () => (problems.length > 0 ? 2 : errors > 0 ? 1 : 0);
  let stopped = false;
  // Read and checked in worker threads when there are many files; the results come in input order.
  let fixed = 0;
  await runInOrder(sources, options, (result, source) => {
    if (result.kind === 'problem') {
      problems.push(result.problem);
      io.err(problemLine(result.problem, locale));
      return true;
    }
    if (result.kind !== 'checked') return true;
    checked++;
    if (result.notFixed) {
      const problem = { name: result.name, problem: msg(`not fixed: ${result.notFixed.en}; checked as it is`, `niet verbeterd: ${result.notFixed.nl}; gecontroleerd zoals het is`) };
      problems.push(problem);
      io.err(problemLine(problem, locale));
    } else if (result.fixed) {
      fixed++;
    }
    const config = configs.forFile(isStdin(source) ? null : result.name);
    warnOnce(config, warned, io, locale);
    const diagnostics = result.diagnostics;
    for (const d of diagnostics) {
      if (d.severity === DiagnosticSeverity.Error) errors++;
      else if (d.severity === DiagnosticSeverity.Warning) warnings++;
      else notes++;
    }
    if (o.format === 'text') {
      for (const d of diagnostics) io.out(textLine(result.name, d, locale, colour));
      // A reader that went away (`| head -1`) had what it wanted: end quietly. (Most results need no
      // wait: thousands of files go by without a promise each.)
      if (io.mustDrain()) return io.drain().then((open) => open || !(stopped = true));
    } else {
      results.push({ name: result.name, diagnostics });
    }
    return true;
  });
  if (stopped) return exitCode();
  if (o.format === 'text') {
    // The count, once any document was read: a lone missing file is said by its own line.
    if (checked > 0) {
      io.err(summary(checked, errors, warnings, notes, problems.length, o.fix ? fixed : null, locale));
    }
  } else if (o.format === 'json') {
    io.out(JSON.stringify(checkJson(results, locale), null, 2) + '\n');
  } else {
    io.out(JSON.stringify(sarif(results, problems, locale), null, 2) + '\n');
  }
  return exitCode();
}

/**
 * Prints each document as JSON in turn: one file (or `-`) as an object; several, a directory or a
 * pattern as an array of them, each with its `file`; with `--jsonl`, one document a line. A document
 * that cannot be read is named on standard error, the others are still printed, and the exit code is 2.
 */
async function runParse(args: readonly string[], io: Output, locale: Locale): Promise<number> {
  const { values, paths } = readOptions('parse', args);
  const { sources, single } = await expand(paths);
  tuneCompilerForShortRun();
  let problems = 0;
  let printed = 0;
  const jsonl = values.jsonl === true;
  const array = !single && !jsonl;
  if (array) io.out('[');
  for (const source of sources) {
    const input = read(source);
    if (isLeftOut(input)) continue;
    if (isProblem(input)) {
      problems++;
      io.err(problemLine(input, locale));
      continue;
    }
    const json = toJson(parse(input.text));
    if (jsonl) io.out(JSON.stringify({ file: input.name, ...json }) + '\n');
    else if (single) io.out(JSON.stringify(json, null, 2) + '\n');
    // JSON strings hold no line breaks: indenting every line nests the document in the array.
    else io.out((printed === 0 ? '\n  ' : ',\n  ') + JSON.stringify({ file: input.name, ...json }, null, 2).replace(/\n/g, '\n  '));
    printed++;
    // A reader that went away (`| head -1`) had what it wanted: end quietly.
    if (!(await io.drain())) return problems > 0 ? 2 : 0;
  }
  if (array) io.out(printed === 0 ? ']\n' : '\n]\n');
  return problems > 0 ? 2 : 0;
}

function runRules(args: readonly string[], io: Output, locale: Locale): number {
  readOptions('rules', args);
  io.out(rulesText(locale));
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
  const locale = localeOfArgs(args);
  // Colours only on the process's own standard output, where a terminal (or FORCE_COLOR) asks for them.
  const colour = io === undefined && wantsColor(process.stdout, process.env);
  const code = await runCommand(args, output, locale, colour);
  // A reading thread started for files that were never read (the run stopped before: cli/pool.ts).
  void ReadAhead.dismissEarly();
  return output instanceof StreamOutput ? output.finish(code, locale) : code;
}

/** The commands, each of which shows the usage for `--help` or `-h` among its options. */
const COMMANDS = new Set(['check', 'parse', 'list', 'format', 'rules']);

/** Whether `--help` or `-h` stands among the options (before `--`). */
function asksHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

async function runCommand(args: readonly string[], io: Output, locale: Locale, colour: boolean): Promise<number> {
  try {
    const [command, ...rest] = args;
    if (command !== undefined && COMMANDS.has(command) && asksHelp(rest)) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    switch (command) {
      case 'check':
        return await runCheck(rest, io, locale, colour);
      case 'parse':
        return await runParse(rest, io, locale);
      case 'list':
        return await runList(rest, io, locale, colour);
      case 'format':
        return await runFormat(rest, io, locale);
      case 'rules':
        return runRules(rest, io, locale);
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
        throw new CliError(msg(`unknown command '${command}'. Commands: check, parse, list, format, rules.`, `onbekend commando '${command}'. Commando's: check, parse, list, format, rules.`));
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`kamervraag: ${e.text[locale]}\n`);
      return 2;
    }
    io.err(`kamervraag: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 2;
  }
}
