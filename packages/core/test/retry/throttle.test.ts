import { describe, expect, it } from "vitest";
import { MalformedResponseError, NetworkError, TencentCloudError } from "../../src/errors/index.js";
import { DEFAULT_RETRY_POLICY, isThrottled, retryAfterMs, retryDelay } from "../../src/retry/index.js";

const api = (code: string, httpStatus = 200) =>
  new TencentCloudError({ code, message: "", requestId: "r", httpStatus });
const malformed = (httpStatus: number) =>
  new MalformedResponseError("m", { httpStatus, reason: "not-json", excerpt: "" });
const NOW = Date.UTC(2025, 0, 1);

describe("isThrottled", () => {
  it("is true for RequestLimitExceeded, its sub-codes and any 429, false otherwise", () => {
    expect(isThrottled(api("RequestLimitExceeded"))).toBe(true);
    expect(isThrottled(api("RequestLimitExceeded.UinLimitExceeded"))).toBe(true);
    expect(isThrottled(api("InvalidParameter", 429))).toBe(true);
    expect(isThrottled(malformed(429))).toBe(true);
    expect(isThrottled(api("RequestLimitExceededX"))).toBe(false);
    expect(isThrottled(api("LimitExceeded"))).toBe(false);
    expect(isThrottled(api("InternalError", 503))).toBe(false);
    expect(isThrottled(malformed(502))).toBe(false);
    expect(isThrottled(new NetworkError("n", { code: "ECONNRESET", requestSent: true }))).toBe(false);
  });
});

describe("retryAfterMs", () => {
  it("reads delta seconds and HTTP dates; a past date is 0; junk and absence are undefined", () => {
    expect(retryAfterMs({ "retry-after": "3" }, NOW)).toBe(3000);
    expect(retryAfterMs({ "retry-after": " 0 " }, NOW)).toBe(0);
    expect(retryAfterMs({ "retry-after": new Date(NOW + 5000).toUTCString() }, NOW)).toBe(5000);
    expect(retryAfterMs({ "retry-after": new Date(NOW - 5000).toUTCString() }, NOW)).toBe(0);
    expect(retryAfterMs({ "retry-after": "soon" }, NOW)).toBeUndefined();
    expect(retryAfterMs({ "retry-after": "-3" }, NOW)).toBeUndefined();
    expect(retryAfterMs({ "retry-after": "" }, NOW)).toBeUndefined();
    expect(retryAfterMs({}, NOW)).toBeUndefined();
    expect(retryAfterMs(undefined, NOW)).toBeUndefined();
  });
});

describe("retryDelay", () => {
  const policy = {
    ...DEFAULT_RETRY_POLICY,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    throttleBaseDelayMs: 1000,
    throttleMaxDelayMs: 4000,
  };

  it("gives throttling equal jitter in [c/2, c), doubling up to the throttle cap", () => {
    const throttled = api("RequestLimitExceeded");
    expect([1, 2, 3, 4].map((n) => retryDelay(throttled, n, policy, undefined, NOW, () => 0))).toEqual([
      500, 1000, 2000, 2000,
    ]);
    expect([1, 2, 3, 4].map((n) => retryDelay(throttled, n, policy, undefined, NOW, () => 0.999999))).toEqual([
      999, 1999, 3999, 3999,
    ]);
  });

  it("gives other failures the ordinary full-jitter backoff", () => {
    const error = api("InternalError");
    expect(retryDelay(error, 1, policy, undefined, NOW, () => 0)).toBe(0);
    expect(retryDelay(error, 2, policy, undefined, NOW, () => 0.5)).toBe(100);
  });

  it("waits at least what Retry-After asks, for throttling and for anything else", () => {
    const headers = { "retry-after": "7" };
    expect(retryDelay(api("RequestLimitExceeded"), 1, policy, headers, NOW, () => 0)).toBe(7000);
    expect(retryDelay(malformed(503), 1, policy, headers, NOW, () => 0)).toBe(7000);
    // A shorter Retry-After never shortens the throttling backoff.
    expect(retryDelay(api("RequestLimitExceeded"), 3, policy, { "retry-after": "1" }, NOW, () => 0)).toBe(2000);
  });
});

describe("resolveRetryPolicy boundaries (mutation survivors)", () => {
  it("accepts zero delays and a single attempt, and ignores undefined members", async () => {
    const { resolveRetryPolicy } = await import("../../src/retry/index.js");
    expect(resolveRetryPolicy({ baseDelayMs: 0, maxDelayMs: 0, throttleBaseDelayMs: 0 })).toMatchObject({
      baseDelayMs: 0,
      maxDelayMs: 0,
      throttleBaseDelayMs: 0,
    });
    expect(resolveRetryPolicy({ maxAttempts: 1 }).maxAttempts).toBe(1);
    // JavaScript callers can pass explicit undefined members: they mean "default".
    expect(
      resolveRetryPolicy({ maxAttempts: undefined, baseDelayMs: undefined } as unknown as { maxAttempts: number }),
    ).toEqual(DEFAULT_RETRY_POLICY);
    expect(() => resolveRetryPolicy({ throttleMaxDelayMs: -1 })).toThrow(RangeError);
  });
});

describe("isRetryable for throttling (mutation survivors)", () => {
  it("retries every throttled answer, even for mutating actions, and nothing that merely looks like one", async () => {
    const { isRetryable } = await import("../../src/retry/index.js");
    expect(isRetryable(api("RequestLimitExceeded"), false)).toBe(true);
    expect(isRetryable(api("RequestLimitExceeded.IPLimitExceeded"), false)).toBe(true);
    expect(isRetryable(api("InvalidParameter", 429), false)).toBe(true);
    expect(isRetryable(malformed(429), false)).toBe(true);
    expect(isRetryable(api("RequestLimitExceededX"), false)).toBe(false);
    expect(
      isRetryable(new MalformedResponseError("m", { httpStatus: 302, reason: "redirect", excerpt: "" }), true),
    ).toBe(false);
    expect(
      isRetryable(new MalformedResponseError("m", { httpStatus: 200, reason: "too-large", excerpt: "" }), true),
    ).toBe(false);
  });
});
