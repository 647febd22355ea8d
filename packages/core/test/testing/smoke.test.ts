import { describe, expect, it } from "vitest";
import { ServiceClient } from "../../src/client/index.js";
import type { ClientOptions } from "../../src/client/options.js";
import { type MockServer, type SmokeCall, smokeCalls, startMockServer } from "../../src/testing/index.js";
import { fixture } from "./fixture.js";

/** A client shaped like a generated one: one method per action of the fixture service. */
class DemoClient extends ServiceClient {
  constructor(options: ClientOptions) {
    super(fixture.meta, options);
  }
  describeTaskInfo(request: object): Promise<unknown> {
    return this.invoke(fixture.actions.DescribeTaskInfo!, request);
  }
  clearInstance(request: object): Promise<unknown> {
    return this.invoke(fixture.actions.ClearInstance!, request);
  }
  describeInstances(request: object): Promise<unknown> {
    return this.invoke(fixture.actions.DescribeInstances!, request);
  }
}

const calls: SmokeCall[] = [
  { action: "DescribeTaskInfo", method: "describeTaskInfo", example: { TaskId: 1 } },
  { action: "ClearInstance", method: "clearInstance", example: { InstanceId: "crs-1" } },
  { action: "DescribeInstances", method: "describeInstances", example: {} },
];

describe("smokeCalls", () => {
  it("calls every action with its sample, against a local endpoint that verifies signatures, and closes both ends", async () => {
    let server: MockServer | undefined;
    const closed: string[] = [];
    class Tracked extends DemoClient {
      override close(): void {
        closed.push("client");
        super.close();
      }
    }
    const report = await smokeCalls({
      Client: Tracked,
      startMockServer: async () => (server = await startMockServer(fixture)),
      calls,
      samples: fixture.samples,
    });
    expect(report).toEqual({ passed: 3, failures: [], rejectedSamples: [] });
    // No error code: each signature verified and each request was valid.
    expect(server!.requests.map((r) => [r.action, r.errorCode])).toEqual([
      ["DescribeTaskInfo", undefined],
      ["ClearInstance", undefined],
      ["DescribeInstances", undefined],
    ]);
    expect(server!.requests[1]!.request).toEqual({ InstanceId: "crs-sample", Password: "p" });
    expect(closed).toEqual(["client"]);
    await expect(fetch(server!.endpoint)).rejects.toThrow();
  });

  it("retries a sample the client rejects with the example request, and reports the rejected sample", async () => {
    const samples = {
      ...fixture.samples,
      ClearInstance: [{ request: { Password: "p" }, response: { RequestId: "x" } }],
    };
    const report = await smokeCalls({
      Client: DemoClient,
      startMockServer: () => startMockServer(fixture),
      calls,
      samples,
    });
    expect(report.passed).toBe(3);
    expect(report.failures).toEqual([]);
    expect(report.rejectedSamples).toEqual([
      expect.stringMatching(/^ClearInstance: ValidationError: .*InstanceId: required/),
    ]);
  });

  it("lists every failure with action, error name, code and reason, and goes on with the next action", async () => {
    const report = await smokeCalls({
      Client: DemoClient,
      startMockServer: async () => {
        const server = await startMockServer(fixture);
        server.failNext("DescribeTaskInfo", "ResourceNotFound.TaskNotFound", "no such task");
        return server;
      },
      calls: [...calls, { action: "Missing", method: "missing", example: {} }],
      samples: {},
    });
    expect(report.passed).toBe(2);
    expect(report.failures).toEqual([
      expect.stringMatching(/^DescribeTaskInfo: TencentCloudError ResourceNotFound\.TaskNotFound: .*no such task/),
      "Missing: the client has no method missing",
    ]);
  });

  it("fails an action whose answer carries no RequestId, or whose stream delivers no event", async () => {
    class Odd extends DemoClient {
      override describeTaskInfo(): Promise<unknown> {
        return Promise.resolve({ Status: "succeed" });
      }
      override describeInstances(): Promise<unknown> {
        return Promise.resolve({ async *[Symbol.asyncIterator]() {} });
      }
    }
    const report = await smokeCalls({
      Client: Odd,
      startMockServer: () => startMockServer(fixture),
      calls,
      samples: fixture.samples,
    });
    expect(report.failures).toEqual([
      "DescribeTaskInfo: response without RequestId",
      "DescribeInstances: the stream ended without an event",
    ]);
  });

  it("stops before the next call once its signal is aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(
      smokeCalls({
        Client: DemoClient,
        startMockServer: () => startMockServer(fixture),
        calls,
        samples: {},
        signal: controller.signal,
      }),
    ).rejects.toThrow("stop");
  });
});
