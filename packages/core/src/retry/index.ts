export { isRetryable, backoffDelay, resolveRetryPolicy, DEFAULT_RETRY_POLICY, type RetryPolicy } from "./policy.js";
export { isThrottled, retryAfterMs, retryDelay } from "./throttle.js";
