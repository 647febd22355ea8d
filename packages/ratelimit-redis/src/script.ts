import { createHash } from "node:crypto";

/**
 * The whole decision for one call, run atomically inside Redis: a sliding-window log in a sorted set,
 * timed by the Redis server's clock (so the processes' clocks need not agree). A granted call is
 * recorded with a score `lease` ms in the future, so it counts as in flight until {@link SETTLE_SCRIPT}
 * re-times it to the moment it ended (a process that dies mid-call frees its slot after the lease).
 * KEYS[1] the action's key; ARGV limit, window ms, a unique member, lease ms, poll ms.
 * Returns 0 when the call may start (and records it), else the ms to wait before asking again.
 */
export const ACQUIRE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local lease = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now + lease, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], lease + window)
  return 0
end
local oldest = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
if oldest > now then return tonumber(ARGV[5]) end
return math.max(1, math.ceil(oldest + window - now))
`;

/** SHA-1 of {@link ACQUIRE_SCRIPT}, for `EVALSHA`. */
export const ACQUIRE_SHA = createHash("sha1").update(ACQUIRE_SCRIPT).digest("hex");

/**
 * Re-times one granted call to now (Redis time) once it has ended: the slot then counts for a whole
 * window from a moment its request had surely arrived by, so no delay between granting and sending
 * can crowd a window at the server. KEYS[1] the action's key; ARGV the member, the window in ms.
 */
export const SETTLE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('ZADD', KEYS[1], 'XX', 'CH', now, ARGV[1]) == 1 then
  redis.call('PEXPIRE', KEYS[1], math.ceil(tonumber(ARGV[2])))
end
return 0
`;

/** SHA-1 of {@link SETTLE_SCRIPT}. */
export const SETTLE_SHA = createHash("sha1").update(SETTLE_SCRIPT).digest("hex");
