import type { RetryOptions } from "../client/options.js";
import { kindOf } from "../errors/brand.js";
import type { SdkError } from "../errors/sdk-error.js";

/** A retry policy with every default filled in. */
export interface RetryPolicy {
  /** Total attempts, the first try included; 1 means never retry. */
  readonly maxAttempts: number;
  /** Ceiling of the first backoff in ms; doubles per retry. */
  readonly baseDelayMs: number;
  /** Largest backoff ceiling in ms. */
  readonly maxDelayMs: number;
  /** Ceiling of the first backoff after throttling (`RequestLimitExceeded`, 429) in ms; doubles per retry. */
  readonly throttleBaseDelayMs: number;
  /** Largest backoff ceiling after throttling in ms. */
  readonly throttleMaxDelayMs: number;
}

/**
 * Defaults: 3 attempts in total, backoff ceilings 100 ms, 200 ms, … up to 5 s; after throttling
 * 1 s, 2 s, … up to 20 s.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 5000,
  throttleBaseDelayMs: 1000,
  throttleMaxDelayMs: 20_000,
});

/** Turns the `retry` client option into a policy; `false` is a single attempt. */
export function resolveRetryPolicy(option: RetryOptions | false | undefined): RetryPolicy {
  if (option === false) return { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 };
  const policy = { ...DEFAULT_RETRY_POLICY, ...definedOnly(option ?? {}) };
  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`retry.${name} must be a non-negative number, got ${value}`);
  }
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError(`retry.maxAttempts must be an integer ≥ 1, got ${policy.maxAttempts}`);
  }
  return policy;
}

function definedOnly(options: RetryOptions): Partial<RetryPolicy> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

/**
 * Whether the server refused the attempt for rate (`RequestLimitExceeded`, `RequestLimitExceeded.*`,
 * or HTTP 429 whatever the body): it did not run, and retrying soon will only be refused again.
 */
export function isThrottled(error: SdkError): boolean {
  const kind = kindOf(error);
  if (kind !== "TencentCloudError" && kind !== "MalformedResponseError") return false;
  const { code, httpStatus } = error as SdkError & { code?: unknown; httpStatus: number };
  return (
    httpStatus === 429 ||
    (kind === "TencentCloudError" &&
      (code === "RequestLimitExceeded" || String(code).startsWith("RequestLimitExceeded.")))
  );
}

/**
 * Whether a failed attempt may be repeated:
 * - always when the request cannot have run: `RequestLimitExceeded*` and HTTP 429 (rejected before
 *   execution) and connection failures before the request was sent (refused, DNS);
 * - only for read-only actions when it may have run: timeouts after sending, connection resets,
 *   HTTP 5xx, non-JSON or truncated bodies, `InternalError*`;
 * - never for any other API error, malformed JSON answer, redirect, oversized body or abort.
 */
export function isRetryable(error: SdkError, readOnly: boolean): boolean {
  if (isThrottled(error)) return true;
  switch (kindOf(error)) {
    case "TencentCloudError": {
      const { code, httpStatus } = error as SdkError & { code: string; httpStatus: number };
      return readOnly && (code.startsWith("InternalError") || httpStatus >= 500);
    }
    case "NetworkError":
    case "TimeoutError":
      return !(error as SdkError & { requestSent: boolean }).requestSent || readOnly;
    case "MalformedResponseError": {
      const { reason, httpStatus } = error as SdkError & { reason: string; httpStatus: number };
      // Redirects and oversized bodies repeat identically.
      if (reason === "redirect" || reason === "too-large") return false;
      return readOnly && (reason !== "missing-response" || httpStatus >= 500);
    }
    default:
      return false;
  }
}

/**
 * Backoff before retry number `retry` (1 for the first retry), with full jitter: a uniform random
 * delay in [0, min(maxDelayMs, baseDelayMs × 2^(retry−1))), which spreads out clients that failed together.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}
