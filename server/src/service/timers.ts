/** Timers a service waits with: the platform's by default, a test's own otherwise (a time the test moves). */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** The platform's `setTimeout` and `clearTimeout` (Node's and a Web Worker's alike). */
export const platformTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};
