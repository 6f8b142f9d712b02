/**
 * What `kamervraag check` and `kamervraag list` do with one source: read it, then check it (with the
 * settings of the `.kamervraag.json` above it) or make its overview row (its answer term on the clock's
 * day). Plain data in, plain data out, so that it runs the same in the main thread and in a worker
 * (pool.ts). Never throws: what goes wrong is a result that says so.
 */
import { check, parse, type KvDiagnostic, type Message } from '../core';
import { analyze } from '../core/analysis';
import { applySettings, ignoredCodes, type KamervraagSettings } from '../core/config';
import { fixAll } from '../core/fixAll';
import type { DutchDate, KamervraagDocument } from '../core/model';
import { extensionKind, isKamervraagFirstLine } from '../core/kamervraagFile';
import { overviewRow, type OverviewRow } from '../service/overview';
import { summarizeText } from '../service/summaries';
import { ConfigLookup, loadConfigFile } from './config';
import { CliError, msg } from './errors';
import type { Taken } from './readAhead';
import { fromPlainUtf8, isLeftOut, isProblem, isStdin, read, type Input, type Problem, type Source } from './inputs';
import { bytesOf, NOT_ENCODABLE, stamp, writeOver } from './writeBack';

export type TaskKind = 'check' | 'list';

export interface TaskOptions {
  readonly kind: TaskKind;
  /** `--config FILE`, or null to look for the `.kamervraag.json` above each file. */
  readonly config: string | null;
  /** Today's date (`list`): the days left are counted from it. */
  readonly today: DutchDate;
  /** `check --fix`: every fix that needs no input applied (fix-all) and written back before the check. */
  readonly fix?: boolean;
}

export type TaskResult =
  | { readonly kind: 'problem'; readonly problem: Problem }
  /** A folder's `.txt` that is no Kamervraag (inputs.ts `LeftOut`): not a document, not said. */
  | { readonly kind: 'left out'; readonly name: string }
  /** `fixed`: the edits written (`--fix`); `notFixed`: why the fixes were not written (the file is checked as it is). */
  | { readonly kind: 'checked'; readonly name: string; readonly diagnostics: KvDiagnostic[]; readonly fixed?: number; readonly notFixed?: Message }
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
  return isKamervraagFirstLine(text.replace(/^\uFEFF/, '')) || (name !== '<stdin>' && extensionKind(name) === 'kamervraag');
}

/**
 * The function that does `options.kind` to a source; its config lookup is kept between calls. A
 * `.kamervraag.json` that cannot be read throws its CliError (the run stops with it, as `check` does).
 */
export function taskRunner(options: TaskOptions): (source: Source, taken?: Taken | null) => TaskResult {
  let configs: ConfigLookup | null = null;
  const settingsOf = (source: Source): KamervraagSettings => {
    configs ??= new ConfigLookup(options.config === null ? null : loadConfigFile(options.config));
    return configs.forFile(isStdin(source) ? null : source.name).settings;
  };
  // `taken`: the file's bytes as `plainUtf8` decodes them, read already (readAhead.ts), with the parser's
  // scans of the text when the reader made them; else it is read here.
  return (source, taken) => {
    // With --fix, the file's stamp before it is read: a change after that is not written over.
    const fixing = options.fix === true && !isProblem(source) && !isStdin(source);
    const before = fixing ? stamp(source.name) : null;
    const input = taken != null && !isProblem(source) ? fromPlainUtf8(source, taken.text) : read(source);
    if (isProblem(input)) return { kind: 'problem', problem: input };
    if (isLeftOut(input)) return { kind: 'left out', name: input.name };
    try {
      const settings = settingsOf(source);
      if (options.kind === 'check') {
        // (The scans are of the decoded text: `fromPlainUtf8` gives that text itself, but for a byte order mark.)
        const scans = taken?.scans != null && input.text === taken.text ? taken.scans : null;
        const fixed = fixing ? fixFile(input, settings, before) : { doc: parse(input.text, scans) };
        const diagnostics = check(fixed.doc, undefined, { today: options.today, answerTermDays: settings.answerTermDays, mededelingFix: false });
        // In the order of the text, as a compiler or a linter prints them (the checks find them by area).
        const shown = applySettings(diagnostics, settings).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        return { kind: 'checked', name: input.name, diagnostics: shown, fixed: fixed.fixed, notFixed: fixed.notFixed };
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

/**
 * `check --fix` of one file: every fix that needs no input (fix-all, as the editor's "Fix all" and
 * `source.fixAll.kamervraag` on save; the checks set to `ignore` left out), written back into the file
 * (writeBack.ts). The document to check: the fixed text's once written, else the file's own (parsed once).
 */
function fixFile(input: Input, settings: KamervraagSettings, before: ReturnType<typeof stamp>): { doc: KamervraagDocument; fixed?: number; notFixed?: Message } {
  const analysis = analyze(input.text);
  if (!settings.validate.enable) return { doc: analysis.document };
  const result = fixAll(analysis, ignoredCodes(settings));
  if (result.edits.length === 0) return { doc: analysis.document, fixed: 0 };
  const bytes = bytesOf(result.text, input.encoding);
  const why = bytes ? writeOver(input.name, bytes, before) : NOT_ENCODABLE;
  return why ? { doc: analysis.document, notFixed: why } : { doc: parse(result.text), fixed: result.edits.length };
}
