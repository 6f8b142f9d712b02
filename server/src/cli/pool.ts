/**
 * `check` and `list` over many files: the files are spread in small chunks over worker threads and the
 * main thread, which runs a chunk itself whenever it would otherwise wait; the results come back to the
 * caller in the order of the input, as soon as each one's turn has come (so output streams and a closed
 * pipe stops the run). Fewer files than make a second thread pay (`poolSize`: some 10,000 a thread),
 * standard input and sources that are already a problem stay in the main thread; a second thread then
 * reads the files ahead of it (readAhead.ts, `readsAhead`).
 * `KAMERVRAAG_WORKERS=N` sets the number of threads (1: the main thread alone).
 *
 * The worker is this same module (in the bundle, dist/cli.js): loaded in a worker thread with the
 * `kamervraagCliWorker` data, it serves chunks of file names with `tasks.ts`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { tuneCompilerForShortRun } from './compilerFlags';
import { CliError } from './errors';
import { isProblem, isStdin, type Source } from './inputs';
import { ReadAhead } from './readAhead';
import { taskRunner, type TaskOptions, type TaskResult } from './tasks';

/** Below this many files no worker is started, whatever `KAMERVRAAG_WORKERS` says. */
export const MIN_PARALLEL_FILES = 64;
/**
 * V8's flags are set when the reading thread has started, or after this many files without it (a thread
 * that does not start, or a machine so busy that it starts late: it then compiles Node's modules itself).
 */
const TUNE_AT_THE_LATEST = 1000;
/** At most this many results are read ahead of the one the caller is waiting for. */
const READ_AHEAD = 2048;

interface Chunk {
  readonly items: ReadonlyArray<readonly [number, FileSource]>;
}
interface ChunkDone {
  readonly results: ReadonlyArray<readonly [number, TaskResult]>;
  /** How long the worker took over the chunk (for the trace). */
  readonly ms: number;
}

/**
 * Files a thread must have to pay for itself. Each thread compiles the parser for itself while it runs
 * (V8's optimizing compiler working beside it on another core), about 0.3 s of processor time, as much
 * as some 5,000 documents take once it is compiled; one thread alone thus keeps more than one core busy.
 * On two cores, one thread against two, a worker and the main thread (`npm run bench -- --only cli`, and
 * its folder copied two and three times): 10,000 files 0.72 s against 0.77 s, 20,000 1.12 s against
 * 1.04 s, 30,000 1.58 s against 1.32 s.
 */
export const FILES_PER_THREAD = 10_000;

/**
 * The number of worker threads for `files` files, beside the main thread, which works too:
 * `KAMERVRAAG_WORKERS=N` when set (N threads in all: N - 1 workers, 1 none; at most one per 16 files, and
 * none below `MIN_PARALLEL_FILES`), else one thread per `FILES_PER_THREAD` files up to one per core.
 */
export function poolSize(files: number, cores: number = os.availableParallelism?.() ?? os.cpus().length): number {
  const set = Number.parseInt(process.env.KAMERVRAAG_WORKERS ?? '', 10);
  if (Number.isInteger(set) && set >= 1) return set < 2 || files < MIN_PARALLEL_FILES ? 0 : Math.min(set, Math.ceil(files / 16)) - 1;
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_THREAD))) - 1;
}

/**
 * Whether the files are read ahead in a second thread while the main thread alone checks them: for a
 * folder's worth of files (`MIN_PARALLEL_FILES`) on more than one core, unless `KAMERVRAAG_WORKERS=1`
 * asks for one thread. Not for `check --fix`, which takes each file's stamp before it reads it.
 */
export function readsAhead(files: number, options: TaskOptions, cores: number = os.availableParallelism?.() ?? os.cpus().length): boolean {
  return files >= MIN_PARALLEL_FILES && cores >= 2 && options.fix !== true && process.env.KAMERVRAAG_WORKERS?.trim() !== '1';
}

/**
 * Starts the reading thread (readAhead.ts) before the files of `paths` are searched for, where the run
 * will read ahead (`readsAhead`): many files named, or a folder of at least as many entries. The thread
 * then loads (some 35 ms) while this one searches; `runInOrder` hands it the files, or ends it. Not for
 * a few files or a small folder (`kamervraag check a.kvr`, `check docs/`, as an editor or a commit hook
 * runs it): a thread started and ended unused cost such a run some 4 ms.
 */
export function readAheadEarly(paths: readonly string[], options: TaskOptions): void {
  if (!readsAhead(MIN_PARALLEL_FILES, options)) return;
  if (paths.length >= MIN_PARALLEL_FILES || paths.some(holdsMany)) ReadAhead.startEarly();
}

/** Whether `path` is a folder of at least `MIN_PARALLEL_FILES` entries (read no further than that). */
export function holdsMany(path: string): boolean {
  let dir: fs.Dir | null = null;
  try {
    dir = fs.opendirSync(path);
    for (let n = 0; dir.readSync() !== null; ) if (++n >= MIN_PARALLEL_FILES) return true;
    return false;
  } catch {
    return false; // A file, a pattern, standard input, or nothing: the search says what it is.
  } finally {
    dir?.closeSync();
  }
}

type FileSource = Extract<Source, { stdin?: false }>;
const isFile = (s: Source): s is FileSource => !isProblem(s) && !isStdin(s);

/**
 * Runs `options.kind` on every source and hands each result to `consume`, in the order of `sources`;
 * stops early when `consume` says false (or a promise of false: it is waited for only when it is one).
 * Throws what `consume` throws (the workers are stopped first).
 */
export async function runInOrder(sources: readonly Source[], options: TaskOptions, consume: (result: TaskResult, source: Source) => boolean | Promise<boolean>): Promise<void> {
  const run = taskRunner(options);
  const files: number[] = [];
  sources.forEach((s, i) => isFile(s) && files.push(i));
  const size = poolSize(files.length);
  if (size > 0 || !readsAhead(files.length, options)) void ReadAhead.dismissEarly();
  if (size === 0) {
    // One thread parses and checks; a second reads the files ahead of it where that pays (readAhead.ts).
    const ahead = readsAhead(files.length, options) ? ReadAhead.start(files.map((i) => sources[i]!.name), { scan: options.kind === 'check' }) : null;
    if (ahead && process.env.KAMERVRAAG_POOL_TRACE === '1') process.stderr.write(`kamervraag: ${files.length} files read ahead in a second thread\n`);
    // V8's flags for a short run, once the reader's thread has started (compilerFlags.ts), or after
    // `TUNE_AT_THE_LATEST` files without it.
    let untuned = ahead === null ? 0 : TUNE_AT_THE_LATEST;
    if (untuned === 0) tuneCompilerForShortRun();
    try {
      for (const source of sources) {
        const taken = ahead && isFile(source) ? ahead.take() : null;
        if (untuned > 0 && (--untuned === 0 || ahead!.started)) {
          untuned = 0;
          tuneCompilerForShortRun();
        }
        const goOn = consume(run(source, taken), source);
        if (!(typeof goOn === 'boolean' ? goOn : await goOn)) return;
      }
    } finally {
      ahead?.stop();
    }
    return;
  }
  const ready = new Map<number, TaskResult>();
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  // The files in chunks: small enough that the threads finish together, big enough to send few messages.
  const chunkSize = Math.max(1, Math.min(64, Math.ceil(files.length / ((size + 1) * 16))));
  let nextFile = 0;
  let waitingFor = 0;
  /** Whether a chunk is left to hand out, within `READ_AHEAD` of the result the main thread waits for. */
  const chunkLeft = () => nextFile < files.length && files[nextFile]! <= waitingFor + READ_AHEAD;
  const take = (): Chunk['items'] => {
    const items = files.slice(nextFile, nextFile + chunkSize).map((i) => [i, sources[i] as FileSource] as const);
    nextFile += items.length;
    return items;
  };
  const idle: Worker[] = [];
  const give = (worker: Worker): void => {
    if (!chunkLeft()) idle.push(worker);
    else worker.postMessage({ items: take() } satisfies Chunk);
  };
  // For the tests and the benchmark: say that the work was spread, and (at the end) how busy the threads were.
  const trace = process.env.KAMERVRAAG_POOL_TRACE === '1';
  if (trace) process.stderr.write(`kamervraag: ${files.length} files over ${size + 1} threads (${size} worker${size === 1 ? '' : 's'} and the main thread)\n`);
  const started = performance.now();
  let busyMs = 0;
  // Before the workers, which compile the parser each for itself: they start some 30 ms later for it.
  tuneCompilerForShortRun();
  const workers: Worker[] = [];
  for (let k = 0; k < size; k++) {
    const worker = new Worker(__filename, { workerData: { kamervraagCliWorker: true, options } });
    worker.on('message', (done: ChunkDone) => {
      busyMs += done.ms;
      for (const [i, r] of done.results) ready.set(i, r);
      give(worker);
      signal();
    });
    worker.on('error', (e) => {
      failure ??= e;
      signal();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`a worker stopped with code ${code}`);
      signal();
    });
    workers.push(worker);
    // Two chunks in flight: a worker starts its next chunk while its last results wait for the main thread.
    give(worker);
    give(worker);
  }
  try {
    for (let i = 0; i < sources.length; i++) {
      waitingFor = i;
      while (idle.length > 0 && chunkLeft()) give(idle.pop()!);
      let result: TaskResult | undefined;
      if (!isFile(sources[i]!)) result = run(sources[i]!);
      else {
        while ((result = ready.get(i)) === undefined) {
          if (failure) throw failure;
          if (chunkLeft()) {
            // Rather than wait, the main thread runs the next chunk itself (it may hold result i), then
            // lets the workers' messages in, so that they get their next chunks.
            const t0 = performance.now();
            for (const [k, r] of runChunk(run, take())) ready.set(k, r);
            busyMs += performance.now() - t0;
            await new Promise<void>((resolve) => setImmediate(resolve));
            continue;
          }
          await new Promise<void>((resolve) => (wake = resolve));
        }
        ready.delete(i);
      }
      const goOn = consume(result, sources[i]!);
      if (!(typeof goOn === 'boolean' ? goOn : await goOn)) return;
    }
    if (trace) process.stderr.write(`kamervraag: threads busy ${Math.round(busyMs)} ms in ${Math.round(performance.now() - started)} ms\n`);
  } finally {
    for (const worker of workers) {
      worker.removeAllListeners('exit');
      void worker.terminate();
    }
  }
}

/**
 * Runs a chunk of files; a `.kamervraag.json` that cannot be read is a problem of the file it was read
 * for (the main thread meets it too, in order, where `check` stops with it).
 */
function runChunk(run: (source: Source) => TaskResult, items: Chunk['items']): Array<[number, TaskResult]> {
  return items.map(([i, source]): [number, TaskResult] => {
    try {
      return [i, run(source)];
    } catch (e) {
      const problem = e instanceof CliError ? e.text : { en: String(e), nl: String(e) };
      return [i, { kind: 'problem', problem: { name: source.name, problem } }];
    }
  });
}

/** In a worker: runs each chunk of files it is given and sends back their results. */
function serve(options: TaskOptions): void {
  const run = taskRunner(options);
  parentPort!.on('message', ({ items }: Chunk) => {
    const t0 = performance.now();
    const results = runChunk(run, items);
    parentPort!.postMessage({ results, ms: performance.now() - t0 } satisfies ChunkDone);
  });
}

if (!isMainThread && (workerData as { kamervraagCliWorker?: boolean } | null)?.kamervraagCliWorker) {
  serve((workerData as { options: TaskOptions }).options);
}
