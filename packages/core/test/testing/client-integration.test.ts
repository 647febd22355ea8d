import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ServiceClient } from "../../src/client/index.js";
import type { ClientOptions } from "../../src/client/options.js";
import { isRequestAbortedError, isTencentCloudError, type TencentCloudError } from "../../src/errors/index.js";
import type { ActionMeta } from "../../src/meta.js";
import { paginate } from "../../src/paginator/index.js";
import { type MockServer, type MockServerOptions, startMockServer } from "../../src/testing/index.js";
import { isValidationError } from "../../src/validate/index.js";
import { isTaskFailedError, TaskFailedError, WaiterTimeoutError, waitFor } from "../../src/waiter/index.js";
import { FakeClock } from "../waiter/fake-clock.js";
import { loadRedisSpecs } from "./redis-specs.js";

const { data, taskDone, actions } = loadRedisSpecs();
const action = (name: string): ActionMeta => data.actions[name]!;

let clock: FakeClock;
let server: MockServer;
let client: ServiceClient;

async function start(options: MockServerOptions = {}, clientOptions: ClientOptions = {}): Promise<void> {
  server = await startMockServer(data, { now: () => clock.time, ...options });
  client = new ServiceClient(data.meta, {
    endpoint: server.endpoint,
    credentials: server.credentials,
    region: "ap-guangzhou",
    now: () => clock.time,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    rateLimit: false,
    ...clientOptions,
  });
}

const invokeTask = <R>(request: Record<string, unknown>, options: { signal?: AbortSignal }) =>
  client.invoke<R>(taskDone.action, request, options);

interface TaskInfo {
  Status: string;
  TaskMessage: string;
  InstanceId: string;
  RequestId: string;
}

beforeEach(() => {
  clock = new FakeClock();
  clock.time = Date.parse("2024-05-01T08:00:00Z");
});

afterEach(async () => {
  client?.close();
  await server?.close();
});

describe("ServiceClient against the local endpoint (Redis specs)", () => {
  it.each(actions.filter((a) => a.samples.length > 0).map((a) => [a.name, a] as const))(
    "%s answers its spec sample request",
    async (name, spec) => {
      await start();
      const response = await client.invoke<Record<string, unknown>>(action(name), spec.samples[0]!.request);
      expect(response["RequestId"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(server.requests.map((r) => [r.action, r.errorCode])).toEqual([[name, undefined]]);
    },
  );

  it("sends nothing for an invalid request: the client's validator stops it", async () => {
    await start();
    const error = await client.invoke(action("DescribeTaskInfo"), { TaskID: 1 }).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it("turns the endpoint's errors into TencentCloudError with code and RequestId", async () => {
    await start({}, { validate: false });
    const error = await client.invoke(action("DescribeTaskInfo"), {}).catch((e: unknown) => e);
    expect(isTencentCloudError(error, "MissingParameter")).toBe(true);
    expect((error as TencentCloudError).requestId).toBe(server.requests[0]!.requestId);
  });
});

describe("waitFor through ServiceClient and the local endpoint", () => {
  it("waits for a task started by a task-returning action, reporting each state", async () => {
    await start({ taskDurationMs: 4000 });
    const cleared = await client.invoke<{ TaskId: number }>(action("ClearInstance"), {
      InstanceId: "crs-mine",
      Password: "pw",
    });
    const states: string[] = [];
    const done = await waitFor<TaskInfo>(invokeTask, taskDone, cleared, {
      clock,
      onProgress: (status) => states.push(status),
    });
    expect(states).toEqual(["preparing", "running", "succeed"]);
    expect(done).toMatchObject({ Status: "succeed", InstanceId: "crs-mine" });
    expect(server.requests.filter((r) => r.action === "DescribeTaskInfo").every((r) => r.errorCode === undefined)).toBe(
      true,
    );
  });

  it("rejects with TaskFailedError when the task fails", async () => {
    await start({ taskDurationMs: 1000 });
    server.tasks.failNext("backup in progress");
    const { TaskId } = await client.invoke<{ TaskId: number }>(action("ClearInstance"), { InstanceId: "crs-9" });
    const error = await waitFor<TaskInfo>(invokeTask, taskDone, TaskId, { clock }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error).toMatchObject({
      taskId: TaskId,
      status: "failed",
      taskMessage: "backup in progress",
      instanceId: "crs-9",
    });
    expect((error as TaskFailedError).requestId).toBe(server.requests.at(-1)!.requestId);
  });

  it("rides out rate limiting while polling: the client retries, the task is not failed", async () => {
    await start({ taskDurationMs: 0 });
    const task = server.tasks.create({ durationMs: 2000 });
    server.failNext("DescribeTaskInfo", "RequestLimitExceeded");
    server.failNext("DescribeTaskInfo", "RequestLimitExceeded");
    const done = await waitFor<TaskInfo>(invokeTask, taskDone, task.id, { clock });
    expect(done.Status).toBe("succeed");
    expect(server.requests.slice(0, 3).map((r) => r.errorCode)).toEqual([
      "RequestLimitExceeded",
      "RequestLimitExceeded",
      undefined,
    ]);
  });

  it("rejects with the API error that survives retries, not as a task failure", async () => {
    await start();
    const task = server.tasks.create();
    server.failNext("DescribeTaskInfo", "InvalidParameter.PermissionDenied", "no access to this task");
    const error = await waitFor<TaskInfo>(invokeTask, taskDone, task.id, { clock }).catch((e: unknown) => e);
    expect(isTencentCloudError(error, "InvalidParameter.PermissionDenied")).toBe(true);
    expect(isTaskFailedError(error)).toBe(false);
  });

  it("times out on a task that outlasts timeoutMs", async () => {
    await start({ taskDurationMs: 60 * 60 * 1000 });
    const task = server.tasks.create();
    const error = await waitFor<TaskInfo>(invokeTask, taskDone, task.id, { clock, timeoutMs: 20_000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect((error as WaiterTimeoutError).lastStatus).toBe("preparing");
    expect((error as WaiterTimeoutError).polls).toBe(server.requests.length);
  });

  it("sends no request after an abort", async () => {
    await start({ taskDurationMs: 60_000 });
    const task = server.tasks.create();
    clock.hold = true;
    const controller = new AbortController();
    const waiting = waitFor<TaskInfo>(invokeTask, taskDone, task.id, { clock, signal: controller.signal });
    while (clock.sleeps.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(waiting).rejects.toSatisfy(isRequestAbortedError);
    clock.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.requests).toHaveLength(1);
  });
});

describe("paginate through ServiceClient and the local endpoint", () => {
  it("lists every instance across pages", async () => {
    const instances = Array.from({ length: 45 }, (_, i) => ({ InstanceId: `crs-${String(i).padStart(3, "0")}` }));
    await start({ collections: { DescribeInstances: instances } });
    const meta = data.paginators!["DescribeInstances"]!;
    const seen: string[] = [];
    const listing = paginate<object, { InstanceSet: Array<{ InstanceId: string }> }, { InstanceId: string }>(
      (request, options) => client.invoke(meta.action, request, options),
      meta,
      {},
      { pageSize: 20 },
    );
    for await (const instance of listing) seen.push(instance.InstanceId);
    expect(seen).toEqual(instances.map((i) => i.InstanceId));
    expect(server.requests.map((r) => r.request)).toEqual([
      { Offset: 0, Limit: 20 },
      { Offset: 20, Limit: 20 },
      { Offset: 40, Limit: 20 },
    ]);
  });
});
