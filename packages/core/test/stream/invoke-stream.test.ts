import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ServiceClient } from "../../src/client/index.js";
import { isRequestAbortedError, isTencentCloudError, isTimeoutError } from "../../src/errors/index.js";
import type { ActionMeta, ServiceMeta } from "../../src/meta.js";
import { invokeOrStream, invokeStream, isStreamError, StreamError } from "../../src/stream/index.js";
import { isValidationError } from "../../src/validate/index.js";

const meta: ServiceMeta = {
  service: "hunyuan",
  version: "2023-09-01",
  endpoint: "hunyuan.tencentcloudapi.com",
  intlEndpoint: "hunyuan.intl.tencentcloudapi.com",
  shapes: { ChatRequest: { Prompt: "!s", Stream: "b" } },
};
const chat: ActionMeta = { name: "Chat", rateLimit: 20, readOnly: false, input: "ChatRequest" };
const SECRET_KEY = "stream-secret-key";

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
interface Harness {
  client: ServiceClient;
  requests: string[];
  /** Resolves when the server sees the client close a connection. */
  closed: () => Promise<void>;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function serve(handler: Handler, options: { timeoutMs?: number } = {}): Promise<Harness> {
  const requests: string[] = [];
  let closedConnections = 0;
  const waiters: Array<() => void> = [];
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      requests.push(body);
      res.on("close", () => {
        closedConnections++;
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
    credentials: { secretId: "AKIDstream", secretKey: SECRET_KEY },
    retry: { baseDelayMs: 1, maxDelayMs: 2, throttleBaseDelayMs: 1, throttleMaxDelayMs: 2 },
    rateLimit: false,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const closed = () =>
    closedConnections > 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve));
  return { client, requests, closed };
}

function sse(res: ServerResponse): void {
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
}

const delta = (text: string, finish = "") =>
  `data: ${JSON.stringify({ Choices: [{ Delta: { Content: text }, FinishReason: finish }], Id: "ans" })}\n\n`;

async function collect<E>(iterable: AsyncIterable<E>): Promise<E[]> {
  const out: E[] = [];
  for await (const event of iterable) out.push(event);
  return out;
}

describe("invokeStream", () => {
  it("yields each event's JSON data in order, split across chunks, skipping comments and keep-alives", async () => {
    const { client, requests } = await serve((_req, res) => {
      sse(res);
      const text = `: comment\n\n${delta("Hel")}data:\n\n${delta("lo", "stop")}`;
      res.write(text.slice(0, 17));
      setTimeout(() => res.end(text.slice(17)), 10);
    });
    const events = await collect(
      invokeStream<{ Choices: Array<{ Delta: { Content: string } }> }>(client, chat, { Prompt: "hi", Stream: true }),
    );
    expect(events.map((e) => e.Choices[0]!.Delta.Content)).toEqual(["Hel", "lo"]);
    expect(JSON.parse(requests[0]!)).toEqual({ Prompt: "hi", Stream: true });
  });

  it("sends nothing until iterated, and validates before sending", async () => {
    const { client, requests } = await serve((_req, res) => res.end());
    const iterable = invokeStream(client, chat, { Stream: true });
    expect(requests).toHaveLength(0);
    const error = await collect(iterable).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(requests).toHaveLength(0);
  });

  it("closes the connection when the consumer stops early", async () => {
    const { client, closed } = await serve((_req, res) => {
      sse(res);
      res.write(delta("one"));
      res.write(delta("two"));
      // Never ends: only the client can close it.
    });
    for await (const event of invokeStream(client, chat, { Prompt: "hi", Stream: true })) {
      expect(event).toBeDefined();
      break;
    }
    await closed();
  });

  it("stops reading and closes the connection when aborted mid-stream", async () => {
    const { client, closed } = await serve((_req, res) => {
      sse(res);
      res.write(delta("one"));
    });
    const controller = new AbortController();
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const event of invokeStream(
        client,
        chat,
        { Prompt: "hi", Stream: true },
        { signal: controller.signal },
      )) {
        seen.push(event);
        controller.abort("user left");
      }
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(isRequestAbortedError(error)).toBe(true);
    expect((error as Error).cause).toBe("user left");
    await closed();
  });

  it("rejects with a StreamError on an error event, after the events before it", async () => {
    const { client } = await serve((_req, res) => {
      sse(res);
      res.write(delta("partial"));
      res.end(
        `data: ${JSON.stringify({ ErrorMsg: { Code: 2001, Msg: `moderation failed ${SECRET_KEY}` }, Id: "ans" })}\n\n`,
      );
    });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const event of invokeStream(client, chat, { Prompt: "hi", Stream: true })) seen.push(event);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({
      code: "ErrorEvent",
      serviceCode: "2001",
      eventsDelivered: 1,
      service: "hunyuan",
      action: "Chat",
    });
    expect((error as Error).message).toContain("moderation failed [REDACTED]");
    expect((error as Error).message).not.toContain(SECRET_KEY);
  });

  it("does not take an empty ErrorMsg for an error", async () => {
    const { client } = await serve((_req, res) => {
      sse(res);
      res.end(`data: ${JSON.stringify({ Id: "a", ErrorMsg: { Code: 0, Msg: "" } })}\n\n`);
    });
    expect(await collect(invokeStream(client, chat, { Prompt: "hi", Stream: true }))).toEqual([
      { Id: "a", ErrorMsg: { Code: 0, Msg: "" } },
    ]);
  });

  it("treats `event: error` and a Response.Error event as error events", async () => {
    const { client } = await serve((_req, res) => {
      sse(res);
      res.end(
        `event: error\ndata: {"Response":{"Error":{"Code":"InternalError","Message":"gone"},"RequestId":"r-9"}}\n\n`,
      );
    });
    const error = await collect(invokeStream(client, chat, { Prompt: "hi", Stream: true })).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "ErrorEvent",
      serviceCode: "InternalError",
      requestId: "r-9",
      eventsDelivered: 0,
    });
  });

  it("rejects with StreamInterrupted when the connection drops mid-stream, and never retries", async () => {
    const { client, requests } = await serve((_req, res) => {
      sse(res);
      res.write(delta("one"));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const event of invokeStream(client, chat, { Prompt: "hi", Stream: true })) seen.push(event);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(isStreamError(error)).toBe(true);
    expect(error).toMatchObject({ code: "StreamInterrupted", eventsDelivered: 1 });
    expect(requests).toHaveLength(1);
  });

  it("rejects with StreamInterrupted when the stream goes silent longer than timeoutMs", async () => {
    const { client } = await serve(
      (_req, res) => {
        sse(res);
        res.write(delta("one"));
      },
      { timeoutMs: 1_000 },
    );
    const error = await collect(invokeStream(client, chat, { Prompt: "hi", Stream: true })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "StreamInterrupted", eventsDelivered: 1 });
    expect(isTimeoutError((error as Error).cause)).toBe(true);
  });

  it("rejects with MalformedEvent for data that is not JSON", async () => {
    const { client } = await serve((_req, res) => {
      sse(res);
      res.end("data: {not json\n\n");
    });
    const error = await collect(invokeStream(client, chat, { Prompt: "hi", Stream: true })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "MalformedEvent", eventsDelivered: 0 });
  });

  it("retries a throttled opening, then streams; an API error before the stream is a TencentCloudError", async () => {
    let calls = 0;
    const { client, requests } = await serve((_req, res) => {
      calls++;
      const error = (code: string) =>
        JSON.stringify({ Response: { Error: { Code: code, Message: "no" }, RequestId: `r-${calls}` } });
      if (calls === 1) return res.end(error("RequestLimitExceeded"));
      if (calls === 2) {
        sse(res);
        return res.end(delta("ok", "stop"));
      }
      res.end(error("InvalidParameter"));
    });
    expect(await collect(invokeStream(client, chat, { Prompt: "hi", Stream: true }))).toHaveLength(1);
    expect(requests).toHaveLength(2);
    const error = await collect(invokeStream(client, chat, { Prompt: "hi", Stream: true })).catch((e: unknown) => e);
    expect(isTencentCloudError(error, "InvalidParameter")).toBe(true);
    expect(error).toMatchObject({ requestId: "r-3", attempts: 1 });
  });

  it("yields a plain JSON answer as the one event when the service does not stream", async () => {
    const { client } = await serve((_req, res) => res.end(JSON.stringify({ Response: { Id: "x", RequestId: "r-1" } })));
    expect(await collect(invokeStream(client, chat, { Prompt: "hi", Stream: true }))).toEqual([
      { Id: "x", RequestId: "r-1" },
    ]);
  });
});

describe("invokeOrStream", () => {
  it("streams only when the member is literally true", async () => {
    const { client } = await serve((_req, res, body) => {
      if ((JSON.parse(body) as { Stream?: boolean }).Stream) {
        sse(res);
        return res.end(delta("a") + delta("b"));
      }
      res.end(JSON.stringify({ Response: { Id: "plain", RequestId: "r" } }));
    });
    const streamed = invokeOrStream(client, chat, "Stream", { Prompt: "x", Stream: true });
    expect(Symbol.asyncIterator in streamed).toBe(true);
    expect(await collect(streamed as AsyncIterable<unknown>)).toHaveLength(2);
    await expect(
      invokeOrStream(client, chat, "Stream", { Prompt: "x", Stream: false }) as Promise<unknown>,
    ).resolves.toEqual({ Id: "plain", RequestId: "r" });
    await expect(invokeOrStream(client, chat, "Stream", { Prompt: "x" }) as Promise<unknown>).resolves.toMatchObject({
      Id: "plain",
    });
  });
});
