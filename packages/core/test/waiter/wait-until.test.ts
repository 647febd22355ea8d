import { describe, expect, it, vi } from "vitest";
import type { CallOptions } from "../../src/client/options.js";
import { isRequestAbortedError } from "../../src/errors/index.js";
import type { StateWaiterMeta } from "../../src/meta.js";
import { isWaiterFailedError, isWaiterTimeoutError, WaiterFailedError, waitUntil } from "../../src/waiter/index.js";
import { parseStatePath, valuesAt } from "../../src/waiter/state-path.js";
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

type Listing = { InstanceSet: Array<{ InstanceId: string; Status: number }>; RequestId: string };

/** A fake `describeInstances` answering one status list per poll, repeating the last. */
function scripted(pages: number[][]) {
  const calls: Array<{ request: object; options: CallOptions }> = [];
  const invoke = vi.fn(async (request: object, options: CallOptions): Promise<Listing> => {
    calls.push({ request, options });
    const statuses = pages[Math.min(calls.length - 1, pages.length - 1)]!;
    return {
      InstanceSet: statuses.map((Status, i) => ({ InstanceId: `crs-${i}`, Status })),
      RequestId: `req-${calls.length}`,
    };
  });
  return { invoke, calls };
}

describe("state paths", () => {
  it("read every item's member, as text, skipping missing members and objects", () => {
    const steps = parseStatePath("InstanceSet[].Status");
    expect(
      valuesAt({ InstanceSet: [{ Status: 2 }, { Status: "1" }, {}, { Status: { x: 1 } }, { Status: 3n }] }, steps),
    ).toEqual(["2", "1", "3"]);
    expect(valuesAt({}, steps)).toEqual([]);
    expect(valuesAt({ InstanceSet: null }, steps)).toEqual([]);
    expect(valuesAt({ Instance: { State: "RUNNING" } }, parseStatePath("Instance.State"))).toEqual(["RUNNING"]);
    expect(valuesAt({ A: [{ B: [{ C: 1 }, { C: 2 }] }, { B: [{ C: 3 }] }] }, parseStatePath("A[].B[].C"))).toEqual([
      "1",
      "2",
      "3",
    ]);
  });

  it("never read inherited members", () => {
    expect(valuesAt({}, parseStatePath("constructor"))).toEqual([]);
  });

  it("reject malformed paths", () => {
    expect(() => parseStatePath("InstanceSet[]")).toThrow("must end at a member");
    expect(() => parseStatePath("Instance Set.Status")).toThrow('"Instance Set" is not a member name');
    expect(() => parseStatePath("A..B")).toThrow(TypeError);
  });
});

describe("waitUntil", () => {
  it("polls with the caller's request until every item is a success value, reporting each change", async () => {
    const { invoke, calls } = scripted([[], [0, 0], [2, 1], [2, 1], [2, 2]]);
    const clock = new FakeClock();
    const progress: string[] = [];
    const request = { InstanceId: "crs-0" };
    const result = await waitUntil(invoke, running, request, { clock, onProgress: (status) => progress.push(status) });
    expect(result.RequestId).toBe("req-5");
    expect(calls.map((c) => c.request)).toEqual(Array(5).fill(request));
    expect(progress).toEqual(["", "0,0", "2,1", "2,2"]);
    expect(clock.sleeps).toEqual([1000, 1500, 2500, 4500]);
  });

  it("keeps polling while nothing is listed: an empty list is not success", async () => {
    const { invoke } = scripted([[]]);
    const clock = new FakeClock();
    const error = await waitUntil(invoke, running, {}, { clock, timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(isWaiterTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ waiter: "InstanceRunning", taskId: undefined, lastStatus: "" });
    expect((error as Error).message).toBe(
      'DescribeInstances did not reach InstanceRunning within 5000 ms (last status "" after 4 polls)',
    );
  });

  it("fails as soon as any item reaches a failure value, even while others succeed", async () => {
    const { invoke, calls } = scripted([
      [1, 1],
      [2, -2],
    ]);
    const error = await waitUntil(invoke, running, {}, { clock: new FakeClock() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterFailedError);
    expect(isWaiterFailedError(error)).toBe(true);
    expect(error).toMatchObject({
      waiter: "InstanceRunning",
      path: "InstanceSet[].Status",
      values: ["2", "-2"],
      failed: ["-2"],
      requestId: "req-2",
    });
    expect((error as Error).message).toBe(
      'InstanceRunning: DescribeInstances reported InstanceSet[].Status = "-2", a failure state (RequestId req-2)',
    );
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: "WaiterFailedError", failed: ["-2"] });
    expect(calls).toHaveLength(2);
  });

  it("compares values case-insensitively", async () => {
    const invoke = async () => ({ InstanceSet: [{ InstanceState: "running" }], RequestId: "r" });
    const cvm = {
      ...running,
      name: "InstanceRunning",
      path: "InstanceSet[].InstanceState",
      success: ["RUNNING"],
      failure: ["LAUNCH_FAILED"],
    };
    await expect(waitUntil(invoke, cvm, {}, { clock: new FakeClock() })).resolves.toMatchObject({ RequestId: "r" });
  });

  it("stops at once when aborted mid-sleep, sending nothing more", async () => {
    const { invoke, calls } = scripted([[1]]);
    const clock = new FakeClock();
    clock.hold = true;
    const controller = new AbortController();
    const waiting = waitUntil(invoke, running, {}, { clock, signal: controller.signal });
    await vi.waitFor(() => expect(clock.sleeps).toHaveLength(1));
    controller.abort("enough");
    const error = await waiting.catch((e: unknown) => e);
    expect(isRequestAbortedError(error)).toBe(true);
    expect((error as Error).cause).toBe("enough");
    expect(calls).toHaveLength(1);
    expect(calls[0]!.options.signal).toBe(controller.signal);
  });

  it("uses the call's delays over the spec's, and rejects invalid ones before polling", async () => {
    const { invoke } = scripted([[1], [2]]);
    const clock = new FakeClock();
    await waitUntil(invoke, running, {}, { clock, minDelayMs: 10, maxDelayMs: 20 });
    expect(clock.sleeps).toEqual([10]);
    await expect(waitUntil(invoke, running, {}, { timeoutMs: -1 })).rejects.toThrow(RangeError);
  });

  it("propagates an API error from a poll", async () => {
    const invoke = vi.fn(async () => {
      throw new Error("boom");
    });
    await expect(waitUntil(invoke, running, {}, { clock: new FakeClock() })).rejects.toThrow("boom");
  });
});
