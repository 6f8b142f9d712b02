/** The watch for a new day (server/src/service/dayWatcher.ts), on a clock and timers of the test's own. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { untilMidnight, watchDays } from '../../server/src/service/dayWatcher';
import type { Timers } from '../../server/src/service/timers';
import type { DutchDate } from '../../server/src/core/model';

/** A machine whose time the test moves: its local clock, and the one timer the watcher keeps set. */
function machine(start: string) {
  let now = new Date(start).getTime(); // local time: no zone in `start`
  const waits: number[] = [];
  let pending: { fn: () => void; handle: number } | null = null;
  let handles = 0;
  const timers: Timers = {
    set(fn, ms) {
      waits.push(ms);
      pending = { fn, handle: ++handles };
      return handles;
    },
    clear(handle) {
      if (pending?.handle === handle) pending = null;
    },
  };
  const clock = (): DutchDate => {
    const d = new Date(now);
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
  };
  return {
    clock, timers, waits,
    now: () => now,
    /** Lets the time pass and runs the timer when it is due. */
    pass(ms: number) {
      now += ms;
      const p = pending;
      if (p && ms >= waits[waits.length - 1]!) {
        pending = null;
        p.fn();
      }
    },
    get armed() {
      return pending !== null;
    },
  };
}

const days = (seen: DutchDate[]) => seen.map((d) => `${d.year}-${d.month}-${d.day}`);

describe('watchDays', () => {
  it('looks just after midnight, and tells the new day once', () => {
    const m = machine('2024-12-05T23:59:57');
    const seen: DutchDate[] = [];
    watchDays(m.clock, (d) => seen.push(d), { now: m.now, timers: m.timers });
    assert.deepEqual(m.waits, [4000], 'three seconds to midnight, and one more');
    m.pass(4000);
    assert.deepEqual(days(seen), ['2024-12-6']);
    assert.deepEqual(m.waits.slice(1), [60_000], 'then a look every minute');
    m.pass(60_000);
    assert.deepEqual(days(seen), ['2024-12-6'], 'the same day is not told again');
  });

  it('tells nothing during the day, however often it looks', () => {
    const m = machine('2024-12-05T09:00:00');
    const seen: DutchDate[] = [];
    watchDays(m.clock, (d) => seen.push(d), { now: m.now, timers: m.timers });
    for (let i = 0; i < 60; i++) m.pass(60_000);
    assert.deepEqual(seen, []);
    assert.ok(m.waits.every((w) => w === 60_000), JSON.stringify(m.waits.slice(0, 3)));
  });

  it('after a sleep over days (the timer late), tells today once', () => {
    const m = machine('2024-12-05T18:00:00');
    const seen: DutchDate[] = [];
    watchDays(m.clock, (d) => seen.push(d), { now: m.now, timers: m.timers });
    m.pass(3 * 24 * 3600_000);
    assert.deepEqual(days(seen), ['2024-12-8']);
  });

  it('goes on watching when the callback fails, and stops when disposed', () => {
    const m = machine('2024-12-05T23:59:59');
    let calls = 0;
    const error = console.error;
    console.error = () => undefined;
    try {
      const watch = watchDays(m.clock, () => {
        calls++;
        throw new Error('boom');
      }, { now: m.now, timers: m.timers });
      m.pass(2000);
      assert.equal(calls, 1);
      assert.ok(m.armed, 'set again after the failure');
      m.pass(24 * 3600_000);
      assert.equal(calls, 2);
      watch.dispose();
      assert.ok(!m.armed, 'the timer is cleared');
    } finally {
      console.error = error;
    }
  });

  it('untilMidnight: the milliseconds to the next local midnight', () => {
    assert.equal(untilMidnight(new Date('2024-12-05T23:59:57').getTime()), 3000);
    assert.equal(untilMidnight(new Date('2024-12-05T00:00:00').getTime()), 24 * 3600_000);
    assert.equal(untilMidnight(new Date('2024-12-31T12:00:00').getTime()), 12 * 3600_000);
  });
});
