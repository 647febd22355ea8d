import { monotonicMs } from "../clock/monotonic.js";
import { checkRate, SlotQueue } from "./slot-queue.js";

/** Options of {@link SlidingWindow}. */
export interface SlidingWindowOptions {
  /** Monotonic clock in ms, default `process.hrtime` (no `perf_hooks` load). */
  readonly now?: () => number;
  /**
   * Extra ms added to the window, default 20. Calls start on the client but are counted where they
   * arrive; two requests started exactly one window apart can arrive a little less than that apart
   * (connection reuse, scheduling), which a server counting strictly would reject.
   */
  readonly marginMs?: number;
}

/** Default {@link SlidingWindowOptions.marginMs}. */
export const DEFAULT_WINDOW_MARGIN_MS = 20;

/**
 * Client-side rate limit of one action as a sliding-window log: at most `limit` calls start in any
 * window of `windowMs` (for 20/s: 20 calls per second). A quiet action lets the whole per-second
 * number start at once, and the next waits until the oldest of them leaves the window. Callers
 * beyond it queue in FIFO order (a newcomer never overtakes a waiting caller, even when a slot
 * frees before the drain timer fires) and leave the queue at once when their signal aborts.
 */
export class SlidingWindow {
  /** Calls allowed per window. */
  readonly limit: number;
  /** Window length in ms, margin included. */
  readonly windowMs: number;
  readonly #now: () => number;
  /** Start times of the last `limit` calls, as a ring: `#starts[#oldest]` is the oldest. */
  readonly #starts: Float64Array;
  #oldest = 0;
  readonly #slots = new SlotQueue(
    () => this.#take(),
    () => this.#waitMs(),
  );

  /**
   * @param ratePerSecond - Calls per second. A fractional rate keeps its average: 0.5/s is one call per 2 s,
   * 2.5/s is 2 calls per 800 ms.
   * @throws RangeError for a rate that is not a positive finite number.
   */
  constructor(ratePerSecond: number, options: SlidingWindowOptions = {}) {
    checkRate(ratePerSecond);
    const margin = options.marginMs ?? DEFAULT_WINDOW_MARGIN_MS;
    if (!(margin >= 0) || !Number.isFinite(margin))
      throw new RangeError(`marginMs must be a non-negative number, got ${margin}`);
    this.limit = Math.max(1, Math.floor(ratePerSecond));
    this.windowMs = (1000 * this.limit) / ratePerSecond + margin;
    this.#now = options.now ?? monotonicMs;
    this.#starts = new Float64Array(this.limit).fill(Number.NEGATIVE_INFINITY);
  }

  /** Callers currently waiting. */
  get queued(): number {
    return this.#slots.size;
  }

  /**
   * Takes a slot: `undefined` when the call may start now, else a promise that resolves in turn
   * or rejects with `RequestAbortedError` when `signal` aborts.
   */
  acquire(signal?: AbortSignal): Promise<void> | undefined {
    return this.#slots.acquire(signal);
  }

  /** Rejects every queued caller with an error from `makeError` and stops the timer. */
  close(makeError: () => unknown): void {
    this.#slots.close(makeError);
  }

  /** Ms until the oldest start leaves the window (0 when a slot is free). */
  #waitMs(): number {
    return Math.max(0, this.#starts[this.#oldest]! + this.windowMs - this.#now());
  }

  #take(): boolean {
    if (this.#waitMs() > 0) return false;
    this.#starts[this.#oldest] = this.#now();
    this.#oldest = (this.#oldest + 1) % this.limit;
    return true;
  }
}
