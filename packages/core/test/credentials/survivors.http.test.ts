// Behaviours of `http.ts` (the default credential fetcher) that mutation testing showed no other test pinned
// down. Against a real server on 127.0.0.1: an interceptor would hide what node:http actually sends.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CredentialHttpError, nodeFetcher } from "../../src/credentials/index.js";
import { rejection } from "./helpers.js";

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

interface Seen {
  readonly method: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Starts a server answering with `handle`, recording what it received. */
async function serve(handle: (res: ServerResponse) => void): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      handle(res);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen };
}

describe("nodeFetcher against a real server", () => {
  it("sends a body with its Content-Length (not chunked) over a fresh connection", async () => {
    const { url, seen } = await serve((res) => res.end("ok"));
    const body = '{"a":"你好"}';
    expect(await nodeFetcher({ url, method: "POST", body, headers: { "X-Test": "1" }, timeoutMs: 5000 })).toEqual({
      status: 200,
      body: "ok",
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe("POST");
    expect(seen[0]?.body).toBe(body);
    expect(seen[0]?.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
    expect(seen[0]?.headers["transfer-encoding"]).toBeUndefined();
    expect(seen[0]?.headers["x-test"]).toBe("1");
    expect(seen[0]?.headers.connection).toBe("close");
  });

  it("accepts a body of exactly 1 MiB", async () => {
    const { url } = await serve((res) => res.end("x".repeat(1 << 20)));
    const res = await nodeFetcher({ url, method: "GET", timeoutMs: 10_000 });
    expect(res.body.length).toBe(1 << 20);
  });

  it("fails with 'response too large' past 1 MiB", async () => {
    const { url } = await serve((res) => res.end("x".repeat((1 << 20) + 1)));
    const error = await rejection(nodeFetcher({ url, method: "GET", timeoutMs: 10_000 }));
    expect(error).toBeInstanceOf(CredentialHttpError);
    expect((error as CredentialHttpError).code).toBe("response too large");
  });

  it("fails with the socket's code when the response is cut short", async () => {
    const { url } = await serve((res) => {
      res.writeHead(200, { "Content-Length": "100" });
      res.write("partial");
      setImmediate(() => res.socket?.destroy());
    });
    const error = await rejection(nodeFetcher({ url, method: "GET", timeoutMs: 10_000 }));
    expect(error).toBeInstanceOf(CredentialHttpError);
    expect((error as CredentialHttpError).code).toBe("ECONNRESET");
  });

  it("does not connect when the signal is already aborted, and keeps the abort reason as the cause", async () => {
    const { url, seen } = await serve((res) => res.end("ok"));
    const reason = new Error("caller gave up");
    const error = await rejection(
      nodeFetcher({ url, method: "GET", timeoutMs: 5000, signal: AbortSignal.abort(reason) }),
    );
    expect((error as CredentialHttpError).code).toBe("aborted");
    expect(error.cause).toBe(reason);
    expect(seen).toEqual([]);
  });
});

describe("CredentialHttpError", () => {
  it("names its code in its message and name, and carries a cause only when given one", () => {
    const bare = new CredentialHttpError("timeout");
    expect([bare.name, bare.message, bare.code]).toEqual([
      "CredentialHttpError",
      "HTTP request failed: timeout",
      "timeout",
    ]);
    expect("cause" in bare).toBe(false);
    const cause = new Error("socket");
    expect(new CredentialHttpError("ECONNRESET", cause).cause).toBe(cause);
  });
});
