// nock before the client: core binds `https.request` when it loads, so nock must patch it first.

import { type ClientOptions, RedisClient } from "@org/tc-redis";
import nock from "nock";
import { afterEach, beforeEach } from "vitest";

export const API = "https://redis.tencentcloudapi.com";

/** A client on fixed keys that never waits: no rate limiting, near-instant retries. */
export function redisClient(options: ClientOptions = {}): RedisClient {
  return new RedisClient({
    region: "ap-guangzhou",
    credentials: { secretId: "AKIDGENERATORTEST", secretKey: "generator-test-key" },
    rateLimit: false,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...options,
  });
}

/** Blocks the real network and fails the test if an interceptor went unused. */
export function useNock(): void {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    if (pending.length > 0) throw new Error(`Unused nock interceptors: ${pending.join(", ")}`);
  });
}

/** What one intercepted request carried. */
export interface Sent {
  action: string | undefined;
  version: string | undefined;
  region: string | undefined;
  host: string | undefined;
  body: unknown;
}

/** Intercepts the next POST to `origin`, records it into `sent`, and answers `Response: response`. */
export function answer(origin: string, response: unknown, sent: Sent[] = []): Sent[] {
  nock(origin)
    .post("/")
    .reply(function (_uri, body) {
      const header = (name: string) => {
        const value = this.req.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      sent.push({
        action: header("x-tc-action"),
        version: header("x-tc-version"),
        region: header("x-tc-region"),
        host: header("host"),
        body: typeof body === "string" ? (JSON.parse(body) as unknown) : body,
      });
      return [200, JSON.stringify({ Response: response }), { "Content-Type": "application/json" }];
    });
  return sent;
}
