/**
 * What `kamervraag check` and `kamervraag list` do with one source: read it, then check it (with the
 * settings of the `.kamervraag.json` above it) or make its overview row (its answer term on the clock's
 * day). Plain data in, plain data out, so that it runs the same in the main thread and in a worker
 * (pool.ts). Never throws: what goes wrong is a result that says so.
 */
import { check, parse, type KvDiagnostic, type Message } from '../core';
import { applySettings, type KamervraagSettings } from '../core/config';
import type { DutchDate } from '../core/model';
import { isKamervraagFile, isKamervraagFirstLine } from '../core/kamervraagFile';
import { overviewRow, type OverviewRow } from '../service/overview';
import { summarizeText } from '../service/summaries';
import { ConfigLookup, loadConfigFile } from './config';
import { CliError, msg } from './errors';
import { isLeftOut, isProblem, read, type Problem, type Source } from './inputs';

export type TaskKind = 'check' | 'list';

export interface TaskOptions {
  readonly kind: TaskKind;
  /** `--config FILE`, or null to look for the `.kamervraag.json` above each file. */
  readonly config: string | null;
  /** Today's date (`list`): the days left are counted from it. */
  readonly today: DutchDate;
}

export type TaskResult =
  | { readonly kind: 'problem'; readonly problem: Problem }
  /** A folder's `.txt` that is no Kamervraag (inputs.ts `LeftOut`): not a document, not said. */
  | { readonly kind: 'left out'; readonly name: string }
  | { readonly kind: 'checked'; readonly name: string; readonly diagnostics: KvDiagnostic[] }
  | { readonly kind: 'listed'; readonly name: string; readonly row: OverviewRow }
  /** `list` of a file that is no Kamervraag: why, for a person. */
  | { readonly kind: 'skipped'; readonly name: string; readonly reason: Message };

/** The first line of a text, shortened for a message. */
function firstLine(text: string): string {
  const line = /^[^\r\n]*/.exec(text.replace(/^\uFEFF/, ''))![0].trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** Whether `list` takes a text named `name` as a Kamervraag: by its extension, or its first line. */
function isKamervraag(name: string, text: string): boolean {
  return isKamervraagFirstLine(text.replace(/^\uFEFF/, '')) || (name !== '<stdin>' && isKamervraagFile(name) && !/\.txt$/i.test(name));
}

/**
 * The function that does `options.kind` to a source; its config lookup is kept between calls. A
 * `.kamervraag.json` that cannot be read throws its CliError (the run stops with it, as `check` does).
 */
export function taskRunner(options: TaskOptions): (source: Source) => TaskResult {
  let configs: ConfigLookup | null = null;
  const settingsOf = (source: Source): KamervraagSettings => {
    configs ??= new ConfigLookup(options.config === null ? null : loadConfigFile(options.config));
    return configs.forFile('stdin' in source && source.stdin ? null : source.name).settings;
  };
  return (source) => {
    const input = read(source);
    if (isProblem(input)) return { kind: 'problem', problem: input };
    if (isLeftOut(input)) return { kind: 'left out', name: input.name };
    try {
      const settings = settingsOf(source);
      if (options.kind === 'check') {
        const diagnostics = check(parse(input.text), undefined, { today: options.today, answerTermDays: settings.answerTermDays, mededelingFix: false });
        return { kind: 'checked', name: input.name, diagnostics: applySettings(diagnostics, settings) };
      }
      if (!isKamervraag(input.name, input.text)) {
        const line = firstLine(input.text);
        return {
          kind: 'skipped',
          name: input.name,
          reason: line ? msg(`not a Kamervraag: the first line is "${line}"`, `geen Kamervraag: de eerste regel is "${line}"`) : msg('not a Kamervraag: the file is empty', 'geen Kamervraag: het bestand is leeg'),
        };
      }
      return { kind: 'listed', name: input.name, row: overviewRow(summarizeText(input.name, input.text), options.today, settings.answerTermDays) };
    } catch (e) {
      if (e instanceof CliError) throw e;
      const why = String((e as Error)?.message ?? e);
      return { kind: 'problem', problem: { name: input.name, problem: msg(`internal error: ${why}`, `interne fout: ${why}`) } };
    }
  };
}
