import nock from "nock";
import { afterEach, beforeEach } from "vitest";
import { ServiceClient } from "../../src/client/index.js";
import type { ClientOptions } from "../../src/client/options.js";
import type { ActionMeta, ServiceMeta } from "../../src/meta.js";

export const meta: ServiceMeta = {
  service: "redis",
  version: "2018-04-12",
  endpoint: "redis.tencentcloudapi.com",
  intlEndpoint: "redis.intl.tencentcloudapi.com",
  shapes: {
    DescribeTaskInfoRequest: { InstanceId: "s", TaskId: "!u" },
    ClearInstanceRequest: { InstanceId: "!s", Password: "s" },
    DescribeInstancesRequest: { Limit: "u", Offset: "u", InstanceIds: "[s" },
  },
};

export const describeTaskInfo: ActionMeta = {
  name: "DescribeTaskInfo",
  rateLimit: 20,
  readOnly: true,
  input: "DescribeTaskInfoRequest",
};
export const clearInstance: ActionMeta = {
  name: "ClearInstance",
  rateLimit: 20,
  readOnly: false,
  input: "ClearInstanceRequest",
};
export const describeInstances: ActionMeta = {
  name: "DescribeInstances",
  rateLimit: 20,
  readOnly: true,
  input: "DescribeInstancesRequest",
};

export const SECRET_ID = "AKIDTESTSECRETID";
export const SECRET_KEY = "test-secret-key";
export const API = "https://redis.tencentcloudapi.com";

/** 2024-03-01T00:00:05Z: a fixed clock keeps signatures reproducible. */
export const NOW_MS = Date.UTC(2024, 2, 1, 0, 0, 5);

/** A client on explicit keys with fast retries and no rate limit, unless overridden. */
export function newClient(options: ClientOptions = {}): ServiceClient {
  return new ServiceClient(meta, {
    region: "ap-guangzhou",
    credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
    retry: { baseDelayMs: 1, maxDelayMs: 2, throttleBaseDelayMs: 1, throttleMaxDelayMs: 2 },
    rateLimit: false,
    now: () => NOW_MS,
    ...options,
  });
}

/** The API 3.0 body for a successful response. */
export function ok(
  response: Record<string, unknown> = {},
  requestId = "req-ok",
): { Response: Record<string, unknown> } {
  return { Response: { ...response, RequestId: requestId } };
}

/** The API 3.0 body for an error response. */
export function apiError(code: string, message = `${code} happened`, requestId = "req-err") {
  return { Response: { Error: { Code: code, Message: message }, RequestId: requestId } };
}

/** Blocks real network and checks every interceptor was used. */
export function useNock(): void {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    if (pending.length > 0) throw new Error(`Unused nock interceptors: ${pending.join(", ")}`);
  });
}
