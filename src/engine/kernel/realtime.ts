/**
 * The engine's one real clock. Everything a learner sees runs on the virtual clock
 * (clock.ts); this only measures how long an interpreter that cannot yield (MicroPython,
 * QuickJS) has held the engine in one synchronous call, so that the time can be charged as
 * CPU time and the call interrupted before the page stops answering. Both are about the
 * machine the page runs on, which virtual time cannot tell.
 */
const performance = (globalThis as unknown as { performance: { now(): number } }).performance;

/** Milliseconds of real, monotonic time from an arbitrary origin. */
export function realMs(): number {
  return performance.now();
}
