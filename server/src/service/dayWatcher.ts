/**
 * Tells when the calendar day changes, for what is judged against today (the answer term, `answer-overdue`,
 * the overview's te laat / te beantwoorden and days left): an editor left open overnight shows the new
 * day's state in the morning, not yesterday's until the next edit.
 *
 * It looks just after each local midnight, and at least every `maxWaitMs` (a minute): a timer's wait does
 * not run on while the machine sleeps, and the clock may be set or its time zone changed.
 */
import type { Clock } from '../core/clock';
import { isoDate } from '../core/dates';
import type { DutchDate } from '../core/model';
import { platformTimers, type Timers } from './timers';

/** The timers the watcher uses by default: the platform's, not keeping a Node process alive. */
const unrefTimers: Timers = {
  set: (fn, ms) => {
    const handle = platformTimers.set(fn, ms) as { unref?: () => void };
    // (In Node the watcher does not keep the process alive; a browser's timer has no `unref`.)
    handle.unref?.();
    return handle;
  },
  clear: platformTimers.clear,
};

export interface DayWatcherOptions {
  /** The time now, in milliseconds (`Date.now`); the wait for midnight is counted from it. */
  now?: () => number;
  timers?: Timers;
  /** The longest wait between two looks at the clock. */
  maxWaitMs?: number;
}

/** Milliseconds from `now` to the next local midnight. */
export function untilMidnight(now: number): number {
  const t = new Date(now);
  return new Date(t.getFullYear(), t.getMonth(), t.getDate() + 1).getTime() - now;
}

/**
 * Calls `onNewDay` with the new day each time `clock` gives another day than at the last look (not for
 * the day it starts on). Returns what stops it. A failing `onNewDay` does not stop the watching.
 */
export function watchDays(clock: Clock, onNewDay: (today: DutchDate) => void, options: DayWatcherOptions = {}): { dispose(): void } {
  const now = options.now ?? Date.now;
  const timers = options.timers ?? unrefTimers;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  let last = isoDate(clock());
  let handle: unknown;
  let stopped = false;
  const look = () => {
    if (stopped) return;
    const today = clock();
    const day = isoDate(today);
    if (day !== last) {
      last = day;
      try {
        onNewDay(today);
      } catch (err) {
        console.error(`kamervraag: a new day: ${(err as Error)?.stack ?? String(err)}`);
      }
    }
    arm();
  };
  // Just after midnight (a second's margin for a clock that runs a little behind the timer).
  const arm = () => {
    handle = timers.set(look, Math.max(1, Math.min(maxWaitMs, untilMidnight(now()) + 1000)));
  };
  arm();
  return {
    dispose() {
      stopped = true;
      timers.clear(handle);
    },
  };
}
