import { describe, expect, it, vi } from "vitest";
import type { CallOptions } from "../../src/client/options.js";
import { isRequestAbortedError, SdkError } from "../../src/errors/index.js";
import type { StateWaiterMeta } from "../../src/meta.js";
import {
  isTaskFailedError,
  isWaiterFailedError,
  isWaiterTimeoutError,
  TaskFailedError,
  WaiterFailedError,
  WaiterTimeoutError,
  waitFor,
  waitUntil,
} from "../../src/waiter/index.js";
import { parseStatePath, valuesAt } from "../../src/waiter/state-path.js";
import { taskDone } from "../testing/fixture.js";
import { FakeClock } from "./fake-clock.js";

const running: StateWaiterMeta = {
  name: "InstanceRunning",
  action: { name: "DescribeInstances", rateLimit: 20, readOnly: true, input: "DescribeInstancesRequest" },
  path: "InstanceSet[].Status",
  success: ["2"],
  failure: ["-2", "-3"],
  minDelayMs: 1000,
  maxDelayMs: 8000,
};

/** A status poll that always answers `response`, recording each request. */
function answering<R extends object>(response: R) {
  const requests: Record<string, unknown>[] = [];
  const invoke = vi.fn(async (request: object, _options: CallOptions): Promise<R> => {
    requests.push(request as Record<string, unknown>);
    return response;
  });
  return { invoke, requests };
}

describe("TaskFailedError (mutation survivors)", () => {
  it("ignores empty and non-text task fields, leaving them out of the message", () => {
    const error = new TaskFailedError({
      action: "DescribeTaskInfo",
      taskId: 7,
      status: "failed",
      response: { Status: "failed", TaskMessage: 42, TaskType: "", InstanceId: null, RequestId: "" },
    });
    expect([error.taskMessage, error.taskType, error.instanceId, error.requestId]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(error.message).toBe('Task 7 ended with status "failed"');
  });

  it("names the task type alone when the instance is unknown, and the instance alone when the type is", () => {
    const typeOnly = new TaskFailedError({
      action: "DescribeTaskInfo",
      taskId: "t-1",
      status: "error",
      response: { TaskType: "Backup", RequestId: "r-1" },
    });
    expect(typeOnly.message).toBe('Task t-1 (Backup) ended with status "error" (RequestId r-1)');
    const instanceOnly = new TaskFailedError({
      action: "DescribeTaskInfo",
      taskId: 3n,
      status: "failed",
      response: { InstanceId: "crs-9", TaskMessage: "quota" },
    });
    expect(instanceOnly.message).toBe('Task 3 (on crs-9) ended with status "failed": quota');
  });
});

describe("WaiterTimeoutError (mutation survivors)", () => {
  it("words a timeout before any completed poll without a last status", () => {
    const error = new WaiterTimeoutError({
      action: "DescribeInstances",
      timeoutMs: 0,
      polls: 0,
      status: undefined,
      response: undefined,
    });
    expect(error.message).toBe("DescribeInstances did not reach the awaited state within 0 ms");
    expect(error.action).toBe("DescribeInstances");
    expect(error.toJSON()).toMatchObject({ name: "WaiterTimeoutError", timeoutMs: 0, polls: 0 });
  });

  it("serializes the task id as text for a task, and no task id but the waiter's name for a state waiter", async () => {
    const task = await waitFor(answering({ Status: "running" }).invoke, taskDone, 2n ** 60n, {
      clock: new FakeClock(),
      timeoutMs: 0,
    }).catch((e: unknown) => e);
    expect(isWaiterTimeoutError(task)).toBe(true);
    const taskJson = (task as WaiterTimeoutError).toJSON() as unknown as Record<string, unknown>;
    expect(taskJson).toMatchObject({
      action: "DescribeTaskInfo",
      taskId: String(2n ** 60n),
      timeoutMs: 0,
      polls: 1,
      lastStatus: "running",
    });
    expect(taskJson["waiter"]).toBeUndefined();

    const state = await waitUntil(
      answering({ InstanceSet: [{ Status: 1 }] }).invoke,
      running,
      {},
      {
        clock: new FakeClock(),
        timeoutMs: 0,
      },
    ).catch((e: unknown) => e);
    const stateJson = (state as WaiterTimeoutError).toJSON() as unknown as Record<string, unknown>;
    expect(stateJson).toMatchObject({ waiter: "InstanceRunning", polls: 1, lastStatus: "1" });
    expect(stateJson["taskId"]).toBeUndefined();
    expect("lastResponse" in stateJson).toBe(false);
  });
});

describe("WaiterFailedError (mutation survivors)", () => {
  it("lists every failure value, and keeps only a non-empty text RequestId", async () => {
    const { invoke } = answering({ InstanceSet: [{ Status: -2 }, { Status: 2 }, { Status: -3 }], RequestId: 17 });
    const error = await waitUntil(invoke, running, {}, { clock: new FakeClock() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterFailedError);
    const failed = error as WaiterFailedError;
    expect(failed.requestId).toBeUndefined();
    expect(failed.action).toBe("DescribeInstances");
    expect(failed.message).toBe(
      'InstanceRunning: DescribeInstances reported InstanceSet[].Status = "-2", "-3", a failure state',
    );
    const empty = new WaiterFailedError({
      action: "DescribeInstances",
      waiter: "InstanceRunning",
      path: "InstanceSet[].Status",
      values: ["-2"],
      failed: ["-2"],
      response: { RequestId: "" },
    });
    expect(empty.requestId).toBeUndefined();
    expect(empty.message).not.toContain("RequestId");
  });
});

describe("waiter type guards (mutation survivors)", () => {
  it("reject errors of other kinds and non-errors", () => {
    const others = [new SdkError("x"), new Error("x"), "WaiterTimeoutError", null, undefined];
    for (const value of others) {
      expect(isWaiterTimeoutError(value)).toBe(false);
      expect(isWaiterFailedError(value)).toBe(false);
      expect(isTaskFailedError(value)).toBe(false);
    }
    const timeout = new WaiterTimeoutError({ action: "A", timeoutMs: 1, polls: 1, status: "x", response: {} });
    expect(isWaiterFailedError(timeout)).toBe(false);
    expect(isTaskFailedError(timeout)).toBe(false);
  });
});

describe("state paths (mutation survivors)", () => {
  it("skip null and primitive items instead of reading members off them", () => {
    expect(valuesAt({ Instance: null }, parseStatePath("Instance.State"))).toEqual([]);
    expect(valuesAt({ Items: [null, { State: "ok" }] }, parseStatePath("Items[].State"))).toEqual(["ok"]);
    // A string has an own `length`; a state path still only reads members of objects.
    expect(valuesAt({ Names: ["abc"] }, parseStatePath("Names[].length"))).toEqual([]);
  });

  it("yield nothing when an intermediate member is missing or only inherited", () => {
    expect(valuesAt({}, parseStatePath("Instance.State"))).toEqual([]);
    expect(valuesAt(Object.create({ Status: "2" }), parseStatePath("Status"))).toEqual([]);
  });

  it("read booleans as text", () => {
    expect(valuesAt({ Ready: [{ Done: true }, { Done: false }] }, parseStatePath("Ready[].Done"))).toEqual([
      "true",
      "false",
    ]);
  });
});

describe("waitFor (mutation survivors)", () => {
  it("accepts a string id, and a response carrying a string or a number id", async () => {
    for (const target of ["task-1", { TaskId: "task-2" }, { TaskId: 3 }]) {
      const { invoke, requests } = answering({ Status: "succeed" });
      await waitFor(invoke, taskDone, target, { clock: new FakeClock() });
      expect(requests).toEqual([{ TaskId: typeof target === "string" ? target : target.TaskId }]);
    }
  });

  it("accepts a bigint id passed directly", async () => {
    const { invoke, requests } = answering({ Status: "succeed" });
    await waitFor(invoke, taskDone, 2n ** 63n, { clock: new FakeClock() });
    expect(requests).toEqual([{ TaskId: 2n ** 63n }]);
  });

  it("reads a numeric status as text", async () => {
    const meta = { ...taskDone, success: ["2"], failure: ["-1"] };
    const progress: string[] = [];
    const { invoke } = answering({ Status: 2, RequestId: "r" });
    await expect(
      waitFor(invoke, meta, 1, { clock: new FakeClock(), onProgress: (s) => progress.push(s) }),
    ).resolves.toMatchObject({ Status: 2 });
    expect(progress).toEqual(["2"]);
  });

  it("names the action on the error for a response without a status", async () => {
    const error = await waitFor(answering({ RequestId: "r" }).invoke, taskDone, 1, { clock: new FakeClock() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SdkError);
    expect((error as SdkError).action).toBe("DescribeTaskInfo");
  });

  it("accepts zero durations: polls once, then times out", async () => {
    const { invoke } = answering({ Status: "running" });
    const clock = new FakeClock();
    const error = await waitFor(invoke, taskDone, 1, { clock, timeoutMs: 0, minDelayMs: 0, maxDelayMs: 0 }).catch(
      (e: unknown) => e,
    );
    expect(isWaiterTimeoutError(error)).toBe(true);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("names the offending option when a delay is invalid", async () => {
    const { invoke } = answering({ Status: "succeed" });
    await expect(waitFor(invoke, taskDone, 1, { minDelayMs: -5 })).rejects.toThrow(
      "minDelayMs must be a non-negative number of ms, got -5",
    );
    await expect(waitFor(invoke, taskDone, 1, { maxDelayMs: Number.POSITIVE_INFINITY })).rejects.toThrow(
      "maxDelayMs must be a non-negative number of ms, got Infinity",
    );
    expect(invoke).not.toHaveBeenCalled();
  });

  it("does not take a status that only matches after Unicode upper-casing as a success", async () => {
    // "ſ" (long s) upper-cases to "S" and "ı" (dotless i) to "I"; lower-casing keeps them distinct.
    const { invoke } = answering({ Status: "ſucceed" });
    const error = await waitFor(invoke, taskDone, 1, { clock: new FakeClock(), timeoutMs: 0 }).catch((e: unknown) => e);
    expect(isWaiterTimeoutError(error)).toBe(true);
  });

  it("explains an abort in the error message", async () => {
    const error = await waitFor(answering({ Status: "succeed" }).invoke, taskDone, 1, {
      clock: new FakeClock(),
      signal: AbortSignal.abort(),
    }).catch((e: unknown) => e);
    expect(isRequestAbortedError(error)).toBe(true);
    expect((error as Error).message).toBe("The wait was aborted");
  });
});

describe("waitUntil (mutation survivors)", () => {
  it("names the offending option when a duration is invalid", async () => {
    const { invoke } = answering({ InstanceSet: [{ Status: 2 }] });
    await expect(waitUntil(invoke, running, {}, { timeoutMs: -1 })).rejects.toThrow(
      "timeoutMs must be a non-negative number of ms, got -1",
    );
    await expect(waitUntil(invoke, running, {}, { minDelayMs: -2 })).rejects.toThrow(
      "minDelayMs must be a non-negative number of ms, got -2",
    );
    await expect(waitUntil(invoke, running, {}, { maxDelayMs: -3 })).rejects.toThrow(
      "maxDelayMs must be a non-negative number of ms, got -3",
    );
    expect(invoke).not.toHaveBeenCalled();
  });

  it("sends nothing when the signal is already aborted", async () => {
    const { invoke } = answering({ InstanceSet: [{ Status: 2 }] });
    const error = await waitUntil(invoke, running, {}, { clock: new FakeClock(), signal: AbortSignal.abort() }).catch(
      (e: unknown) => e,
    );
    expect(isRequestAbortedError(error)).toBe(true);
    expect(invoke).not.toHaveBeenCalled();
  });

  it("does not act on a poll that completes after the abort", async () => {
    const controller = new AbortController();
    const invoke = vi.fn(async () => {
      controller.abort();
      return { InstanceSet: [{ Status: 2 }] };
    });
    const onProgress = vi.fn();
    const error = await waitUntil(
      invoke,
      running,
      {},
      {
        clock: new FakeClock(),
        signal: controller.signal,
        onProgress,
      },
    ).catch((e: unknown) => e);
    expect(isRequestAbortedError(error)).toBe(true);
    expect(onProgress).not.toHaveBeenCalled();
  });

  it("does not take a value that only matches after Unicode upper-casing as a success", async () => {
    const meta = { ...running, path: "InstanceSet[].State", success: ["running"], failure: ["failed"] };
    const { invoke } = answering({ InstanceSet: [{ State: "runnıng" }] });
    const error = await waitUntil(invoke, meta, {}, { clock: new FakeClock(), timeoutMs: 0 }).catch((e: unknown) => e);
    expect(isWaiterTimeoutError(error)).toBe(true);
  });
});
