/**
 * The options of each command of the `kamervraag` tool, read with Node's `util.parseArgs`: `--name
 * value`, `--name=value`, `-f value`, switches, `--` before paths that start with `-`. What it lets
 * through is checked here, so that every command says the same thing, in the user's language, about an
 * option that is not its own, a value that is missing or not one of the choices, or a value given to a
 * switch. `--help` is looked at before (cli.ts).
 */
import { parseArgs } from 'node:util';
import { CliError, msg } from './errors';

/** An option: a switch, or an option with a value (one of `values` when given). */
type OptionSpec = { readonly type: 'boolean'; readonly short?: string } | { readonly type: 'string'; readonly short?: string; readonly values?: readonly string[] };

const LANG = { type: 'string', values: ['en', 'nl'] } as const;

/** Every command's options. `--lang` is read by `main` before the command runs; it is checked here too. */
export const COMMAND_OPTIONS = {
  check: { format: { type: 'string', short: 'f', values: ['text', 'json', 'sarif'] }, config: { type: 'string' }, fix: { type: 'boolean' }, lang: LANG },
  parse: { jsonl: { type: 'boolean' }, lang: LANG },
  list: { format: { type: 'string', short: 'f', values: ['text', 'json', 'csv', 'ics'] }, config: { type: 'string' }, lang: LANG },
  format: { check: { type: 'boolean' }, lang: LANG },
  rules: { lang: LANG },
} as const satisfies Record<string, Record<string, OptionSpec>>;

export type Command = keyof typeof COMMAND_OPTIONS;

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K] extends { readonly type: 'boolean' } ? boolean : O[K] extends { readonly values: readonly (infer V)[] } ? V : string;
};

/**
 * The options of `command` in `args` and its paths (the arguments that are no option, and every one
 * after `--`), at least one (none for `rules`). Throws a usage error (`CliError`) for anything else.
 */
export function readOptions<C extends Command>(command: C, args: readonly string[]): { values: Values<(typeof COMMAND_OPTIONS)[C]>; paths: string[] } {
  const spec: Record<string, OptionSpec> = COMMAND_OPTIONS[command];
  const { values, positionals, tokens } = parseArgs({ args: [...args], options: spec, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(spec, token.name) ? spec[token.name]! : undefined;
    if (!option) throw unknownOption(command, args[token.index]!, token.rawName);
    if (option.type === 'boolean') {
      if (token.inlineValue) throw new CliError(msg(`${token.rawName} takes no value.`, `${token.rawName} heeft geen waarde.`));
    } else if (token.value === undefined) {
      throw new CliError(msg(`${token.rawName} needs a value.`, `${token.rawName} heeft een waarde nodig.`));
    } else if (option.values && !option.values.includes(token.value)) {
      const choices = option.values;
      const all = (or: string) => `${choices.slice(0, -1).join(', ')} ${or} ${choices.at(-1)}`;
      throw new CliError(msg(`--${token.name} must be ${all('or')}, not '${token.value}'.`, `--${token.name} moet ${all('of')} zijn, niet '${token.value}'.`));
    }
  }
  if (command === 'rules') {
    if (positionals.length > 0) throw new CliError(msg(`rules takes no PATH: '${positionals[0]}'.`, `rules neemt geen pad (PATH): '${positionals[0]}'.`));
  } else if (positionals.length === 0) {
    throw new CliError(msg(`${command} needs at least one PATH, GLOB or - (standard input).`, `${command} heeft ten minste één pad (PATH), patroon (GLOB) of - (standaardinvoer) nodig.`));
  }
  return { values: { ...values } as Values<(typeof COMMAND_OPTIONS)[C]>, paths: positionals };
}

/**
 * An option that `command` does not have: `arg` as given (`-x.kvr` rather than its first letter). An
 * argument that looks like a file name is probably one; the message says how to give it.
 */
function unknownOption(command: Command, arg: string, rawName: string): CliError {
  const shown = arg.startsWith('--') ? rawName : arg;
  if (!arg.startsWith('--') && /[./]/.test(arg)) {
    return new CliError(msg(
      `unknown option '${arg}' (a file whose name starts with -: write ./${arg} or put -- before it).`,
      `onbekende optie '${arg}' (een bestand waarvan de naam met - begint: schrijf ./${arg} of zet -- ervoor).`,
    ));
  }
  return new CliError(msg(`unknown option '${shown}' for ${command}.`, `onbekende optie '${shown}' voor ${command}.`));
}
