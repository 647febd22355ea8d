import nock from "nock";
import { describe, expect, it } from "vitest";
import type { AfterAttemptEvent, BeforeAttemptEvent } from "../../src/client/index.js";
import { resolveLogger, stderrLogger } from "../../src/client/logger.js";
import { TencentCloudError } from "../../src/errors/index.js";
import { API, apiError, describeTaskInfo, newClient, ok, useNock } from "./fixtures.js";

useNock();

describe("ServiceClient hooks", () => {
  it("reports each attempt before and after, with secrets redacted and retries flagged", async () => {
    nock(API)
      .post("/")
      .reply(200, apiError("RequestLimitExceeded", "slow down", "req-1"));
    nock(API).post("/").reply(200, ok({}, "req-2"));
    const before: BeforeAttemptEvent[] = [];
    const after: AfterAttemptEvent[] = [];
    const client = newClient({
      credentials: { secretId: "AKIDHOOK", secretKey: "hook-secret", token: "hook-token" },
      hooks: { beforeAttempt: (e) => before.push(e), afterAttempt: (e) => after.push(e) },
    });
    await client.invoke(describeTaskInfo, { TaskId: 1 });

    expect(before.map((e) => [e.service, e.action, e.attempt, e.endpoint])).toEqual([
      ["redis", "DescribeTaskInfo", 1, API],
      ["redis", "DescribeTaskInfo", 2, API],
    ]);
    expect(before[0]!.headers).toMatchObject({
      Authorization: "[REDACTED]",
      "X-TC-Token": "[REDACTED]",
      "X-TC-Action": "DescribeTaskInfo",
    });

    expect(after.map((e) => [e.attempt, e.status, e.requestId, e.willRetry])).toEqual([
      [1, 200, "req-1", true],
      [2, 200, "req-2", false],
    ]);
    expect(after[0]!.error).toBeInstanceOf(TencentCloudError);
    expect(after[1]!.error).toBeUndefined();
    for (const e of after) expect(e.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("lets a throwing hook fail the call", async () => {
    const client = newClient({
      hooks: {
        beforeAttempt: () => {
          throw new Error("hook bug");
        },
      },
    });
    await expect(client.invoke(describeTaskInfo, { TaskId: 1 })).rejects.toThrow("hook bug");
  });
});

describe("debug logger", () => {
  it("logs send, done and retry lines through the logger option", async () => {
    nock(API).post("/").reply(200, apiError("RequestLimitExceeded"));
    nock(API).post("/").reply(200, ok());
    const lines: [string, Record<string, unknown>][] = [];
    await newClient({ logger: { debug: (m, f) => lines.push([m, { ...f }]) } }).invoke(describeTaskInfo, { TaskId: 1 });
    expect(lines.map(([m, f]) => `${m}#${String(f["attempt"])}`)).toEqual([
      "send#1",
      "done#1",
      "retry#1",
      "send#2",
      "done#2",
    ]);
    expect(lines[1]![1]).toMatchObject({
      status: 200,
      requestId: "req-err",
      error: { name: "TencentCloudError", code: "RequestLimitExceeded" },
    });
    expect(lines[2]![1]["delayMs"]).toEqual(expect.any(Number));
  });

  it("is enabled by DEBUG containing tc:, and off otherwise", () => {
    const custom = { debug: () => {} };
    expect(resolveLogger(undefined, { DEBUG: "express:*,tc:*" })).toBe(stderrLogger);
    expect(resolveLogger(undefined, { DEBUG: "tc:core" })).toBe(stderrLogger);
    expect(resolveLogger(undefined, { DEBUG: "express:*" })).toBeUndefined();
    expect(resolveLogger(undefined, {})).toBeUndefined();
    expect(resolveLogger(custom, {})).toBe(custom);
  });
});
