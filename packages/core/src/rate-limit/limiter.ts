/** What a {@link RateLimiter} is asked for: one call of one action. */
export interface RateLimitKey {
  /** Signing service name, e.g. `redis`. */
  readonly service: string;
  /** API version, e.g. `2018-04-12`. */
  readonly version: string;
  /** Action name, e.g. `DescribeTaskInfo`. */
  readonly action: string;
  /** Calls per second the service allows for this action. */
  readonly ratePerSecond: number;
}

/**
 * Decides when a call may start. The client asks once per attempt, before getting credentials and
 * signing. The default, {@link LocalRateLimiter}, keeps its state in the process; a shared store
 * (e.g. `@org/tc-ratelimit-redis`) implements the same interface so a fleet shares one budget.
 */
export interface RateLimiter {
  /**
   * Takes a slot for one call. Returns `undefined` when the call may start now (no promise on the
   * fast path), otherwise a promise that resolves when it may (with a value identifying the slot,
   * handed back to {@link RateLimiter.settled}), or rejects with `RequestAbortedError` as soon as
   * `signal` aborts.
   */
  acquire(key: RateLimitKey, signal?: AbortSignal): Promise<unknown> | undefined;
  /**
   * Called once the attempt that used a slot has ended (answered or failed), with what `acquire`
   * resolved with. A shared limiter may count the slot from this moment: the server counted the
   * request when it arrived, which is before now, so no one-second window at the server can hold
   * more than the limit whatever the delays between granting and sending.
   */
  settled?(key: RateLimitKey, slot: unknown): void;
  /**
   * Rejects every waiting caller with an error from `makeError` (one each) and releases timers.
   * The client calls it on `close()` only for limiters it created.
   */
  close?(makeError: () => unknown): void;
}
