export { TokenBucket, type TokenBucketOptions } from "./token-bucket.js";
export { SlidingWindow, DEFAULT_WINDOW_MARGIN_MS, type SlidingWindowOptions } from "./sliding-window.js";
export { LocalRateLimiter, type LocalRateLimiterOptions } from "./local.js";
export type { RateLimiter, RateLimitKey } from "./limiter.js";
