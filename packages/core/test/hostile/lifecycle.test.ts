import { afterEach, describe, expect, it } from "vitest";
import { ServiceClient } from "../../src/client/index.js";
import { CredentialsError } from "../../src/credentials/errors.js";
import { parseEndpoint } from "../../src/endpoint/index.js";
import { ConfigurationError, RequestAbortedError, TimeoutError } from "../../src/errors/index.js";
import { FetchTransport, NodeHttpTransport } from "../../src/transport/index.js";
import { ValidationError } from "../../src/validate/index.js";
import { describeTaskInfo, meta, newClient } from "../client/fixtures.js";
import { apiReply, startServer, type TestServer } from "../transport/server.js";

const servers: TestServer[] = [];
let client: ServiceClient | undefined;
afterEach(async () => {
  client?.close();
  client = undefined;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("close()", () => {
  it("stops calls in flight and queued in the connection pool: nothing reaches the server afterwards", async () => {
    const server = await serve(() => {}); // never answers
    // One socket: the other calls wait in the agent's queue, where close() used to leave them.
    client = newClient({ endpoint: server.origin, transport: new NodeHttpTransport({ maxSockets: 1 }) });
    const calls = Array.from({ length: 5 }, (_, i) =>
      client!.invoke(describeTaskInfo, { TaskId: i }).catch((e: unknown) => e),
    );
    while (server.requests.length === 0) await settle(5);
    client.close();
    for (const error of await Promise.all(calls)) expect(error).toBeInstanceOf(RequestAbortedError);
    await settle(100);
    expect(server.requests).toHaveLength(1);
  });

  it("rejects a call waiting for credentials without opening a connection", async () => {
    const server = await serve((_req, res) => apiReply(res, {}));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    client = newClient({
      endpoint: server.origin,
      credentials: async () => {
        await gate;
        return { secretId: "AKIDx", secretKey: "k" };
      },
    });
    const call = client.invoke(describeTaskInfo, { TaskId: 1 }).catch((e: unknown) => e);
    await settle(20);
    client.close();
    expect(await call).toMatchObject({
      name: "RequestAbortedError",
      message: expect.stringMatching(/closed while getting credentials/),
    });
    release();
    await settle(50);
    expect(server.connections()).toBe(0);
  });
});

describe("the call's deadline (timeoutMs)", () => {
  it("covers getting credentials: a provider that never settles ends in a TimeoutError", async () => {
    client = newClient({ credentials: () => new Promise(() => {}), timeoutMs: 100 });
    const started = performance.now();
    const error = await client.invoke(describeTaskInfo, { TaskId: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      timeoutMs: 100,
      requestSent: false,
      attempts: 0,
      message: expect.stringMatching(/getting credentials/),
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("covers the rate-limit queue", async () => {
    const server = await serve((_req, res) => apiReply(res, {}));
    client = newClient({ endpoint: server.origin, rateLimit: {}, timeoutMs: 150 });
    const slow = { ...describeTaskInfo, rateLimit: 0.01 };
    // The first call takes the only slot; its own deadline is generous so a busy machine cannot fail it.
    await client.invoke(slow, { TaskId: 1 }, { timeoutMs: 30_000 });
    await expect(client.invoke(slow, { TaskId: 2 })).rejects.toMatchObject({
      name: "TimeoutError",
      message: expect.stringMatching(/rate-limit slot/),
    });
    expect(server.requests).toHaveLength(1);
  });

  it("caps the total retry time: no retry starts when Retry-After would pass the deadline", async () => {
    const server = await serve((_req, res) => {
      res.setHeader("Retry-After", "30");
      apiReply(res, { Error: { Code: "RequestLimitExceeded", Message: "slow down" } });
    });
    client = newClient({ endpoint: server.origin, timeoutMs: 2000 });
    const started = performance.now();
    await expect(client.invoke(describeTaskInfo, { TaskId: 1 })).rejects.toMatchObject({
      code: "RequestLimitExceeded",
      attempts: 1,
      retryable: true,
    });
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe("throttling", () => {
  it("honours Retry-After on a 429, and the hooks see the response headers", async () => {
    let n = 0;
    const server = await serve((_req, res) => {
      if (n++ === 0) {
        res.writeHead(429, { "Retry-After": "1", "Content-Type": "text/plain" });
        res.end("Too Many Requests");
      } else apiReply(res, { Ok: true });
    });
    const seen: (Readonly<Record<string, string>> | undefined)[] = [];
    client = newClient({ endpoint: server.origin, hooks: { afterAttempt: (e) => seen.push(e.headers) } });
    const started = performance.now();
    // A mutating action too: a 429 was refused before running.
    await expect(client.invoke({ ...describeTaskInfo, readOnly: false }, { TaskId: 1 })).resolves.toMatchObject({
      Ok: true,
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(seen[0]?.["retry-after"]).toBe("1");
  });

  it("backs off RequestLimitExceeded with its own, longer schedule (at least half the throttle base)", async () => {
    const times: number[] = [];
    const server = await serve((_req, res) => {
      times.push(performance.now());
      apiReply(res, { Error: { Code: "RequestLimitExceeded", Message: "slow down" } });
    });
    client = newClient({
      endpoint: server.origin,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, throttleBaseDelayMs: 200 },
    });
    await expect(client.invoke(describeTaskInfo, { TaskId: 1 })).rejects.toMatchObject({ attempts: 3 });
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(95);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(195);
  });
});

describe("local configuration errors fail before sending, never retried", () => {
  it.each([
    ["region", { region: "ap-guangzhou\r\nX-Evil: 1" }],
    ["language", { language: "en-US\r\n" as "en-US" }],
  ])("CR/LF in %s is a ConfigurationError at construction", (_name, options) => {
    expect(() => newClient(options)).toThrow(ConfigurationError);
  });

  it.each([
    ["secretId", { secretId: "AKID\r\nX: y", secretKey: "k" }],
    ["token", { secretId: "AKID", secretKey: "k", token: "tok\nen" }],
  ])(
    "CR/LF in %s is a CredentialsError, from options or from a provider, with nothing sent",
    async (_name, credentials) => {
      expect(() => newClient({ credentials })).toThrow(CredentialsError);
      const server = await serve((_req, res) => apiReply(res, {}));
      client = newClient({ endpoint: server.origin, credentials: async () => credentials });
      const error = await client.invoke(describeTaskInfo, { TaskId: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CredentialsError);
      expect(String((error as Error).message)).not.toContain("tok\nen");
      expect(server.connections()).toBe(0);
    },
  );

  it.each([
    ["node:http", new NodeHttpTransport()],
    ["fetch", new FetchTransport()],
  ])(
    "a %s transport refuses a header with CR/LF as a ConfigurationError naming the header, not the value",
    async (_n, transport) => {
      const endpoint = parseEndpoint("http://127.0.0.1:9");
      const error = await transport
        .send({
          endpoint,
          headers: { Host: endpoint.host, "X-TC-Token": "secret\r\nInjected: 1" },
          body: Buffer.from("{}"),
          timeoutMs: 1000,
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toContain("X-TC-Token");
      expect((error as Error).message).not.toContain("secret");
    },
  );

  it("refuses http:// to a non-loopback host unless allowInsecureEndpoint is set", () => {
    expect(() => newClient({ endpoint: "http://redis.example.com" })).toThrow(ConfigurationError);
    expect(() => newClient({ endpoint: "http://10.0.0.8:8080" })).toThrow(/allowInsecureEndpoint/);
    expect(newClient({ endpoint: "http://redis.example.com", allowInsecureEndpoint: true }).endpoint).toBe(
      "http://redis.example.com",
    );
    for (const local of [
      "http://127.0.0.1:8080",
      "http://localhost:1",
      "http://[::1]:80",
      "http://127.9.9.9",
      "https://redis.example.com",
    ]) {
      expect(() => newClient({ endpoint: local })).not.toThrow();
    }
  });
});

describe("requests that cannot be validated or serialised", () => {
  const recursive = {
    ...meta,
    shapes: { ...meta.shapes, FilterRequest: { Filter: "#Filter" }, Filter: { Name: "s", And: "[#Filter", Free: "o" } },
  };
  const action = { name: "Filter", rateLimit: 20, readOnly: true, input: "FilterRequest" };

  function deep(levels: number): Record<string, unknown> {
    let filter: Record<string, unknown> = { Name: "leaf" };
    for (let i = 0; i < levels; i++) filter = { Name: String(i), And: [filter] };
    return { Filter: filter };
  }

  it.each([true, false])("a 20,000-deep request ends in a ValidationError (validate: %s)", async (validate) => {
    const c = new ServiceClient(recursive, {
      credentials: { secretId: "a", secretKey: "b" },
      validate,
      rateLimit: false,
    });
    const error = await c.invoke(action, deep(20_000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ attempts: 0 });
  });

  it.each([true, false])("a cyclic request ends in a ValidationError (validate: %s)", async (validate) => {
    const c = new ServiceClient(recursive, {
      credentials: { secretId: "a", secretKey: "b" },
      validate,
      rateLimit: false,
    });
    const filter: Record<string, unknown> = { Name: "loop" };
    filter["And"] = [filter];
    await expect(c.invoke(action, { Filter: filter })).rejects.toBeInstanceOf(ValidationError);
    const free: Record<string, unknown> = {};
    free["self"] = free;
    await expect(c.invoke(action, { Filter: { Free: free } })).rejects.toBeInstanceOf(ValidationError);
  });

  it("a shared (not cyclic) object is fine", async () => {
    const shared = { Name: "same" };
    const c = new ServiceClient(recursive, {
      credentials: { secretId: "a", secretKey: "b" },
      rateLimit: false,
      transport: { send: async () => ({ status: 200, body: Buffer.from('{"Response":{"RequestId":"r"}}') }) },
    });
    await expect(c.invoke(action, { Filter: { And: [shared, shared] } })).resolves.toEqual({ RequestId: "r" });
  });
});

describe("FetchTransport timeouts", () => {
  it("report the request as sent, so a mutating action is never retried after one", async () => {
    const server = await serve(() => {});
    const endpoint = parseEndpoint(server.origin);
    const error = await new FetchTransport()
      .send({ endpoint, headers: { Host: endpoint.host }, body: Buffer.from("{}"), timeoutMs: 100 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ requestSent: true });
    client = newClient({ endpoint: server.origin, transport: new FetchTransport(), timeoutMs: 100 });
    await expect(client.invoke({ ...describeTaskInfo, readOnly: false }, { TaskId: 1 })).rejects.toMatchObject({
      name: "TimeoutError",
      requestSent: true,
      retryable: false,
    });
  });
});
