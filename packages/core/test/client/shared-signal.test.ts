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
