import nock from "nock";
import { describe, expect, it } from "vitest";
import type { Middleware, MiddlewareResponse } from "../../src/client/index.js";
import { ConfigurationError, TencentCloudError } from "../../src/errors/index.js";
import { verifyTc3 } from "../signer/verify.js";
import { API, apiError, describeTaskInfo, newClient, ok, SECRET_KEY, useNock } from "./fixtures.js";

useNock();

/** Records the headers and body of every request nock receives. */
function recordRequests(times: number, reply: () => object = () => ok()) {
  const seen: { headers: Record<string, string>; body: string }[] = [];
  nock(API)
    .post("/")
    .times(times)
    .reply(function (_uri, body) {
      seen.push({ headers: this.req.headers as Record<string, string>, body: JSON.stringify(body) });
      return [200, reply()];
    });
  return seen;
}

describe("middleware", () => {
  it("adds a header to the outgoing request", async () => {
    const seen = recordRequests(1);
    const client = newClient({
      middleware: [
        (request, next) => {
          request.headers["X-Tenant"] = "acme";
          return next(request);
        },
      ],
    });
    await client.invoke(describeTaskInfo, { TaskId: 1 });
    expect(seen[0]!.headers["x-tenant"]).toBe("acme");
  });

  it("propagates a W3C traceparent per attempt, with the attempt's trace id visible", async () => {
    const seen = recordRequests(2, () => (seen.length === 1 ? apiError("RequestLimitExceeded") : ok()));
    const traceparent: Middleware = (request, next) => {
      const traceId = request.traceId.replace(/-/g, "");
      const spanId = traceId.slice(0, 16);
      request.headers["traceparent"] = `00-${traceId}-${spanId}-01`;
      return next(request);
    };
    const client = newClient({ middleware: [traceparent] });
    await client.invoke(describeTaskInfo, { TaskId: 1 });
    expect(seen).toHaveLength(2);
    for (const { headers } of seen) {
      const traceId = headers["x-tc-traceid"]!.replace(/-/g, "");
      expect(headers["traceparent"]).toBe(`00-${traceId}-${traceId.slice(0, 16)}-01`);
    }
    expect(seen[0]!.headers["traceparent"]).not.toBe(seen[1]!.headers["traceparent"]);
  });

  it("times each attempt and sees failures as typed errors", async () => {
    recordRequests(2, () => apiError("ResourceNotFound", "gone"));
    const timings: { action: string; attempt: number; ms: number; outcome: string }[] = [];
    const timing: Middleware = async (request, next) => {
      const started = performance.now();
      try {
        const response = await next(request);
        timings.push({
          action: request.action,
          attempt: request.attempt,
          ms: performance.now() - started,
          outcome: "ok",
        });
        return response;
      } catch (error) {
        timings.push({
          action: request.action,
          attempt: request.attempt,
          ms: performance.now() - started,
          outcome: (error as TencentCloudError).code,
        });
        throw error;
      }
    };
    const client = newClient({ middleware: [timing] });
    await expect(client.invoke(describeTaskInfo, { TaskId: 1 })).rejects.toMatchObject({
      name: "TencentCloudError",
      code: "ResourceNotFound",
      attempts: 1,
    });
    await expect(client.invoke(describeTaskInfo, { TaskId: 2 })).rejects.toBeInstanceOf(TencentCloudError);
    expect(timings.map(({ action, attempt, outcome }) => [action, attempt, outcome])).toEqual([
      ["DescribeTaskInfo", 1, "ResourceNotFound"],
      ["DescribeTaskInfo", 1, "ResourceNotFound"],
    ]);
    for (const t of timings) expect(t.ms).toBeGreaterThanOrEqual(0);
  });

  it("short-circuits with a cached response: the second call sends nothing", async () => {
    recordRequests(1, () => ok({ Status: "succeed" }, "req-live"));
    const cache = new Map<string, MiddlewareResponse>();
    const caching: Middleware = async (request, next) => {
      const key = `${request.action}:${JSON.stringify(request.params)}`;
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const response = await next(request);
      cache.set(key, response);
      return response;
    };
    const before: number[] = [];
    const client = newClient({ middleware: [caching], hooks: { beforeAttempt: (e) => before.push(e.attempt) } });
    const first = await client.invoke(describeTaskInfo, { TaskId: 7 });
    const second = await client.invoke(describeTaskInfo, { TaskId: 7 });
    expect(second).toEqual(first);
    expect(second).toEqual({ Status: "succeed", RequestId: "req-live" });
    // Hooks observe what is sent: only the first call reached the network.
    expect(before).toEqual([1]);
  });

  it("runs in order (first outermost) and signs the params as the last middleware left them", async () => {
    const seen = recordRequests(1);
    const order: string[] = [];
    const client = newClient({
      middleware: [
        async (request, next) => {
          order.push("outer in");
          const response = await next({ ...request, params: { ...request.params, InstanceId: "crs-from-middleware" } });
          order.push("outer out");
          return response;
        },
        async (request, next) => {
          order.push(`inner in ${String(request.params["InstanceId"])}`);
          const response = await next(request);
          order.push("inner out");
          return { ...response, response: { ...response.response, Extra: true } };
        },
      ],
    });
    await expect(client.invoke(describeTaskInfo, { TaskId: 1 })).resolves.toEqual({ RequestId: "req-ok", Extra: true });
    expect(order).toEqual(["outer in", "inner in crs-from-middleware", "inner out", "outer out"]);
    expect(JSON.parse(seen[0]!.body)).toEqual({ TaskId: 1, InstanceId: "crs-from-middleware" });
    const body = Buffer.from(seen[0]!.body);
    expect(await verifyTc3(seen[0]!.headers, body, SECRET_KEY)).toBe(true);
  });

  it("refuses a reserved header set by middleware, before sending", async () => {
    const client = newClient({
      middleware: [
        (request, next) => {
          request.headers["Authorization"] = "mine";
          return next(request);
        },
      ],
    });
    await expect(client.invoke(describeTaskInfo, { TaskId: 1 })).rejects.toBeInstanceOf(ConfigurationError);
    await expect(client.invoke(describeTaskInfo, { TaskId: 1 })).rejects.toThrow(
      /middleware headers: the header Authorization is reserved/,
    );
  });

  it("fails the call at once, without retry, when a middleware throws a non-SDK error", async () => {
    let calls = 0;
    const client = newClient({
      middleware: [
        () => {
          calls++;
          throw new Error("middleware bug");
        },
      ],
    });
    await expect(client.invoke(describeTaskInfo, { TaskId: 1 })).rejects.toThrow("middleware bug");
    expect(calls).toBe(1);
  });
});
