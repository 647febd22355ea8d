// @ts-nocheck
import { RequestAbortedError } from "../errors/request-aborted-error.js";

/** Options of {@link TokenBucket}. */
export interface TokenBucketOptions {
  /** Requests that may start back to back after a quiet period, default 1 (evenly spaced). */
  readonly burst?: number;
  /** Monotonic clock in ms, default `performance.now`. */
  readonly now?: () => number;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
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
  readonly #queue: Waiter[] = [];
  #tokens: number;
  #updatedAt: number;
  #timer: NodeJS.Timeout | undefined;

  constructor(ratePerSecond: number, options: TokenBucketOptions = {}) {
    if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) {
      throw new RangeError(`Rate limit must be a positive number of requests per second, got ${ratePerSecond}`);
    }
    this.#intervalMs = 1000 / ratePerSecond;
    this.#burst = Math.max(1, options.burst ?? 1);
    this.#now = options.now ?? performance.now.bind(performance);
    this.#tokens = this.#burst;
    this.#updatedAt = this.#now();
  }

  /** Callers currently waiting. */
  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Takes a token. Returns `undefined` when one was free (no promise allocated on the fast path),
   * otherwise a promise that resolves when the caller's turn comes or rejects with
   * {@link RequestAbortedError} if `signal` aborts first.
   */
  acquire(signal?: AbortSignal): Promise<void> | undefined {
    if (this.#queue.length === 0 && this.#take()) return undefined;
    if (signal?.aborted) return Promise.reject(new RequestAbortedError(undefined, { cause: signal.reason }));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.#queue.indexOf(waiter);
          if (index >= 0) this.#queue.splice(index, 1);
          reject(new RequestAbortedError(undefined, { cause: signal!.reason }));
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.#queue.push(waiter);
      this.#schedule();
    });
  }

  /**
   * Rejects every queued caller with an error from `makeError` (one each: callers annotate their own)
   * and stops the timer. Used when the client closes.
   */
  close(makeError: () => unknown): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const waiter of this.#queue.splice(0)) {
      waiter.signal?.removeEventListener("abort", waiter.onAbort);
      waiter.reject(makeError());
    }
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

  #schedule(): void {
    if (this.#timer !== undefined) return;
    this.#refill();
    const waitMs = Math.max(0, Math.ceil((1 - this.#tokens) * this.#intervalMs));
    this.#timer = setTimeout(this.#drain, waitMs);
  }

  readonly #drain = (): void => {
    this.#timer = undefined;
    while (this.#queue.length > 0 && this.#take()) {
      const waiter = this.#queue.shift()!;
      waiter.signal?.removeEventListener("abort", waiter.onAbort);
      waiter.resolve();
    }
    if (this.#queue.length > 0) this.#schedule();
  };
}
