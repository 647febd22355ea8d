import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRedisError, RedisClient } from "@org/tc-redis";
import { mockData, startMockServer, type MockServer } from "@org/tc-redis/testing";

describe("@org/tc-redis/testing binds the spec's samples and tasks to the local endpoint", () => {
  let server: MockServer;
  let client: RedisClient;

  beforeAll(async () => {
    server = await startMockServer({ taskDurationMs: 50 });
    client = new RedisClient({ endpoint: server.endpoint, credentials: server.credentials, region: "ap-guangzhou", rateLimit: false });
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  it("carries every action, the samples and the TaskDone task data", () => {
    expect(Object.keys(mockData.actions)).toHaveLength(118);
    expect(mockData.actions["DescribeTaskInfo"]).toMatchObject({ name: "DescribeTaskInfo", input: "DescribeTaskInfoRequest", regionRequired: true });
    expect(mockData.samples["DescribeTaskInfo"]?.[0]?.request).toEqual({ TaskId: 18215 });
    expect(mockData.task?.waiter.action.name).toBe("DescribeTaskInfo");
    expect(mockData.task?.trackedActions).toContain("ClearInstance");
    expect(Object.keys(mockData.paginators ?? {})).toContain("DescribeInstances");
  });

  it("answers a method from its sample, with a fresh RequestId", async () => {
    const config = await client.describeAutoBackupConfig({ InstanceId: "crs-5a4p****" });
    expect(config).toMatchObject({ AutoBackupType: 1, BackupStorageDays: 7, TimePeriod: "01:00-02:00", WeekDays: ["Monday", "Tuesday"] });
    expect(config.RequestId).not.toBe("65e950b9-78e8-49b1-9200-0e62a1925559");
  });

  it("runs a task started by a generated method to completion through waitForTask", async () => {
    const started = await client.clearInstance({ InstanceId: "crs-1", Password: "pw" });
    const statuses: string[] = [];
    const done = await client.waitForTask(started, { minDelayMs: 10, maxDelayMs: 20, onProgress: (s) => statuses.push(s) });
    expect(done.Status).toBe("succeed");
    expect(statuses.at(-1)).toBe("succeed");
  });

  it("returns injected failures as narrowed service errors", async () => {
    server.failNext("DescribeTaskInfo", "FailedOperation.SystemError");
    const err: unknown = await client.describeTaskInfo({ TaskId: 1 }).catch((e: unknown) => e);
    expect(isRedisError(err, "describeTaskInfo") && err.code).toBe("FailedOperation.SystemError");
  });
});
