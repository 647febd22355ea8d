import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parseEndpoint } from "../../src/endpoint/index.js";
import { ConfigurationError, NetworkError, RequestAbortedError, TimeoutError } from "../../src/errors/index.js";
import { NodeHttpTransport } from "../../src/transport/index.js";
import { apiReply, closedPort, startServer, type TestServer, waitFor } from "./server.js";

let server: TestServer | undefined;
let transport: NodeHttpTransport | undefined;
afterEach(async () => {
  transport?.close();
  await server?.close();
  server = transport = undefined;
});

function request(origin: string, overrides: { timeoutMs?: number; signal?: AbortSignal; body?: Uint8Array } = {}) {
  const endpoint = parseEndpoint(origin);
  return {
    endpoint,
    headers: { Host: endpoint.host, "Content-Type": "application/json; charset=utf-8", "X-TC-Action": "Ping" },
    body: overrides.body ?? Buffer.from('{"a":"é"}'),
    timeoutMs: overrides.timeoutMs ?? 5000,
    signal: overrides.signal,
  };
}

describe("NodeHttpTransport against a real server", () => {
  it("sends the headers and exact body bytes, and returns status and body", async () => {
    server = await startServer((_req, res) => apiReply(res, { Ok: true }, 201));
    transport = new NodeHttpTransport();
    const body = Buffer.from('{"Name":"未命名","Emoji":"😀"}');
    const response = await transport.send(request(server.origin, { body }));
    expect(response.status).toBe(201);
    expect(response.headers?.["content-type"]).toMatch(/^application\/json/);
    expect(response.headers?.["Content-Type"]).toBeUndefined();
    expect({ ...response }.headers?.["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(Buffer.from(response.body).toString())).toEqual({
      Response: { RequestId: "req-test", Ok: true },
    });
    const [received] = server.requests;
    expect(received!.body.equals(body)).toBe(true);
    expect(received!.headers).toMatchObject({
      host: `127.0.0.1:${server.port}`,
      "content-type": "application/json; charset=utf-8",
      "content-length": String(body.byteLength),
      "x-tc-action": "Ping",
      connection: "keep-alive",
    });
  });

  it("refuses a header value HTTP forbids with a ConfigurationError naming the header, not its value, and sends nothing", async () => {
    server = await startServer((_req, res) => apiReply(res, {}));
    transport = new NodeHttpTransport();
    const base = request(server.origin);
    const error = await transport
      .send({ ...base, headers: { ...base.headers, "X-TC-Token": "secret-token\r\nX-Evil: 1" } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain("X-TC-Token");
    expect((error as Error).message).not.toContain("secret-token");
    expect(server.requests).toHaveLength(0);
    expect(server.connections()).toBe(0);
  });

  it("returns the response headers by lower-case name, repeats joined as Node joins them", async () => {
    server = await startServer((_req, res) => {
      res.setHeader("X-Multi", ["a", "b"]);
      res.setHeader("Retry-After", ["3", "9"]);
      apiReply(res, {});
    });
    transport = new NodeHttpTransport();
    const { headers } = await transport.send(request(server.origin));
    expect(headers).toMatchObject({ "x-multi": "a, b", "retry-after": "3", "content-type": "application/json" });
  });

  it("reuses one keep-alive connection for sequential calls", async () => {
    server = await startServer((_req, res) => apiReply(res, {}));
    transport = new NodeHttpTransport();
    for (let i = 0; i < 5; i++) await transport.send(request(server.origin));
    expect(server.requests).toHaveLength(5);
    expect(server.connections()).toBe(1);
  });

  it("caps concurrent connections at maxSockets", async () => {
    server = await startServer((_req, res) => setImmediate(() => apiReply(res, {})));
    transport = new NodeHttpTransport({ maxSockets: 2 });
    await Promise.all(Array.from({ length: 10 }, () => transport!.send(request(server!.origin))));
    expect(server.requests).toHaveLength(10);
    expect(server.connections()).toBe(2);
  });

  it("times out on a server that never answers, marking the request as sent", async () => {
    server = await startServer(() => {});
    transport = new NodeHttpTransport();
    // Long enough for the request to leave on a busy machine: the server has it, yet never answers.
    const failure = transport.send(request(server.origin, { timeoutMs: 1000 }));
    await expect(failure).rejects.toBeInstanceOf(TimeoutError);
    await expect(failure).rejects.toMatchObject({ timeoutMs: 1000, requestSent: true });
  });

  it("reports a connection reset mid-body as a NetworkError after sending", async () => {
    server = await startServer((_req, res, socket) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "1000" });
      res.write('{"Response": {"RequestId": "r", "Items": [');
      setImmediate(() => socket.destroy());
    });
    transport = new NodeHttpTransport();
    const failure = transport.send(request(server.origin));
    await expect(failure).rejects.toBeInstanceOf(NetworkError);
    await expect(failure).rejects.toMatchObject({ code: "ECONNRESET", requestSent: true });
  });

  it("reports a refused connection as not sent", async () => {
    transport = new NodeHttpTransport();
    const failure = transport.send(request(`http://127.0.0.1:${await closedPort()}`));
    await expect(failure).rejects.toMatchObject({ name: "NetworkError", code: "ECONNREFUSED", requestSent: false });
    await expect(failure).rejects.toThrow(/before the request was sent \(ECONNREFUSED\)/);
  });

  it("aborts an in-flight request at once and drops its connection", async () => {
    let arrived!: () => void;
    const arrival = new Promise<void>((r) => (arrived = r));
    server = await startServer(() => arrived());
    transport = new NodeHttpTransport();
    const controller = new AbortController();
    const failure = transport.send(request(server.origin, { signal: controller.signal }));
    await arrival;
    controller.abort(new Error("stop"));
    await expect(failure).rejects.toBeInstanceOf(RequestAbortedError);
    await expect(failure).rejects.toMatchObject({ cause: new Error("stop") });
    await waitFor(() => server!.openConnections() === 0, "the connection to close", server);
  });

  it("rejects an already aborted signal without connecting", async () => {
    server = await startServer((_req, res) => apiReply(res, {}));
    transport = new NodeHttpTransport();
    await expect(transport.send(request(server.origin, { signal: AbortSignal.abort() }))).rejects.toBeInstanceOf(
      RequestAbortedError,
    );
    expect(server.connections()).toBe(0);
  });

  it("close() destroys pooled connections", async () => {
    server = await startServer((_req, res) => apiReply(res, {}));
    transport = new NodeHttpTransport();
    await transport.send(request(server.origin));
    expect(server.openConnections()).toBe(1);
    transport.close();
    await waitFor(() => server!.openConnections() === 0, "the connection to close", server);
  });

  it("does not keep the process alive with idle pooled connections", async () => {
    server = await startServer((_req, res) => apiReply(res, {}));
    const script = `
      import { NodeHttpTransport } from "./src/transport/index.ts";
      import { parseEndpoint } from "./src/endpoint/index.ts";
      const endpoint = parseEndpoint(${JSON.stringify(server.origin)});
      const res = await new NodeHttpTransport().send({ endpoint, headers: { Host: endpoint.host }, body: Buffer.from("{}"), timeoutMs: 5000 });
      console.log("status", res.status);
    `;
    const cwd = resolve(fileURLToPath(import.meta.url), "../../..");
    const child = spawnAsync(["--import", "tsx", "--input-type=module", "-e", script], cwd);
    // The server keeps the connection open; the child must still exit on its own.
    const result = await child;
    expect(result.stdout).toContain("status 200");
    expect(result.status).toBe(0);
  }, 90_000);
});

function spawnAsync(args: string[], cwd: string): Promise<{ status: number | null; stdout: string }> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd, timeout: 60_000 }, (error, stdout) =>
      done({ status: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout }),
    );
  });
}
