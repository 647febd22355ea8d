import type { SdkError } from "../errors/sdk-error.js";
import { backoffDelay, isThrottled, type RetryPolicy } from "./policy.js";

/**
 * The wait a `Retry-After` header asks for, in ms: delta seconds (`120`) or an HTTP date. `undefined`
 * when absent or unreadable; a date in the past is 0.
 */
export function retryAfterMs(headers: Readonly<Record<string, string>> | undefined, nowMs: number): number | undefined {
  const value = headers?.["retry-after"]?.trim();
  if (value === undefined || value === "") return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // HTTP dates start with the day name (`Wed, 21 Oct 2015 07:28:00 GMT`); Date.parse takes far more.
  if (!/^[A-Za-z]{3}, /.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * How long to wait before retry number `retry` (1 for the first): what the server's `Retry-After`
 * asks for, or more; throttling gets its own longer backoff (`throttleBaseDelayMs`, doubling up to
 * `throttleMaxDelayMs`) with equal jitter, so it never retries at once; everything else gets
 * {@link backoffDelay}.
 */
export function retryDelay(
  error: SdkError,
  retry: number,
  policy: RetryPolicy,
  headers: Readonly<Record<string, string>> | undefined,
  nowMs: number,
  random: () => number = Math.random,
): number {
  const asked = retryAfterMs(headers, nowMs) ?? 0;
  if (!isThrottled(error)) return Math.max(asked, backoffDelay(retry, policy, random));
  const ceiling = Math.min(policy.throttleMaxDelayMs, policy.throttleBaseDelayMs * 2 ** (retry - 1));
  return Math.max(asked, Math.floor(ceiling / 2 + (random() * ceiling) / 2));
}
