import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { CommonClient, type ServiceMetadata } from "../../src/client/index.js";
import { ConfigurationError, TencentCloudError, ValidationError } from "../../src/index.js";
import type { ActionMeta } from "../../src/meta.js";
import { type MockServer, type MockServiceData, startMockServer } from "../../src/testing/index.js";
import { verifyTc3 } from "../signer/verify.js";

/** A service this SDK has not generated, as the local endpoint sees it. */
const cvmAction = (name: string, readOnly: boolean): ActionMeta => ({
  name,
  readOnly,
  rateLimit: 20,
  input: `${name}Request`,
});
const cvm: MockServiceData = {
  meta: {
    service: "cvm",
    version: "2017-03-12",
    endpoint: "cvm.tencentcloudapi.com",
    intlEndpoint: "cvm.intl.tencentcloudapi.com",
    shapes: {
      DescribeInstancesRequest: { Limit: "i", Offset: "i", InstanceIds: "[s" },
      StopInstancesRequest: { InstanceIds: "![s" },
    },
  },
  actions: {
    DescribeInstances: cvmAction("DescribeInstances", true),
    StopInstances: cvmAction("StopInstances", false),
  },
  samples: {
    DescribeInstances: [
      { request: { Limit: 1 }, response: { TotalCount: 1, InstanceSet: [{ InstanceId: "ins-1" }], RequestId: "r" } },
    ],
    StopInstances: [{ request: { InstanceIds: ["ins-1"] }, response: { RequestId: "r" } }],
  },
};

let server: MockServer | undefined;
let client: CommonClient | undefined;
afterEach(async () => {
  client?.close();
  await server?.close();
  server = client = undefined;
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("CommonClient", () => {
  it("calls an action of a service that was not generated, signed for that service", async () => {
    server = await startMockServer(cvm);
    client = new CommonClient({
      service: "cvm",
      version: "2017-03-12",
      region: "ap-guangzhou",
      endpoint: server.endpoint,
      credentials: server.credentials,
    });
    const answer = await client.call<{ TotalCount: number; InstanceSet: { InstanceId: string }[] }>(
      "DescribeInstances",
      { Limit: 1 },
    );
    expect(answer.InstanceSet[0]!.InstanceId).toBe("ins-1");
    expect(server.requests.at(-1)).toMatchObject({ action: "DescribeInstances" });
    expect(client.endpoint).toBe(server.endpoint);
  });

  it("defaults to <service>.tencentcloudapi.com and signs with the service name and version", async () => {
    nock.disableNetConnect();
    let seen: { headers: Record<string, string>; body: string } | undefined;
    nock("https://cvm.tencentcloudapi.com")
      .post("/")
      .reply(function (_uri, body) {
        seen = { headers: this.req.headers as Record<string, string>, body: JSON.stringify(body) };
        return [200, { Response: { RequestId: "r-1" } }];
      });
    client = new CommonClient({
      service: "cvm",
      version: "2017-03-12",
      region: "ap-guangzhou",
      credentials: { secretId: "AKIDX", secretKey: "sk" },
    });
    await expect(client.call("DescribeZones")).resolves.toEqual({ RequestId: "r-1" });
    expect(seen!.headers).toMatchObject({
      "x-tc-action": "DescribeZones",
      "x-tc-version": "2017-03-12",
      "x-tc-region": "ap-guangzhou",
    });
    expect(seen!.headers["authorization"]).toMatch(/Credential=AKIDX\/\d{4}-\d{2}-\d{2}\/cvm\/tc3_request/);
    expect(await verifyTc3(seen!.headers, Buffer.from(seen!.body), "sk")).toBe(true);
  });

  it("treats unknown actions as mutating: a 5xx is not retried", async () => {
    nock.disableNetConnect();
    nock("https://cvm.tencentcloudapi.com").post("/").reply(502, "<html>bad gateway</html>");
    client = new CommonClient({
      service: "cvm",
      version: "2017-03-12",
      credentials: { secretId: "AKIDX", secretKey: "sk" },
      retry: { baseDelayMs: 1 },
    });
    await expect(client.call("RunInstances", {})).rejects.toMatchObject({
      name: "MalformedResponseError",
      attempts: 1,
      retryable: false,
    });
  });

  it("returns typed API errors with code, message and RequestId", async () => {
    server = await startMockServer(cvm);
    server.failNext("StopInstances", "UnsupportedOperation.InstanceStateStopped", "already stopped");
    client = new CommonClient({
      service: "cvm",
      version: "2017-03-12",
      endpoint: server.endpoint,
      credentials: server.credentials,
    });
    const error = await client.call("StopInstances", { InstanceIds: ["ins-1"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TencentCloudError);
    expect(error).toMatchObject({
      code: "UnsupportedOperation.InstanceStateStopped",
      service: "cvm",
      action: "StopInstances",
      attempts: 1,
    });
    expect((error as TencentCloudError).requestId).not.toBe("");
  });

  it("validates only with a generated package's metadata, and only the actions it describes", async () => {
    server = await startMockServer(cvm);
    const metadata: ServiceMetadata = {
      serviceMeta: cvm.meta,
      actions: { describeInstances: cvm.actions["DescribeInstances"]! },
    };
    client = new CommonClient({
      service: "cvm",
      version: "2017-03-12",
      endpoint: server.endpoint,
      credentials: server.credentials,
      metadata,
    });
    const invalid = client.call("DescribeInstances", { Limit: "ten" });
    await expect(invalid).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(0);
    // Without metadata the same request goes out (and the server answers as it sees fit).
    const loose = new CommonClient({
      service: "cvm",
      version: "2017-03-12",
      endpoint: server.endpoint,
      credentials: server.credentials,
    });
    await loose.call("DescribeInstances", { Limit: "ten" }).catch(() => undefined);
    loose.close();
    expect(server.requests).toHaveLength(1);
  });

  it("shares the client options: headers, middleware, hooks, rate limits", async () => {
    server = await startMockServer(cvm);
    const actions: string[] = [];
    client = new CommonClient({
      service: "cvm",
      version: "2017-03-12",
      endpoint: server.endpoint,
      credentials: server.credentials,
      headers: { "X-Caller": "common" },
      middleware: [(request, next) => (actions.push(request.action), next(request))],
      defaultRateLimit: 2,
      rateLimit: {},
    });
    const started = Date.now();
    await Promise.all([1, 2, 3].map(() => client!.call("DescribeInstances", { Limit: 1 })));
    expect(actions).toEqual(["DescribeInstances", "DescribeInstances", "DescribeInstances"]);
    // 2 per second: the third call waited for the window.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("refuses malformed names, versions, action names and mismatched metadata", async () => {
    expect(() => new CommonClient({ service: "CVM!", version: "2017-03-12" })).toThrow(ConfigurationError);
    expect(() => new CommonClient({ service: "cvm", version: "v3" })).toThrow(/`version` must be an API version/);
    expect(
      () =>
        new CommonClient({ service: "cbs", version: "2017-03-12", metadata: { serviceMeta: cvm.meta, actions: {} } }),
    ).toThrow(/describes cvm 2017-03-12/);
    client = new CommonClient({
      service: "cvm",
      version: "2017-03-12",
      credentials: { secretId: "a", secretKey: "b" },
    });
    await expect(client.call("Describe Instances")).rejects.toBeInstanceOf(ConfigurationError);
  });
});
