// Behaviours of `assume-role.ts` that mutation testing showed no other test pinned down.
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Middleware } from "../../src/client/index.js";
import {
  type AssumeRoleCredentialsOptions,
  assumeRoleCredentials,
  isCredentialsError,
} from "../../src/credentials/index.js";
import { rejection, SECRET, TOKEN, thrown } from "./helpers.js";

const STS = "https://sts.tencentcloudapi.com";
const T0 = Date.UTC(2024, 0, 1, 12);
const ARN = "qcs::cam::uin/100000000001:roleName/deployer";
const WHERE = `STS AssumeRole (${ARN})`;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const stsReply = (n: number) => ({
  Response: {
    Credentials: { TmpSecretId: `AKIDrole${n}`, TmpSecretKey: `${SECRET}-${n}`, Token: `${TOKEN}-${n}` },
    ExpiredTime: T0 / 1000 + 7200,
    RequestId: `req-${n}`,
  },
});

function options(extra: Partial<AssumeRoleCredentialsOptions> = {}): AssumeRoleCredentialsOptions {
  return {
    roleArn: ARN,
    source: { secretId: "AKIDsource", secretKey: SECRET },
    client: { now: () => T0, retry: false, rateLimit: false },
    ...extra,
  };
}

describe("assumeRoleCredentials edge cases", () => {
  it("sends the default session name, duration and region when none is given", async () => {
    let body: unknown;
    const scope = nock(STS, { reqheaders: { "x-tc-region": "ap-guangzhou" } })
      .post("/", (b) => {
        body = b;
        return true;
      })
      .reply(200, stsReply(1));
    await assumeRoleCredentials(options())();
    scope.done();
    expect(body).toEqual({ RoleArn: ARN, DurationSeconds: 7200, RoleSessionName: `tc-sdk-${T0}` });
  });

  it("calls STS in the region given", async () => {
    const scope = nock(STS, { reqheaders: { "x-tc-region": "ap-singapore" } })
      .post("/")
      .reply(200, stsReply(1));
    await assumeRoleCredentials(options({ region: "ap-singapore" }))();
    scope.done();
  });

  it("encodes a JSON policy written with leading whitespace", async () => {
    const policies: unknown[] = [];
    nock(STS)
      .post("/", (b: { Policy: unknown }) => policies.push(b.Policy) > 0)
      .reply(200, stsReply(1));
    await assumeRoleCredentials(options({ policy: '  {"version":"2.0"}' }))();
    expect(policies).toEqual([encodeURIComponent('  {"version":"2.0"}')]);
  });

  it("requires a roleArn that is a string", () => {
    const error = thrown(() => assumeRoleCredentials({ roleArn: 42 as unknown as string }));
    expect(error.message).toBe("assumeRoleCredentials: roleArn is required");
  });

  it("names a failure that is not an API error by its message, keeping it as the cause", async () => {
    const boom = new Error("source exploded");
    const error = await rejection(assumeRoleCredentials(options({ source: () => Promise.reject(boom) }))());
    expect(isCredentialsError(error)).toBe(true);
    expect(error.message).toBe(`${WHERE} failed: source exploded`);
    expect(error.cause).toBe(boom);
  });

  it("names a thrown non-Error by its text", async () => {
    const error = await rejection(assumeRoleCredentials(options({ source: () => Promise.reject("gone") }))());
    expect(error.message).toBe(`${WHERE} failed: gone`);
  });

  it("hands middleware only the request fields that were set, with Policy and ExternalId when given", async () => {
    const seen: string[][] = [];
    const recordKeys: Middleware = (request, next) => {
      seen.push(Object.keys(request.params));
      return next(request);
    };
    const client = { now: () => T0, retry: false, rateLimit: false, middleware: [recordKeys] } as const;
    nock(STS).post("/").times(2).reply(200, stsReply(1));
    await assumeRoleCredentials(options({ client }))();
    await assumeRoleCredentials(options({ client, policy: "p%20q", externalId: "ext-1" }))();
    expect(seen).toEqual([
      ["RoleArn", "DurationSeconds", "RoleSessionName"],
      ["RoleArn", "DurationSeconds", "Policy", "ExternalId", "RoleSessionName"],
    ]);
  });
});
