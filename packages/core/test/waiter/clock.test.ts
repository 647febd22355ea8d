import { getEventListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isRequestAbortedError } from "../../src/errors/index.js";
import { pollDelay } from "../../src/waiter/delay.js";
import { systemClock } from "../../src/waiter/index.js";

describe("systemClock.sleep", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("resolves after the delay and leaves no abort listener behind", async () => {
    const controller = new AbortController();
    let done = false;
    const sleeping = systemClock.sleep(5000, controller.signal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(4999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(done).toBe(true);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("rejects with an abort error at once when the signal fires, clearing its timer", async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(60_000, controller.signal);
    controller.abort("stop");
    const error = await sleeping.catch((e: unknown) => e);
    expect(isRequestAbortedError(error)).toBe(true);
    expect((error as Error).cause).toBe("stop");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects without starting a timer when already aborted", async () => {
    await expect(systemClock.sleep(1000, AbortSignal.abort())).rejects.toSatisfy(isRequestAbortedError);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("pollDelay", () => {
  it("starts at the minimum and doubles its ceiling up to the maximum", () => {
    const top = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5, 60].map((a) => pollDelay(a, 1000, 15000, top))).toEqual([
      1000, 2000, 4000, 8000, 15000, 15000, 15000,
    ]);
  });

  it("draws between the minimum and the ceiling", () => {
    expect(pollDelay(3, 1000, 15000, () => 0)).toBe(1000);
    expect(pollDelay(3, 1000, 15000, () => 0.5)).toBe(4500);
  });

  it("never goes below the minimum when the maximum is smaller", () => {
    expect(pollDelay(5, 500, 100, () => 0.9)).toBe(500);
  });
});
