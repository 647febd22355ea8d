import { request as httpRequest } from "node:http";
import type { Credentials } from "../../src/credentials/types.js";
import type { ActionMeta, WaiterMeta } from "../../src/meta.js";
import { signTc3 } from "../../src/signer/index.js";
import type { MockServer, MockServiceData } from "../../src/testing/index.js";

const action = (name: string, readOnly: boolean, rateLimit = 20): ActionMeta => ({
  name,
  readOnly,
  rateLimit,
  input: `${name}Request`,
});

export const taskDone: WaiterMeta = {
  action: action("DescribeTaskInfo", true),
  input: "TaskId",
  path: "Status",
  success: ["succeed"],
  failure: ["failed", "error"],
  minDelayMs: 1000,
  maxDelayMs: 15000,
};

/** A small service in the shape generated packages hand the local endpoint. */
export const fixture: MockServiceData = {
  meta: {
    service: "demo",
    version: "2020-01-01",
    endpoint: "demo.tencentcloudapi.com",
    intlEndpoint: "demo.intl.tencentcloudapi.com",
    shapes: {
      DescribeTaskInfoRequest: { TaskId: "!u" },
      ClearInstanceRequest: { InstanceId: "!s", Password: "s" },
      DescribeInstancesRequest: { Limit: "u", Offset: "u", InstanceId: "s", Filters: "[#Filter" },
      Filter: { Name: "!s", Values: "[s" },
    },
  },
  actions: {
    DescribeTaskInfo: taskDone.action,
    ClearInstance: { ...action("ClearInstance", false, 5), regionRequired: true },
    DescribeInstances: action("DescribeInstances", true, 2),
  },
  samples: {
    DescribeTaskInfo: [
      {
        request: { TaskId: 1 },
        response: {
          Status: "succeed",
          StartTime: "2024-01-01 00:00:00",
          TaskType: "x",
          InstanceId: "crs-sample",
          TaskMessage: "ok",
          RequestId: "sample",
        },
      },
    ],
    ClearInstance: [
      { request: { InstanceId: "crs-sample", Password: "p" }, response: { TaskId: 1, RequestId: "sample" } },
    ],
    DescribeInstances: [
      {
        request: { Limit: 1 },
        response: {
          TotalCount: 7,
          InstanceSet: [{ InstanceId: "crs-sample", Name: "one", ProjectId: 0 }],
          RequestId: "sample",
        },
      },
      {
        request: { InstanceId: "crs-other" },
        response: { TotalCount: 1, InstanceSet: [{ InstanceId: "crs-other", Name: "other" }], RequestId: "sample" },
      },
    ],
  },
  task: { waiter: taskDone, trackedActions: ["ClearInstance"] },
  paginators: {
    DescribeInstances: {
      action: action("DescribeInstances", true, 2),
      offset: "Offset",
      limit: "Limit",
      items: "InstanceSet",
      total: "TotalCount",
    },
  },
};

/** How to deviate from a correctly signed request, for the signature tests. */
export interface CallTweaks {
  readonly credentials?: Credentials;
  readonly timestamp?: number;
  readonly service?: string;
  readonly version?: string;
  readonly region?: string | null;
  readonly method?: string;
  readonly contentType?: string;
  /** Replaces the body after signing. */
  readonly sentBody?: string;
  readonly headers?: Record<string, string | undefined>;
}

/** Sends one signed API 3.0 call with plain node:http and returns the parsed `Response`. */
export async function call(
  server: MockServer,
  action: string,
  body: unknown,
  nowMs: number,
  tweaks: CallTweaks = {},
): Promise<{ status: number; response: Record<string, any> }> {
  const url = new URL(server.endpoint);
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const credentials = tweaks.credentials ?? server.credentials;
  const signed = signTc3({
    ...credentials,
    service: tweaks.service ?? "demo",
    host: url.host,
    action,
    version: tweaks.version ?? "2020-01-01",
    region: tweaks.region === null ? undefined : (tweaks.region ?? "ap-guangzhou"),
    timestamp: tweaks.timestamp ?? Math.floor(nowMs / 1000),
    contentType: tweaks.contentType ?? "application/json; charset=utf-8",
    body: text,
    requestClient: "test",
  });
  const headers: Record<string, string> = { ...signed };
  for (const [name, value] of Object.entries(tweaks.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  const sent = tweaks.sentBody ?? text;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: tweaks.method ?? "POST", headers: { ...headers, "Content-Length": String(Buffer.byteLength(sent)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          try {
            resolve({
              status: res.statusCode ?? 0,
              response: JSON.parse(Buffer.concat(chunks).toString("utf8")).Response,
            });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on("error", reject);
    req.end(sent);
  });
}
