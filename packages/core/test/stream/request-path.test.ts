import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { AfterAttemptEvent, BeforeAttemptEvent } from "../../src/client/hooks.js";
import { ServiceClient } from "../../src/client/index.js";
import type { ClientOptions } from "../../src/client/options.js";
import {
  isConfigurationError,
  isMalformedResponseError,
  isRequestAbortedError,
  isTimeoutError,
} from "../../src/errors/index.js";
import type { ActionMeta, ServiceMeta } from "../../src/meta.js";
import { invokeStream, isStreamError } from "../../src/stream/index.js";
import { FetchTransport } from "../../src/transport/index.js";
import { type ProxyProcess, startProxy } from "../transport/proxy-helpers.js";

// Streams take the same request path as `invoke`: these tests pin each shared guarantee on a stream.

const meta: ServiceMeta = {
  service: "hunyuan",
  version: "2023-09-01",
  endpoint: "hunyuan.tencentcloudapi.com",
  intlEndpoint: "hunyuan.intl.tencentcloudapi.com",
  shapes: { ChatRequest: { Prompt: "!s", Stream: "b" } },
};
const chat: ActionMeta = { name: "Chat", rateLimit: 20, readOnly: false, input: "ChatRequest" };
const regional: ActionMeta = { ...chat, regionRequired: true };
const SECRET_KEY = "path-secret-key";
const ask = { Prompt: "hi", Stream: true };

interface Seen {
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}
type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server | undefined;
let proxy: ProxyProcess | undefined;
const clients: ServiceClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await proxy?.stop();
  proxy = undefined;
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A local server; `closed()` resolves once a response's connection closed (the client hung up). */
async function serve(handler: Handler, options: ClientOptions = {}) {
  const requests: Seen[] = [];
  let closedResponses = 0;
  const waiters: Array<() => void> = [];
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      requests.push({ headers: req.headers, body });
      res.on("close", () => {
        closedResponses++;
        waiters.splice(0).forEach((w) => w());
      });
      handler(req, res, body);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const client = new ServiceClient(meta, {
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { secretId: "AKIDpath", secretKey: SECRET_KEY },
    retry: { baseDelayMs: 1, maxDelayMs: 2, throttleBaseDelayMs: 1, throttleMaxDelayMs: 2 },
    rateLimit: false,
    ...options,
  });
  clients.push(client);
  const closed = () =>
    closedResponses > 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve));
  return { client, requests, closed, port };
}

function sse(res: ServerResponse): void {
  res.writeHead(200, { "Content-Type": "text/event-stream" });
}
const event = (text: string) => `data: ${JSON.stringify({ Text: text })}\n\n`;
const apiError = (code: string) =>
  JSON.stringify({ Response: { Error: { Code: code, Message: "no" }, RequestId: "r-err" } });

async function collect<E>(iterable: AsyncIterable<E>): Promise<E[]> {
  const out: E[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("a stream's request path", () => {
  it("sends client and call headers and a fresh X-TC-TraceId, shown to hooks and the logger, secrets redacted", async () => {
    const before: BeforeAttemptEvent[] = [];
    const after: AfterAttemptEvent[] = [];
    const logged: Array<[string, Record<string, unknown>]> = [];
    const { client, requests } = await serve(
      (_req, res) => {
        sse(res);
        res.end(event("a"));
      },
      {
        headers: { "X-Source": "worker-1" },
        hooks: { beforeAttempt: (e) => before.push(e), afterAttempt: (e) => after.push(e) },
        logger: { debug: (message, data) => logged.push([message, data as Record<string, unknown>]) },
      },
    );
    expect(await collect(invokeStream(client, chat, ask, { headers: { "X-Call": "c-1" } }))).toEqual([{ Text: "a" }]);
    const sent = requests[0]!.headers;
    expect(sent["x-source"]).toBe("worker-1");
    expect(sent["x-call"]).toBe("c-1");
    expect(sent["x-tc-traceid"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent["x-tc-action"]).toBe("Chat");
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ service: "hunyuan", action: "Chat", attempt: 1, traceId: sent["x-tc-traceid"] });
    expect(before[0]!.headers["Authorization"]).toBe("[REDACTED]");
    expect(after[0]).toMatchObject({ status: 200, traceId: sent["x-tc-traceid"], error: undefined, willRetry: false });
    expect(after[0]!.headers?.["content-type"]).toBe("text/event-stream");
    expect(logged.map(([message]) => message)).toEqual(["send", "done"]);
    expect(JSON.stringify(logged)).not.toContain(SECRET_KEY);
  });

  it("an afterAttempt hook that throws fails the call and closes the stream it opened", async () => {
    const { client, closed } = await serve(
      (_req, res) => {
        sse(res);
        res.write(event("a"));
      },
      {
        hooks: {
          afterAttempt: () => {
            throw new Error("hook failed");
          },
        },
      },
    );
    await expect(collect(invokeStream(client, chat, ask))).rejects.toThrow("hook failed");
    await closed();
  });

  it("refuses reserved headers in call options before sending", async () => {
    const { client, requests } = await serve((_req, res) => res.end());
    const error = await collect(invokeStream(client, chat, ask, { headers: { Authorization: "x" } })).catch(
      (e: unknown) => e,
    );
    expect(isConfigurationError(error)).toBe(true);
    expect(requests).toHaveLength(0);
  });

  it("carries the trace id of the attempt on a StreamError", async () => {
    const { client, requests } = await serve((_req, res) => {
      sse(res);
      res.end(`${event("a")}data: {"ErrorMsg":{"Code":"E1","Msg":"bad"}}\n\n`);
    });
    const error = await collect(invokeStream(client, chat, ask)).catch((e: unknown) => e);
    expect(isStreamError(error)).toBe(true);
    expect(error).toMatchObject({ code: "ErrorEvent", attempts: 1, traceId: requests[0]!.headers["x-tc-traceid"] });
  });

  it("fails before sending when the action needs a region and the client has none", async () => {
    const { client, requests } = await serve((_req, res) => res.end());
    const error = await collect(invokeStream(client, regional, ask)).catch((e: unknown) => e);
    expect(isConfigurationError(error)).toBe(true);
    expect((error as Error).message).toContain("`region`");
    expect(requests).toHaveLength(0);
  });

  it("signs X-TC-Region when the client has one", async () => {
    const { client, requests } = await serve(
      (_req, res) => {
        sse(res);
        res.end(event("r"));
      },
      { region: "ap-guangzhou" },
    );
    await collect(invokeStream(client, regional, ask));
    expect(requests[0]!.headers["x-tc-region"]).toBe("ap-guangzhou");
  });
});

describe("middleware on a stream", () => {
  it("sees `stream: true`, may add a header, and lets the events through by passing the answer on", async () => {
    const marks: unknown[] = [];
    const { client, requests } = await serve(
      (_req, res) => {
        sse(res);
        res.end(event("x") + event("y"));
      },
      {
        middleware: [
          async (request, next) => {
            marks.push(request.stream);
            request.headers["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
            const answer = await next(request);
            marks.push(answer.status);
            return answer;
          },
        ],
      },
    );
    expect(await collect(invokeStream(client, chat, ask))).toEqual([{ Text: "x" }, { Text: "y" }]);
    expect(requests[0]!.headers["traceparent"]).toMatch(/^00-/);
    expect(marks).toEqual([true, 200]);
  });

  it("short-circuits: a cached answer is the one event and nothing is sent", async () => {
    const { client, requests } = await serve((_req, res) => res.end(), {
      middleware: [async () => ({ status: 200, response: { Cached: true, RequestId: "cache" } })],
    });
    expect(await collect(invokeStream(client, chat, ask))).toEqual([{ Cached: true, RequestId: "cache" }]);
    expect(requests).toHaveLength(0);
  });

  it("replacing the answer of an opened stream closes its connection", async () => {
    const { client, closed } = await serve(
      (_req, res) => {
        sse(res);
        res.write(event("never read"));
      },
      { middleware: [async (request, next) => ({ ...(await next(request)), response: { Replaced: true } })] },
    );
    expect(await collect(invokeStream(client, chat, ask))).toEqual([{ Replaced: true }]);
    await closed();
  });

  it("a middleware that changes params sends the new body", async () => {
    const { client, requests } = await serve(
      (_req, res) => {
        sse(res);
        res.end(event("p"));
      },
      {
        middleware: [async (request, next) => next({ ...request, params: { ...request.params, Prompt: "rewritten" } })],
      },
    );
    await collect(invokeStream(client, chat, ask));
    expect(JSON.parse(requests[0]!.body)).toEqual({ Prompt: "rewritten", Stream: true });
  });
});

describe("a stream's deadline, close and clock", () => {
  it("the call's deadline covers opening: a server that never answers is a TimeoutError", async () => {
    const { client, requests } = await serve(() => {}, { timeoutMs: 150 });
    const started = performance.now();
    const error = await collect(invokeStream(client, chat, ask)).catch((e: unknown) => e);
    expect(isTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ requestSent: true, attempts: 1 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(requests).toHaveLength(1);
  });

  it("the deadline also covers credentials that never arrive", async () => {
    const { client, requests } = await serve((_req, res) => res.end(), {
      timeoutMs: 100,
      credentials: () => new Promise(() => {}),
    });
    const error = await collect(invokeStream(client, chat, ask)).catch((e: unknown) => e);
    expect(isTimeoutError(error)).toBe(true);
    expect((error as Error).message).toContain("while getting credentials");
    expect(requests).toHaveLength(0);
  });

  it("once open, a stream may outlast the deadline as long as no silence does", async () => {
    const { client } = await serve(
      (_req, res) => {
        sse(res);
        let sent = 0;
        const timer = setInterval(() => {
          sent++;
          if (sent < 6) return void res.write(event(`t${sent}`));
          clearInterval(timer);
          res.end();
        }, 300);
      },
      // Generous against a loaded machine: opening must fit in it, each 300 ms silence does.
      { timeoutMs: 1_000 },
    );
    const started = performance.now();
    const events = await collect(invokeStream(client, chat, ask));
    expect(events).toHaveLength(5);
    expect(performance.now() - started).toBeGreaterThan(1_000);
  });

  it("a slow consumer is not a silent server", async () => {
    const { client } = await serve(
      (_req, res) => {
        sse(res);
        res.end(event("a") + event("b"));
      },
      { timeoutMs: 1_000 },
    );
    const seen: unknown[] = [];
    for await (const item of invokeStream(client, chat, ask)) {
      if (seen.push(item) === 1) await new Promise((resolve) => setTimeout(resolve, 1_300));
    }
    expect(seen).toHaveLength(2);
  });

  it("close() stops a stream mid-way with RequestAbortedError and closes its connection", async () => {
    const { client, closed } = await serve((_req, res) => {
      sse(res);
      res.write(event("first"));
    });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const item of invokeStream(client, chat, ask)) {
        seen.push(item);
        client.close();
      }
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(isRequestAbortedError(error)).toBe(true);
    expect((error as Error).message).toMatch(/client was closed while reading the stream/);
    expect(error).toMatchObject({ service: "hunyuan", action: "Chat", attempts: 1 });
    await closed();
  });

  it("a stream started after close() sends nothing", async () => {
    const { client, requests } = await serve((_req, res) => res.end());
    client.close();
    const error = await collect(invokeStream(client, chat, ask)).catch((e: unknown) => e);
    expect(isRequestAbortedError(error)).toBe(true);
    expect(requests).toHaveLength(0);
  });

  it("corrects a skewed clock from the server's Date on SignatureExpire and opens on the retry", async () => {
    const tenMinutes = 10 * 60_000;
    const { client, requests } = await serve(
      (req, res) => {
        const skew = Math.abs(Number(req.headers["x-tc-timestamp"]) * 1000 - Date.now());
        if (skew > 5 * 60_000) {
          res.writeHead(200, { "Content-Type": "application/json", Date: new Date().toUTCString() });
          return res.end(apiError("AuthFailure.SignatureExpire"));
        }
        sse(res);
        res.end(event("on time"));
      },
      { now: () => Date.now() - tenMinutes, retry: false },
    );
    expect(await collect(invokeStream(client, chat, ask))).toEqual([{ Text: "on time" }]);
    expect(requests).toHaveLength(2);
    expect(Math.abs(client.clockOffsetMs - tenMinutes)).toBeLessThan(5_000);
  });

  it("a non-stream answer larger than maxResponseBytes fails without retry", async () => {
    const { client, requests } = await serve(
      (_req, res) => {
        res.writeHead(500, { "Content-Type": "application/json" });
        res.end(`{"Response":{"Pad":"${"x".repeat(4096)}"}}`);
      },
      { maxResponseBytes: 1024 },
    );
    const error = await collect(invokeStream(client, chat, ask)).catch((e: unknown) => e);
    expect(isMalformedResponseError(error)).toBe(true);
    expect(error).toMatchObject({ reason: "too-large", attempts: 1 });
    expect(requests).toHaveLength(1);
  });

  it("a connection dropped before a JSON answer completed is a NetworkError, retried for a read-only action", async () => {
    let calls = 0;
    const { client, requests } = await serve((_req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
        res.write('{"Response":');
        return void setTimeout(() => res.socket?.destroy(), 10);
      }
      sse(res);
      res.end(event("second"));
    });
    expect(await collect(invokeStream(client, { ...chat, readOnly: true }, ask))).toEqual([{ Text: "second" }]);
    expect(requests).toHaveLength(2);
  });
});

describe("a stream's transport", () => {
  it("goes through the client's proxy (CONNECT tunnel)", async () => {
    proxy = await startProxy();
    const { client, requests, port } = await serve(
      (_req, res) => {
        sse(res);
        res.end(event("via proxy"));
      },
      { proxy: `http://127.0.0.1:${proxy.port}` },
    );
    expect(await collect(invokeStream(client, chat, ask))).toEqual([{ Text: "via proxy" }]);
    expect(proxy.connects).toEqual([`127.0.0.1:${port}`]);
    expect(requests).toHaveLength(1);
  });

  it("FetchTransport streams the events as they arrive, and closes the connection on break", async () => {
    const { client, closed } = await serve(
      (_req, res) => {
        sse(res);
        res.write(event("1"));
        // Never ends: only a transport that streams can deliver this event.
      },
      { transport: new FetchTransport() },
    );
    for await (const item of invokeStream(client, chat, ask)) {
      expect(item).toEqual({ Text: "1" });
      break;
    }
    await closed();
  });

  it("FetchTransport: a silent stream fails with StreamInterrupted caused by a timeout", async () => {
    const { client } = await serve(
      (_req, res) => {
        sse(res);
        res.write(event("1"));
      },
      { transport: new FetchTransport(), timeoutMs: 1_000 },
    );
    const error = await collect(invokeStream(client, chat, ask)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "StreamInterrupted", eventsDelivered: 1 });
    expect(isTimeoutError((error as Error).cause)).toBe(true);
  });

  it("calls a transport without openStream through send, delivering the events when the body ended", async () => {
    const fetchTransport = new FetchTransport();
    const sendOnly = { send: (request: Parameters<FetchTransport["send"]>[0]) => fetchTransport.send(request) };
    const { client, requests } = await serve(
      (_req, res) => {
        sse(res);
        res.end(event("1") + event("2"));
      },
      { transport: sendOnly },
    );
    expect(await collect(invokeStream(client, chat, ask))).toEqual([{ Text: "1" }, { Text: "2" }]);
    expect(requests[0]!.headers["x-tc-traceid"]).toBeDefined();
  });

  it("a transport without openStream still gets API errors as typed errors", async () => {
    const { client } = await serve((_req, res) => res.end(apiError("InvalidParameter")), {
      transport: new FetchTransport(),
    });
    const error = await collect(invokeStream(client, chat, ask)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "TencentCloudError", code: "InvalidParameter", requestId: "r-err" });
  });
});
