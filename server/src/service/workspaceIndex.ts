/**
 * The workspace index: a compact summary (zaaknummer, title, question headings) of every Kamervraag in the
 * workspace folders, for `workspace/symbol`; a file is a Kamervraag as everywhere else (`core/kamervraagFile.ts`).
 * Indexing runs in small synchronous batches between which the server keeps
 * answering requests; open documents replace their file's entry with their live text. Entries are kept by
 * `uriKey`, so a file is one entry however the client spells its URI (`uris.ts`); a file read from disk
 * is listed under the URI VS Code gives it, an open document under the URI the client opened it with.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { KamervraagDocument, Range } from '../core/model';
import { readHeading } from '../core/headings';
import { readFooterKey, readHeaderLine, readMetadataKey } from '../core/parse';
import { hasKamervraagExtension, isKamervraagFile } from '../core/kamervraagFile';
import { isBlank, skipSpaces, splitLines, trimEnd } from '../core/lines';
import { fileUri, uriKey, uriPath } from './uris';

/** One symbol of the index: a document or a question heading (a one-line range, stored flat). */
export interface IndexedSymbol {
  readonly name: string;
  /** 1 = document, 2 = question. */
  readonly level: 1 | 2;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** Which letters and digits the name holds (see `charMask`): a cheap first test before the fuzzy match. */
  readonly mask: number;
}

/** A bit per letter a–z and per pair of digits, case-insensitive; other characters are not counted. */
export function charMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) mask |= 1 << (26 + ((c - 48) >> 1));
  }
  return mask;
}

export function rangeOf(s: IndexedSymbol): Range {
  return { start: { line: s.line, character: s.start }, end: { line: s.line, character: s.end } };
}

/**
 * A copy of `s` that does not share memory with the text it was cut from. V8 keeps a substring as a
 * slice of its parent string, which would keep every indexed file's whole text alive.
 */
function detach(s: string): string {
  return (' ' + s).slice(1);
}

function symbolOf(name: string, level: 1 | 2, range: Range): IndexedSymbol {
  const end = range.end.line === range.start.line ? range.end.character : range.start.character;
  return { name: detach(name), level, line: range.start.line, start: range.start.character, end, mask: charMask(name) };
}

export interface IndexedDocument {
  readonly uri: string;
  readonly zaaknummer: string | null;
  readonly title: string | null;
  readonly symbols: readonly IndexedSymbol[];
}

/** Folders never searched. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test']);
/** At most this many candidate files are read from the workspace folders. */
const MAX_FILES = 200_000;
/** Files bigger than this are not indexed (a workspace of logs must not fill the memory). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Characters of a title, or of a question, kept in a symbol name. */
const TITLE_CHARS = 160;
const QUESTION_CHARS = 80;

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : t.slice(0, max - 1).trimEnd() + '…';
}

/** The index entry of one parsed document. */
export function summarize(uri: string, doc: KamervraagDocument): IndexedDocument {
  const zaaknummer = doc.header?.zaaknummer ? detach(doc.header.zaaknummer.text) : null;
  const title = doc.title?.text.trim() ? detach(doc.title.text.trim()) : null;
  const label = zaaknummer ? `Kamervraag ${zaaknummer}` : 'Kamervraag';
  const symbols: IndexedSymbol[] = [];
  const docName = title ? `${label}: ${clip(title, TITLE_CHARS)}` : label;
  const docRange = doc.header?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  symbols.push(symbolOf(docName, 1, docRange));
  for (const q of doc.questions) {
    // The first line of the question (as `summarizeText` reads it).
    const text = q.question[0]?.text ?? '';
    const heading = q.number !== null ? `Vraag ${q.number}` : q.heading.text;
    const name = text ? `${heading}: ${clip(text, QUESTION_CHARS)}` : heading;
    symbols.push(symbolOf(name, 2, q.heading.range));
  }
  return { uri, zaaknummer, title, symbols };
}

/**
 * The index entry of a file read from disk, without building the full model: the header, the title and
 * the question headings (with the parser's own heading reader) and the first line of each question.
 * Far fewer objects than `parse`, which matters for a workspace of thousands of files. A unit test keeps
 * it equal to `summarize(uri, parse(text))`.
 */
export function summarizeText(uri: string, text: string): IndexedDocument {
  const lines = splitLines(text);
  const header = readHeaderLine(lines[0]!);
  const zaaknummer = header && header.zaaknummerStart < header.end ? detach(lines[0]!.slice(header.zaaknummerStart, header.end)) : null;
  const label = zaaknummer ? `Kamervraag ${zaaknummer}` : 'Kamervraag';
  let i = header ? 1 : 0;
  let title: string | null = null;
  while (i < lines.length && isBlank(lines[i]!)) i++;
  if (i < lines.length && !readMetadataKey(lines[i]!) && !readHeading(lines[i]!) && !readFooterKey(lines[i]!)) {
    const s = lines[i]!;
    // Trimmed as `summarize` trims the parsed title (JavaScript's trim also removes U+2028/U+2029).
    const t = s.slice(skipSpaces(s), Math.max(skipSpaces(s), trimEnd(s))).trim();
    title = t ? detach(t) : null;
    i++;
  }
  const symbols: IndexedSymbol[] = [];
  const docName = title ? `${label}: ${clip(title, TITLE_CHARS)}` : label;
  symbols.push({ name: detach(docName), level: 1, line: 0, start: header ? header.start : 0, end: header ? header.end : 0, mask: charMask(docName) });
  for (; i < lines.length; i++) {
    const s = lines[i]!;
    if (readFooterKey(s)) break;
    const h = readHeading(s);
    if (!h || h.kind !== 'vraag') continue;
    const heading = h.number !== null ? `Vraag ${h.number}` : s.slice(h.wordStart, h.end);
    // The question: as the parser reads it, the first non-blank line of the block (blank lines skipped),
    // unless the block ends first (another heading or the footer).
    let j = i + 1;
    while (j < lines.length && isBlank(lines[j]!)) j++;
    const q = lines[j];
    const isQuestion = q !== undefined && !readHeading(q) && !readFooterKey(q);
    const name = isQuestion ? `${heading}: ${clip(q.slice(skipSpaces(q), trimEnd(q)), QUESTION_CHARS)}` : heading;
    symbols.push({ name: detach(name), level: 2, line: i, start: h.wordStart, end: h.end, mask: charMask(name) });
  }
  return { uri, zaaknummer, title, symbols };
}

/**
 * VS Code-style fuzzy match: the query's characters (spaces ignored, lower case) appear in order in
 * the name, case-insensitively. Returns a score (lower is better) or -1.
 */
export function fuzzyScore(query: string, key: string): number {
  let qi = 0;
  let gaps = 0;
  let last = -1;
  for (let i = 0; i < key.length && qi < query.length; i++) {
    let c = key.charCodeAt(i);
    // Lower case without allocating: ASCII by arithmetic, the rest (É, Ö …) through toLowerCase.
    if (c >= 65 && c <= 90) c += 32;
    else if (c > 127) c = key[i]!.toLowerCase().charCodeAt(0);
    if (c === query.charCodeAt(qi)) {
      if (last >= 0) gaps += i - last - 1;
      else gaps += i;
      last = i;
      qi++;
    }
  }
  return qi === query.length ? gaps : -1;
}

export interface IndexStats {
  readonly documents: number;
  readonly pendingFiles: number;
  readonly ready: boolean;
}

export class WorkspaceIndex {
  /** The entries, by `uriKey` of their URI. */
  private readonly documents = new Map<string, IndexedDocument>();
  /** Keys of the documents held open by the editor: their entry comes from the live text, not from disk. */
  private readonly open = new Set<string>();
  /** The latest model of open documents (by key) whose entry has not been made yet: made when the index is
   * read, not on every keystroke (summarizing 10,000 questions takes longer than checking them). */
  private readonly unsummarized = new Map<string, { uri: string; doc: KamervraagDocument }>();
  private readonly folders = new Set<string>();
  /** Directories still to list (a stack) and files still to read (a queue from `head`). */
  private dirs: string[] = [];
  private files: string[] = [];
  private head = 0;
  private seenFiles = 0;
  private scheduled = false;
  private readyWaiters: Array<() => void> = [];
  /** How long one slice of indexing may hold the event loop before other messages get their turn. */
  sliceMs = 8;

  constructor(private readonly log: (message: string) => void = () => undefined) {}

  get stats(): IndexStats {
    this.summarizeOpen();
    return { documents: this.documents.size, pendingFiles: this.files.length - this.head, ready: !this.scheduled };
  }

  /** Resolves when every queued file has been read. */
  whenReady(): Promise<void> {
    if (this.stats.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  addFolder(uri: string): void {
    const dir = uriPath(uri);
    if (!dir || this.folders.has(dir)) return;
    this.folders.add(dir);
    this.dirs.push(dir);
    this.schedule();
  }

  removeFolder(uri: string): void {
    const dir = uriPath(uri);
    if (!dir || !this.folders.delete(dir)) return;
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const key of [...this.documents.keys()]) {
      const file = uriPath(key);
      if (file && file.startsWith(prefix) && !this.insideFolder(file) && !this.open.has(key)) this.documents.delete(key);
    }
    this.files = this.files.slice(this.head).filter((f) => this.insideFolder(f));
    this.head = 0;
    this.dirs = this.dirs.filter((d) => this.insideFolder(d) || this.folders.has(d));
  }

  /** A file was created or changed on disk. */
  fileChanged(uri: string): void {
    const file = uriPath(uri);
    if (!file || this.open.has(uriKey(uri)) || !hasKamervraagExtension(file) || !this.insideFolder(file)) return;
    this.enqueue([file]);
  }

  fileDeleted(uri: string): void {
    const key = uriKey(uri);
    if (!this.open.has(key)) this.documents.delete(key);
  }

  /** An open document's current model (its entry is made when the index is next read). */
  update(uri: string, doc: KamervraagDocument): void {
    const key = uriKey(uri);
    this.open.add(key);
    this.unsummarized.set(key, { uri, doc });
  }

  private summarizeOpen(): void {
    for (const [key, { uri, doc }] of this.unsummarized) this.documents.set(key, summarize(uri, doc));
    this.unsummarized.clear();
  }

  /** The editor closed a document: its entry comes from disk again (or goes, when it is not in a folder). */
  closed(uri: string): void {
    const key = uriKey(uri);
    this.open.delete(key);
    this.unsummarized.delete(key);
    this.documents.delete(key);
    const file = uriPath(uri);
    if (file && this.insideFolder(file)) this.enqueue([file]);
  }

  /** Symbols matching `query` (see `fuzzyScore`); an empty query lists every document, not its questions. */
  search(query: string, limit = Number.POSITIVE_INFINITY): Array<{ uri: string; symbol: IndexedSymbol; container: string | undefined }> {
    this.summarizeOpen();
    const q = query.replace(/\s+/g, '').toLowerCase();
    const qMask = charMask(q);
    const hits: Array<{ uri: string; symbol: IndexedSymbol; container: string | undefined; score: number }> = [];
    for (const doc of this.documents.values()) {
      const container = doc.symbols[0]!.name;
      for (const symbol of doc.symbols) {
        if (q === '') {
          if (symbol.level === 1) hits.push({ uri: doc.uri, symbol, container: undefined, score: 0 });
          continue;
        }
        if ((symbol.mask & qMask) !== qMask) continue;
        const score = fuzzyScore(q, symbol.name);
        if (score >= 0) hits.push({ uri: doc.uri, symbol, container: symbol.level === 1 ? undefined : container, score });
      }
    }
    if (q !== '') hits.sort((a, b) => a.score - b.score || a.symbol.level - b.symbol.level);
    return hits.length > limit ? hits.slice(0, limit) : hits;
  }

  private insideFolder(file: string): boolean {
    for (const dir of this.folders) {
      const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
      if (file.startsWith(prefix)) return true;
    }
    return false;
  }

  private enqueue(files: string[]): void {
    for (const f of files) this.files.push(f);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  /** Lists directories and reads files for one time slice, then lets other messages through. */
  private drain(): void {
    const until = performance.now() + this.sliceMs;
    let n = 0;
    while (this.head < this.files.length || this.dirs.length > 0) {
      if (this.head < this.files.length) {
        this.indexFile(this.files[this.head++]!);
      } else {
        this.list(this.dirs.pop()!);
      }
      if ((++n & 15) === 0 && performance.now() > until) break;
    }
    if (this.head >= this.files.length) {
      this.files = [];
      this.head = 0;
    }
    if (this.head < this.files.length || this.dirs.length > 0) {
      setImmediate(() => this.drain());
      return;
    }
    this.scheduled = false;
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) w();
  }

  /** Reads one directory: its folders go on the stack, its candidate files in the queue. */
  private list(dir: string): void {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) this.dirs.push(path.join(dir, e.name));
      } else if (e.isFile() && hasKamervraagExtension(e.name)) {
        if (++this.seenFiles === MAX_FILES + 1) this.log(`kamervraag: more than ${MAX_FILES} candidate files in the workspace; indexing only the first ${MAX_FILES}`);
        if (this.seenFiles <= MAX_FILES) this.files.push(path.join(dir, e.name));
      }
    }
  }

  private indexFile(file: string): void {
    const uri = fileUri(file);
    const key = uriKey(uri);
    if (this.open.has(key)) return;
    try {
      if (statSync(file).size > MAX_FILE_BYTES) return;
      const text = readFileSync(file, 'utf8');
      if (!isKamervraagFile(file, text)) {
        this.documents.delete(key);
        return;
      }
      this.documents.set(key, summarizeText(uri, text));
    } catch (err) {
      // Gone or unreadable: drop it.
      this.documents.delete(key);
      if ((err as NodeJS.ErrnoException)?.code !== 'ENOENT') this.log(`kamervraag: cannot index ${file}: ${String(err)}`);
    }
  }
}
