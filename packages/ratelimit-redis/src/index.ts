export { RedisRateLimiter, type RedisRateLimiterOptions } from "./redis-limiter.js";
export { ACQUIRE_SCRIPT } from "./script.js";
