import { afterEach, describe, expect, it, vi } from "vitest";
import type { ServiceClient } from "../../src/client/index.js";
import { NetworkError, RequestAbortedError, TimeoutError } from "../../src/errors/index.js";
import { NodeHttpTransport, type Transport } from "../../src/transport/index.js";
import { verifyTc3 } from "../signer/verify.js";
import { apiReply, closedPort, startServer, type TestServer, waitFor } from "../transport/server.js";
import { apiError, clearInstance, describeTaskInfo, newClient, SECRET_KEY } from "./fixtures.js";

let server: TestServer | undefined;
let client: ServiceClient | undefined;
afterEach(async () => {
  vi.useRealTimers();
  client?.close();
  await server?.close();
  server = client = undefined;
});

describe("ServiceClient against a real HTTP server", () => {
  it("reuses one keep-alive connection and sends exactly the signed bytes", async () => {
    server = await startServer((_req, res) => apiReply(res, { Status: "succeed" }));
    client = newClient({ endpoint: server.origin });
    for (let i = 0; i < 5; i++) {
      await expect(
        client.invoke(describeTaskInfo, { TaskId: 2n ** 64n - 1n, InstanceId: `实例-${i}` }),
      ).resolves.toMatchObject({ Status: "succeed" });
    }
    expect(server.connections()).toBe(1);
    for (const [i, received] of server.requests.entries()) {
      expect(received.body.toString()).toBe(`{"TaskId":18446744073709551615,"InstanceId":"实例-${i}"}`);
      expect(await verifyTc3(received.headers as Record<string, string>, received.body, SECRET_KEY)).toBe(true);
    }
  });

  it("ends a call at its deadline on a slow server: no retry can start past it", async () => {
    server = await startServer(() => {});
    // Long enough for a machine under heavy load to connect and send before the deadline (100 ms was not,
    // at a load average of 35), which `requestSent: true` depends on.
    client = newClient({ endpoint: server.origin, timeoutMs: 1000 });
    const readOnly = client.invoke(describeTaskInfo, { TaskId: 1 });
    await expect(readOnly).rejects.toBeInstanceOf(TimeoutError);
    await expect(readOnly).rejects.toMatchObject({ attempts: 1, retryable: true, requestSent: true, timeoutMs: 1000 });
    // The server never answers, so every attempt needs a connection of its own: accepted connections
    // count attempts even when a loaded machine lets the client give up before the server reads a request.
    await waitFor(() => server!.connections() >= 1, "the read-only call's connection", server);

    const mutating = client.invoke(clearInstance, { InstanceId: "crs-1" }, { timeoutMs: 50 });
    await expect(mutating).rejects.toMatchObject({
      name: "TimeoutError",
      attempts: 1,
      retryable: false,
      timeoutMs: 50,
    });
    await waitFor(() => server!.connections() >= 2, "the mutating call's connection", server);
    expect(server.connections()).toBe(2);
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });

  it("retries a connection reset mid-body for read-only actions only", async () => {
    let resets = 0;
    server = await startServer((_req, res, socket) => {
      if (resets++ % 2 === 1) return apiReply(res, { Ok: true });
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "500" });
      res.write('{"Response": {"RequestId": "cut", "InstanceSet": [');
      setImmediate(() => socket.destroy());
    });
    client = newClient({ endpoint: server.origin });
    await expect(client.invoke(describeTaskInfo, { TaskId: 1 })).resolves.toMatchObject({ Ok: true });
    expect(server.requests).toHaveLength(2);

    const mutating = client.invoke(clearInstance, { InstanceId: "crs-1" });
    await expect(mutating).rejects.toBeInstanceOf(NetworkError);
    await expect(mutating).rejects.toMatchObject({
      code: "ECONNRESET",
      requestSent: true,
      attempts: 1,
      retryable: false,
    });
    expect(server.requests).toHaveLength(3);
  });

  it("retries a refused connection even for mutating actions, then reports every attempt", async () => {
    client = newClient({ endpoint: `http://127.0.0.1:${await closedPort()}` });
    const failure = client.invoke(clearInstance, { InstanceId: "crs-1" });
    await expect(failure).rejects.toMatchObject({
      name: "NetworkError",
      code: "ECONNREFUSED",
      requestSent: false,
      attempts: 3,
      retryable: true,
    });
  });

  it("stops a pending retry the moment the signal aborts", async () => {
    server = await startServer((_req, res) => apiReply(res, apiError("RequestLimitExceeded").Response));
    const controller = new AbortController();
    client = newClient({
      endpoint: server.origin,
      // An hour of backoff: the call can only settle within the test's time if abort cuts the wait.
      retry: { maxAttempts: 3, baseDelayMs: 3_600_000, maxDelayMs: 3_600_000 },
      hooks: { afterAttempt: () => setImmediate(() => controller.abort(new Error("user cancelled"))) },
    });
    const failure = client.invoke(describeTaskInfo, { TaskId: 1 }, { signal: controller.signal });
    await expect(failure).rejects.toBeInstanceOf(RequestAbortedError);
    await expect(failure).rejects.toMatchObject({
      attempts: 1,
      action: "DescribeTaskInfo",
      cause: new Error("user cancelled"),
    });
    expect(server.requests).toHaveLength(1);
  });

  it("starts the per-second number of calls at once by default, the rest one window later, in FIFO order", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: 0 });
    server = await startServer((_req, res) => apiReply(res, {}));
    const dispatched: { taskId: number; at: number }[] = [];
    const inner = new NodeHttpTransport();
    const recording: Transport = {
      send: (request) => {
        dispatched.push({ taskId: JSON.parse(Buffer.from(request.body).toString()).TaskId, at: Date.now() });
        return inner.send(request);
      },
      close: () => inner.close(),
    };
    client = newClient({ endpoint: server.origin, transport: recording, rateLimit: {}, now: () => Date.now() });
    const action = { ...describeTaskInfo, rateLimit: 20 };
    let settled = 0;
    const calls = Array.from({ length: 45 }, (_, i) => client!.invoke(action, { TaskId: i }).finally(() => settled++));
    while (settled < calls.length) {
      await vi.advanceTimersByTimeAsync(20);
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(calls);
    inner.close();

    expect(server.requests).toHaveLength(45);
    expect(dispatched.map((d) => d.taskId)).toEqual([...Array(45).keys()]);
    expect(dispatched.map((d) => d.at)).toEqual([...Array(45).keys()].map((i) => Math.floor(i / 20) * 1020));
  });

  it("spaces a burst evenly with rateLimit.burst, in FIFO order (fake clock, real sockets)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: 0 });
    server = await startServer((_req, res) => apiReply(res, {}));
    const dispatched: { taskId: number; at: number }[] = [];
    const inner = new NodeHttpTransport();
    const recording: Transport = {
      send: (request) => {
        dispatched.push({ taskId: JSON.parse(Buffer.from(request.body).toString()).TaskId, at: Date.now() });
        return inner.send(request);
      },
      close: () => inner.close(),
    };
    client = newClient({
      endpoint: server.origin,
      transport: recording,
      rateLimit: { burst: 1 },
      now: () => Date.now(),
    });
    const action = { ...describeTaskInfo, rateLimit: 10 };
    let settled = 0;
    const calls = Array.from({ length: 25 }, (_, i) => client!.invoke(action, { TaskId: i }).finally(() => settled++));
    while (settled < calls.length) {
      await vi.advanceTimersByTimeAsync(20);
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(calls);
    inner.close();

    expect(server.requests).toHaveLength(25);
    expect(dispatched.map((d) => d.taskId)).toEqual([...Array(25).keys()]);
    expect(dispatched.map((d) => d.at)).toEqual([...Array(25).keys()].map((i) => i * 100));
  });

  it("sends a burst at once with rateLimit: false or enabled: false", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: 0 });
    server = await startServer((_req, res) => apiReply(res, {}));
    const action = { ...describeTaskInfo, rateLimit: 1 };
    for (const rateLimit of [false, { enabled: false }] as const) {
      const unlimited = newClient({ endpoint: server.origin, rateLimit, now: () => Date.now() });
      // No fake time passes: with a limit of 1/s, only the first call could finish.
      await Promise.all(Array.from({ length: 5 }, (_, i) => unlimited.invoke(action, { TaskId: i })));
      unlimited.close();
    }
    expect(server.requests).toHaveLength(10);
    expect(Date.now()).toBe(0);
  });

  it("close() rejects calls queued by the rate limiter and stops pending retries", async () => {
    server = await startServer((_req, res) => apiReply(res, apiError("RequestLimitExceeded").Response));
    const action = { ...describeTaskInfo, rateLimit: 0.001 };
    client = newClient({ endpoint: server.origin, rateLimit: {}, hooks: { afterAttempt: () => client!.close() } });
    const calls = [1, 2, 3].map((TaskId) => client!.invoke(action, { TaskId }).catch((e: unknown) => e));
    const [inFlight, queued1, queued2] = await Promise.all(calls);
    for (const queued of [queued1, queued2]) {
      expect(queued).toBeInstanceOf(RequestAbortedError);
      expect(queued).toMatchObject({
        action: "DescribeTaskInfo",
        attempts: 0,
        message: expect.stringMatching(/closed while the call waited for its rate-limit slot/),
      });
    }
    expect(queued1).not.toBe(queued2);
    // The first call got RequestLimitExceeded (retryable) but the client closed during its backoff.
    expect(inFlight).toMatchObject({
      name: "RequestAbortedError",
      message: "The client was closed while backing off before a retry",
      attempts: 1,
    });
    expect(server.requests).toHaveLength(1);
  });
});
