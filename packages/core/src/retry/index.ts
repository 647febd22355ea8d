export { backoffDelay, DEFAULT_RETRY_POLICY, isRetryable, type RetryPolicy, resolveRetryPolicy } from "./policy.js";
export { isThrottled, retryAfterMs, retryDelay } from "./throttle.js";
