import { createServer } from "node:net";
import { RequestAbortedError, ServiceClient } from "@org/tc-core";
import { startMockServer } from "@org/tc-core/testing";
import { describe, expect, it } from "vitest";
import { RedisRateLimiter } from "../src/index.js";
import { describeThings, meta, service } from "./service.js";

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const key = { service: "demo", version: "2020-01-01", action: "DescribeThings", ratePerSecond: 2 };

describe("RedisRateLimiter without a reachable Redis (the fallback)", () => {
  it("limits locally with one warning, and loses no call", async () => {
    const warnings: Error[] = [];
    const limiter = new RedisRateLimiter({
      redis: `redis://127.0.0.1:${await closedPort()}`,
      onFallback: (e) => warnings.push(e),
      marginMs: 0,
    });
    const started = performance.now();
    const granted: number[] = [];
    // A slot is held until its call settles; settle each at once, as the client does when the answer arrives.
    await Promise.all(
      [0, 1, 2, 3].map((i) =>
        limiter.acquire(key).then((slot) => {
          granted.push(i);
          limiter.settled(key, slot);
        }),
      ),
    );
    const elapsed = performance.now() - started;
    limiter.close();
    expect(granted).toEqual([0, 1, 2, 3]);
    expect(warnings).toHaveLength(1);
    // 2 per second locally: the third and fourth waited for the window.
    expect(elapsed).toBeGreaterThanOrEqual(1000);
  });

  it("lets a client's calls through the fallback in order, every one answered", async () => {
    const server = await startMockServer(service);
    const warnings: Error[] = [];
    const limiter = new RedisRateLimiter({
      redis: `redis://127.0.0.1:${await closedPort()}`,
      onFallback: (e) => warnings.push(e),
    });
    const client = new ServiceClient(meta, {
      endpoint: server.endpoint,
      credentials: server.credentials,
      retry: false,
      rateLimit: { limiter },
    });
    try {
      const action = { ...describeThings, rateLimit: 50 };
      await Promise.all(Array.from({ length: 60 }, (_, Index) => client.invoke(action, { Index })));
      expect(server.requests).toHaveLength(60);
      expect(server.requests.filter((r) => r.errorCode !== undefined)).toEqual([]);
      expect(warnings).toHaveLength(1);
    } finally {
      client.close();
      limiter.close();
      await server.close();
    }
  });

  it("takes fallbackShare of the rate while Redis is down", async () => {
    const limiter = new RedisRateLimiter({
      redis: `redis://127.0.0.1:${await closedPort()}`,
      onFallback: () => {},
      fallbackShare: 0.5,
      marginMs: 0,
    });
    const started = performance.now();
    await Promise.all([0, 1].map(() => limiter.acquire(key).then((slot) => limiter.settled(key, slot))));
    limiter.close();
    // 2/s halved is 1 per second: the second call waited a full window.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("holds a slot while its call is in flight", async () => {
    const limiter = new RedisRateLimiter({
      redis: `redis://127.0.0.1:${await closedPort()}`,
      onFallback: () => {},
      marginMs: 0,
      pollMs: 10,
    });
    const one = { ...key, ratePerSecond: 1 };
    const first = await limiter.acquire(one);
    let second = false;
    const next = limiter.acquire(one).then((slot) => {
      second = true;
      return slot;
    });
    await new Promise((resolve) => setTimeout(resolve, 1300));
    // A second past the grant, but the first call has not ended: its slot is still held.
    expect(second).toBe(false);
    limiter.settled(one, first);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(second).toBe(true);
    limiter.settled(one, await next);
    limiter.close();
  });

  it("rejects aborted and closed-out callers with RequestAbortedError", async () => {
    const limiter = new RedisRateLimiter({ redis: `redis://127.0.0.1:${await closedPort()}`, onFallback: () => {} });
    await expect(limiter.acquire(key, AbortSignal.abort())).rejects.toBeInstanceOf(RequestAbortedError);
    limiter.close();
    await expect(limiter.acquire(key)).rejects.toBeInstanceOf(RequestAbortedError);
  });

  it("rejects out-of-range options", () => {
    const redis = "redis://127.0.0.1:1";
    expect(() => new RedisRateLimiter({ redis, fallbackShare: 0 })).toThrow(RangeError);
    expect(() => new RedisRateLimiter({ redis, marginMs: -1 })).toThrow(RangeError);
    expect(() => new RedisRateLimiter({ redis, commandTimeoutMs: 0 })).toThrow(RangeError);
  });
});
