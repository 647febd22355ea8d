import { randomBytes } from "node:crypto";
import { type RateLimiter, type RateLimitKey, RequestAbortedError } from "@org/tc-core";
import { type Cluster, Redis } from "ioredis";
import { MemoryWindows } from "./memory-window.js";
import { ACQUIRE_SCRIPT, ACQUIRE_SHA, SETTLE_SCRIPT, SETTLE_SHA } from "./script.js";

/** Options of {@link RedisRateLimiter}. */
export interface RedisRateLimiterOptions {
  /**
   * An ioredis `Redis` or `Cluster` client (yours: the limiter never closes it), or a `redis://` URL
   * (the limiter then owns the connection and closes it in {@link RedisRateLimiter.close}).
   */
  readonly redis: Redis | Cluster | string;
  /**
   * Prefix of the keys, default `tc-ratelimit:`. Tencent Cloud counts limits per account: give each
   * account its own prefix when processes use different accounts.
   */
  readonly keyPrefix?: string;
  /** Extra ms added to each one-second window, default 20. */
  readonly marginMs?: number;
  /**
   * A granted call holds its slot until it ends, or at most this long, default 60000 ms: the slot of
   * a process that died mid-call frees after this.
   */
  readonly inFlightLeaseMs?: number;
  /** While every slot is held by calls in flight, ask again after this many ms, default 25. */
  readonly pollMs?: number;
  /** A Redis call slower than this counts as a failure, default 1000 ms. */
  readonly commandTimeoutMs?: number;
  /** After a failure, limit locally for this long before asking Redis again, default 5000 ms. */
  readonly retryRedisAfterMs?: number;
  /**
   * Share of each action's rate this process takes while Redis is unreachable, default 1. With N
   * processes sharing an account, `1 / N` keeps the fleet within the limit during an outage.
   */
  readonly fallbackShare?: number;
  /**
   * Called once per outage when Redis fails and the limiter falls back to local limiting. Default:
   * `process.emitWarning` with code `TC_RATELIMIT_REDIS_FALLBACK`.
   */
  readonly onFallback?: (error: Error) => void;
}

/** What `acquire` resolves with and `settled` gets back. */
interface Slot {
  readonly id: string;
  readonly member: string;
  /** Whether Redis holds the slot (else only this process's memory). */
  readonly shared: boolean;
  readonly windowMs: number;
}

interface Waiter {
  readonly key: RateLimitKey;
  readonly resolve: (slot: Slot) => void;
  readonly reject: (error: unknown) => void;
  done: boolean;
  unlisten: (() => void) | undefined;
}

/** One action's waiters in this process, FIFO; only the head asks, so a queue costs one round trip per slot. */
interface Lane {
  readonly waiters: Waiter[];
  head: number;
  pumping: boolean;
}

const DEFAULTS = {
  keyPrefix: "tc-ratelimit:",
  marginMs: 20,
  inFlightLeaseMs: 60_000,
  pollMs: 25,
  commandTimeoutMs: 1000,
  retryRedisAfterMs: 5000,
  fallbackShare: 1,
};

/**
 * A {@link RateLimiter} whose state lives in Redis, so every process (on any machine) using the same
 * Redis and key prefix shares each action's per-second limit. Each decision is one atomic Lua script
 * on the Redis clock. A slot counts from the moment its call ended (it is held while the call is in
 * flight), so however long a process takes between getting a slot and its request arriving, the
 * server never sees more than the limit in one second. If Redis fails or is slow, the limiter warns
 * once and limits in memory (no call is lost or rejected), then asks Redis again after `retryRedisAfterMs`.
 *
 * @example
 * const limiter = new RedisRateLimiter({ redis: "redis://cache.internal:6379" });
 * const redis = new RedisClient({ region: "ap-guangzhou", rateLimit: { limiter } });
 */
export class RedisRateLimiter implements RateLimiter {
  readonly #redis: Redis | Cluster;
  readonly #ownsRedis: boolean;
  readonly #options: typeof DEFAULTS;
  readonly #onFallback: (error: Error) => void;
  readonly #memory = new MemoryWindows();
  readonly #lanes = new Map<string, Lane>();
  readonly #memberPrefix = randomBytes(6).toString("hex");
  #counter = 0;
  /** `performance.now()` until which Redis is not asked; 0 while Redis is healthy. */
  #localUntil = 0;
  #warned = false;
  #closed = false;

  /** @throws RangeError for out-of-range numbers. */
  constructor(options: RedisRateLimiterOptions) {
    this.#options = { ...DEFAULTS, ...definedOnly(options) };
    const { marginMs, inFlightLeaseMs, pollMs, commandTimeoutMs, retryRedisAfterMs, fallbackShare } = this.#options;
    if (!(marginMs >= 0)) throw new RangeError(`marginMs must be ≥ 0, got ${marginMs}`);
    if (!(inFlightLeaseMs >= 1000)) throw new RangeError(`inFlightLeaseMs must be ≥ 1000, got ${inFlightLeaseMs}`);
    if (!(pollMs > 0)) throw new RangeError(`pollMs must be > 0, got ${pollMs}`);
    if (!(commandTimeoutMs > 0)) throw new RangeError(`commandTimeoutMs must be > 0, got ${commandTimeoutMs}`);
    if (!(retryRedisAfterMs >= 0)) throw new RangeError(`retryRedisAfterMs must be ≥ 0, got ${retryRedisAfterMs}`);
    if (!(fallbackShare > 0 && fallbackShare <= 1))
      throw new RangeError(`fallbackShare must be in (0, 1], got ${fallbackShare}`);
    this.#onFallback = options.onFallback ?? defaultWarning;
    if (typeof options.redis === "string") {
      // Fail fast while Redis is down instead of retrying commands: the limiter then limits in memory.
      this.#redis = new Redis(options.redis, { maxRetriesPerRequest: 0, commandTimeout: commandTimeoutMs });
      // Failures surface through the commands; without a listener ioredis would print every reconnect error.
      this.#redis.on("error", () => {});
      this.#ownsRedis = true;
    } else {
      this.#redis = options.redis;
      this.#ownsRedis = false;
    }
  }

  /** Resolves with the slot, to be handed back to {@link RedisRateLimiter.settled} when the call ends. */
  acquire(key: RateLimitKey, signal?: AbortSignal): Promise<unknown> {
    if (this.#closed) return Promise.reject(new RequestAbortedError("The rate limiter is closed"));
    if (signal?.aborted) return Promise.reject(new RequestAbortedError(undefined, { cause: signal.reason }));
    const id = this.#keyOf(key);
    let lane = this.#lanes.get(id);
    if (lane === undefined) this.#lanes.set(id, (lane = { waiters: [], head: 0, pumping: false }));
    const queue = lane;
    return new Promise<Slot>((resolve, reject) => {
      const waiter: Waiter = { key, resolve, reject, done: false, unlisten: undefined };
      if (signal !== undefined) {
        // Marked and skipped by the pump: leaving is O(1) wherever the waiter stands.
        const onAbort = (): void => settle(waiter, new RequestAbortedError(undefined, { cause: signal.reason }));
        signal.addEventListener("abort", onAbort, { once: true });
        waiter.unlisten = () => signal.removeEventListener("abort", onAbort);
      }
      queue.waiters.push(waiter);
      if (!queue.pumping) void this.#pump(id, queue);
    });
  }

  /** Counts the slot from now: its call ended, so its request had arrived. Best effort in Redis. */
  settled(_key: RateLimitKey, slot: unknown): void {
    if (!isSlot(slot)) return;
    this.#memory.settle(slot.id, slot.member);
    if (!slot.shared || this.#closed) return;
    const args = [slot.member, String(Math.ceil(slot.windowMs))] as const;
    const run = this.#redis.evalsha(SETTLE_SHA, 1, slot.id, ...args).catch((error: unknown) => {
      if (!String((error as Error).message).startsWith("NOSCRIPT")) throw error;
      return this.#redis.eval(SETTLE_SCRIPT, 1, slot.id, ...args);
    });
    // A failed re-timing leaves the slot counted from its lease; the next acquire notices an outage.
    void withTimeout(run, this.#options.commandTimeoutMs).catch(() => {});
  }

  /** Rejects waiting callers with `makeError()` and, if the limiter created the connection, closes it. */
  close(makeError: () => unknown = () => new RequestAbortedError("The rate limiter is closed")): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const lane of this.#lanes.values()) for (const waiter of lane.waiters.splice(0)) settle(waiter, makeError());
    this.#lanes.clear();
    if (this.#ownsRedis) this.#redis.disconnect();
  }

  /** Serves one lane's waiters in order until it is empty. */
  async #pump(id: string, lane: Lane): Promise<void> {
    lane.pumping = true;
    try {
      while (!this.#closed) {
        const waiter = nextWaiting(lane);
        if (waiter === undefined) break;
        const { key } = waiter;
        const limit = Math.max(1, Math.floor(key.ratePerSecond));
        const windowMs = (1000 * limit) / key.ratePerSecond + this.#options.marginMs;
        const member = `${this.#memberPrefix}:${(this.#counter = (this.#counter + 1) % Number.MAX_SAFE_INTEGER)}`;
        let waitMs: number;
        let shared = false;
        if (this.#localUntil > performance.now()) {
          const share = Math.max(1, Math.floor(limit * this.#options.fallbackShare));
          const shareWindow =
            (1000 * share) / (key.ratePerSecond * this.#options.fallbackShare) + this.#options.marginMs;
          waitMs = this.#memory.take(
            id,
            share,
            shareWindow,
            member,
            this.#options.inFlightLeaseMs,
            this.#options.pollMs,
          );
        } else {
          try {
            waitMs = await this.#ask(id, limit, windowMs, member);
          } catch (error) {
            this.#fallBack(error);
            continue;
          }
          shared = true;
          if (waitMs === 0) this.#memory.record(id, member, this.#options.inFlightLeaseMs);
        }
        if (waitMs > 0) {
          await new Promise((resolve) => setTimeout(resolve, waitMs));
          continue;
        }
        // A slot taken for a caller that aborted meanwhile simply expires.
        if (waiter.done) continue;
        lane.head++;
        settle(waiter, undefined, { id, member, shared, windowMs });
      }
    } finally {
      lane.pumping = false;
      if (nextWaiting(lane) === undefined) {
        lane.waiters.length = 0;
        lane.head = 0;
        if (this.#lanes.get(id) === lane) this.#lanes.delete(id);
      }
    }
  }

  /** Runs the script: 0 when the call may start, else ms to wait. Rejects on any Redis failure or timeout. */
  async #ask(id: string, limit: number, windowMs: number, member: string): Promise<number> {
    const args = [limit, Math.ceil(windowMs), member, this.#options.inFlightLeaseMs, this.#options.pollMs] as const;
    const run = async (): Promise<unknown> => {
      try {
        return await this.#redis.evalsha(ACQUIRE_SHA, 1, id, ...args);
      } catch (error) {
        if (!String((error as Error).message).startsWith("NOSCRIPT")) throw error;
        return await this.#redis.eval(ACQUIRE_SCRIPT, 1, id, ...args);
      }
    };
    const answer = await withTimeout(run(), this.#options.commandTimeoutMs);
    if (typeof answer !== "number") throw new Error(`Unexpected answer from the rate-limit script: ${String(answer)}`);
    this.#warned = false;
    return answer;
  }

  #fallBack(error: unknown): void {
    this.#localUntil = performance.now() + this.#options.retryRedisAfterMs;
    if (this.#warned) return;
    this.#warned = true;
    this.#onFallback(error instanceof Error ? error : new Error(String(error)));
  }

  /** One key per action; the braces keep it in one Redis Cluster slot. */
  #keyOf(key: RateLimitKey): string {
    return `${this.#options.keyPrefix}{${key.service}:${key.version}:${key.action}}`;
  }
}

/** The next waiter still waiting, skipping those that left (aborted). */
function nextWaiting(lane: Lane): Waiter | undefined {
  while (lane.head < lane.waiters.length) {
    const waiter = lane.waiters[lane.head]!;
    if (!waiter.done) return waiter;
    lane.head++;
  }
  return undefined;
}

function settle(waiter: Waiter, error?: unknown, slot?: Slot): void {
  if (waiter.done) return;
  waiter.done = true;
  waiter.unlisten?.();
  if (error === undefined) waiter.resolve(slot!);
  else waiter.reject(error);
}

function isSlot(value: unknown): value is Slot {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Slot).member === "string" &&
    typeof (value as Slot).id === "string"
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function defaultWarning(error: Error): void {
  process.emitWarning(
    `Redis rate limiting failed (${error.message}); limiting in this process until Redis answers again`,
    {
      code: "TC_RATELIMIT_REDIS_FALLBACK",
    },
  );
}

function definedOnly(options: RedisRateLimiterOptions): Partial<typeof DEFAULTS> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(DEFAULTS)) {
    const value = (options as unknown as Record<string, unknown>)[name];
    if (value !== undefined) out[name] = value;
  }
  return out as Partial<typeof DEFAULTS>;
}
