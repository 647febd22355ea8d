// @ts-nocheck
import { afterEach, describe, expect, it } from "vitest";
import { parseEndpoint } from "../../src/endpoint/index.js";
import { NetworkError, RequestAbortedError, TimeoutError } from "../../src/errors/index.js";
import { FetchTransport } from "../../src/transport/index.js";
import { apiReply, closedPort, startServer, type TestServer } from "./server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function request(origin: string, overrides: { timeoutMs?: number; signal?: AbortSignal } = {}) {
  const endpoint = parseEndpoint(origin);
  return {
    endpoint,
    headers: { Host: endpoint.host, "Content-Type": "application/json; charset=utf-8", "X-TC-Action": "Ping" },
    body: Buffer.from('{"Name":"未命名"}'),
    timeoutMs: overrides.timeoutMs ?? 5000,
    signal: overrides.signal,
  };
}

describe("FetchTransport against a real server", () => {
  it("sends the signed Host and exact body bytes and returns status and body", async () => {
    server = await startServer((_req, res) => apiReply(res, { Ok: 1 }, 500));
    const response = await new FetchTransport().send(request(server.origin));
    expect(response.status).toBe(500);
    expect(JSON.parse(Buffer.from(response.body).toString())).toEqual({ Response: { RequestId: "req-test", Ok: 1 } });
    const [received] = server.requests;
    expect(received!.body.toString()).toBe('{"Name":"未命名"}');
    expect(received!.headers).toMatchObject({ host: `127.0.0.1:${server.port}`, "x-tc-action": "Ping" });
  });

  it("reports a refused connection as a NetworkError before sending", async () => {
    const failure = new FetchTransport().send(request(`http://127.0.0.1:${await closedPort()}`));
    await expect(failure).rejects.toBeInstanceOf(NetworkError);
    await expect(failure).rejects.toMatchObject({ code: "ECONNREFUSED", requestSent: false });
  });

  it("times out on a server that never answers", async () => {
    server = await startServer(() => {});
    const failure = new FetchTransport().send(request(server.origin, { timeoutMs: 50 }));
    await expect(failure).rejects.toBeInstanceOf(TimeoutError);
    await expect(failure).rejects.toMatchObject({ timeoutMs: 50 });
  });

  it("aborts an in-flight request with the caller's reason", async () => {
    let arrived!: () => void;
    const arrival = new Promise<void>((r) => (arrived = r));
    server = await startServer(() => arrived());
    const controller = new AbortController();
    const failure = new FetchTransport().send(request(server.origin, { signal: controller.signal }));
    await arrival;
    controller.abort(new Error("stop"));
    await expect(failure).rejects.toBeInstanceOf(RequestAbortedError);
    await expect(failure).rejects.toMatchObject({ cause: new Error("stop") });
  });

  it("uses the fetch it is given", async () => {
    const calls: string[] = [];
    const fake: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response('{"Response":{"RequestId":"x"}}', { status: 200 });
    };
    const response = await new FetchTransport({ fetch: fake }).send(request("https://redis.tencentcloudapi.com"));
    expect(calls).toEqual(["https://redis.tencentcloudapi.com/"]);
    expect(response.status).toBe(200);
  });
});
