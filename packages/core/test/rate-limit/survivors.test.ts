import { describe, expect, it } from "vitest";
import { LocalRateLimiter } from "../../src/rate-limit/local.js";

// Tests written for mutants that survived `npx stryker run --mutate 'src/rate-limit/**/*.ts'`.

const key = { service: "svc", version: "2020-01-01", action: "Act", ratePerSecond: 2 };

describe("LocalRateLimiter", () => {
  it("uses a sliding window by default (the per-second number start at once) and a token bucket with `burst`", async () => {
    const window = new LocalRateLimiter();
    const windowed = [window.acquire(key), window.acquire(key), window.acquire(key)];
    const bucket = new LocalRateLimiter({ burst: 1 });
    const bucketed = [bucket.acquire(key), bucket.acquire(key)];
    const pending = (p: Promise<void> | undefined) => p !== undefined && p !== null;
    // Sliding window at 2/s: two start now, the third waits; token bucket with burst 1: the second waits.
    expect(windowed.map(pending)).toEqual([false, false, true]);
    expect(bucketed.map(pending)).toEqual([false, true]);
    const closed = () => new Error("closed");
    window.close(closed);
    bucket.close(closed);
    await Promise.allSettled([...windowed, ...bucketed]);
  });
});
