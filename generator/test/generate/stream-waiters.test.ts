import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STREAM_WAITERS_ROOT } from "../emit/teapot-fixture.js";
import { requireCoreBuild, typeCheck } from "../types/compile.js";
import { linkNodeModules, runCaptured, scratch } from "./helpers.js";

/** A consumer of the generated teapot package: the overloads must give these exact types. */
const CONSUMER = `
import { TeapotClient, type ChatWithTeapotEvent, type ChatWithTeapotResponse, type DescribeTeapotsResponse } from "./src/index.gen.js";
import { startMockServer } from "./src/testing/index.gen.js";
declare const client: TeapotClient;
declare const flag: boolean;
export const events: AsyncIterable<ChatWithTeapotEvent> = client.chatWithTeapot({ Prompt: "x", Stream: true });
export const plain: Promise<ChatWithTeapotResponse> = client.chatWithTeapot({ Prompt: "x" });
export const off: Promise<ChatWithTeapotResponse> = client.chatWithTeapot({ Prompt: "x", Stream: false });
export const either: Promise<ChatWithTeapotResponse> | AsyncIterable<ChatWithTeapotEvent> = client.chatWithTeapot({ Prompt: "x", Stream: flag });
// @ts-expect-error a stream is not a promise
export const wrong: Promise<ChatWithTeapotResponse> = client.chatWithTeapot({ Prompt: "x", Stream: true });
export const ready: Promise<DescribeTeapotsResponse> = client.waitUntilTeapotReady({ TeapotIds: ["tp-1"] }, { timeoutMs: 1000 });
// @ts-expect-error the request is the polled action's request
client.waitUntilTeapotReady({ TeapotId: "tp-1" });
void startMockServer({ collections: { DescribeTeapots: [{ TeapotId: "tp-1", Name: "a", State: "READY" }] } });
// @ts-expect-error collections are typed per action
void startMockServer({ collections: { DescribeTeapots: [{ TeapotId: 1 }] } });
// The modular form: the same overloads and state waiter as standalone functions of the bare client.
import { TeapotBaseClient, chatWithTeapot, waitUntilTeapotReady } from "./src/index.gen.js";
declare const bare: TeapotBaseClient;
export const bareEvents: AsyncIterable<ChatWithTeapotEvent> = chatWithTeapot(bare, { Prompt: "x", Stream: true });
export const barePlain: Promise<ChatWithTeapotResponse> = chatWithTeapot(bare, { Prompt: "x" });
export const bareEither: Promise<ChatWithTeapotResponse> | AsyncIterable<ChatWithTeapotEvent> = chatWithTeapot(client, { Prompt: "x", Stream: flag });
// @ts-expect-error a stream is not a promise
export const bareWrong: Promise<ChatWithTeapotResponse> = chatWithTeapot(bare, { Prompt: "x", Stream: true });
export const bareReady: Promise<DescribeTeapotsResponse> = waitUntilTeapotReady(bare, { TeapotIds: ["tp-1"] }, { timeoutMs: 1000 });
// @ts-expect-error the request is the polled action's request
waitUntilTeapotReady(bare, { TeapotId: "tp-1" });
`;

describe("a generated package with a state waiter and a streaming action", () => {
  let pkg: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    requireCoreBuild();
    const work = await scratch("stream-waiters");
    cleanup = work.cleanup;
    const out = path.join(work.dir, "packages");
    const run = await runCaptured(["--specs", STREAM_WAITERS_ROOT, "--out", out]);
    if (run.code !== 0) throw new Error(run.err);
    pkg = path.join(out, "teapot");
    await linkNodeModules(pkg);
  });
  afterAll(() => cleanup());

  it("type-checks, and its overloads and typed collections give the exact types", async () => {
    const sources = (await readdir(path.join(pkg, "src"), { recursive: true }))
      .filter((f) => f.endsWith(".gen.ts"))
      .map((f) => path.join(pkg, "src", f));
    const consumer = path.join(pkg, "consumer.ts");
    await writeFile(consumer, CONSUMER);
    expect(typeCheck([...sources, consumer], "node16")).toEqual([]);
  }, 60_000);

  it("creates, then waits until ready, and streams, against its local endpoint", async () => {
    const { TeapotClient } = (await import(
      pathToFileURL(path.join(pkg, "src/index.gen.ts")).href
    )) as typeof import("./teapot-shape.js");
    const { startMockServer } = (await import(
      pathToFileURL(path.join(pkg, "src/testing/index.gen.ts")).href
    )) as typeof import("./teapot-shape.js");
    // The server's clock moves past the transition only when the test says so (on the first progress
    // report), so a busy machine cannot skip the HEATING state the waiter must see.
    const transitionMs = 120_000;
    let ahead = 0;
    const server = await startMockServer({ stateDurationMs: transitionMs, now: () => Date.now() + ahead });
    const client = new TeapotClient({
      endpoint: server.endpoint,
      credentials: server.credentials,
      region: "ap-guangzhou",
    });
    try {
      const { TeapotIds } = await client.createTeapots({ Name: "green", TeapotCount: 2 });
      expect(TeapotIds).toHaveLength(2);
      const states: string[] = [];
      const done = await client.waitUntilTeapotReady(
        { TeapotIds },
        {
          minDelayMs: 50,
          maxDelayMs: 100,
          onProgress: (s: string) => {
            states.push(s);
            if (s === "HEATING,HEATING") ahead += transitionMs;
          },
        },
      );
      expect(done.TeapotSet.map((t: { TeapotId: string; State: string }) => [t.TeapotId, t.State])).toEqual(
        TeapotIds.map((id: string) => [id, "READY"]),
      );
      expect(states).toEqual(["HEATING,HEATING", "READY,READY"]);
      // The listing started from the item synthesised from member examples.
      expect((await client.describeTeapots({})).TotalCount).toBe(3);

      const pieces: string[] = [];
      for await (const event of client.chatWithTeapot({ Prompt: "Ready?", Stream: true })) {
        pieces.push(event.Choices[0].Message.Content);
      }
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.join("")).toBe("Steeping, two minutes.");
      expect((await client.chatWithTeapot({ Prompt: "Ready?" })).Choices[0].Message.Content).toBe(
        "Steeping, two minutes.",
      );
    } finally {
      client.close();
      await server.close();
    }
  }, 30_000);

  it("does the same through the modular form: the bare client and standalone functions", async () => {
    const mod = (await import(
      pathToFileURL(path.join(pkg, "src/index.gen.ts")).href
    )) as typeof import("./teapot-shape.js");
    const { startMockServer } = (await import(
      pathToFileURL(path.join(pkg, "src/testing/index.gen.ts")).href
    )) as typeof import("./teapot-shape.js");
    const server = await startMockServer({ stateDurationMs: 100 });
    const client = new mod.TeapotBaseClient({
      endpoint: server.endpoint,
      credentials: server.credentials,
      region: "ap-guangzhou",
    });
    try {
      const { TeapotIds } = await mod.createTeapots(client, { Name: "black", TeapotCount: 1 });
      const done = await mod.waitUntilTeapotReady(client, { TeapotIds }, { minDelayMs: 50, maxDelayMs: 100 });
      expect(done.TeapotSet.map((t: { State: string }) => t.State)).toEqual(["READY"]);
      const pieces: string[] = [];
      for await (const event of mod.chatWithTeapot(client, { Prompt: "Ready?", Stream: true })) {
        pieces.push(event.Choices[0].Message.Content);
      }
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.join("")).toBe("Steeping, two minutes.");
      expect((await mod.chatWithTeapot(client, { Prompt: "Ready?" })).Choices[0].Message.Content).toBe(
        "Steeping, two minutes.",
      );
    } finally {
      client.close();
      await server.close();
    }
  }, 30_000);
});
