import { afterEach, expect, it } from "vitest";
import { RequestAbortedError } from "../../src/errors/index.js";
import { apiReply, startServer, type TestServer } from "../transport/server.js";
import { describeTaskInfo, newClient } from "./fixtures.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

it("lets 500 calls share one AbortSignal (in flight, queued and aborted) without MaxListenersExceededWarning", async () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on("warning", onWarning);
  try {
    server = await startServer((_req, res) => setTimeout(() => apiReply(res, {}), 5));
    const client = newClient({ endpoint: server.origin, rateLimit: {} });
    const controller = new AbortController();
    const action = { ...describeTaskInfo, rateLimit: 50 };
    const calls = Array.from({ length: 500 }, (_, i) =>
      client.invoke(action, { TaskId: i }, { signal: controller.signal }).then(
        () => "ok",
        (e: unknown) => e,
      ),
    );
    // 50 calls start at once (in flight on 50 sockets), 450 wait in the limiter, all on one signal.
    while (server.requests.length < 50) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const results = await Promise.all(calls);
    client.close();
    expect(results.filter((r) => r instanceof RequestAbortedError).length).toBeGreaterThanOrEqual(450);
    await new Promise((r) => setImmediate(r));
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  } finally {
    process.off("warning", onWarning);
  }
});

it("gives the requests of calls without a signal the client's one close signal, which close() aborts", async () => {
  const seen: AbortSignal[] = [];
  // Answers the first request; later ones stay in flight until their signal aborts.
  const transport = {
    send(request: { signal?: AbortSignal | undefined }) {
      const signal = request.signal!;
      seen.push(signal);
      if (seen.length === 1)
        return Promise.resolve({ status: 200, body: Buffer.from('{"Response":{"RequestId":"r1"}}') });
      return new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    },
  };
  const client = newClient({ transport, rateLimit: false });
  await client.invoke(describeTaskInfo, { TaskId: 1 });
  const second = client.invoke(describeTaskInfo, { TaskId: 2 }).catch((e: unknown) => e);
  const controller = new AbortController();
  const third = client.invoke(describeTaskInfo, { TaskId: 3 }, { signal: controller.signal }).catch((e: unknown) => e);
  while (seen.length < 3) await new Promise((r) => setImmediate(r));
  // Calls without a signal share one: no AbortController per call. A call with its own gets another.
  expect(seen[1]).toBe(seen[0]);
  expect(seen[2]).not.toBe(seen[0]);
  controller.abort();
  expect(seen[2]?.aborted).toBe(true);
  expect(seen[0]?.aborted).toBe(false);
  expect(await third).toBeInstanceOf(RequestAbortedError);
  client.close();
  expect(seen[0]?.aborted).toBe(true);
  const error = await second;
  expect(error).toBeInstanceOf(RequestAbortedError);
  expect((error as Error).message).toMatch(/client was closed/);
});
