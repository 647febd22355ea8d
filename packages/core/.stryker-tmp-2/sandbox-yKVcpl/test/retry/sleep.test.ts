// @ts-nocheck
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RequestAbortedError } from "../../src/errors/index.js";
import { sleep } from "../../src/retry/sleep.js";

describe("sleep", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("resolves after the delay", async () => {
    let done = false;
    const slept = sleep(1000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await slept;
    expect(done).toBe(true);
  });

  it("rejects at once when the signal aborts, leaving no timer behind", async () => {
    const controller = new AbortController();
    const slept = sleep(60_000, controller.signal);
    controller.abort(new Error("user gave up"));
    await expect(slept).rejects.toBeInstanceOf(RequestAbortedError);
    await expect(slept).rejects.toMatchObject({ cause: new Error("user gave up") });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects immediately for an already aborted signal", async () => {
    await expect(sleep(10, AbortSignal.abort())).rejects.toBeInstanceOf(RequestAbortedError);
  });
});
