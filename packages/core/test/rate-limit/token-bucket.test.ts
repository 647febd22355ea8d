import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RequestAbortedError } from "../../src/errors/index.js";
import { TokenBucket } from "../../src/rate-limit/index.js";

/** Starts `count` acquisitions and records, by fake clock, when each was granted. */
function burst(bucket: TokenBucket, count: number, signals: (AbortSignal | undefined)[] = []) {
  const granted: { index: number; at: number }[] = [];
  const settled = Array.from({ length: count }, (_, index) => {
    const slot = bucket.acquire(signals[index]);
    if (slot === undefined) {
      granted.push({ index, at: Date.now() });
      return Promise.resolve("granted");
    }
    return slot.then(
      () => {
        granted.push({ index, at: Date.now() });
        return "granted";
      },
      (error: unknown) => error,
    );
  });
  return { granted, settled };
}

describe("TokenBucket", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it("spaces a burst evenly at the rate, in FIFO order, without dropping any", async () => {
    const bucket = new TokenBucket(10, { now: Date.now });
    const { granted, settled } = burst(bucket, 25);
    expect(granted).toHaveLength(1);
    expect(bucket.queued).toBe(24);
    await vi.advanceTimersByTimeAsync(3000);
    await Promise.all(settled);
    expect(granted.map((g) => g.index)).toEqual([...Array(25).keys()]);
    expect(granted.map((g) => g.at)).toEqual([...Array(25).keys()].map((i) => i * 100));
  });

  it("never starts more than the rate within any one-second window", async () => {
    const bucket = new TokenBucket(20, { now: Date.now });
    const { granted, settled } = burst(bucket, 100);
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(settled);
    const times = granted.map((g) => g.at);
    for (const start of times)
      expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(20);
  });

  it("lets `burst` calls through at once after a quiet period, then refills at the rate", async () => {
    const bucket = new TokenBucket(5, { burst: 3, now: Date.now });
    const { granted, settled } = burst(bucket, 5);
    expect(granted.map((g) => g.index)).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(settled);
    expect(granted.map((g) => g.at)).toEqual([0, 0, 0, 200, 400]);
  });

  it("grants immediately (no promise) while tokens are available", () => {
    const bucket = new TokenBucket(1, { now: Date.now });
    expect(bucket.acquire()).toBeUndefined();
    vi.setSystemTime(1000);
    expect(bucket.acquire()).toBeUndefined();
    const queued = bucket.acquire();
    expect(queued).toBeInstanceOf(Promise);
    bucket.close(() => new Error("closed"));
    return expect(queued).rejects.toThrow("closed");
  });

  it("removes an aborted caller from the queue at once; later callers move up", async () => {
    const bucket = new TokenBucket(10, { now: Date.now });
    const controller = new AbortController();
    const { granted, settled } = burst(bucket, 4, [undefined, controller.signal, undefined, undefined]);
    controller.abort();
    expect(await settled[1]).toBeInstanceOf(RequestAbortedError);
    expect(bucket.queued).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(settled);
    expect(granted).toEqual([
      { index: 0, at: 0 },
      { index: 2, at: 100 },
      { index: 3, at: 200 },
    ]);
  });

  it("rejects queued callers when closed and leaves no timer", async () => {
    const bucket = new TokenBucket(1, { now: Date.now });
    const { settled } = burst(bucket, 3);
    bucket.close(() => new RequestAbortedError("closed"));
    const results = await Promise.all(settled);
    expect(results[0]).toBe("granted");
    expect(results.slice(1).every((r) => r instanceof RequestAbortedError)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects a non-positive rate", () => {
    expect(() => new TokenBucket(0)).toThrow(RangeError);
    expect(() => new TokenBucket(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
