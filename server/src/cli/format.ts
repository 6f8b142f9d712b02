/**
 * `kamervraag format [--check] [--] PATH|GLOB|- …`: brings Kamervragen into the layout of the format, as
 * Format Document does in the editor: the same edits, checked the same way before anything is written
 * (core/formatCheck.ts `checkedFormat`: the formatted text must read as the same questions, answers and
 * references), every word kept.
 *
 * A file that is not in the format is written anew and named on standard output: in its own encoding
 * (UTF-8, with its byte order mark if it had one, or UTF-16) and line ends, through a temporary file in
 * its folder renamed over it (never half written), and only when it has not changed since it was read.
 * `--check` writes nothing: it names the files that are not in the format (exit code 1 when there is
 * one), for a CI. `-` formats standard input to standard output; what cannot be formatted is written
 * out unchanged, so that `kamervraag format - < a > b` never leaves `b` without the text.
 */
import type { Locale, Message } from '../core';
import { notAKamervraag } from '../core/checks/document';
import { checkedFormat } from '../core/formatCheck';
import { parse } from '../core/parse';
import { tuneCompilerForShortRun } from './compilerFlags';
import { CliError, msg } from './errors';
import { expand, isLeftOut, isProblem, isStdin, read, type Input } from './inputs';
import { readOptions } from './options';
import { bytesOf, NOT_ENCODABLE, stamp, writeOver } from './writeBack';
import { fileLine, printable, type Output } from './output';

/** What became of one document. */
type Outcome =
  | { readonly kind: 'formatted'; readonly bytes: Buffer }
  | { readonly kind: 'already' }
  | { readonly kind: 'left'; readonly why: Message };

/** The formatted text of `input` and its bytes in the input's encoding, or why it stays as it is. */
function formatInput(input: Input): Outcome {
  const doc = parse(input.text);
  if (notAKamervraag(doc)) {
    return { kind: 'left', why: msg('not a Kamervraag; left as it is', 'geen Kamervraag; ongewijzigd gelaten') };
  }
  const result = checkedFormat(doc);
  if ('wrong' in result) {
    return { kind: 'left', why: msg(`not formatted: formatting would change the questions (${result.wrong.en}); left as it is`, `niet opgemaakt: de opmaak zou de vragen veranderen (${result.wrong.nl}); ongewijzigd gelaten`) };
  }
  if (result.edits.length === 0) return { kind: 'already' };
  const text = result.formatted.toString();
  const bytes = bytesOf(text, input.encoding);
  if (!bytes) return { kind: 'left', why: msg(`not formatted: ${NOT_ENCODABLE.en}; left as it is`, `niet opgemaakt: ${NOT_ENCODABLE.nl}; ongewijzigd gelaten`) };
  return { kind: 'formatted', bytes };
}

function summary(check: boolean, changed: number, already: number, left: number, locale: Locale): string {
  const doc = (n: number) => (locale === 'nl' ? `${n} ${n === 1 ? 'document' : 'documenten'}` : `${n} document${n === 1 ? '' : 's'}`);
  const failed = left === 0 ? '' : locale === 'nl'
    ? `; ${left} ${left === 1 ? 'bestand kon' : 'bestanden konden'} niet worden opgemaakt`
    : `; ${left} file${left === 1 ? '' : 's'} could not be formatted`;
  if (check) {
    return locale === 'nl'
      ? `${doc(changed)} niet in het formaat, ${already} wel${failed}.\n`
      : `${doc(changed)} not in the format, ${already} in the format${failed}.\n`;
  }
  return locale === 'nl'
    ? `${doc(changed)} opgemaakt, ${already} al in het formaat${failed}.\n`
    : `${doc(changed)} formatted, ${already} already in the format${failed}.\n`;
}

/**
 * Formats (or with `--check`, looks at) every document the arguments name. Exit code 2 when one could
 * not be read or formatted, else 1 when `--check` found one not in the format, else 0.
 */
export async function runFormat(args: readonly string[], io: Output, locale: Locale): Promise<number> {
  const { values, paths } = readOptions('format', args);
  const o = { check: values.check === true };
  // Standard input is formatted to standard output: no room there for the names of files beside it.
  if (!o.check && paths.includes('-') && paths.length > 1) {
    throw new CliError(msg('- (standard input) is formatted to standard output: give it alone, or use --check.', '- (standaardinvoer) wordt opgemaakt naar standaarduitvoer: geef het alleen, of gebruik --check.'));
  }
  const { sources } = await expand(paths);
  tuneCompilerForShortRun();
  let changed = 0;
  let already = 0;
  let left = 0;
  const problem = (name: string, why: Message) => {
    left++;
    io.err(fileLine(name, why[locale]));
  };
  const toStdout = !o.check && sources.length === 1 && isStdin(sources[0]!);
  for (const source of sources) {
    // The file's stamp before it is read, when it may be written: a change after that is not written over.
    const before = o.check || isProblem(source) || isStdin(source) ? null : stamp(source.name);
    const input = read(source);
    if (isLeftOut(input)) continue;
    if (isProblem(input)) {
      problem(input.name, input.problem);
      continue;
    }
    const outcome = formatInput(input);
    if (outcome.kind === 'left') problem(input.name, outcome.why);
    else if (outcome.kind === 'already') already++;
    if (toStdout) {
      // The text as it is when it is not formatted: a pipe to a file must not leave the file empty. In the
      // encoding it was read in, with its byte order mark (UTF-16 stays UTF-16), as `format FILE` writes it.
      io.outBytes(outcome.kind === 'formatted' ? outcome.bytes : bytesOf(input.text, input.encoding) ?? Buffer.from(input.text, 'utf8'));
      if (outcome.kind === 'formatted') changed++;
      continue;
    }
    if (outcome.kind !== 'formatted') continue;
    if (!o.check) {
      const why = writeOver(input.name, outcome.bytes, before);
      if (why) {
        problem(input.name, msg(`not formatted: ${why.en}; left as it is`, `niet opgemaakt: ${why.nl}; ongewijzigd gelaten`));
        continue;
      }
    }
    changed++;
    io.out(`${printable(input.name)}\n`);
    // A reader that went away (`| head -1`) had what it wanted: end quietly.
    if (!(await io.drain())) return left > 0 ? 2 : o.check ? 1 : 0;
  }
  if (!toStdout) io.err(summary(o.check, changed, already, left, locale));
  return left > 0 ? 2 : o.check && changed > 0 ? 1 : 0;
}
