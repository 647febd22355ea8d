import { monotonicMs } from "../clock/monotonic.js";
import { checkRate, SlotQueue } from "./slot-queue.js";

/** Options of {@link TokenBucket}. */
export interface TokenBucketOptions {
  /** Requests that may start back to back after a quiet period, default 1 (evenly spaced). */
  readonly burst?: number;
  /** Monotonic clock in ms, default `process.hrtime` (no `perf_hooks` load). */
  readonly now?: () => number;
}

/**
 * Client-side rate limit of one action: a token bucket refilled at `ratePerSecond` holding at most
 * `burst` tokens. Callers beyond the rate queue in FIFO order instead of being dropped; a queued
 * caller whose signal aborts leaves the queue at once. With the default burst of 1, no more than
 * `ratePerSecond` requests start in any one-second window.
 */
export class TokenBucket {
  readonly #intervalMs: number;
  readonly #burst: number;
  readonly #now: () => number;
  readonly #slots = new SlotQueue(
    () => this.#take(),
    () => this.#waitMs(),
  );
  #tokens: number;
  #updatedAt: number;

  constructor(ratePerSecond: number, options: TokenBucketOptions = {}) {
    checkRate(ratePerSecond);
    this.#intervalMs = 1000 / ratePerSecond;
    this.#burst = Math.max(1, options.burst ?? 1);
    this.#now = options.now ?? monotonicMs;
    this.#tokens = this.#burst;
    this.#updatedAt = this.#now();
  }

  /** Callers currently waiting. */
  get queued(): number {
    return this.#slots.size;
  }

  /**
   * Takes a token. Returns `undefined` when one was free (no promise allocated on the fast path),
   * otherwise a promise that resolves when the caller's turn comes or rejects with
   * {@link RequestAbortedError} if `signal` aborts first.
   */
  acquire(signal?: AbortSignal): Promise<void> | undefined {
    return this.#slots.acquire(signal);
  }

  /**
   * Rejects every queued caller with an error from `makeError` (one each: callers annotate their own)
   * and stops the timer. Used when the client closes.
   */
  close(makeError: () => unknown): void {
    this.#slots.close(makeError);
  }

  #take(): boolean {
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  #refill(): void {
    const now = this.#now();
    this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#updatedAt) / this.#intervalMs);
    this.#updatedAt = now;
  }

  /** Ms until a whole token is back. */
  #waitMs(): number {
    this.#refill();
    return (1 - this.#tokens) * this.#intervalMs;
  }
}
