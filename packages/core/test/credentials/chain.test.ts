import { readFile } from "node:fs/promises";
import { inspect } from "node:util";
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type CredentialFetcher,
  CredentialHttpError,
  credentialChain,
  type DefaultCredentialChainOptions,
  defaultCredentialChain,
  isCredentialsError,
  resolveCredentialProvider,
} from "../../src/credentials/index.js";
import { rejection, SECRET, TOKEN, tempDir, thrown } from "./helpers.js";

const METADATA = "http://metadata.tencentyun.com";
const T0 = Date.UTC(2024, 0, 1);

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(() => nock.disableNetConnect());
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  nock.cleanAll();
  await dir.cleanup();
});
afterAll(() => nock.enableNetConnect());

/** Not on a CVM: every metadata request fails like a DNS miss, and is recorded. */
function offCvm(): { fetch: CredentialFetcher; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: async (req) => {
      urls.push(req.url);
      throw new CredentialHttpError("ENOTFOUND");
    },
  };
}

function hermetic(extra: Partial<DefaultCredentialChainOptions> = {}): DefaultCredentialChainOptions {
  return {
    env: {},
    homedir: dir.root,
    readFile: (path) => readFile(path.startsWith("/etc/") ? `${dir.root}/etc-absent` : path, "utf8"),
    now: () => T0,
    ...extra,
  };
}

const ENV_KEYS = { TENCENTCLOUD_SECRET_ID: "AKIDenv", TENCENTCLOUD_SECRET_KEY: SECRET };

describe("defaultCredentialChain", () => {
  it("prefers the environment over the profile file", async () => {
    await dir.write(".tencentcloud/credentials", "[default]\nsecret_id = AKIDfile\nsecret_key = k\n");
    const c = await defaultCredentialChain(hermetic({ env: ENV_KEYS }))();
    expect(c.secretId).toBe("AKIDenv");
  });

  it("uses the profile file when the environment has no keys", async () => {
    await dir.write(".tencentcloud/credentials", "[ops]\nsecret_id = AKIDops\nsecret_key = k\n");
    const c = await defaultCredentialChain(hermetic({ profile: "ops" }))();
    expect(c.secretId).toBe("AKIDops");
  });

  it("uses TKE OIDC before the CVM role, without probing the metadata service", async () => {
    const tokenFile = await dir.write("token", "jwt");
    const metadata = nock(METADATA).get(/.*/).reply(200, "node-role");
    nock("https://sts.tencentcloudapi.com")
      .post("/")
      .reply(200, {
        Response: {
          Credentials: { TmpSecretId: "AKIDpod", TmpSecretKey: SECRET, Token: TOKEN },
          ExpiredTime: T0 / 1000 + 3600,
          RequestId: "r",
        },
      });
    const env = {
      TKE_REGION: "ap-guangzhou",
      TKE_PROVIDER_ID: "p",
      TKE_WEB_IDENTITY_TOKEN_FILE: tokenFile,
      TKE_ROLE_ARN: "arn",
    };
    const c = await defaultCredentialChain(hermetic({ env }))();
    expect(c.secretId).toBe("AKIDpod");
    expect(metadata.isDone()).toBe(false);
  });

  it("falls through to the CVM role when nothing else is configured", async () => {
    nock(METADATA)
      .get("/latest/meta-data/cam/security-credentials/")
      .reply(200, "cvm-role")
      .get("/latest/meta-data/cam/security-credentials/cvm-role")
      .reply(200, { TmpSecretId: "AKIDcvm", TmpSecretKey: SECRET, Token: TOKEN, ExpiredTime: T0 / 1000 + 3600 });
    const c = await defaultCredentialChain(hermetic())();
    expect([c.secretId, c.expiresAt?.getTime()]).toEqual(["AKIDcvm", T0 + 3600_000]);
  });

  it("lists every place it looked, in order, when there are no credentials anywhere", async () => {
    const { fetch, urls } = offCvm();
    const error = await rejection(defaultCredentialChain(hermetic({ fetch }))());
    expect(isCredentialsError(error)).toBe(true);
    expect(error.message).toBe(
      [
        "No Tencent Cloud credentials found. Looked in, in order:",
        "  - client option `credentials`: not given",
        "  - environment (TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY): not set",
        `  - profile file ${dir.root}/.tencentcloud/credentials: not found`,
        "  - profile file /etc/tencentcloud/credentials: not found",
        "  - TKE OIDC (TKE_REGION, TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE, TKE_ROLE_ARN): not set",
        "  - CVM instance role (http://metadata.tencentyun.com/latest/meta-data/cam/security-credentials/): unreachable (ENOTFOUND)",
        "Pass `credentials` to the client or configure one of these.",
      ].join("\n"),
    );
    expect(isCredentialsError(error) && error.sources.map((s) => s.source)).toHaveLength(6);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: "CredentialsError", message: error.message });
    expect(urls).toEqual(["http://metadata.tencentyun.com/latest/meta-data/cam/security-credentials/"]);
  });

  it("skips links set to false: no metadata probe at all", async () => {
    const { fetch, urls } = offCvm();
    const error = await rejection(defaultCredentialChain(hermetic({ fetch, cvmRole: false, tkeOidc: false }))());
    expect(error.message).not.toContain("CVM");
    expect(error.message).not.toContain("TKE");
    expect(urls).toEqual([]);
  });

  it("stops at a broken source instead of silently picking a later identity", async () => {
    await dir.write(".tencentcloud/credentials", "[default]\nsecret_id = AKIDfile\nsecret_key = k\n");
    const error = await rejection(defaultCredentialChain(hermetic({ env: { TENCENTCLOUD_SECRET_ID: "AKIDenv" } }))());
    expect(error.message).toBe("TENCENTCLOUD_SECRET_ID is set but TENCENTCLOUD_SECRET_KEY is not; set both or neither");
  });

  it("resolves once for long-term keys, and does not cache a failure", async () => {
    const env: Record<string, string> = {};
    const { fetch } = offCvm();
    const provider = defaultCredentialChain(hermetic({ env, fetch }));
    await rejection(provider());
    Object.assign(env, ENV_KEYS);
    expect((await provider()).secretId).toBe("AKIDenv");
    env.TENCENTCLOUD_SECRET_ID = "AKIDrotated";
    expect((await provider()).secretId).toBe("AKIDenv");
  });

  it("never leaks secrets found in files or responses into its errors", async () => {
    await dir.write(".tencentcloud/credentials", `[default]\nsecret_key = ${SECRET}\ntoken = ${TOKEN}\n`);
    const error = await rejection(defaultCredentialChain(hermetic())());
    expect(inspect(error, { depth: Infinity }) + JSON.stringify(error)).not.toMatch(/CANARY/);
  });
});

describe("credentialChain", () => {
  it("passes non-credential errors straight through", async () => {
    const boom = new Error("disk on fire");
    const error = await rejection(credentialChain(async () => Promise.reject(boom))());
    expect(error).toBe(boom);
  });
});

describe("resolveCredentialProvider", () => {
  it("turns explicit keys into a provider of sealed credentials", async () => {
    const keys = { secretId: "AKIDx", secretKey: SECRET, token: TOKEN };
    const c = await resolveCredentialProvider(keys)();
    expect([c.secretId, c.secretKey, c.token]).toEqual(["AKIDx", SECRET, TOKEN]);
    expect(inspect(c) + JSON.stringify(c)).not.toMatch(/CANARY/);
  });

  it("rejects bad explicit keys at once, before any call", () => {
    expect(thrown(() => resolveCredentialProvider({ secretId: "AKIDx", secretKey: "" })).message).toBe(
      "Invalid credentials from client option `credentials`: secretKey is missing or empty",
    );
    expect(thrown(() => resolveCredentialProvider("AKID:secret" as never)).message).toBe(
      "client option `credentials` must be {secretId, secretKey, token?} or a provider function, got string",
    );
  });

  it("caches a provider function until a quarter of its lifetime (at most 5 minutes) before the expiry it reports", async () => {
    let now = T0;
    let calls = 0;
    const provider = resolveCredentialProvider(
      async () => ({ secretId: `AKID${++calls}`, secretKey: "k", expiresAt: new Date(T0 + 600_000) }),
      { now: () => now },
    );
    await Promise.all([provider(), provider()]);
    // 10-minute lifetime: refreshed 2.5 minutes before expiry.
    now = T0 + 449_999;
    expect((await provider()).secretId).toBe("AKID1");
    now = T0 + 450_000;
    expect((await provider()).secretId).toBe("AKID2");
  });

  it("uses the default chain when nothing is given", async () => {
    const c = await resolveCredentialProvider(undefined, hermetic({ env: ENV_KEYS }))();
    expect(c.secretId).toBe("AKIDenv");
  });
});
