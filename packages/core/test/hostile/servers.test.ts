import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import type { ServiceClient } from "../../src/client/index.js";
import { MalformedResponseError, TencentCloudError } from "../../src/errors/index.js";
import { FetchTransport, NodeHttpTransport, type Transport } from "../../src/transport/index.js";
import { clearInstance, describeTaskInfo, newClient } from "../client/fixtures.js";
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

const transports: [string, () => Transport | undefined][] = [
  ["node:http", () => undefined],
  ["fetch", () => new FetchTransport()],
];

describe.each(transports)("a hostile server, over %s", (_name, transport) => {
  const options = () => {
    const t = transport();
    return t === undefined ? {} : { transport: t };
  };

  it("an endless body stops at maxResponseBytes with a non-retryable typed error", async () => {
    let written = 0;
    const server = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = (): void => {
        while (!res.destroyed && written < 512 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
        if (!res.destroyed && written < 512 * 1024 * 1024) res.once("drain", pump);
      };
      res.write('{"Response": {"Padding": "');
      pump();
    });
    client = newClient({ endpoint: server.origin, maxResponseBytes: 1024 * 1024, ...options() });
    const error = await client.invoke(describeTaskInfo, { TaskId: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toMatchObject({ reason: "too-large", attempts: 1, retryable: false });
    expect(server.requests).toHaveLength(1);
    // Reading stopped near the cap: the server never got to write its half gigabyte.
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it("a declared Content-Length above the cap fails before reading", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(10 * 1024 * 1024) });
      res.write("{");
    });
    client = newClient({ endpoint: server.origin, maxResponseBytes: 1000, ...options() });
    await expect(client.invoke(describeTaskInfo, { TaskId: 1 })).rejects.toMatchObject({
      reason: "too-large",
      retryable: false,
    });
  });

  it("a body just under the cap is accepted", async () => {
    const server = await serve((_req, res) => apiReply(res, { Pad: "x".repeat(900) }));
    client = newClient({ endpoint: server.origin, maxResponseBytes: 1000, ...options() });
    await expect(client.invoke(describeTaskInfo, { TaskId: 1 })).resolves.toMatchObject({ Pad: "x".repeat(900) });
  });

  it.each([301, 302, 303, 307, 308])(
    "a %s redirect is a typed error: nothing is sent to its target",
    async (status) => {
      const target = await serve((_req, res) => apiReply(res, { Stolen: true }));
      const server = await serve((_req, res) => {
        res.writeHead(status, { Location: `${target.origin}/`, "Content-Length": "0" });
        res.end();
      });
      client = newClient({
        endpoint: server.origin,
        credentials: { secretId: "AKIDx", secretKey: "k", token: "session-token" },
        ...options(),
      });
      const error = await client.invoke(describeTaskInfo, { TaskId: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MalformedResponseError);
      expect(error).toMatchObject({ reason: "redirect", httpStatus: status, attempts: 1, retryable: false });
      expect(target.requests).toHaveLength(0);
    },
  );

  it("secrets echoed in Error.Code and Error.Message never reach message, inspect, JSON, logger or hooks", async () => {
    const token = "TOKEN-canary-5f1e2d";
    const secretKey = "SECRETKEY-canary-9a8b";
    const server = await serve((req, res) =>
      apiReply(res, {
        Error: {
          Code: `AuthFailure.${req.headers["x-tc-token"] as string}`,
          Message: `echo: ${req.headers.authorization as string} token=${req.headers["x-tc-token"] as string} key=${secretKey}`,
        },
      }),
    );
    const seen: string[] = [];
    client = newClient({
      endpoint: server.origin,
      credentials: { secretId: "AKIDcanary", secretKey, token },
      logger: { debug: (message, fields) => seen.push(message + JSON.stringify(fields)) },
      hooks: { afterAttempt: (event) => seen.push(inspect(event, { depth: 5 }), JSON.stringify(event)) },
      ...options(),
    });
    const error = await client.invoke(describeTaskInfo, { TaskId: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TencentCloudError);
    const e = error as TencentCloudError;
    seen.push(e.message, e.code, inspect(e, { depth: 5, showHidden: true }), JSON.stringify(e), String(e.stack));
    const signature = /Signature=([0-9a-f]{64})/.exec(String(server.requests[0]!.headers.authorization))![1]!;
    for (const text of seen) {
      for (const secret of [token, secretKey, signature, "TC3-HMAC-SHA256"]) expect(text).not.toContain(secret);
    }
    expect(e.message).toContain("[REDACTED]");
  });

  it("the request body is never stored or echoed on a size failure of a mutating call", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "Content-Length": String(5000) });
      res.end("x".repeat(5000));
    });
    client = newClient({ endpoint: server.origin, maxResponseBytes: 100, ...options() });
    const error = await client
      .invoke(clearInstance, { InstanceId: "crs-1", Password: "pw-canary" })
      .catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain("pw-canary");
    expect(error).toMatchObject({ reason: "too-large", attempts: 1 });
  });
});

describe("NodeHttpTransport directly", () => {
  it("reports response headers in lower case", async () => {
    const server = await serve((_req, res) => {
      res.setHeader("Retry-After", "3");
      apiReply(res, {});
    });
    const endpoint = {
      protocol: "http:" as const,
      hostname: "127.0.0.1",
      port: server.port,
      host: `127.0.0.1:${server.port}`,
      origin: server.origin,
    };
    const transport = new NodeHttpTransport();
    const response = await transport.send({
      endpoint,
      headers: { Host: endpoint.host },
      body: Buffer.from("{}"),
      timeoutMs: 5000,
    });
    transport.close();
    expect(response.headers?.["retry-after"]).toBe("3");
    expect(response.headers?.["date"]).toMatch(/GMT$/);
  });
});
