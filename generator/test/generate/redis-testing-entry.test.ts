import path from "node:path";
import { isRedisError, RedisClient } from "@org/tc-redis";
import { type MockServer, mockData, startMockServer } from "@org/tc-redis/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServiceIr, type IrMember, type IrType } from "../../src/ir/index.js";
import { loadSpecs } from "../../src/load/index.js";
import { REPO_ROOT } from "./helpers.js";

describe("@org/tc-redis/testing binds the spec's samples and tasks to the local endpoint", () => {
  let server: MockServer;
  let client: RedisClient;

  beforeAll(async () => {
    server = await startMockServer({ taskDurationMs: 50 });
    client = new RedisClient({
      endpoint: server.endpoint,
      credentials: server.credentials,
      region: "ap-guangzhou",
      rateLimit: false,
    });
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  it("carries every action, the samples and the TaskDone task data", () => {
    expect(Object.keys(mockData.actions)).toHaveLength(118);
    expect(mockData.actions["DescribeTaskInfo"]).toMatchObject({
      name: "DescribeTaskInfo",
      input: "DescribeTaskInfoRequest",
      regionRequired: true,
    });
    expect(mockData.samples["DescribeTaskInfo"]?.[0]?.request).toEqual({ TaskId: 18215 });
    expect(mockData.task?.waiter.action.name).toBe("DescribeTaskInfo");
    expect(mockData.task?.trackedActions).toContain("ClearInstance");
    expect(Object.keys(mockData.paginators ?? {})).toContain("DescribeInstances");
  });

  it("answers a method from its sample, with a fresh RequestId", async () => {
    const config = await client.describeAutoBackupConfig({ InstanceId: "crs-5a4p****" });
    expect(config).toMatchObject({
      AutoBackupType: 1,
      BackupStorageDays: 7,
      TimePeriod: "01:00-02:00",
      WeekDays: ["Monday", "Tuesday"],
    });
    expect(config.RequestId).not.toBe("65e950b9-78e8-49b1-9200-0e62a1925559");
  });

  it("runs a task started by a generated method to completion through waitForTask", async () => {
    const started = await client.clearInstance({ InstanceId: "crs-1", Password: "pw" });
    const statuses: string[] = [];
    const done = await client.waitForTask(started, {
      minDelayMs: 10,
      maxDelayMs: 20,
      onProgress: (s) => statuses.push(s),
    });
    expect(done.Status).toBe("succeed");
    expect(statuses.at(-1)).toBe("succeed");
  });

  it("returns injected failures as narrowed service errors", async () => {
    server.failNext("DescribeTaskInfo", "FailedOperation.SystemError");
    const err: unknown = await client.describeTaskInfo({ TaskId: 1 }).catch((e: unknown) => e);
    expect(isRedisError(err, "describeTaskInfo") && err.code).toBe("FailedOperation.SystemError");
  });
});

const specs = await loadSpecs(path.join(REPO_ROOT, "specs"));
const redis = specs.services.find((s) => s.dir === "redis/2018-04-12");
if (!redis) throw new Error("Redis specs missing");
const ir = buildServiceIr(specs, redis);

describe("every RedisClient method against the local endpoint", () => {
  const structures = new Map(ir.structures.map((s) => [s.name, s.members]));

  /** Actions whose upstream sample was unusable get the smallest valid request, built from the members' examples. */
  const fromExamples = (members: readonly IrMember[]): Record<string, unknown> =>
    Object.fromEntries(members.filter((m) => m.required).map((m) => [m.name, exampleValue(m.type, m.example)]));
  const exampleValue = (type: IrType, example: string | undefined): unknown => {
    switch (type.kind) {
      case "int64":
      case "uint64":
      case "float":
        return Number.isFinite(Number(example)) && example !== "" && example !== undefined ? Number(example) : 1;
      case "boolean":
        return example === "true";
      case "list":
        return [exampleValue(type.items, undefined)];
      case "structure":
        return fromExamples(structures.get(type.name) ?? []);
      case "object":
        return {};
      case "string":
        return example ?? "x";
    }
  };

  let server: MockServer;
  let client: Record<string, (request: unknown) => Promise<{ RequestId: string }>>;
  beforeAll(async () => {
    server = await startMockServer({ taskDurationMs: 50 });
    client = new RedisClient({
      endpoint: server.endpoint,
      credentials: server.credentials,
      region: "ap-guangzhou",
      rateLimit: false,
    }) as never;
  });
  afterAll(async () => {
    (client as unknown as RedisClient).close();
    await server.close();
  });

  it("covers all 118 actions", () => expect(ir.actions).toHaveLength(118));

  it.each(ir.actions.map((a) => [a.methodName, a] as const))(
    "%s succeeds with its sample request (validation on)",
    async (method, action) => {
      const request = action.samples[0]?.request ?? fromExamples(action.input);
      const response = await client[method]!.call(client, request);
      expect(response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(server.requests.at(-1)).toMatchObject({ action: action.name });
      expect(server.requests.at(-1)?.errorCode).toBeUndefined();
    },
  );
});
