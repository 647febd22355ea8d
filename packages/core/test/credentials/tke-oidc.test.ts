import { inspect } from "node:util";
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isCredentialsError, type TkeOidcCredentialsOptions, tkeOidcCredentials } from "../../src/credentials/index.js";
import { rejection, SECRET, TOKEN, tempDir } from "./helpers.js";

const STS = "https://sts.tencentcloudapi.com";
const T0 = Date.UTC(2024, 0, 1);
const JWT = "eyJhbGciOiJSUzI1NiJ9.CANARY-JWT.sig";

let dir: Awaited<ReturnType<typeof tempDir>>;
let tokenFile: string;
beforeAll(() => nock.disableNetConnect());
beforeEach(async () => {
  dir = await tempDir();
  tokenFile = await dir.write("token", `${JWT}\n`);
});
afterEach(async () => {
  nock.cleanAll();
  await dir.cleanup();
});
afterAll(() => nock.enableNetConnect());

function options(extra: Partial<TkeOidcCredentialsOptions> = {}): TkeOidcCredentialsOptions {
  return {
    env: {
      TKE_REGION: "ap-shanghai",
      TKE_PROVIDER_ID: "tke-oidc",
      TKE_WEB_IDENTITY_TOKEN_FILE: tokenFile,
      TKE_ROLE_ARN: "qcs::cam::uin/100000000001:roleName/pod-role",
    },
    now: () => T0,
    ...extra,
  };
}

function stsReply(n: number, expiredSeconds: number) {
  return {
    Response: {
      Credentials: { TmpSecretId: `AKIDoidc${n}`, TmpSecretKey: `${SECRET}-${n}`, Token: `${TOKEN}-${n}` },
      ExpiredTime: expiredSeconds,
      Expiration: new Date(expiredSeconds * 1000).toISOString(),
      RequestId: `req-${n}`,
    },
  };
}

describe("tkeOidcCredentials", () => {
  it("exchanges the token file with an unsigned AssumeRoleWithWebIdentity call", async () => {
    let seenBody: unknown;
    const scope = nock(STS, {
      reqheaders: {
        authorization: "SKIP",
        "content-type": "application/json",
        "x-tc-action": "AssumeRoleWithWebIdentity",
        "x-tc-version": "2018-08-13",
        "x-tc-region": "ap-shanghai",
        "x-tc-timestamp": String(T0 / 1000),
      },
    })
      .post("/", (body) => {
        seenBody = body;
        return true;
      })
      .reply(200, stsReply(1, T0 / 1000 + 7200));

    const c = await tkeOidcCredentials(options())();
    scope.done();
    expect(seenBody).toEqual({
      ProviderId: "tke-oidc",
      WebIdentityToken: JWT,
      RoleArn: "qcs::cam::uin/100000000001:roleName/pod-role",
      RoleSessionName: `tc-sdk-${T0}`,
      DurationSeconds: 7200,
    });
    expect([c.secretId, c.secretKey, c.token, c.expiresAt?.getTime()]).toEqual([
      "AKIDoidc1",
      `${SECRET}-1`,
      `${TOKEN}-1`,
      T0 + 7200_000,
    ]);
  });

  it("re-reads the rotated token file when it refreshes 5 minutes before expiry", async () => {
    let now = T0;
    const tokens: unknown[] = [];
    const provider = tkeOidcCredentials(options({ now: () => now }));
    nock(STS)
      .post("/", (b: { WebIdentityToken: string }) => tokens.push(b.WebIdentityToken) > 0)
      .reply(200, stsReply(1, T0 / 1000 + 3600));
    await provider();

    await dir.write("token", "rotated.jwt");
    now = T0 + 3600_000 - 5 * 60_000;
    nock(STS)
      .post("/", (b: { WebIdentityToken: string }) => tokens.push(b.WebIdentityToken) > 0)
      .reply(200, stsReply(2, T0 / 1000 + 7200));
    expect((await provider()).secretId).toBe("AKIDoidc2");
    expect(tokens).toEqual([JWT, "rotated.jwt"]);
  });

  it("lets options override the TKE_* variables and the STS endpoint", async () => {
    const scope = nock("http://127.0.0.1:9", { reqheaders: { "x-tc-region": "ap-beijing" } })
      .post(
        "/",
        (b: { RoleSessionName: string; DurationSeconds: number }) =>
          b.RoleSessionName === "ci-run" && b.DurationSeconds === 900,
      )
      .reply(200, stsReply(1, T0 / 1000 + 900));
    const c = await tkeOidcCredentials(
      options({
        region: "ap-beijing",
        endpoint: "http://127.0.0.1:9/",
        roleSessionName: "ci-run",
        durationSeconds: 900,
      }),
    )();
    expect(c.secretId).toBe("AKIDoidc1");
    scope.done();
  });

  it("rejects a duration past STS's 43,200 s maximum at construction, before any request", () => {
    for (const durationSeconds of [43_201, 0, 2.5]) {
      let error: unknown;
      try {
        tkeOidcCredentials(options({ durationSeconds }));
      } catch (caught) {
        error = caught;
      }
      expect(isCredentialsError(error)).toBe(true);
      expect((error as Error).message).toContain("from 1 to 43200");
    }
    expect(() => tkeOidcCredentials(options({ durationSeconds: 43_200 }))).not.toThrow();
  });

  it("reports itself missing when no TKE_* variable is set", async () => {
    const error = await rejection(tkeOidcCredentials({ env: {} })());
    expect(isCredentialsError(error) && error.missing).toBe(true);
    expect(isCredentialsError(error) && error.sources).toEqual([
      {
        source: "TKE OIDC (TKE_REGION, TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE, TKE_ROLE_ARN)",
        detail: "not set",
      },
    ]);
  });

  it("names the unset variables when only some are set", async () => {
    const error = await rejection(tkeOidcCredentials({ env: { TKE_REGION: "ap-shanghai", TKE_ROLE_ARN: "arn" } })());
    expect(error.message).toBe("TKE OIDC is partly configured: TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE not set");
    expect(isCredentialsError(error) && error.missing).toBe(false);
  });

  it("names a missing or empty token file", async () => {
    const gone = `${dir.root}/gone`;
    const missing = await rejection(tkeOidcCredentials(options({ webIdentityTokenFile: gone }))());
    expect(missing.message).toBe(`TKE web identity token file ${gone} (TKE_WEB_IDENTITY_TOKEN_FILE) does not exist`);
    await dir.write("token", " \n");
    const empty = await rejection(tkeOidcCredentials(options())());
    expect(empty.message).toBe(`TKE web identity token file ${tokenFile} is empty`);
  });

  it("reports an STS error with its code and RequestId, and retries on the next call", async () => {
    nock(STS)
      .post("/")
      .reply(200, {
        Response: {
          Error: { Code: "InvalidParameter.WebIdentityTokenError", Message: "token expired" },
          RequestId: "r-1",
        },
      });
    const provider = tkeOidcCredentials(options());
    const error = await rejection(provider());
    expect(error.message).toBe(
      "TKE OIDC (TKE_REGION, TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE, TKE_ROLE_ARN): STS AssumeRoleWithWebIdentity failed: " +
        "InvalidParameter.WebIdentityTokenError: token expired (RequestId r-1)",
    );
    nock(STS)
      .post("/")
      .reply(200, stsReply(1, T0 / 1000 + 3600));
    expect((await provider()).secretId).toBe("AKIDoidc1");
  });

  it("reports non-JSON and incomplete answers without echoing them", async () => {
    nock(STS).post("/").reply(502, `<html>${SECRET}</html>`);
    const html = await rejection(tkeOidcCredentials(options())());
    expect(html.message).toContain("STS AssumeRoleWithWebIdentity returned HTTP 502 with a non-JSON body");

    nock(STS)
      .post("/")
      .reply(200, { Response: { Credentials: { TmpSecretKey: SECRET }, RequestId: "r" } });
    const partial = await rejection(tkeOidcCredentials(options())());
    expect(partial.message).toContain("response lacks Credentials.TmpSecretId, Credentials.Token, ExpiredTime");
    for (const e of [html, partial]) expect(inspect(e, { depth: Infinity })).not.toMatch(/CANARY/);
  });
});
