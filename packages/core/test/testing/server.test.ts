import { afterEach, describe, expect, it } from "vitest";
import { type MockServer, type MockServerOptions, startMockServer } from "../../src/testing/index.js";
import { call, fixture } from "./fixture.js";

const START = Date.parse("2024-05-01T08:00:00Z");
let time = START;
const now = () => time;
let server: MockServer;

async function start(options: MockServerOptions = {}): Promise<MockServer> {
  time = START;
  server = await startMockServer(fixture, { now, ...options });
  return server;
}

afterEach(async () => {
  await server?.close();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("startMockServer", () => {
  it("listens on 127.0.0.1 on a free port and answers from samples with a fresh RequestId", async () => {
    await start();
    expect(server.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
    const first = await call(server, "DescribeTaskInfo", { TaskId: 1 }, time);
    const second = await call(server, "DescribeTaskInfo", { TaskId: 1 }, time);
    expect(first.status).toBe(200);
    expect(first.response).toMatchObject({ Status: "succeed", TaskType: "x" });
    expect(first.response.RequestId).toMatch(UUID);
    expect(second.response.RequestId).not.toBe(first.response.RequestId);
  });

  it("puts the request's own ids into the sample's answer of an action that is not a list", async () => {
    await start();
    const { response } = await call(server, "DescribeTaskInfo", { TaskId: 5 }, time);
    expect(response.InstanceId).toBe("crs-sample");
    // A list action is filtered, never renamed: no item is crs-mine, so nothing is listed.
    const listed = await call(server, "DescribeInstances", { InstanceId: "crs-mine" }, time);
    expect(listed.response).toMatchObject({ InstanceSet: [], TotalCount: 0 });
  });

  it("picks the sample whose request matches best", async () => {
    await start();
    const { response } = await call(server, "DescribeInstances", { InstanceId: "crs-other" }, time);
    expect(response.InstanceSet[0].Name).toBe("other");
    const { response: first } = await call(server, "DescribeInstances", { Limit: 1 }, time);
    expect(first.InstanceSet[0].Name).toBe("one");
  });

  it("logs every request without credentials", async () => {
    await start();
    await call(server, "DescribeTaskInfo", { TaskId: 1 }, time);
    await call(server, "NoSuchAction", {}, time);
    expect(server.requests.map((r) => [r.action, r.region, r.errorCode])).toEqual([
      ["DescribeTaskInfo", "ap-guangzhou", undefined],
      ["NoSuchAction", "ap-guangzhou", "InvalidAction"],
    ]);
    expect(server.requests[0]!.request).toEqual({ TaskId: 1 });
    expect(server.requests[0]!.receivedAt).toBe(START);
    expect(JSON.stringify(server.requests)).not.toContain(server.credentials.secretKey);
  });

  it("accepts uint64 ids above 2^53 without losing digits", async () => {
    await start();
    const body = '{"InstanceId":"crs-1","Password":"p"}';
    expect((await call(server, "ClearInstance", body, time)).response.TaskId).toBeTypeOf("number");
    await call(server, "DescribeTaskInfo", '{"TaskId":18446744073709551615}', time);
    expect(server.requests.at(-1)).toMatchObject({ request: { TaskId: 18446744073709551615n }, errorCode: undefined });
  });
});

describe("signature verification", () => {
  const code = async (tweaks: Parameters<typeof call>[4], body: unknown = { TaskId: 1 }) =>
    (await call(server, "DescribeTaskInfo", body, time, tweaks)).response.Error?.Code as string | undefined;

  it("accepts a correct signature, with or without a charset", async () => {
    await start();
    expect(await code({})).toBeUndefined();
    expect(await code({ contentType: "application/json" })).toBeUndefined();
  });

  it("answers AuthFailure.SignatureFailure for a wrong secret key or a body changed after signing", async () => {
    await start();
    expect(await code({ credentials: { secretId: server.credentials.secretId, secretKey: "wrong" } })).toBe(
      "AuthFailure.SignatureFailure",
    );
    expect(await code({ sentBody: '{"TaskId":2}' })).toBe("AuthFailure.SignatureFailure");
    expect(await code({ headers: { "Content-Type": "application/json; charset=UTF-8" } })).toBe(
      "AuthFailure.SignatureFailure",
    );
  });

  it("explains a credential scope naming the wrong service", async () => {
    await start();
    const { response } = await call(server, "DescribeTaskInfo", { TaskId: 1 }, time, { service: "127" });
    expect(response.Error.Code).toBe("AuthFailure.SignatureFailure");
    expect(response.Error.Message).toContain("names service `127`; this endpoint serves `demo`");
  });

  it("answers AuthFailure.SecretIdNotFound for an unknown secret id", async () => {
    await start();
    expect(await code({ credentials: { secretId: "AKIDunknown", secretKey: server.credentials.secretKey } })).toBe(
      "AuthFailure.SecretIdNotFound",
    );
  });

  it("answers AuthFailure.SignatureExpire beyond five minutes of skew either way", async () => {
    await start();
    const seconds = Math.floor(START / 1000);
    expect(await code({ timestamp: seconds - 300 })).toBeUndefined();
    expect(await code({ timestamp: seconds + 300 })).toBeUndefined();
    expect(await code({ timestamp: seconds - 301 })).toBe("AuthFailure.SignatureExpire");
    expect(await code({ timestamp: seconds + 301 })).toBe("AuthFailure.SignatureExpire");
  });

  it("answers AuthFailure.InvalidAuthorization without a well-formed Authorization header", async () => {
    await start();
    expect(await code({ headers: { Authorization: undefined } })).toBe("AuthFailure.InvalidAuthorization");
    expect(await code({ headers: { Authorization: "Basic abc" } })).toBe("AuthFailure.InvalidAuthorization");
  });

  it("checks the session token of temporary credentials", async () => {
    const temporary = { secretId: "AKIDtemp", secretKey: "temp-key", token: "session-token" };
    await start({ credentials: [{ secretId: "AKIDperm", secretKey: "perm-key" }, temporary] });
    expect(server.credentials.secretId).toBe("AKIDperm");
    expect(await code({ credentials: temporary })).toBeUndefined();
    expect(await code({ credentials: { ...temporary, token: "other" } })).toBe("AuthFailure.TokenFailure");
    expect(await code({ credentials: { secretId: "AKIDperm", secretKey: "perm-key", token: "unexpected" } })).toBe(
      "AuthFailure.TokenFailure",
    );
  });

  it("answers in the service's error shape with HTTP 200, never echoing the secret", async () => {
    await start();
    const { status, response } = await call(server, "DescribeTaskInfo", { TaskId: 1 }, time, {
      credentials: { secretId: server.credentials.secretId, secretKey: "canary-secret" },
    });
    expect(status).toBe(200);
    expect(Object.keys(response)).toEqual(["Error", "RequestId"]);
    expect(Object.keys(response.Error)).toEqual(["Code", "Message"]);
    expect(response.RequestId).toMatch(UUID);
    expect(JSON.stringify(response)).not.toContain("canary-secret");
    expect(JSON.stringify(response)).not.toContain(server.credentials.secretKey);
  });
});

describe("request errors", () => {
  const error = async (action: string, body: unknown, tweaks: Parameters<typeof call>[4] = {}) =>
    (await call(server, action, body, time, tweaks)).response.Error as { Code: string; Message: string } | undefined;

  it("answers InvalidAction for an action the service does not have", async () => {
    await start();
    expect(await error("DescribeNothing", {})).toEqual({
      Code: "InvalidAction",
      Message: "The action `DescribeNothing` does not exist in demo 2020-01-01.",
    });
  });

  it("answers NoSuchVersion for another API version", async () => {
    await start();
    expect((await error("DescribeTaskInfo", { TaskId: 1 }, { version: "2017-03-12" }))?.Code).toBe("NoSuchVersion");
  });

  it("answers MissingParameter for a missing required member or region", async () => {
    await start();
    expect(await error("DescribeTaskInfo", {})).toEqual({ Code: "MissingParameter", Message: "TaskId: required" });
    expect(await error("DescribeInstances", { Filters: [{ Values: [] }] })).toEqual({
      Code: "MissingParameter",
      Message: "Filters[0].Name: required",
    });
    expect((await error("ClearInstance", { InstanceId: "crs-1" }, { region: null }))?.Message).toBe(
      "The request is missing a required parameter `Region`.",
    );
    expect(await error("DescribeTaskInfo", { TaskId: 1 }, { region: null })).toBeUndefined();
  });

  it("answers InvalidParameter for a wrong type and UnknownParameter for an unknown member", async () => {
    await start();
    expect(await error("DescribeTaskInfo", { TaskId: "1" })).toEqual({
      Code: "InvalidParameter",
      Message: "TaskId: expected unsigned integer, got string",
    });
    expect(await error("DescribeTaskInfo", { TaskId: 1, TaskID: 1 })).toEqual({
      Code: "UnknownParameter",
      Message: "TaskID: unknown member (did you mean TaskId?)",
    });
    expect((await error("DescribeTaskInfo", "{not json"))?.Code).toBe("InvalidParameter");
  });

  it("answers UnsupportedProtocol for anything but a POST of JSON", async () => {
    await start();
    expect((await error("DescribeTaskInfo", { TaskId: 1 }, { method: "PUT" }))?.Code).toBe("UnsupportedProtocol");
    expect(
      (await error("DescribeTaskInfo", "TaskId=1", { contentType: "application/x-www-form-urlencoded" }))?.Code,
    ).toBe("UnsupportedProtocol");
  });
});

describe("injected faults", () => {
  it("fails the next calls of an action with the given codes, in order, then recovers", async () => {
    await start();
    server.failNext("DescribeTaskInfo", "InternalError", "try later");
    server.failNext("DescribeTaskInfo", "ResourceUnavailable");
    const codes = [];
    for (let i = 0; i < 3; i++)
      codes.push((await call(server, "DescribeTaskInfo", { TaskId: 1 }, time)).response.Error);
    expect(codes).toEqual([
      { Code: "InternalError", Message: "try later" },
      { Code: "ResourceUnavailable", Message: "Injected failure ResourceUnavailable (local endpoint)" },
      undefined,
    ]);
    expect((await call(server, "DescribeInstances", {}, time)).response.Error).toBeUndefined();
  });

  it("rate-limits an action per second of server time", async () => {
    await start();
    server.rateLimit("DescribeTaskInfo", 2);
    const codes = async () => {
      const out = [];
      for (let i = 0; i < 3; i++)
        out.push((await call(server, "DescribeTaskInfo", { TaskId: 1 }, time)).response.Error?.Code);
      return out;
    };
    expect(await codes()).toEqual([undefined, undefined, "RequestLimitExceeded"]);
    time += 1000;
    expect(await codes()).toEqual([undefined, undefined, "RequestLimitExceeded"]);
    server.rateLimit("DescribeTaskInfo", undefined);
    expect(await codes()).toEqual([undefined, undefined, undefined]);
  });

  it("enforces each action's spec rate limit when asked to", async () => {
    await start({ enforceRateLimits: true });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await call(server, "DescribeInstances", {}, time)).response.Error?.Code);
    expect(codes).toEqual([undefined, undefined, "RequestLimitExceeded"]);
  });
});

describe("tasks", () => {
  const status = async (taskId: number) => (await call(server, "DescribeTaskInfo", { TaskId: taskId }, time)).response;

  it("starts a task for a task-returning action and moves it preparing → running → succeed", async () => {
    await start({ taskDurationMs: 2000 });
    const cleared = await call(server, "ClearInstance", { InstanceId: "crs-mine" }, time);
    const taskId = cleared.response.TaskId as number;
    expect(taskId).not.toBe(1);
    const seen = [];
    for (const at of [0, 999, 1000, 1999, 2000, 60_000]) {
      time = START + at;
      seen.push((await status(taskId)).Status);
    }
    expect(seen).toEqual(["preparing", "preparing", "running", "running", "succeed", "succeed"]);
    expect(await status(taskId)).toMatchObject({ TaskType: "ClearInstance", InstanceId: "crs-mine", TaskMessage: "" });
    expect(server.tasks.get(taskId)).toMatchObject({ action: "ClearInstance", status: "succeed", createdAt: START });
  });

  it("gives each task a fresh id", async () => {
    await start();
    const ids = new Set();
    for (let i = 0; i < 3; i++)
      ids.add((await call(server, "ClearInstance", { InstanceId: "crs-1" }, time)).response.TaskId);
    expect(ids.size).toBe(3);
    expect(server.tasks.list()).toHaveLength(3);
  });

  it("ends the next task failed with a message when asked to", async () => {
    await start({ taskDurationMs: 100 });
    server.tasks.failNext("disk full");
    const failing = (await call(server, "ClearInstance", { InstanceId: "crs-1" }, time)).response.TaskId as number;
    const fine = (await call(server, "ClearInstance", { InstanceId: "crs-1" }, time)).response.TaskId as number;
    time += 100;
    expect(await status(failing)).toMatchObject({ Status: "failed", TaskMessage: "disk full" });
    expect(await status(fine)).toMatchObject({ Status: "succeed", TaskMessage: "" });
  });

  it("ends every task failed with taskOutcome: failed, and creates tasks directly", async () => {
    await start({ taskOutcome: "failed", taskDurationMs: 10 });
    const task = server.tasks.create({ instanceId: "crs-9", durationMs: 0 });
    expect(task.status).toBe("failed");
    expect(await status(task.id)).toMatchObject({ Status: "failed", InstanceId: "crs-9" });
    expect(server.tasks.create({ outcome: "succeed", durationMs: 0 }).status).toBe("succeed");
  });
});

describe("paginated actions", () => {
  it("slices the collection by Offset and Limit and reports its size as the total", async () => {
    const collection = Array.from({ length: 45 }, (_, i) => ({ InstanceId: `crs-${i}` }));
    await start({ collections: { DescribeInstances: collection } });
    const page = async (body: object) => (await call(server, "DescribeInstances", body, time)).response;
    expect(await page({ Offset: 40, Limit: 10 })).toMatchObject({ TotalCount: 45, InstanceSet: collection.slice(40) });
    expect((await page({})).InstanceSet).toHaveLength(20);
    expect((await page({ Offset: 100 })).InstanceSet).toEqual([]);
  });

  it("defaults the collection to the items of every sample, with a consistent total", async () => {
    await start();
    const { response } = await call(server, "DescribeInstances", {}, time);
    expect(response).toMatchObject({ TotalCount: 2 });
    expect(response.InstanceSet.map((i: { InstanceId: string }) => i.InstanceId)).toEqual(["crs-sample", "crs-other"]);
  });
});
