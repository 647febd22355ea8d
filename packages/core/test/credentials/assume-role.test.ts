import { readFile } from "node:fs/promises";
import { inspect } from "node:util";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type AssumeRoleCredentialsOptions,
  assumeRoleCredentials,
  defaultCredentialChain,
  isCredentialsError,
} from "../../src/credentials/index.js";
import { isTencentCloudError } from "../../src/errors/index.js";
import { rejection, SECRET, TOKEN, thrown } from "./helpers.js";

const STS = "https://sts.tencentcloudapi.com";
const T0 = Date.UTC(2024, 0, 1, 12);
const ARN = "qcs::cam::uin/100000000001:roleName/deployer";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function stsReply(n: number, expiredSeconds: number) {
  return {
    Response: {
      Credentials: { TmpSecretId: `AKIDrole${n}`, TmpSecretKey: `${SECRET}-role-${n}`, Token: `${TOKEN}-role-${n}` },
      ExpiredTime: expiredSeconds,
      Expiration: new Date(expiredSeconds * 1000).toISOString(),
      RequestId: `req-${n}`,
    },
  };
}

function options(extra: Partial<AssumeRoleCredentialsOptions> = {}, now = () => T0): AssumeRoleCredentialsOptions {
  return {
    roleArn: ARN,
    source: { secretId: "AKIDsource", secretKey: SECRET, token: TOKEN },
    // The fake clock also drives the client's rate limiter, which would never refill if it stood still.
    client: { now, retry: false, rateLimit: false },
    ...extra,
  };
}

describe("assumeRoleCredentials", () => {
  it("calls STS AssumeRole signed with the source credentials and returns the role's keys", async () => {
    let body: unknown;
    const scope = nock(STS, {
      reqheaders: {
        "x-tc-action": "AssumeRole",
        "x-tc-version": "2018-08-13",
        "x-tc-region": "ap-guangzhou",
        "x-tc-timestamp": String(T0 / 1000),
        "x-tc-token": TOKEN,
        authorization: /^TC3-HMAC-SHA256 Credential=AKIDsource\/2024-01-01\/sts\/tc3_request, SignedHeaders=/,
      },
    })
      .post("/", (b) => ((body = b), true))
      .reply(200, stsReply(1, T0 / 1000 + 7200));

    const c = await assumeRoleCredentials(options({ roleSessionName: "deploy-42", durationSeconds: 3600 }))();
    scope.done();
    expect(body).toEqual({ RoleArn: ARN, DurationSeconds: 3600, RoleSessionName: "deploy-42" });
    expect([c.secretId, c.secretKey, c.token, c.expiresAt?.getTime()]).toEqual([
      "AKIDrole1",
      `${SECRET}-role-1`,
      `${TOKEN}-role-1`,
      T0 + 7200_000,
    ]);
    expect(inspect(c) + JSON.stringify(c)).not.toMatch(/CANARY/);
  });

  it("URL-encodes an object or JSON policy as STS requires, and passes an encoded one through", async () => {
    const policy = { version: "2.0", statement: [{ effect: "allow", action: ["redis:Describe*"], resource: ["*"] }] };
    const encoded = encodeURIComponent(JSON.stringify(policy));
    const policies: unknown[] = [];
    nock(STS)
      .post("/", (b: { Policy: unknown; ExternalId: unknown }) => policies.push([b.Policy, b.ExternalId]) > 0)
      .times(3)
      .reply(200, stsReply(1, T0 / 1000 + 7200));
    await assumeRoleCredentials(options({ policy, externalId: "ext-1" }))();
    await assumeRoleCredentials(options({ policy: JSON.stringify(policy), externalId: "ext-1" }))();
    await assumeRoleCredentials(options({ policy: encoded, externalId: "ext-1" }))();
    expect(policies).toEqual([
      [encoded, "ext-1"],
      [encoded, "ext-1"],
      [encoded, "ext-1"],
    ]);
  });

  it("shares one STS call among concurrent callers and refreshes 5 minutes before expiry", async () => {
    let now = T0;
    const provider = assumeRoleCredentials(options({}, () => now));
    const first = nock(STS)
      .post("/")
      .reply(200, stsReply(1, T0 / 1000 + 3600));
    const results = await Promise.all(Array.from({ length: 20 }, () => provider()));
    first.done();
    expect(new Set(results.map((c) => c.secretId))).toEqual(new Set(["AKIDrole1"]));

    now = T0 + 3600_000 - 5 * 60_000 - 1;
    expect((await provider()).secretId).toBe("AKIDrole1");
    now += 1;
    const second = nock(STS)
      .post("/")
      .reply(200, stsReply(2, T0 / 1000 + 7200));
    expect((await provider()).secretId).toBe("AKIDrole2");
    second.done();
  });

  it("wraps an STS error with its code and RequestId, and tries again on the next call", async () => {
    nock(STS)
      .post("/")
      .reply(200, {
        Response: { Error: { Code: "AuthFailure.SecretIdNotFound", Message: "secret id not found" }, RequestId: "r-9" },
      });
    const provider = assumeRoleCredentials(options());
    const error = await rejection(provider());
    expect(isCredentialsError(error)).toBe(true);
    expect(error.message).toBe(
      `STS AssumeRole (${ARN}) failed: AuthFailure.SecretIdNotFound: secret id not found (RequestId r-9)`,
    );
    expect(isTencentCloudError(error.cause, "AuthFailure.SecretIdNotFound")).toBe(true);
    expect(inspect(error, { depth: Infinity }) + JSON.stringify(error)).not.toMatch(/CANARY/);

    nock(STS)
      .post("/")
      .reply(200, stsReply(1, T0 / 1000 + 3600));
    expect((await provider()).secretId).toBe("AKIDrole1");
  });

  it("uses a provider function as the source", async () => {
    const scope = nock(STS, { reqheaders: { authorization: /Credential=AKIDfn\// } })
      .post("/")
      .reply(200, stsReply(1, T0 / 1000 + 3600));
    await assumeRoleCredentials(options({ source: async () => ({ secretId: "AKIDfn", secretKey: "k" }) }))();
    scope.done();
  });

  it("fails before calling STS when the source chain finds nothing", async () => {
    const sts = nock(STS)
      .post("/")
      .reply(200, stsReply(1, T0 / 1000 + 3600));
    const source = defaultCredentialChain({
      env: {},
      homedir: "/nonexistent-home",
      readFile: (path) => readFile(`/nonexistent${path}`, "utf8"),
      cvmRole: false,
      tkeOidc: false,
    });
    const error = await rejection(assumeRoleCredentials(options({ source }))());
    expect(error.message).toMatch(
      /^STS AssumeRole \(.*\) has no source credentials: No Tencent Cloud credentials found\./,
    );
    expect(sts.isDone()).toBe(false);
  });

  it("checks its options at construction, listing every problem", () => {
    const error = thrown(() => assumeRoleCredentials({ roleArn: " ", roleSessionName: "x", durationSeconds: 50_000 }));
    expect(error.message).toBe(
      "assumeRoleCredentials: roleArn is required; roleSessionName must be 2-64 of letters, digits and +=,.@_-; " +
        "durationSeconds must be a whole number of seconds from 1 to 43200 (STS's maximum), got 50000",
    );
  });
});
