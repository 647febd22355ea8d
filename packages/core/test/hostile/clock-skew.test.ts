import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { ServiceClient } from "../../src/client/index.js";
import { type MockServer, startMockServer } from "../../src/testing/index.js";
import { API, apiError, describeTaskInfo, newClient, useNock } from "../client/fixtures.js";
import { loadRedisSpecs } from "../testing/redis-specs.js";

const { data } = loadRedisSpecs();
const TEN_MINUTES = 10 * 60 * 1000;

let server: MockServer | undefined;
let client: ServiceClient | undefined;
afterEach(async () => {
  client?.close();
  await server?.close();
  server = client = undefined;
});

async function skewed(serverOffsetMs: number, clientOffsetMs: number, retry: false | undefined = undefined) {
  server = await startMockServer(data, { now: () => Date.now() + serverOffsetMs });
  client = new ServiceClient(data.meta, {
    endpoint: server.endpoint,
    credentials: server.credentials,
    region: "ap-guangzhou",
    rateLimit: false,
    now: () => Date.now() + clientOffsetMs,
    ...(retry === false ? { retry } : {}),
  });
  return { server, client };
}

describe("clock-skew correction against the local endpoint", () => {
  it.each([
    ["the local clock 10 minutes ahead", 0, TEN_MINUTES],
    ["the local clock 10 minutes behind", 0, -TEN_MINUTES],
    ["the server's clock 10 minutes ahead", TEN_MINUTES, 0],
  ])(
    "with %s: learns the offset, retries once, and signs right from then on",
    async (_name, serverOffset, clientOffset) => {
      const { server, client } = await skewed(serverOffset, clientOffset, false);
      const action = data.actions["DescribeTaskInfo"]!;
      await expect(client.invoke(action, { TaskId: 1 })).resolves.toHaveProperty("RequestId");
      expect(server.requests.map((r) => r.errorCode)).toEqual(["AuthFailure.SignatureExpire", undefined]);
      expect(Math.abs(client.clockOffsetMs - (serverOffset - clientOffset))).toBeLessThan(2000);
      await client.invoke(action, { TaskId: 1 });
      expect(server.requests).toHaveLength(3);
      expect(server.requests[2]!.errorCode).toBeUndefined();
    },
  );

  it("keeps a zero offset when the clocks agree", async () => {
    const { server, client } = await skewed(0, 0);
    await client.invoke(data.actions["DescribeTaskInfo"]!, { TaskId: 1 });
    expect(client.clockOffsetMs).toBe(0);
    expect(server.requests).toHaveLength(1);
  });
});

describe("clock-skew correction without a usable Date", () => {
  useNock();

  it("does not retry SignatureExpire when the server sent no Date header", async () => {
    nock(API).post("/").reply(200, apiError("AuthFailure.SignatureExpire"));
    const c = newClient();
    await expect(c.invoke(describeTaskInfo, { TaskId: 1 })).rejects.toMatchObject({
      code: "AuthFailure.SignatureExpire",
      attempts: 1,
    });
    expect(c.clockOffsetMs).toBe(0);
  });

  it("retries only once, even if the server keeps refusing", async () => {
    const date = () => new Date(Date.now() + TEN_MINUTES).toUTCString();
    nock(API).post("/").times(2).reply(200, apiError("AuthFailure.SignatureExpire"), { Date: date() });
    const c = newClient({ now: Date.now });
    await expect(c.invoke(describeTaskInfo, { TaskId: 1 })).rejects.toMatchObject({
      code: "AuthFailure.SignatureExpire",
      attempts: 2,
    });
  });
});
