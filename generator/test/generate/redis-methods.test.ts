// nock first: core binds `https.request` when it loads, so nock must have patched it by then.

import { isRequestAbortedError } from "@org/tc-core";
import {
  isRedisError,
  isTaskFailedError,
  isTencentCloudError,
  isValidationError,
  isWaiterTimeoutError,
} from "@org/tc-redis";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { API, answer, redisClient, useNock } from "./redis-nock.js";

describe("generated Redis methods against nock", () => {
  useNock();

  it("describeTaskInfo sends its action, version, region and body, and returns the Response content", async () => {
    const sent = answer(API, {
      Status: "succeed",
      StartTime: "2024-01-01 00:00:00",
      TaskType: "Clear",
      InstanceId: "crs-1",
      TaskMessage: "",
      RequestId: "r-1",
    });
    const response = await redisClient().describeTaskInfo({ TaskId: 18215 });
    expect(sent).toEqual([
      {
        action: "DescribeTaskInfo",
        version: "2018-04-12",
        region: "ap-guangzhou",
        host: "redis.tencentcloudapi.com",
        body: { TaskId: 18215 },
      },
    ]);
    expect(response).toEqual({
      Status: "succeed",
      StartTime: "2024-01-01 00:00:00",
      TaskType: "Clear",
      InstanceId: "crs-1",
      TaskMessage: "",
      RequestId: "r-1",
    });
  });

  it("describeInstances sends nested lists, may be called without a request, and keeps big integers exact", async () => {
    const sent = answer(API, { TotalCount: 9007199254740993n.toString(), InstanceSet: [], RequestId: "r-2" });
    await redisClient({ region: "ap-shanghai" }).describeInstances({
      InstanceIds: ["crs-1", "crs-2"],
      Limit: 10,
      Offset: 9007199254740993n,
    });
    expect(sent[0]).toMatchObject({ action: "DescribeInstances", region: "ap-shanghai" });
    expect(sent[0]?.body).toEqual({ InstanceIds: ["crs-1", "crs-2"], Limit: 10, Offset: 9007199254740993 });

    answer(API, { TotalCount: 0, InstanceSet: [], RequestId: "r-3" }, sent);
    await redisClient().describeInstances();
    expect(sent[1]).toMatchObject({ action: "DescribeInstances", body: {} });
  });

  it("parses integers above 2^53 in responses as bigint", async () => {
    nock(API)
      .post("/")
      .reply(200, '{"Response":{"TaskId":9007199254740993,"RequestId":"r-4"}}', { "Content-Type": "application/json" });
    const response = await redisClient().clearInstance({ InstanceId: "crs-1", Password: "pw" });
    expect(response.TaskId).toBe(9007199254740993n);
  });

  it("uses the financial endpoint for a -fsi region and the international one on request", async () => {
    const sent = answer("https://redis.ap-shanghai-fsi.tencentcloudapi.com", {
      InstanceSet: [],
      TotalCount: 0,
      RequestId: "r-5",
    });
    await redisClient({ region: "ap-shanghai-fsi" }).describeInstances();
    answer("https://redis.intl.tencentcloudapi.com", { Status: "succeed", RequestId: "r-6" }, sent);
    await redisClient({ intl: true }).describeTaskInfo({ TaskId: 1 });
    expect(sent.map((s) => [s.host, s.region, s.action])).toEqual([
      ["redis.ap-shanghai-fsi.tencentcloudapi.com", "ap-shanghai-fsi", "DescribeInstances"],
      ["redis.intl.tencentcloudapi.com", "ap-guangzhou", "DescribeTaskInfo"],
    ]);
  });

  it("rejects an invalid request before sending, listing every problem", async () => {
    const err: unknown = await redisClient()
      .describeTaskInfo({ TaskID: 1 } as never)
      .catch((e: unknown) => e);
    expect(isValidationError(err)).toBe(true);
    expect((err as Error).message).toContain("TaskID: unknown member (did you mean TaskId?)");
    expect((err as Error).message).toContain("TaskId: required");
  });

  it("narrows service errors by the method that failed; unknown codes still arrive", async () => {
    answer(API, { Error: { Code: "FailedOperation.SystemError", Message: "boom" }, RequestId: "r-7" });
    const err: unknown = await redisClient()
      .describeTaskInfo({ TaskId: 1 })
      .catch((e: unknown) => e);
    expect(isRedisError(err, "describeTaskInfo")).toBe(true);
    expect(isRedisError(err, "describeInstances")).toBe(false);
    expect(isRedisError(err) && err.code).toBe("FailedOperation.SystemError");
    expect(isRedisError(err) && err.requestId).toBe("r-7");

    answer(API, { Error: { Code: "FailedOperation.AddedNextYear", Message: "new" }, RequestId: "r-8" });
    const unknown: unknown = await redisClient()
      .describeTaskInfo({ TaskId: 1 })
      .catch((e: unknown) => e);
    expect(isRedisError(unknown, "describeTaskInfo") && unknown.code).toBe("FailedOperation.AddedNextYear");
    expect(isTencentCloudError(new Error("not ours"))).toBe(false);
    expect(isRedisError(new Error("not ours"))).toBe(false);
  });

  it("waitForTask takes a task-starting response and polls DescribeTaskInfo until the task succeeds", async () => {
    const sent = answer(API, { TaskId: 77, RequestId: "r-9" });
    answer(API, { Status: "running", TaskMessage: "", RequestId: "r-10" }, sent);
    answer(API, { Status: "succeed", TaskMessage: "", RequestId: "r-11" }, sent);
    const client = redisClient();
    const started = await client.clearInstance({ InstanceId: "crs-1", Password: "pw" });
    const statuses: string[] = [];
    const done = await client.waitForTask(started, {
      minDelayMs: 1,
      maxDelayMs: 1,
      onProgress: (s) => statuses.push(s),
    });
    expect(done.RequestId).toBe("r-11");
    expect(statuses).toEqual(["running", "succeed"]);
    expect(sent.map((s) => [s.action, s.body])).toEqual([
      ["ClearInstance", { InstanceId: "crs-1", Password: "pw" }],
      ["DescribeTaskInfo", { TaskId: 77 }],
      ["DescribeTaskInfo", { TaskId: 77 }],
    ]);
  });

  it("waitForTask rejects with TaskFailedError on a failure status", async () => {
    answer(API, {
      Status: "failed",
      TaskMessage: "disk full",
      TaskType: "Clear",
      InstanceId: "crs-1",
      RequestId: "r-12",
    });
    const err: unknown = await redisClient()
      .waitForTask(5, { minDelayMs: 1, maxDelayMs: 1 })
      .catch((e: unknown) => e);
    expect(isTaskFailedError(err) && [err.status, err.taskMessage, err.requestId]).toEqual([
      "failed",
      "disk full",
      "r-12",
    ]);
  });

  it("waitForTask rides out RequestLimitExceeded and a 502 while polling: core retries them, the task still succeeds", async () => {
    const sent = answer(API, { Error: { Code: "RequestLimitExceeded", Message: "slow down" }, RequestId: "t-1" });
    nock(API).post("/").reply(502, "<html>Bad Gateway</html>", { "Content-Type": "text/html" });
    answer(API, { Status: "succeed", TaskMessage: "", RequestId: "t-3" }, sent);
    const done = await redisClient().waitForTask(9, { minDelayMs: 1, maxDelayMs: 1 });
    expect(done.RequestId).toBe("t-3");
  });

  it("waitForTask rejects with WaiterTimeoutError once timeoutMs has passed, the task still running", async () => {
    nock(API)
      .post("/")
      .times(1000)
      .optionally()
      .reply(200, JSON.stringify({ Response: { Status: "running", TaskMessage: "", RequestId: "w" } }));
    const err: unknown = await redisClient()
      .waitForTask(11, { timeoutMs: 30, minDelayMs: 5, maxDelayMs: 10 })
      .catch((e: unknown) => e);
    expect(isWaiterTimeoutError(err) && [err.taskId, err.lastStatus]).toEqual([11, "running"]);
  });

  it("waitForTask rejects at once when its signal aborts, and sends no request after the abort", async () => {
    const seen: number[] = [];
    nock(API)
      .post("/")
      .times(1000)
      .optionally()
      .reply(() => {
        seen.push(Date.now());
        return [200, JSON.stringify({ Response: { Status: "running", TaskMessage: "", RequestId: "a" } })];
      });
    const controller = new AbortController();
    const waiting = redisClient().waitForTask(12, {
      signal: controller.signal,
      minDelayMs: 60_000,
      maxDelayMs: 60_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = seen.length;
    controller.abort(new Error("user cancelled"));
    const err: unknown = await waiting.catch((e: unknown) => e);
    expect(isRequestAbortedError(err)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(before).toBe(1);
    expect(seen).toHaveLength(before);
  });

  it("paginateDescribeInstances walks Offset/Limit pages up to TotalCount", async () => {
    const sent = answer(API, {
      TotalCount: 3,
      InstanceSet: [{ InstanceId: "crs-1" }, { InstanceId: "crs-2" }],
      RequestId: "p-1",
    });
    answer(API, { TotalCount: 3, InstanceSet: [{ InstanceId: "crs-3" }], RequestId: "p-2" }, sent);
    const ids: string[] = [];
    for await (const instance of redisClient().paginateDescribeInstances({ ProjectIds: [0] }, { pageSize: 2 }))
      ids.push(instance.InstanceId);
    expect(ids).toEqual(["crs-1", "crs-2", "crs-3"]);
    expect(sent.map((s) => s.body)).toEqual([
      { ProjectIds: [0], Offset: 0, Limit: 2 },
      { ProjectIds: [0], Offset: 2, Limit: 2 },
    ]);
  });
});
