import { monotonicMs } from "../clock/monotonic.js";
import { RequestAbortedError } from "../errors/index.js";
import { sleep } from "../retry/sleep.js";

/**
 * Time as a waiter sees it. Injected in tests so that a 30-minute wait runs in microseconds and
 * no assertion depends on wall time.
 */
export interface WaiterClock {
  /** Milliseconds since any fixed origin. */
  now(): number;
  /** Resolves after `ms`, or rejects with an abort error as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Uniform in [0, 1), for jitter. */
  random(): number;
}

/** The real clock: `process.hrtime` (monotonic), `setTimeout` and `Math.random`. */
export const systemClock: WaiterClock = {
  now: monotonicMs,
  sleep,
  random: Math.random,
};

/** The error a waiter or paginator rejects with when its signal aborts. */
export function abortError(signal: AbortSignal): RequestAbortedError {
  return new RequestAbortedError("The wait was aborted", { cause: signal.reason });
}
