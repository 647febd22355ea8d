import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { testingEmitter } from "../../src/emit/emitters/testing/testing.js";
import { emitVersion, runVersionEmitter } from "../../src/emit/index.js";
import type { GeneratedFile } from "../../src/emit/support/file.js";
import { buildServiceIr } from "../../src/ir/index.js";
import { loadSpecs } from "../../src/load/index.js";
import { STREAM_WAITERS_ROOT } from "./teapot-fixture.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const GOLDEN = path.join(HERE, "golden/teapot");
const UPDATE = process.env["UPDATE_GOLDEN"] === "1";

/** Files of the teapot package these features add or change, compared byte for byte. */
const COMPARED = [
  "src/actions.gen.ts",
  "src/client.gen.ts",
  "src/index.gen.ts",
  "src/operations.gen.ts",
  "src/state-waiters.gen.ts",
  "src/streams.gen.ts",
  "src/testing/defaults.gen.ts",
  "src/testing/index.gen.ts",
];

async function teapot(): Promise<GeneratedFile[]> {
  const specs = await loadSpecs(STREAM_WAITERS_ROOT);
  const ir = buildServiceIr(specs, specs.services[0]!);
  return emitVersion(ir);
}

async function expectGolden(file: GeneratedFile): Promise<void> {
  const target = path.join(GOLDEN, file.path);
  if (UPDATE) {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
    return;
  }
  const expected = await readFile(target, "utf8").catch(() => {
    throw new Error(`No golden file for ${file.path}; run with UPDATE_GOLDEN=1 and review it`);
  });
  expect(file.content, `${file.path} differs from its golden copy (UPDATE_GOLDEN=1 to accept)`).toBe(expected);
}

describe("state waiter and stream emitters (teapot fixture)", async () => {
  const files = await teapot();
  const byPath = new Map(files.map((f) => [f.path, f]));
  const client = byPath.get("src/client.gen.ts")!.content;
  const operations = byPath.get("src/operations.gen.ts")!.content;

  it("match their golden files", async () => {
    for (const name of COMPARED) await expectGolden(byPath.get(name)!);
  });

  it("emit waitUntil<Name> as one core waitUntil call taking the polled action's request", () => {
    expect(operations).toContain(
      "waitUntilTeapotReady(client: TeapotBaseClient, request: DescribeTeapotsRequest = {}, options?: WaitOptions<DescribeTeapotsResponse>): Promise<DescribeTeapotsResponse> {\n" +
        "  return waitUntil(\n" +
        "    (poll, callOptions) => client.invoke<DescribeTeapotsResponse>(actions.describeTeapots, poll, callOptions),\n" +
        "    teapotReadyWaiter,\n",
    );
    expect(client).toContain(
      "waitUntilTeapotReady(request: DescribeTeapotsRequest = {}, options?: WaitOptions<DescribeTeapotsResponse>): Promise<DescribeTeapotsResponse> {\n" +
        "    return operations.waitUntilTeapotReady(this, request, options);\n",
    );
    expect(client).toContain(
      "Then wait for TeapotReady with {@link TeapotClient.waitUntilTeapotReady | waitUntilTeapotReady}.",
    );
  });

  it("emit overloads on the stream member's literal and one invokeOrStream call", () => {
    expect(client).toContain(
      "chatWithTeapot(request: ChatWithTeapotRequest & { readonly Stream: true }, options?: CallOptions): AsyncIterable<ChatWithTeapotEvent>;",
    );
    expect(client).toContain(
      "chatWithTeapot(request: ChatWithTeapotRequest & { readonly Stream?: false | undefined }, options?: CallOptions): Promise<ChatWithTeapotResponse>;",
    );
    expect(operations).toContain(
      "chatWithTeapot(client: TeapotBaseClient, request: ChatWithTeapotRequest & { readonly Stream: true }, options?: CallOptions): AsyncIterable<ChatWithTeapotEvent>;",
    );
    expect(operations).toContain(
      'return invokeOrStream<ChatWithTeapotResponse, ChatWithTeapotEvent>(client, actions.chatWithTeapot, "Stream", request, options);',
    );
    // The method's implementation signature takes the run-time boolean, which the function's third overload accepts.
    expect(client).toContain(
      "chatWithTeapot(request: ChatWithTeapotRequest, options?: CallOptions): Promise<ChatWithTeapotResponse> | AsyncIterable<ChatWithTeapotEvent> {\n" +
        "    return operations.chatWithTeapot(this, request, options);\n",
    );
  });

  it("synthesise the answer of a streaming action without a sample from member examples", async () => {
    const specs = await loadSpecs(STREAM_WAITERS_ROOT);
    const ir = buildServiceIr(specs, specs.services[0]!);
    const bare = { ...ir, actions: ir.actions.map((a) => ({ ...a, samples: [] })) };
    const defaults = runVersionEmitter(testingEmitter, bare).find(
      (f) => f.path === "src/testing/defaults.gen.ts",
    )!.content;
    expect(defaults).toContain(
      'export const defaultAnswers: Readonly<Record<string, object>> = {\n  ChatWithTeapot: {\n    Id: "ans-1",',
    );
    expect(defaults).toContain('Delta: { Role: "assistant", Content: "Steeping." }');
  });

  it("hand the local endpoint the state simulation, default items and streams", () => {
    const testing = byPath.get("src/testing/index.gen.ts")!.content;
    expect(testing).toContain("export function startMockServer(options: MockServerOptions<TeapotCollections> = {})");
    expect(testing).toContain('streams: { ChatWithTeapot: "Stream" }');
    expect(byPath.get("src/testing/defaults.gen.ts")!.content).toContain(
      '{ TeapotId: "tp-5a1b2c3d", Name: "green", State: "READY", Capacity: 750 }',
    );
  });
});
