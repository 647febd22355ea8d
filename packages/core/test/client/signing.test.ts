import nock from "nock";
import { describe, expect, it } from "vitest";
import { ConfigurationError, RequestAbortedError } from "../../src/errors/index.js";
import { FetchTransport } from "../../src/transport/index.js";
import { isValidationError } from "../../src/validate/index.js";
import { verifyTc3 } from "../signer/verify.js";
import {
  API,
  clearInstance,
  describeInstances,
  describeTaskInfo,
  NOW_MS,
  newClient,
  ok,
  SECRET_ID,
  SECRET_KEY,
  useNock,
} from "./fixtures.js";

useNock();

/** Records the headers of each intercepted request. */
function capture(origin: string, reply: object = ok()) {
  const seen: Record<string, string>[] = [];
  const scope = nock(origin)
    .post("/")
    .reply(function () {
      seen.push(this.req.headers as Record<string, string>);
      return [200, reply];
    });
  return { seen, scope };
}

describe("ServiceClient signing", () => {
  it("sends a TC3-signed POST whose signature an independent verifier accepts over the exact body bytes", async () => {
    const { seen } = capture(API, ok({ Status: "succeed" }));
    const client = newClient();
    const result = await client.invoke(describeTaskInfo, { TaskId: 18446744073709551615n });
    expect(result).toEqual({ Status: "succeed", RequestId: "req-ok" });
    const headers = seen[0]!;
    const body = Buffer.from('{"TaskId":18446744073709551615}');
    expect(headers).toMatchObject({
      host: "redis.tencentcloudapi.com",
      "content-type": "application/json; charset=utf-8",
      "content-length": String(body.byteLength),
      "x-tc-action": "DescribeTaskInfo",
      "x-tc-version": "2018-04-12",
      "x-tc-region": "ap-guangzhou",
      "x-tc-timestamp": String(NOW_MS / 1000),
    });
    expect(headers["x-tc-requestclient"]).toMatch(/^tc-sdk-ts\/\d+\.\d+\.\d+/);
    expect(headers["x-tc-token"]).toBeUndefined();
    expect(headers["x-tc-language"]).toBeUndefined();
    expect(headers["authorization"]).toContain(`Credential=${SECRET_ID}/2024-03-01/redis/tc3_request`);
    expect(await verifyTc3(headers, body, SECRET_KEY)).toBe(true);
    expect(await verifyTc3(headers, Buffer.from('{"TaskId":18446744073709552000}'), SECRET_KEY)).toBe(false);
  });

  it("signs identically over the fetch transport", async () => {
    const { seen } = capture(API, ok({ Status: "succeed" }));
    const client = newClient({ transport: new FetchTransport() });
    await expect(client.invoke(describeTaskInfo, { TaskId: 7 })).resolves.toEqual({
      Status: "succeed",
      RequestId: "req-ok",
    });
    expect(seen[0]!["host"]).toBe("redis.tencentcloudapi.com");
    expect(await verifyTc3(seen[0]!, Buffer.from('{"TaskId":7}'), SECRET_KEY)).toBe(true);
  });

  it("sends the session token and language when set", async () => {
    const { seen } = capture(API);
    const client = newClient({
      credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY, token: "session-token" },
      language: "en-US",
    });
    await client.invoke(describeTaskInfo, { TaskId: 1 });
    expect(seen[0]).toMatchObject({ "x-tc-token": "session-token", "x-tc-language": "en-US" });
  });

  it("signs for the financial endpoint of a -fsi region", async () => {
    const { seen } = capture("https://redis.ap-shanghai-fsi.tencentcloudapi.com");
    await newClient({ region: "ap-shanghai-fsi" }).invoke(describeTaskInfo, { TaskId: 1 });
    expect(seen[0]).toMatchObject({
      host: "redis.ap-shanghai-fsi.tencentcloudapi.com",
      "x-tc-region": "ap-shanghai-fsi",
    });
    expect(await verifyTc3(seen[0]!, Buffer.from('{"TaskId":1}'), SECRET_KEY)).toBe(true);
  });

  it("uses the international site with intl: true", async () => {
    const { seen } = capture("https://redis.intl.tencentcloudapi.com");
    await newClient({ intl: true }).invoke(describeTaskInfo, { TaskId: 1 });
    expect(seen[0]!["host"]).toBe("redis.intl.tencentcloudapi.com");
  });

  it("signs a custom local endpoint with the spec's service, not the host's first label", async () => {
    const { seen } = capture("http://127.0.0.1:8080");
    await newClient({ endpoint: "http://127.0.0.1:8080" }).invoke(describeTaskInfo, { TaskId: 1 });
    expect(seen[0]!["host"]).toBe("127.0.0.1:8080");
    expect(seen[0]!["authorization"]).toContain("/2024-03-01/redis/tc3_request");
    expect(await verifyTc3(seen[0]!, Buffer.from('{"TaskId":1}'), SECRET_KEY)).toBe(true);
  });

  it("fails at construction for intl with a financial region", () => {
    expect(() => newClient({ region: "ap-shanghai-fsi", intl: true })).toThrow(ConfigurationError);
  });

  it("returns int64 values beyond 2^53 as bigint", async () => {
    nock(API).post("/").reply(200, '{"Response":{"TotalCount":3,"TaskId":9007199254740993,"RequestId":"r"}}');
    expect(await newClient().invoke(describeInstances, {})).toEqual({
      TotalCount: 3,
      TaskId: 9007199254740993n,
      RequestId: "r",
    });
  });

  it("rejects an invalid request before any network work, listing every problem", async () => {
    const client = newClient();
    const failure = client.invoke(clearInstance, { Password: 5, Unknown: true });
    await expect(failure).rejects.toSatisfy(isValidationError);
    await expect(failure).rejects.toMatchObject({
      service: "redis",
      action: "ClearInstance",
      problems: expect.arrayContaining([
        expect.stringMatching(/^InstanceId: /),
        expect.stringMatching(/^Password: /),
        expect.stringMatching(/^Unknown: /),
      ]),
    });
  });

  it("skips validation with validate: false", async () => {
    capture(API);
    await expect(newClient({ validate: false }).invoke(clearInstance, { Unknown: true })).resolves.toEqual({
      RequestId: "req-ok",
    });
  });

  it("rejects at once, sending nothing, for an already aborted signal or a closed client", async () => {
    const client = newClient();
    await expect(
      client.invoke(describeTaskInfo, { TaskId: 1 }, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(RequestAbortedError);
    client.close();
    await expect(client.invoke(describeTaskInfo, { TaskId: 1 })).rejects.toThrow(
      /client was closed before the call started/,
    );
  });

  it("rejects nonsense timeouts", async () => {
    expect(() => newClient({ timeoutMs: 0 })).toThrow(RangeError);
    await expect(newClient().invoke(describeTaskInfo, { TaskId: 1 }, { timeoutMs: -1 })).rejects.toThrow(RangeError);
  });
});

describe("ServiceClient abort while resolving credentials", () => {
  it("rejects at once when the signal aborts during a slow credential lookup, sending nothing", async () => {
    let lookups = 0;
    const client = newClient({
      credentials: () => {
        lookups++;
        return new Promise(() => {});
      },
    });
    const controller = new AbortController();
    const failure = client.invoke(describeTaskInfo, { TaskId: 1 }, { signal: controller.signal });
    await new Promise((r) => setImmediate(r));
    expect(lookups).toBe(1);
    controller.abort();
    await expect(failure).rejects.toBeInstanceOf(RequestAbortedError);
    await expect(failure).rejects.toMatchObject({ attempts: 0, action: "DescribeTaskInfo" });
  });
});
