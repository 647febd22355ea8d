import { describe, expect, it, vi } from "vitest";
import type { CallOptions } from "../../src/client/options.js";
import { isRequestAbortedError, isSdkError, TencentCloudError } from "../../src/errors/index.js";
import {
  isTaskFailedError,
  isWaiterTimeoutError,
  TaskFailedError,
  WaiterTimeoutError,
  waitFor,
} from "../../src/waiter/index.js";
import { taskDone } from "../testing/fixture.js";
import { FakeClock } from "./fake-clock.js";

interface TaskInfo {
  Status: string;
  TaskMessage?: string;
  TaskType?: string;
  InstanceId?: string;
  RequestId: string;
}

/** A fake `describeTaskInfo` answering the given statuses in turn, repeating the last one. */
function scripted(statuses: string[], extra: Partial<TaskInfo> = {}) {
  const calls: Array<{ request: Record<string, unknown>; options: CallOptions }> = [];
  const invoke = vi.fn(async (request: Record<string, unknown>, options: CallOptions): Promise<TaskInfo> => {
    calls.push({ request, options });
    const status = statuses[Math.min(calls.length - 1, statuses.length - 1)]!;
    return { Status: status, RequestId: `req-${calls.length}`, ...extra };
  });
  return { invoke, calls };
}

describe("waitFor", () => {
  it("polls until success, resolving with the final response and reporting each status change", async () => {
    const { invoke, calls } = scripted(["preparing", "running", "running", "succeed"]);
    const clock = new FakeClock();
    const progress: Array<[string, string]> = [];
    const result = await waitFor(invoke, taskDone, 18215, {
      clock,
      onProgress: (status, response) => progress.push([status, response.RequestId]),
    });
    expect(result).toEqual({ Status: "succeed", RequestId: "req-4" });
    expect(calls.map((c) => c.request)).toEqual(Array(4).fill({ TaskId: 18215 }));
    expect(progress).toEqual([
      ["preparing", "req-1"],
      ["running", "req-2"],
      ["succeed", "req-4"],
    ]);
    // random 0.5: min, then halfway between min and 2×min, then halfway to 4×min.
    expect(clock.sleeps).toEqual([1000, 1500, 2500]);
  });

  it("takes the id from any response carrying the waiter's input member, bigint included", async () => {
    const { invoke, calls } = scripted(["succeed"]);
    await waitFor(invoke, taskDone, { TaskId: 2n ** 60n, RequestId: "clear-1" }, { clock: new FakeClock() });
    expect(calls[0]!.request).toEqual({ TaskId: 2n ** 60n });
  });

  it("rejects an object without the id before sending anything", async () => {
    const { invoke } = scripted(["succeed"]);
    await expect(waitFor(invoke, taskDone, { DealId: "x" }, { clock: new FakeClock() })).rejects.toThrow(
      "expected a TaskId or a response carrying one",
    );
    expect(invoke).not.toHaveBeenCalled();
  });

  it("rejects with TaskFailedError carrying the task's details on a failure state", async () => {
    const { invoke } = scripted(["running", "failed"], {
      TaskMessage: "disk full",
      TaskType: "Clear Instance",
      InstanceId: "crs-1",
    });
    const error: unknown = await waitFor(invoke, taskDone, 7, { clock: new FakeClock() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(isTaskFailedError(error)).toBe(true);
    expect(isSdkError(error)).toBe(true);
    const failed = error as TaskFailedError;
    expect([
      failed.taskId,
      failed.status,
      failed.taskMessage,
      failed.taskType,
      failed.instanceId,
      failed.requestId,
    ]).toEqual([7, "failed", "disk full", "Clear Instance", "crs-1", "req-2"]);
    expect(failed.response).toMatchObject({ Status: "failed" });
    expect(failed.action).toBe("DescribeTaskInfo");
    expect(failed.message).toBe(
      'Task 7 (Clear Instance on crs-1) ended with status "failed": disk full (RequestId req-2)',
    );
    expect(JSON.parse(JSON.stringify(failed))).toMatchObject({
      name: "TaskFailedError",
      taskId: "7",
      status: "failed",
    });
  });

  it("matches states case-insensitively, since the docs spell them both ways", async () => {
    await expect(waitFor(scripted(["Error"]).invoke, taskDone, 1, { clock: new FakeClock() })).rejects.toBeInstanceOf(
      TaskFailedError,
    );
    await expect(waitFor(scripted(["SUCCEED"]).invoke, taskDone, 1, { clock: new FakeClock() })).resolves.toMatchObject(
      {
        Status: "SUCCEED",
      },
    );
  });

  it("times out after timeoutMs, polling one last time at the deadline", async () => {
    const { invoke } = scripted(["running"]);
    const clock = new FakeClock();
    const error: unknown = await waitFor(invoke, taskDone, 9, { clock, timeoutMs: 2500, maxDelayMs: 1000 }).catch(
      (e: unknown) => e,
    );
    expect(isWaiterTimeoutError(error)).toBe(true);
    const timeout = error as WaiterTimeoutError;
    expect(clock.sleeps).toEqual([1000, 1000, 500]);
    expect(invoke).toHaveBeenCalledTimes(4);
    expect([timeout.taskId, timeout.timeoutMs, timeout.polls, timeout.lastStatus]).toEqual([9, 2500, 4, "running"]);
    expect(timeout.message).toBe('Task 9 did not finish within 2500 ms (last status "running" after 4 polls)');
  });

  it("defaults to a 30-minute timeout with delays growing to the spec's maximum", async () => {
    const { invoke } = scripted(["running"]);
    const clock = new FakeClock();
    clock.randomValue = 0.999999;
    const error = await waitFor(invoke, taskDone, 9, { clock }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect(clock.time).toBe(30 * 60 * 1000);
    expect(clock.sleeps.slice(0, 6)).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
    expect(Math.max(...clock.sleeps)).toBe(15000);
  });

  it("honours minDelayMs and maxDelayMs overrides", async () => {
    const { invoke } = scripted(["running", "running", "running", "running", "succeed"]);
    const clock = new FakeClock();
    clock.randomValue = 0;
    await waitFor(invoke, taskDone, 1, { clock, minDelayMs: 10, maxDelayMs: 20 });
    expect(clock.sleeps).toEqual([10, 10, 10, 10]);
    clock.randomValue = 0.999999;
    clock.sleeps.length = 0;
    await waitFor(scripted(["running", "running", "running", "succeed"]).invoke, taskDone, 1, {
      clock,
      minDelayMs: 10,
      maxDelayMs: 20,
    });
    expect(clock.sleeps).toEqual([10, 20, 20]);
  });

  it("rejects at once without a request when the signal is already aborted", async () => {
    const { invoke } = scripted(["succeed"]);
    const controller = new AbortController();
    controller.abort(new Error("user cancelled"));
    const error = await waitFor(invoke, taskDone, 1, { clock: new FakeClock(), signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect(isRequestAbortedError(error)).toBe(true);
    expect((error as Error).cause).toEqual(new Error("user cancelled"));
    expect(invoke).not.toHaveBeenCalled();
  });

  it("stops during the delay between polls and sends nothing after the abort", async () => {
    const { invoke, calls } = scripted(["running"]);
    const clock = new FakeClock();
    clock.hold = true;
    const controller = new AbortController();
    const waiting = waitFor(invoke, taskDone, 1, { clock, signal: controller.signal });
    await vi.waitFor(() => expect(clock.sleeps).toHaveLength(1));
    controller.abort();
    await expect(waiting).rejects.toSatisfy(isRequestAbortedError);
    clock.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.options.signal).toBe(controller.signal);
  });

  it("does not act on a poll that completes after the abort", async () => {
    const controller = new AbortController();
    const invoke = vi.fn(async (): Promise<TaskInfo> => {
      controller.abort();
      return { Status: "succeed", RequestId: "late" };
    });
    const onProgress = vi.fn();
    await expect(
      waitFor(invoke, taskDone, 1, { clock: new FakeClock(), signal: controller.signal, onProgress }),
    ).rejects.toSatisfy(isRequestAbortedError);
    expect(onProgress).not.toHaveBeenCalled();
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it("rejects with an API error that survived the client's retries, not as a task failure", async () => {
    const apiError = new TencentCloudError({
      code: "InternalError",
      message: "boom",
      requestId: "r-1",
      httpStatus: 200,
    });
    let call = 0;
    const invoke = async (): Promise<TaskInfo> => {
      call++;
      if (call === 2) throw apiError;
      return { Status: "running", RequestId: `r-${call}` };
    };
    const error = await waitFor(invoke, taskDone, 1, { clock: new FakeClock() }).catch((e: unknown) => e);
    expect(error).toBe(apiError);
    expect(isTaskFailedError(error)).toBe(false);
  });

  it("rejects nonsensical durations before sending anything", async () => {
    const { invoke } = scripted(["succeed"]);
    await expect(waitFor(invoke, taskDone, 1, { timeoutMs: -1 })).rejects.toThrow(
      "timeoutMs must be a non-negative number of ms, got -1",
    );
    await expect(waitFor(invoke, taskDone, 1, { minDelayMs: Number.NaN })).rejects.toThrow(RangeError);
    expect(invoke).not.toHaveBeenCalled();
  });

  it("names every invalid duration in one error", async () => {
    const { invoke } = scripted(["succeed"]);
    await expect(waitFor(invoke, taskDone, 1, { timeoutMs: -1, maxDelayMs: Number.NaN })).rejects.toThrow(
      "timeoutMs must be a non-negative number of ms, got -1; maxDelayMs must be a non-negative number of ms, got NaN",
    );
    expect(invoke).not.toHaveBeenCalled();
  });

  it("fails clearly when the response lacks the status member", async () => {
    const invoke = async () => ({ RequestId: "r" });
    await expect(waitFor(invoke, taskDone, 1, { clock: new FakeClock() })).rejects.toThrow(
      "DescribeTaskInfo response has no Status to wait on",
    );
  });
});
