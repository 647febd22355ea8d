import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RequestAbortedError } from "../../src/errors/index.js";
import { LocalRateLimiter, SlidingWindow } from "../../src/rate-limit/index.js";

/** Starts `count` acquisitions and records, by fake clock, when each was granted. */
function burst(window: SlidingWindow, count: number, signals: (AbortSignal | undefined)[] = []) {
  const granted: { index: number; at: number }[] = [];
  const settled = Array.from({ length: count }, (_, index) => {
    const slot = window.acquire(signals[index]);
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

function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length));
}

describe("SlidingWindow", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it("lets 20 parallel calls to a 20/s action start together; the 21st waits for the window", async () => {
    const window = new SlidingWindow(20, { now: Date.now, marginMs: 0 });
    const { granted, settled } = burst(window, 21);
    expect(granted.map((g) => g.index)).toEqual([...Array(20).keys()]);
    expect(window.queued).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(granted).toHaveLength(20);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(settled);
    expect(granted[20]).toEqual({ index: 20, at: 1000 });
  });

  it("adds the margin to the window", async () => {
    const window = new SlidingWindow(2, { now: Date.now, marginMs: 20 });
    const { granted, settled } = burst(window, 3);
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all(settled);
    expect(granted.map((g) => g.at)).toEqual([0, 0, 1020]);
  });

  it("never starts more than the rate in any one-second window, in FIFO order, dropping none", async () => {
    const window = new SlidingWindow(20, { now: Date.now, marginMs: 0 });
    const { granted, settled } = burst(window, 100);
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(settled);
    expect(granted.map((g) => g.index)).toEqual([...Array(100).keys()]);
    expect(
      maxInAnyWindow(
        granted.map((g) => g.at),
        1000,
      ),
    ).toBe(20);
    expect(granted.at(-1)!.at).toBe(4000);
  });

  it("keeps the average of a fractional rate", async () => {
    const half = new SlidingWindow(0.5, { now: Date.now, marginMs: 0 });
    expect([half.limit, half.windowMs]).toEqual([1, 2000]);
    const twoAndHalf = new SlidingWindow(2.5, { now: Date.now, marginMs: 0 });
    expect([twoAndHalf.limit, twoAndHalf.windowMs]).toEqual([2, 800]);
  });

  it("does not let a caller arriving after a slot freed, but before the drain timer fired, jump the queue", async () => {
    let clock = 0;
    // The limiter's clock moves while timers stay put: the moment between a freed slot and the drain.
    const window = new SlidingWindow(1, { now: () => clock, marginMs: 0 });
    const order: string[] = [];
    expect(window.acquire()).toBeUndefined();
    const second = window.acquire()!.then(() => order.push("second"));
    clock = 1500;
    const third = window.acquire();
    expect(third).toBeInstanceOf(Promise);
    void third!.then(() => order.push("third"));
    await vi.advanceTimersByTimeAsync(1000);
    await second;
    expect(order).toEqual(["second"]);
    clock = 2500;
    await vi.advanceTimersByTimeAsync(1000);
    expect(order).toEqual(["second", "third"]);
  });

  it("removes an aborted caller at once; later callers move up", async () => {
    const window = new SlidingWindow(1, { now: Date.now, marginMs: 0 });
    const controller = new AbortController();
    const { granted, settled } = burst(window, 4, [undefined, controller.signal, undefined, undefined]);
    controller.abort(new Error("stop"));
    const aborted = await settled[1];
    expect(aborted).toBeInstanceOf(RequestAbortedError);
    expect((aborted as RequestAbortedError).cause).toEqual(new Error("stop"));
    expect(window.queued).toBe(2);
    await vi.advanceTimersByTimeAsync(3000);
    await Promise.all(settled);
    expect(granted).toEqual([
      { index: 0, at: 0 },
      { index: 2, at: 1000 },
      { index: 3, at: 2000 },
    ]);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const window = new SlidingWindow(1, { now: Date.now });
    void window.acquire();
    await expect(window.acquire(AbortSignal.abort())).rejects.toBeInstanceOf(RequestAbortedError);
    expect(window.queued).toBe(0);
  });

  it("rejects queued callers when closed and leaves no timer", async () => {
    const window = new SlidingWindow(1, { now: Date.now });
    const { settled } = burst(window, 3);
    window.close(() => new RequestAbortedError("closed"));
    const results = await Promise.all(settled);
    expect(results[0]).toBe("granted");
    expect(results.slice(1).every((r) => r instanceof RequestAbortedError)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects a non-positive rate or margin", () => {
    expect(() => new SlidingWindow(0)).toThrow(RangeError);
    expect(() => new SlidingWindow(Number.NaN)).toThrow(RangeError);
    expect(() => new SlidingWindow(1, { marginMs: -1 })).toThrow(RangeError);
  });
});

describe("large queues sharing one signal", () => {
  it("aborts 10,000 queued callers sharing one signal, and 5,000 one by one, with one listener on the shared signal", async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on("warning", onWarning);
    try {
      // A frozen clock: no slot frees while the test runs.
      const window = new SlidingWindow(1, { now: () => 0 });
      const controller = new AbortController();
      void window.acquire();
      const queued = Array.from({ length: 10_000 }, () => window.acquire(controller.signal)!.catch((e: unknown) => e));
      expect(window.queued).toBe(10_000);
      controller.abort();
      const results = await Promise.all(queued);
      expect(results.every((r) => r instanceof RequestAbortedError)).toBe(true);
      expect(window.queued).toBe(0);
      // Aborting one by one, every other caller first, so removals come from the middle of the queue.
      const controllers = Array.from({ length: 5_000 }, () => new AbortController());
      const more = controllers.map((c) => window.acquire(c.signal)!.catch((e: unknown) => e));
      for (let i = 0; i < controllers.length; i += 2) controllers[i]!.abort();
      for (let i = 1; i < controllers.length; i += 2) controllers[i]!.abort();
      expect((await Promise.all(more)).every((r) => r instanceof RequestAbortedError)).toBe(true);
      expect(window.queued).toBe(0);
      window.close(() => new Error("closed"));
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});

describe("LocalRateLimiter", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  const key = (action: string, ratePerSecond = 2) => ({ service: "cvm", version: "2017-03-12", action, ratePerSecond });

  it("keeps one window per action", () => {
    const limiter = new LocalRateLimiter({ now: Date.now });
    expect(limiter.acquire(key("A"))).toBeUndefined();
    expect(limiter.acquire(key("A"))).toBeUndefined();
    expect(limiter.acquire(key("B"))).toBeUndefined();
    const third = limiter.acquire(key("A"));
    expect(third).toBeInstanceOf(Promise);
    limiter.close(() => new Error("closed"));
    return expect(third).rejects.toThrow("closed");
  });

  it("uses a token bucket when given a burst", async () => {
    const limiter = new LocalRateLimiter({ now: Date.now, burst: 1 });
    expect(limiter.acquire(key("A", 10))).toBeUndefined();
    const next = limiter.acquire(key("A", 10))!;
    await vi.advanceTimersByTimeAsync(100);
    await next;
    expect(Date.now()).toBe(100);
  });
});
