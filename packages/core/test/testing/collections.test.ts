import { afterEach, describe, expect, it } from "vitest";
import { ServiceClient } from "../../src/client/index.js";
import type { ActionMeta, StateWaiterMeta } from "../../src/meta.js";
import { invokeStream } from "../../src/stream/index.js";
import {
  type MockServer,
  type MockServerOptions,
  type MockServiceData,
  startMockServer,
} from "../../src/testing/index.js";
import { waitUntil } from "../../src/waiter/index.js";

const action = (name: string, readOnly = false): ActionMeta => ({
  name,
  readOnly,
  rateLimit: 100,
  input: `${name}Request`,
});
const describeMachines = action("DescribeMachines", true);

const running: StateWaiterMeta = {
  name: "MachineRunning",
  action: describeMachines,
  path: "MachineSet[].State",
  success: ["RUNNING"],
  failure: ["FAILED"],
  minDelayMs: 20,
  maxDelayMs: 40,
};
const stopped: StateWaiterMeta = { ...running, name: "MachineStopped", success: ["STOPPED"], failure: [] };

/** A service shaped like CVM: create returns ids, a list action with id filters and Filters, a stream. */
const fleet: MockServiceData = {
  meta: {
    service: "fleet",
    version: "2022-02-02",
    endpoint: "fleet.tencentcloudapi.com",
    intlEndpoint: "fleet.intl.tencentcloudapi.com",
    shapes: {
      CreateMachinesRequest: { Name: "!s", MachineCount: "i", ImageId: "s" },
      DescribeMachinesRequest: { MachineIds: "[s", Filters: "[#Filter", Offset: "u", Limit: "u" },
      StopMachinesRequest: { MachineIds: "![s" },
      ChatRequest: { Prompt: "!s", Stream: "b" },
      Filter: { Name: "!s", Values: "[s" },
    },
  },
  actions: {
    CreateMachines: action("CreateMachines"),
    DescribeMachines: describeMachines,
    StopMachines: action("StopMachines"),
    Chat: action("Chat"),
  },
  samples: {
    CreateMachines: [{ request: { Name: "a" }, response: { MachineIdSet: ["m-sample00"], RequestId: "s" } }],
    Chat: [{ request: { Prompt: "hi" }, response: { Answer: "The kettle is boiling nicely.", RequestId: "s" } }],
  },
  paginators: {
    DescribeMachines: {
      action: describeMachines,
      offset: "Offset",
      limit: "Limit",
      items: "MachineSet",
      total: "TotalCount",
    },
  },
  states: [
    { waiter: running, after: ["CreateMachines"], pending: ["PENDING"], valueKind: "string" },
    { waiter: stopped, after: ["StopMachines"], pending: ["STOPPING"], valueKind: "string" },
  ],
  defaultItems: {
    DescribeMachines: [
      { ImageId: "img-1", MachineId: "m-example1", Zone: "ap-guangzhou-3", State: "RUNNING", Cores: 2 },
    ],
  },
  streams: { Chat: "Stream" },
};

let server: MockServer | undefined;
let client: ServiceClient | undefined;
/** The server's clock runs ahead of real time by this much; tests move it to end a transition. */
let ahead = 0;
/** Longer than any test runs (yet within the signature clock tolerance), so a transition ends only when a test moves the clock past it. */
const STATE_DURATION_MS = 120_000;
const passTransition = () => {
  ahead += STATE_DURATION_MS;
};
afterEach(async () => {
  client?.close();
  await server?.close();
  ahead = 0;
});

async function start(options: MockServerOptions = {}): Promise<ServiceClient> {
  server = await startMockServer(fleet, {
    stateDurationMs: STATE_DURATION_MS,
    now: () => Date.now() + ahead,
    ...options,
  });
  client = new ServiceClient(fleet.meta, {
    endpoint: server.endpoint,
    credentials: server.credentials,
    region: "ap-guangzhou",
    rateLimit: false,
  });
  return client;
}

type Listing = {
  TotalCount: number;
  MachineSet: Array<{ MachineId: string; State: string; Zone: string; Cores: number }>;
};
const list = (c: ServiceClient, request: object = {}) => c.invoke<Listing>(describeMachines, request);

describe("list actions", () => {
  it("start from items synthesised from member examples when no sample lists any", async () => {
    const c = await start();
    expect(await list(c)).toMatchObject({
      TotalCount: 1,
      MachineSet: [{ MachineId: "m-example1", Zone: "ap-guangzhou-3", Cores: 2 }],
    });
  });

  it("apply <X>Ids, Filters by kebab-case member name, then Offset and Limit; never rewrite ids", async () => {
    const items = Array.from({ length: 6 }, (_, i) => ({
      MachineId: `m-${i}`,
      Zone: i % 2 ? "zone-b" : "zone-a",
      State: "RUNNING",
      Cores: i,
    }));
    const c = await start({ collections: { DescribeMachines: items } });
    const ids = (l: Listing) => l.MachineSet.map((m) => m.MachineId);
    expect(ids(await list(c, { MachineIds: ["m-1", "m-4", "m-missing"] }))).toEqual(["m-1", "m-4"]);
    expect(ids(await list(c, { MachineIds: ["crs-a"] }))).toEqual([]);
    expect(await list(c, { Filters: [{ Name: "zone", Values: ["zone-b"] }] })).toMatchObject({ TotalCount: 3 });
    expect(
      ids(
        await list(c, {
          Filters: [
            { Name: "machine-id", Values: ["m-2", "m-3"] },
            { Name: "zone", Values: ["zone-a"] },
          ],
        }),
      ),
    ).toEqual(["m-2"]);
    // A filter on a member the items lack is not understood, and ignored rather than matching nothing.
    expect(await list(c, { Filters: [{ Name: "tag-key", Values: ["x"] }] })).toMatchObject({ TotalCount: 6 });
    expect(await list(c, { Filters: [{ Name: "zone", Values: ["zone-a"] }], Offset: 1, Limit: 1 })).toMatchObject({
      TotalCount: 3,
      MachineSet: [{ MachineId: "m-2" }],
    });
  });
});

describe("state transitions", () => {
  it("lists created resources with fresh ids, pending, then running: create, then wait until running", async () => {
    const c = await start();
    // CVM's RunInstances names its ids InstanceIdSet: <X>Id + s, Set or List all count.
    const { MachineIdSet: MachineIds } = await c.invoke<{ MachineIdSet: string[] }>(action("CreateMachines"), {
      Name: "web",
      MachineCount: 2,
      ImageId: "img-1",
    });
    const created = { MachineIds };
    expect(created.MachineIds).toHaveLength(2);
    for (const id of created.MachineIds) expect(id).toMatch(/^m-[0-9a-f]{8}$/);
    const first = await list(c, { MachineIds: created.MachineIds });
    expect(first.MachineSet.map((m) => [m.MachineId, m.State])).toEqual(
      created.MachineIds.map((id) => [id, "PENDING"]),
    );
    // The new item is the list's first item with its id and state replaced.
    expect(first.MachineSet[0]).toMatchObject({ Zone: "ap-guangzhou-3", Cores: 2 });

    const progress: string[] = [];
    const done = await waitUntil(
      (r, o) => c.invoke<Listing>(describeMachines, r, o),
      running,
      { MachineIds: created.MachineIds },
      {
        onProgress: (status) => {
          progress.push(status);
          if (status === "PENDING,PENDING") passTransition();
        },
        timeoutMs: 5000,
      },
    );
    expect(done.MachineSet.map((m) => m.State)).toEqual(["RUNNING", "RUNNING"]);
    expect(progress).toEqual(["PENDING,PENDING", "RUNNING,RUNNING"]);
    expect(await list(c)).toMatchObject({ TotalCount: 3 });
  });

  it("moves the resources a request names (stop), leaving the others alone", async () => {
    const items = [
      { MachineId: "m-1", State: "RUNNING" },
      { MachineId: "m-2", State: "RUNNING" },
    ];
    const c = await start({ collections: { DescribeMachines: items } });
    await c.invoke(action("StopMachines"), { MachineIds: ["m-2"] });
    expect((await list(c)).MachineSet.map((m) => m.State)).toEqual(["RUNNING", "STOPPING"]);
    await waitUntil(
      (r, o) => c.invoke<Listing>(describeMachines, r, o),
      stopped,
      { MachineIds: ["m-2"] },
      { onProgress: (status) => status === "STOPPING" && passTransition(), timeoutMs: 5000 },
    );
    expect((await list(c)).MachineSet.map((m) => m.State)).toEqual(["RUNNING", "STOPPED"]);
    // The caller's own array is never modified.
    expect(items[1]!.State).toBe("RUNNING");
  });
});

describe("streaming actions", () => {
  it("stream the sample answer as events whose text pieces join to the whole, and answer JSON otherwise", async () => {
    const c = await start();
    const events: Array<{ Answer: string; RequestId: string }> = [];
    for await (const event of invokeStream<{ Answer: string; RequestId: string }>(c, action("Chat"), {
      Prompt: "hi",
      Stream: true,
    }))
      events.push(event);
    expect(events.length).toBe(3);
    expect(events.map((e) => e.Answer).join("")).toBe("The kettle is boiling nicely.");
    expect(new Set(events.map((e) => e.RequestId)).size).toBe(1);
    expect(await c.invoke(action("Chat"), { Prompt: "hi" })).toMatchObject({ Answer: "The kettle is boiling nicely." });
  });

  it("stream the synthesised answer of a streaming action without a sample", async () => {
    server = await startMockServer({
      ...fleet,
      samples: {},
      defaultAnswers: { Chat: { Answer: "From the member example." } },
    });
    client = new ServiceClient(fleet.meta, {
      endpoint: server.endpoint,
      credentials: server.credentials,
      region: "ap-guangzhou",
      rateLimit: false,
    });
    const pieces: string[] = [];
    for await (const event of invokeStream<{ Answer: string }>(client, action("Chat"), { Prompt: "hi", Stream: true }))
      pieces.push(event.Answer);
    expect(pieces.join("")).toBe("From the member example.");
  });

  it("stream the events the test gives", async () => {
    const c = await start({ streamEvents: { Chat: [{ Answer: "a" }, { ErrorMsg: { Code: "X", Msg: "no" } }] } });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const event of invokeStream(c, action("Chat"), { Prompt: "hi", Stream: true })) seen.push(event);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([{ Answer: "a" }]);
    expect(error).toMatchObject({ name: "StreamError", code: "ErrorEvent", serviceCode: "X" });
  });
});
