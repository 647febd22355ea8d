import { describe, expect, it } from "vitest";
import {
  MalformedResponseError,
  NetworkError,
  RequestAbortedError,
  type SdkError,
  TencentCloudError,
  TimeoutError,
} from "../../src/errors/index.js";
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryable, resolveRetryPolicy } from "../../src/retry/index.js";

const api = (code: string, httpStatus = 200) =>
  new TencentCloudError({ code, message: "m", requestId: "r", httpStatus });

/** [error, retryable for a read-only action, retryable for a mutating action] */
const cases: [string, SdkError, boolean, boolean][] = [
  ["RequestLimitExceeded", api("RequestLimitExceeded"), true, true],
  ["RequestLimitExceeded.UinLimitExceeded", api("RequestLimitExceeded.UinLimitExceeded"), true, true],
  ["ECONNREFUSED before send", new NetworkError("x", { code: "ECONNREFUSED", requestSent: false }), true, true],
  ["ENOTFOUND before send", new NetworkError("x", { code: "ENOTFOUND", requestSent: false }), true, true],
  ["connect timeout", new TimeoutError("x", { timeoutMs: 1, requestSent: false }), true, true],
  ["timeout after send", new TimeoutError("x", { timeoutMs: 1, requestSent: true }), true, false],
  ["ECONNRESET after send", new NetworkError("x", { code: "ECONNRESET", requestSent: true }), true, false],
  ["InternalError", api("InternalError"), true, false],
  ["InternalError.DbError", api("InternalError.DbError"), true, false],
  ["HTTP 503 API error", api("ServiceUnavailable", 503), true, false],
  ["HTML 502", new MalformedResponseError("x", { httpStatus: 502, reason: "not-json", excerpt: "" }), true, false],
  [
    "truncated body",
    new MalformedResponseError("x", { httpStatus: 200, reason: "truncated", excerpt: "" }),
    true,
    false,
  ],
  [
    "200 JSON without Response",
    new MalformedResponseError("x", { httpStatus: 200, reason: "missing-response", excerpt: "" }),
    false,
    false,
  ],
  [
    "500 JSON without Response",
    new MalformedResponseError("x", { httpStatus: 500, reason: "missing-response", excerpt: "" }),
    true,
    false,
  ],
  ["AuthFailure.SignatureFailure", api("AuthFailure.SignatureFailure"), false, false],
  ["ResourceNotFound", api("ResourceNotFound"), false, false],
  ["InvalidParameter", api("InvalidParameter"), false, false],
  ["abort", new RequestAbortedError(), false, false],
];

describe("isRetryable", () => {
  it.each(cases)("%s", (_name, error, readOnly, mutating) => {
    expect(isRetryable(error, true)).toBe(readOnly);
    expect(isRetryable(error, false)).toBe(mutating);
  });
});

describe("backoffDelay", () => {
  it("draws from [0, min(cap, base·2^(n−1))) — full jitter", () => {
    const policy = {
      maxAttempts: 10,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      throttleBaseDelayMs: 1000,
      throttleMaxDelayMs: 20_000,
    };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, () => 0.999999))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(100);
  });
});

describe("resolveRetryPolicy", () => {
  it("defaults to 3 attempts, and false means one", () => {
    expect(resolveRetryPolicy(undefined)).toEqual(DEFAULT_RETRY_POLICY);
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(3);
    expect(resolveRetryPolicy(false).maxAttempts).toBe(1);
    expect(resolveRetryPolicy({ maxAttempts: 5 })).toEqual({ ...DEFAULT_RETRY_POLICY, maxAttempts: 5 });
  });

  it("rejects nonsense numbers", () => {
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => resolveRetryPolicy({ maxAttempts: 1.5 })).toThrow(/maxAttempts/);
    expect(() => resolveRetryPolicy({ baseDelayMs: -1 })).toThrow(/baseDelayMs/);
    expect(() => resolveRetryPolicy({ maxDelayMs: Number.NaN })).toThrow(/maxDelayMs/);
  });
});
