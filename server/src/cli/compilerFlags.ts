/**
 * V8's optimizing compiler tuned for the command's runs over many small documents (bench/README.md,
 * "Many small documents"). Such a run is short: the first few thousand documents wait for V8's optimizing
 * compiler, which works on the second core. With less inlining it compiles the parser in a third less
 * processor time, and the code it makes is hardly slower (checking 10,000 files: some 6 % less time);
 * without loop peeling (the first turn of each loop compiled apart) it compiles less again (2-3 %). The
 * language server, which runs for hours, keeps V8's defaults.
 *
 * When they are set matters. V8 accepts the code cache of Node's own modules, with which every thread
 * starts, only under the flags it was made with: once a flag is changed, a worker thread started after it
 * compiles Node's modules itself (some 30 ms more of processor time and of its start on the AMD EPYC
 * machine, where the reading thread of readAhead.ts then starts 85 instead of 55 ms after it was asked
 * for). So `runInOrder` (pool.ts: `check`, `list`) sets them once the reading thread has started; `parse`
 * and `format`, which start no thread, once they have found their files.
 */
import { setFlagsFromString } from 'node:v8';

export const SHORT_RUN_FLAGS = '--max-inlined-bytecode-size-cumulative=200 --no-turbo-loop-peeling';

let tuned = false;

/** Sets `SHORT_RUN_FLAGS`, once in a process. */
export function tuneCompilerForShortRun(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString(SHORT_RUN_FLAGS);
}
