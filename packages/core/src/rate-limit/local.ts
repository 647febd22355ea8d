import type { RateLimiter, RateLimitKey } from "./limiter.js";
import { SlidingWindow, type SlidingWindowOptions } from "./sliding-window.js";
import { TokenBucket } from "./token-bucket.js";

/** Options of {@link LocalRateLimiter}. */
export interface LocalRateLimiterOptions extends SlidingWindowOptions {
  /**
   * Use a token bucket holding `burst` tokens instead of the sliding window: calls are spaced
   * evenly at the rate after the first `burst`. Unset (default): the sliding window.
   */
  readonly burst?: number;
}

/**
 * The default {@link RateLimiter}: one {@link SlidingWindow} per action (or a {@link TokenBucket}
 * with `burst`), in this process only. Each client creates its own unless given one.
 */
export class LocalRateLimiter implements RateLimiter {
  readonly #options: LocalRateLimiterOptions;
  readonly #limits = new Map<string, SlidingWindow | TokenBucket>();

  constructor(options: LocalRateLimiterOptions = {}) {
    this.#options = options;
  }

  acquire(key: RateLimitKey, signal?: AbortSignal): Promise<void> | undefined {
    const id = `${key.service}\n${key.version}\n${key.action}`;
    let limit = this.#limits.get(id);
    if (limit === undefined) {
      const { burst, ...window } = this.#options;
      limit =
        burst === undefined
          ? new SlidingWindow(key.ratePerSecond, window)
          : new TokenBucket(key.ratePerSecond, { burst, ...(window.now === undefined ? {} : { now: window.now }) });
      this.#limits.set(id, limit);
    }
    return limit.acquire(signal);
  }

  close(makeError: () => unknown): void {
    for (const limit of this.#limits.values()) limit.close(makeError);
  }
}
