import nock from "nock";
import { describe, expect, it } from "vitest";
import type { AfterAttemptEvent, BeforeAttemptEvent } from "../../src/client/index.js";
import { ServiceClient } from "../../src/client/index.js";
import { ConfigurationError, TencentCloudError } from "../../src/errors/index.js";
import { API, apiError, describeTaskInfo, meta, newClient, ok, SECRET_ID, SECRET_KEY, useNock } from "./fixtures.js";

useNock();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("headers option", () => {
  it("sends client headers, overridden per call case-insensitively", async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    nock(API)
      .post("/")
      .times(2)
      .reply(function () {
        seen.push({ ...this.req.headers });
        return [200, ok()];
      });
    const client = newClient({ headers: { "X-Source": "worker-1", "X-Team": "billing" } });
    await client.invoke(describeTaskInfo, { TaskId: 1 });
    await client.invoke(describeTaskInfo, { TaskId: 1 }, { headers: { "x-source": "batch" } });
    expect(seen[0]).toMatchObject({ "x-source": "worker-1", "x-team": "billing" });
    expect(seen[1]).toMatchObject({ "x-source": "batch", "x-team": "billing" });
  });

  it.each(["X-TC-Region", "x-tc-anything", "Authorization", "host", "Content-Type", "content-length"])(
    "refuses the reserved header %s as a client option, naming it",
    (name) => {
      const create = () => newClient({ headers: { [name]: "x" } });
      expect(create).toThrow(ConfigurationError);
      expect(create).toThrow(new RegExp(`ClientOptions.headers: the header ${name} is reserved`));
    },
  );

  it("refuses a reserved header as a call option before sending", async () => {
    const client = newClient();
    const call = client.invoke(describeTaskInfo, { TaskId: 1 }, { headers: { "X-TC-Action": "DeleteEverything" } });
    await expect(call).rejects.toBeInstanceOf(ConfigurationError);
    await expect(call).rejects.toMatchObject({
      message: expect.stringContaining("X-TC-Action"),
      attempts: 0,
      action: "DescribeTaskInfo",
    });
    // useNock fails on any request: none was made.
  });

  it("refuses malformed names and values that would split the header block", () => {
    expect(() => newClient({ headers: { "Bad Name": "x" } })).toThrow(/not a valid header name/);
    expect(() => newClient({ headers: { "X-Ok": "a\r\nX-TC-Action: Evil" } })).toThrow(/without CR, LF or NUL/);
    expect(() => newClient({ headers: { "X-Ok": 1 as unknown as string } })).toThrow(ConfigurationError);
  });
});

describe("X-TC-TraceId", () => {
  it("sends a fresh UUID per attempt, shows it in hooks and carries the last one on the error", async () => {
    const sent: string[] = [];
    nock(API)
      .post("/")
      .times(3)
      .reply(function () {
        sent.push(String(this.req.headers["x-tc-traceid"]));
        return [200, apiError("InternalError", "boom", `req-${sent.length}`)];
      });
    const before: BeforeAttemptEvent[] = [];
    const after: AfterAttemptEvent[] = [];
    const client = newClient({ hooks: { beforeAttempt: (e) => before.push(e), afterAttempt: (e) => after.push(e) } });
    const error = await client.invoke(describeTaskInfo, { TaskId: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TencentCloudError);
    expect(sent).toHaveLength(3);
    for (const id of sent) expect(id).toMatch(UUID);
    expect(new Set(sent).size).toBe(3);
    expect(before.map((e) => e.traceId)).toEqual(sent);
    expect(before.map((e) => e.headers["X-TC-TraceId"])).toEqual(sent);
    expect(after.map((e) => e.traceId)).toEqual(sent);
    expect(after.map((e) => e.code)).toEqual(["InternalError", "InternalError", "InternalError"]);
    expect((error as TencentCloudError).traceId).toBe(sent[2]);
    expect((error as TencentCloudError).toJSON()).toMatchObject({ traceId: sent[2], code: "InternalError" });
  });
});

describe("regionRequired", () => {
  it("fails before sending with a ConfigurationError naming the region option", async () => {
    const client = new ServiceClient(meta, {
      credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
      rateLimit: false,
    });
    const call = client.invoke({ ...describeTaskInfo, regionRequired: true }, { TaskId: 1 });
    await expect(call).rejects.toBeInstanceOf(ConfigurationError);
    await expect(call).rejects.toThrow(/DescribeTaskInfo needs a region: set the `region` client option/);
  });

  it("sends without a region when the action does not need one", async () => {
    nock(API).post("/").reply(200, ok());
    const client = new ServiceClient(meta, {
      credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
      rateLimit: false,
    });
    await expect(client.invoke({ ...describeTaskInfo, regionRequired: false }, { TaskId: 1 })).resolves.toEqual({
      RequestId: "req-ok",
    });
  });
});
