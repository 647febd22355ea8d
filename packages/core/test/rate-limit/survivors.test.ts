import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RequestAbortedError } from "../../src/errors/index.js";
import { SlidingWindow, TokenBucket } from "../../src/rate-limit/index.js";
import { LocalRateLimiter } from "../../src/rate-limit/local.js";

// Tests written for mutants that survived `npx stryker run --mutate 'src/rate-limit/**/*.ts'`.
// Clocks are injected (`now: () => clock`) so a test can move the limiter's time apart from the timers'.

const key = { service: "svc", version: "2020-01-01", action: "Act", ratePerSecond: 2 };
const closed = () => new Error("closed");
const pending = (p: Promise<void> | undefined) => p !== undefined && p !== null;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

describe("LocalRateLimiter", () => {
  it("uses a sliding window by default (the per-second number start at once) and a token bucket with `burst`", async () => {
    const window = new LocalRateLimiter();
    const windowed = [window.acquire(key), window.acquire(key), window.acquire(key)];
    const bucket = new LocalRateLimiter({ burst: 1 });
    const bucketed = [bucket.acquire(key), bucket.acquire(key)];
    // Sliding window at 2/s: two start now, the third waits; token bucket with burst 1: the second waits.
    expect(windowed.map(pending)).toEqual([false, false, true]);
    expect(bucketed.map(pending)).toEqual([false, true]);
    window.close(closed);
    bucket.close(closed);
    await Promise.allSettled([...windowed, ...bucketed]);
  });

  it("gives the token bucket its `burst` and its injected clock", async () => {
    let clock = 0;
    const limiter = new LocalRateLimiter({ burst: 3, now: () => clock });
    const rate1 = { ...key, ratePerSecond: 1 };
    const first = [limiter.acquire(rate1), limiter.acquire(rate1), limiter.acquire(rate1), limiter.acquire(rate1)];
    expect(first.map(pending)).toEqual([false, false, false, true]);
    limiter.close(closed);
    await expect(first[3]).rejects.toThrow("closed");
    // Only the injected clock moved: 10 s on it refill the three tokens.
    clock = 10_000;
    expect([limiter.acquire(rate1), limiter.acquire(rate1), limiter.acquire(rate1)].map(pending)).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe("limiter argument errors", () => {
  it("name the bad rate", () => {
    for (const make of [(r: number) => new TokenBucket(r), (r: number) => new SlidingWindow(r)]) {
      expect(() => make(0)).toThrow("Rate limit must be a positive number of requests per second, got 0");
      expect(() => make(-2)).toThrow("Rate limit must be a positive number of requests per second, got -2");
      expect(() => make(Number.NaN)).toThrow("Rate limit must be a positive number of requests per second, got NaN");
      expect(() => make(Number.POSITIVE_INFINITY)).toThrow(
        "Rate limit must be a positive number of requests per second, got Infinity",
      );
    }
  });

  it("name the bad margin", () => {
    expect(() => new SlidingWindow(1, { marginMs: -1 })).toThrow("marginMs must be a non-negative number, got -1");
    expect(() => new SlidingWindow(1, { marginMs: Number.NaN })).toThrow(
      "marginMs must be a non-negative number, got NaN",
    );
    expect(() => new SlidingWindow(1, { marginMs: Number.POSITIVE_INFINITY })).toThrow(
      "marginMs must be a non-negative number, got Infinity",
    );
    expect(new SlidingWindow(1, { marginMs: 0 }).windowMs).toBe(1000);
  });
});

describe("TokenBucket drain timer", () => {
  it("arms one timer for exactly when the next token is due, counting a partly refilled token", async () => {
    const bucket = new TokenBucket(10, { now: Date.now });
    expect(bucket.acquire()).toBeUndefined();
    vi.setSystemTime(30);
    // 0.3 of a token has come back: the next one is due in 70 ms, at 100.
    let grantedAt: number | undefined;
    void bucket.acquire()!.then(() => {
      grantedAt = Date.now();
    });
    await vi.advanceTimersToNextTimerAsync();
    expect(Date.now()).toBe(100);
    expect(grantedAt).toBe(100);
  });

  it("leaves no timer once the queue is empty", async () => {
    const bucket = new TokenBucket(10, { now: Date.now });
    expect(bucket.acquire()).toBeUndefined();
    const second = bucket.acquire()!;
    await vi.advanceTimersByTimeAsync(100);
    await second;
    expect(bucket.queued).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("does not spend tokens after granting the last waiter", async () => {
    let clock = 0;
    const bucket = new TokenBucket(10, { burst: 3, now: () => clock });
    expect([bucket.acquire(), bucket.acquire(), bucket.acquire()].map(pending)).toEqual([false, false, false]);
    const fourth = bucket.acquire()!;
    // The limiter's clock jumps 10 s while the drain timer fires: three tokens are back, the waiter takes one.
    clock = 10_000;
    await vi.advanceTimersByTimeAsync(100);
    await fourth;
    expect([bucket.acquire(), bucket.acquire()].map(pending)).toEqual([false, false]);
    const waits = bucket.acquire();
    expect(waits).toBeInstanceOf(Promise);
    bucket.close(closed);
    await expect(waits).rejects.toThrow("closed");
  });

  it("does not let a caller arriving after a token came back, but before the drain timer fired, jump the queue", async () => {
    let clock = 0;
    const bucket = new TokenBucket(1, { now: () => clock });
    const order: string[] = [];
    expect(bucket.acquire()).toBeUndefined();
    const second = bucket.acquire()!.then(() => order.push("second"));
    clock = 1500;
    const third = bucket.acquire();
    expect(third).toBeInstanceOf(Promise);
    void third!.then(() => order.push("third"));
    await vi.advanceTimersByTimeAsync(1000);
    await second;
    expect(order).toEqual(["second"]);
    clock = 2500;
    await vi.advanceTimersByTimeAsync(1000);
    expect(order).toEqual(["second", "third"]);
  });
});

describe("SlidingWindow", () => {
  it("counts each call against the call `limit` starts before it, not only every `limit`-th", () => {
    let clock = 0;
    const window = new SlidingWindow(2, { now: () => clock, marginMs: 0 });
    expect(window.acquire()).toBeUndefined();
    clock = 500;
    expect(window.acquire()).toBeUndefined();
    clock = 1000;
    // The call at 0 has left the window; the one at 500 has not, so only one more may start.
    expect(window.acquire()).toBeUndefined();
    const fourth = window.acquire();
    expect(fourth).toBeInstanceOf(Promise);
    window.close(closed);
    return expect(fourth).rejects.toThrow("closed");
  });

  it("does not use up slots after granting the last waiter", async () => {
    let clock = 0;
    const window = new SlidingWindow(3, { now: () => clock, marginMs: 0 });
    expect([window.acquire(), window.acquire(), window.acquire()].map(pending)).toEqual([false, false, false]);
    const fourth = window.acquire()!;
    // The limiter's clock jumps 5 s while the drain timer fires: the window is empty, the waiter takes one slot.
    clock = 5000;
    await vi.advanceTimersByTimeAsync(1000);
    await fourth;
    expect([window.acquire(), window.acquire()].map(pending)).toEqual([false, false]);
    const waits = window.acquire();
    expect(waits).toBeInstanceOf(Promise);
    window.close(closed);
    await expect(waits).rejects.toThrow("closed");
  });

  it("rejects an already aborted caller with the signal's reason as the cause", async () => {
    const window = new SlidingWindow(1, { now: Date.now });
    expect(window.acquire()).toBeUndefined();
    const reason = new Error("gave up");
    const error = await window.acquire(AbortSignal.abort(reason))!.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as RequestAbortedError).cause).toBe(reason);
  });

  it("removes an aborted caller from the middle of the queue; those before and after it keep their turn", async () => {
    const window = new SlidingWindow(1, { now: Date.now, marginMs: 0 });
    expect(window.acquire()).toBeUndefined();
    const controller = new AbortController();
    const granted: string[] = [];
    const first = window.acquire()!.then(() => granted.push(`first@${Date.now()}`));
    const middle = window.acquire(controller.signal)!.catch((e: unknown) => e);
    const last = window.acquire()!.then(() => granted.push(`last@${Date.now()}`));
    controller.abort();
    expect(await middle).toBeInstanceOf(RequestAbortedError);
    expect(window.queued).toBe(2);
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all([first, last]);
    expect(granted).toEqual(["first@1000", "last@2000"]);
    expect(window.queued).toBe(0);
  });
});

describe("SlotQueue (shared by both limits)", () => {
  it.each([
    ["SlidingWindow", (now: () => number) => new SlidingWindow(1, { now, marginMs: 0 })],
    ["TokenBucket", (now: () => number) => new TokenBucket(1, { now })],
  ])("%s: a queued caller waits on one timer set for when the slot frees, not by polling", async (_, make) => {
    let reads = 0;
    const limit = make(() => {
      reads++;
      return Date.now();
    });
    expect(limit.acquire()).toBeUndefined();
    const waiting = limit.acquire();
    expect(vi.getTimerCount()).toBe(1);
    const readsWhenQueued = reads;
    await vi.advanceTimersByTimeAsync(999);
    // Nothing looked at the clock again: no timer fired before the slot freed.
    expect(reads).toBe(readsWhenQueued);
    expect(limit.queued).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(waiting).resolves.toBeUndefined();
    expect(limit.queued).toBe(0);
  });
});
