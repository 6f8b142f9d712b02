/**
 * The documents the `kamervraag` command reads: its arguments (files, folders, glob patterns and `-`
 * for standard input) expanded to sources, and each source read and decoded. A file that cannot be
 * read or decoded is a `Problem` that names it and says why; it does not stop the others.
 */
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Message } from '../core';
import { extensionKind, isKamervraagFirstLine } from '../core/kamervraagFile';
import { CliError, describeError, errorCode, msg } from './errors';
import { plainUtf8, readFile } from './fileBytes';

/** How a file's text is written: UTF-8 (with or without a byte order mark), or UTF-16 with its mark. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/**
 * A document read: its name as shown in messages and output (the path as given, or `<stdin>`), its text
 * (without a byte order mark), and how it was written (so that `kamervraag format` writes it back so).
 */
export interface Input {
  readonly name: string;
  readonly text: string;
  readonly encoding: TextEncoding;
}

/** The encoding `read` decodes `bytes` as: UTF-16 after its byte order mark, else UTF-8. */
function encodingOf(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8-bom' : 'utf-8';
}

/** `text` as the bytes of a file in `encoding` (with the byte order mark it calls for). */
export function encode(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}

/** A file or folder that could not be read, and why. */
export interface Problem {
  readonly name: string;
  readonly problem: Message;
}

/**
 * What to read: standard input, a file, or a problem already found while looking. A file with `ifHeader`
 * is a `.txt` of a folder that counts only when its first line is a Kamervraag header; whoever reads it
 * (`read`) looks, so that a folder of many such files is not opened twice.
 */
export type Source =
  | { readonly stdin: true; readonly name: '<stdin>' }
  | { readonly stdin?: false; readonly name: string; readonly ifHeader?: true }
  | Problem;

/** A source that `read` left out: a folder's `.txt` whose first line is no Kamervraag header. */
export interface LeftOut {
  readonly name: string;
  readonly leftOut: true;
}

export const STDIN = '<stdin>';

export function isProblem(x: Source | Input | LeftOut): x is Problem {
  return 'problem' in x;
}

/** Whether a source is standard input (`-`). */
export function isStdin(source: Source): source is Extract<Source, { stdin: true }> {
  return 'stdin' in source && source.stdin === true;
}

export function isLeftOut(x: Input | Problem | LeftOut): x is LeftOut {
  return 'leftOut' in x;
}

/** Folders a search does not enter, besides hidden ones. */
const SKIPPED_FOLDERS = new Set(['node_modules']);
const GLOB_CHARACTERS = /[*?[\]{}]/;

const NOT_UTF8 = msg('not UTF-8 text; save the file as UTF-8 and try again', 'geen UTF-8-tekst; sla het bestand op als UTF-8 en probeer het opnieuw');
const NOT_UTF16 = msg('not valid UTF-16 text, although it starts with a UTF-16 byte order mark', 'geen geldige UTF-16-tekst, hoewel het begint met een UTF-16-bytevolgordemarkering');
const NUL = msg('contains NUL characters: not a text file, or UTF-16 without a byte order mark', 'bevat NUL-tekens: geen tekstbestand, of UTF-16 zonder bytevolgordemarkering');
const NOT_REGULAR = msg('not a regular file', 'geen gewoon bestand');

/**
 * Decodes a document's bytes: UTF-16 (little- or big-endian) when they start with its byte order mark,
 * as Word saves "Unicode text", otherwise UTF-8 (a UTF-8 byte order mark is dropped). With `partial`,
 * the bytes are the start of a file and may end inside a character.
 */
export function decode(bytes: Uint8Array, partial = false): string | Message {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  let text: string;
  if (encoding === 'utf-8' && !partial) {
    // The common case, without a TextDecoder: validated and decoded by Node's own UTF-8 code (the same
    // strictness), the byte order mark dropped as TextDecoder drops it.
    const plain = plainUtf8(bytes);
    if (plain === null) return isUtf8(bytes) ? NUL : NOT_UTF8;
    return plain.charCodeAt(0) === 0xfeff ? plain.slice(1) : plain;
  }
  try {
    text = new TextDecoder(encoding, { fatal: !partial }).decode(bytes, { stream: partial });
  } catch {
    return encoding === 'utf-8' ? NOT_UTF8 : NOT_UTF16;
  }
  return text.includes('\0') ? NUL : text;
}

/**
 * Reads and decodes a source; a source `ifHeader` that does not start as a Kamervraag is left out (as
 * the folder search would have left it out: its first line is no header, or cannot be decoded). Never
 * throws.
 */
export function read(source: Source): Input | Problem | LeftOut {
  if (isProblem(source)) return source;
  let bytes: Uint8Array;
  try {
    bytes = source.stdin ? fs.readFileSync(0) : readFile(source.name);
  } catch (e) {
    return { name: source.name, problem: source.stdin ? withReason(msg('cannot read standard input', 'kan standaardinvoer niet lezen'), e) : describeError(e) };
  }
  // The common case: UTF-8 without a NUL (two scans of the bytes, each far quicker than one of the text),
  // decoded by Node. Anything else (UTF-16, bytes that are no UTF-8, a NUL) is looked at by `decode`.
  const utf8 = plainUtf8(bytes);
  if (utf8 !== null) return fromPlainUtf8(source, utf8);
  const text = decode(bytes);
  if (!source.stdin && source.ifHeader && !startsWithHeader(typeof text === 'string' ? text : decode(bytes.subarray(0, 128), true))) {
    return { name: source.name, leftOut: true };
  }
  return typeof text === 'string' ? { name: source.name, text, encoding: encodingOf(bytes) } : { name: source.name, problem: text };
}

/** What `read` gives for a source whose bytes `plainUtf8` decoded to `decoded`. */
export function fromPlainUtf8(source: Exclude<Source, Problem>, decoded: string): Input | LeftOut {
  const bom = decoded.charCodeAt(0) === 0xfeff;
  const text = bom ? decoded.slice(1) : decoded;
  if (!source.stdin && source.ifHeader && !isKamervraagFirstLine(text)) return { name: source.name, leftOut: true };
  return { name: source.name, text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
}

/** Whether a decoded start of a file (or why it could not be decoded) is a Kamervraag header. */
function startsWithHeader(start: string | Message): boolean {
  return typeof start === 'string' && isKamervraagFirstLine(start);
}

function withReason(what: Message, e: unknown): Message {
  const why = describeError(e);
  return msg(`${what.en}: ${why.en}`, `${what.nl}: ${why.nl}`);
}

/** Why `name` cannot be looked at: a broken symbolic link is said so, not "no such file". */
function lookProblem(name: string, e: unknown): Problem {
  if (errorCode(e) === 'ENOENT') {
    try {
      const target = fs.readlinkSync(name);
      return { name, problem: msg(`broken symbolic link (to ${target})`, `verbroken symbolische koppeling (naar ${target})`) };
    } catch {
      // Not a link: no such file.
    }
  }
  return { name, problem: describeError(e) };
}

/** Whether a `.txt` file starts with a Kamervraag header line; a problem when it cannot be opened. */
function startsAsKamervraag(file: string): boolean | Problem {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    return lookProblem(file, e);
  }
  try {
    const buffer = Buffer.alloc(128);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return startsWithHeader(decode(buffer.subarray(0, n), true));
  } catch (e) {
    return { name: file, problem: describeError(e) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The Kamervragen of a folder and its subfolders (hidden folders and node_modules left out): `*.kvr`,
 * `*.kamervraag`, and `*.txt` files whose first line is a Kamervraag header, following symbolic links
 * (each folder once); and the folders and files of those kinds that cannot be read.
 *
 * A `.txt` is opened here only until the search has found one Kamervraag: that is enough to know the
 * folder is not without them. The `.txt` files after it are sources `ifHeader`, looked at when they are
 * read anyway (`read`), not opened once here and again there.
 */
function searchFolder(dir: string, found: Source[], seen: Set<string>, search: { anyFound: boolean }): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    found.push({ name: dir, problem: withReason(msg('cannot read this directory', 'kan deze map niet lezen'), e) });
    return;
  }
  // In name order: which `.txt` files are opened here (see above) does not depend on the file system's
  // order. (The names sorted by the built-in order, which is `<`'s, without a comparison function to call.)
  const byName = new Map<string, fs.Dirent>();
  for (const entry of entries) if (!entry.name.startsWith('.')) byName.set(entry.name, entry);
  const names = [...byName.keys()].sort();
  // `path.join(dir, name)` for every name (a single segment, never `.` or `..`), normalized once.
  const prefix = path.join(dir, 'x').slice(0, -1);
  for (const name of names) {
    const entry = byName.get(name)!;
    const file = prefix + name;
    // The extension of the name is the path's (the search's one look at it per entry).
    const kind = extensionKind(name);
    let isFolder = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const stat = fs.statSync(file);
        isFolder = stat.isDirectory();
        isFile = stat.isFile();
      } catch (e) {
        // A loop may have been meant as a folder; a broken link only matters when it names a document.
        if (errorCode(e) === 'ELOOP' || kind !== null) found.push(lookProblem(file, e));
        continue;
      }
    }
    if (isFolder) {
      if (SKIPPED_FOLDERS.has(name)) continue;
      let real: string;
      try {
        real = fs.realpathSync(file);
      } catch (e) {
        found.push(lookProblem(file, e));
        continue;
      }
      if (seen.has(real)) continue;
      seen.add(real);
      searchFolder(file, found, seen, search);
      continue;
    }
    if (kind === null) continue;
    if (!isFile) {
      found.push({ name: file, problem: NOT_REGULAR });
      continue;
    }
    // The extensions a folder is searched for (core/kamervraagFile.ts); a `.txt` only when its first line is a header.
    if (kind === 'if-header') {
      if (search.anyFound) {
        found.push({ name: file, ifHeader: true });
        continue;
      }
      const isKamervraag = startsAsKamervraag(file);
      if (isKamervraag === false) continue;
      if (isKamervraag !== true) {
        found.push(isKamervraag);
        continue;
      }
    }
    found.push({ name: file });
    search.anyFound = true;
  }
}

/** The files a glob pattern matches, and the folders on its way that could not be read. */
async function searchPattern(pattern: string): Promise<Source[]> {
  const unreadable: Problem[] = [];
  const readdir = ((p: string, options: unknown, callback: (e: NodeJS.ErrnoException | null, entries: fs.Dirent[]) => void) =>
    fs.readdir(p, options as { withFileTypes: true }, (e, entries) => {
      if (e) {
        const shown = path.relative(process.cwd(), p.replace(/[\\/]+$/, '')) || '.';
        unreadable.push({ name: path.isAbsolute(pattern) ? p.replace(/[\\/]+$/, '') : shown, problem: withReason(msg('cannot read this directory', 'kan deze map niet lezen'), e) });
      }
      callback(e, entries);
    })) as unknown as typeof fs.readdir;
  // Loaded when a pattern is given: tinyglobby and picomatch are a third of the tool, and most runs name folders.
  const { glob } = await import('tinyglobby');
  const files = await glob([pattern], { onlyFiles: true, absolute: path.isAbsolute(pattern), fs: { readdir } });
  const found: Source[] = [...unreadable, ...files.map((name) => ({ name }))];
  if (found.length === 0) return [{ name: pattern, problem: msg('no file matches this pattern', 'geen bestand past bij dit patroon') }];
  return found;
}

/** The sources one argument names; `many` when it is a folder or pattern (which may name any number of documents). */
async function expandArgument(arg: string): Promise<{ sources: Source[]; many: boolean }> {
  if (arg === '-') return { sources: [{ stdin: true, name: STDIN }], many: false };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(arg);
  } catch (e) {
    if (errorCode(e) === 'ENOENT' && GLOB_CHARACTERS.test(arg)) return { sources: await searchPattern(arg), many: true };
    return { sources: [lookProblem(arg, e)], many: false };
  }
  if (!stat.isDirectory()) return { sources: [{ name: arg }], many: false };
  const found: Source[] = [];
  searchFolder(arg, found, new Set([fs.realpathSync(arg)]), { anyFound: false });
  if (found.length === 0) {
    found.push({ name: arg, problem: msg('directory without Kamervraag documents (*.kvr, *.kamervraag, or *.txt starting with "Kamervraag")', 'map zonder Kamervraag-documenten (*.kvr, *.kamervraag, of *.txt die begint met "Kamervraag")') });
  }
  return { sources: found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), many: true };
}

/**
 * Expands the arguments to what to read, in order (a folder's or pattern's files sorted by path).
 * `single` when there is one argument naming one file or standard input. Standard input may be named
 * once (a second `-` would read nothing): more is a usage error.
 */
export async function expand(args: readonly string[]): Promise<{ sources: Source[]; single: boolean }> {
  if (args.filter((a) => a === '-').length > 1) throw new CliError(msg('- (standard input) can be given only once.', '- (standaardinvoer) kan maar één keer worden opgegeven.'));
  const sources: Source[] = [];
  let many = args.length !== 1;
  for (const arg of args) {
    const expanded = await expandArgument(arg);
    sources.push(...expanded.sources);
    many ||= expanded.many;
  }
  return { sources, single: !many };
}
