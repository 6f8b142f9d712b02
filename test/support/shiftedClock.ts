/**
 * Preloaded into a language server under test (`node --require out/test/support/shiftedClock.js`): its
 * wall clock starts at `KAMERVRAAG_TEST_NOW` (a local date and time: `2024-12-05T23:59:54`) and runs on
 * from there, so that a test sees the server pass midnight. Timers are not touched. Not a test file.
 */
const start = process.env.KAMERVRAAG_TEST_NOW;
if (start) {
  const RealDate = Date;
  const offset = new RealDate(start).getTime() - RealDate.now();
  if (Number.isNaN(offset)) throw new Error(`KAMERVRAAG_TEST_NOW is no date: ${start}`);
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [number]));
    }

    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
