export type { RateLimiter, RateLimitKey } from "./limiter.js";
export { LocalRateLimiter, type LocalRateLimiterOptions } from "./local.js";
export { DEFAULT_WINDOW_MARGIN_MS, SlidingWindow, type SlidingWindowOptions } from "./sliding-window.js";
export { TokenBucket, type TokenBucketOptions } from "./token-bucket.js";
