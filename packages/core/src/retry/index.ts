export {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isRetryable,
  isThrottled,
  type RetryPolicy,
  resolveRetryPolicy,
} from "./policy.js";
export { retryAfterMs, retryDelay } from "./throttle.js";
