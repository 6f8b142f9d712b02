/**
 * The CLI's settings: the `.kamervraag.json` nearest above each file (its own folder first, up to the
 * file system's root), or the one `--config FILE` names. Each folder is looked up once; a file that
 * cannot be read or is not JSON is a clear error, unknown keys and bad values a warning.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, readSettings, type KamervraagSettings } from '../core/config';
import { CONFIG_FILE } from '../core/configFile';
import type { Locale, Message } from '../core';
import { CliError, describeError, errorCode, msg } from './errors';
import { printable, type Output } from './output';

/** The settings that apply to a file, and the config file they come from (null: the defaults). */
export interface LoadedConfig {
  readonly file: string | null;
  readonly settings: KamervraagSettings;
  /** Unknown keys and bad values of the file, ignored. */
  readonly problems: readonly Message[];
}

const DEFAULTS: LoadedConfig = { file: null, settings: DEFAULT_SETTINGS, problems: [] };

/** Where JSON.parse stopped, as line and column, from its message's position (`at position 12`). */
function where(text: string, error: unknown): string {
  const m = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!m) return '';
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  return ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** Reads and parses one config file; a CliError when it cannot be read or is not valid JSON. */
export function loadConfigFile(file: string): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const why = describeError(e);
    throw new CliError(msg(`${file}: cannot read the settings: ${why.en}.`, `${file}: kan de instellingen niet lezen: ${why.nl}.`));
  }
  let json: unknown;
  try {
    // A byte order mark is allowed, as editors on Windows write one.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const at = where(text.replace(/^\uFEFF/, ''), e);
    // JSON.parse's own words, without its position (said above as line and column).
    const why = String((e as Error)?.message ?? e).replace(/\s*(?:in JSON )?at position \d+.*$/s, '');
    throw new CliError(msg(
      `${file}: not valid JSON${at}: ${why}.`,
      `${file}: geen geldige JSON${at.replace('at line', 'op regel').replace('column', 'kolom')}: ${why}.`,
    ));
  }
  const { settings, problems } = readSettings(json);
  return { file, settings, problems };
}

/** Finds and loads the `.kamervraag.json` nearest above files, caching per folder. */
export class ConfigLookup {
  private readonly byFolder = new Map<string, LoadedConfig>();

  /** `fixed`: the `--config FILE` given, used for every file instead of the lookup. */
  constructor(private readonly fixed: LoadedConfig | null = null) {}

  /** The settings for each folder as given (`path.dirname` of the files): most files share one. */
  private readonly byGivenFolder = new Map<string, LoadedConfig>();

  /** The settings for `file` (a path; `null` for standard input, looked up from the working folder). */
  forFile(file: string | null): LoadedConfig {
    if (this.fixed) return this.fixed;
    if (file === null) return this.forFolder(process.cwd());
    // Resolved once per folder, not once per file (`check` of a folder asks for every file, twice).
    const given = path.dirname(file);
    let config = this.byGivenFolder.get(given);
    if (!config) this.byGivenFolder.set(given, (config = this.forFolder(path.resolve(given))));
    return config;
  }

  private forFolder(folder: string): LoadedConfig {
    const known = this.byFolder.get(folder);
    if (known) return known;
    const candidate = path.join(folder, CONFIG_FILE);
    let found: LoadedConfig | null = null;
    if (isFile(candidate)) found = loadConfigFile(candidate);
    const parent = path.dirname(folder);
    const result = found ?? (parent === folder ? DEFAULTS : this.forFolder(parent));
    this.byFolder.set(folder, result);
    return result;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch (e) {
    // A folder we may not look into has no settings for us; anything else is said.
    const code = errorCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM') return false;
    throw new CliError(msg(`${file}: ${describeError(e).en}.`, `${file}: ${describeError(e).nl}.`));
  }
}

/** The warning lines for a config file's ignored keys and values. */
function configWarnings(config: LoadedConfig): Message[] {
  return config.problems.map((p) => msg(`${config.file}: ${p.en} (ignored).`, `${config.file}: ${p.nl} (genegeerd).`));
}

/** Says on standard error what `config`'s file has wrong, once per file (`warned`: the files said so far). */
export function warnOnce(config: LoadedConfig, warned: Set<string | null>, io: Output, locale: Locale): void {
  if (!warned.has(config.file)) for (const w of configWarnings(config)) io.err(`kamervraag: ${printable(w[locale])}\n`);
  warned.add(config.file);
}
