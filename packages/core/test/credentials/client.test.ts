import { inspect } from "node:util";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ServiceClient } from "../../src/client/index.js";
import { CredentialHttpError, defaultCredentialChain, isCredentialsError } from "../../src/credentials/index.js";
import type { ActionMeta, ServiceMeta } from "../../src/meta.js";
import { rejection, SECRET, TOKEN } from "./helpers.js";

const META: ServiceMeta = {
  service: "redis",
  version: "2018-04-12",
  endpoint: "redis.tencentcloudapi.com",
  intlEndpoint: "redis.intl.tencentcloudapi.com",
  shapes: { DescribeTaskInfoRequest: { TaskId: "!u" } },
};
const DESCRIBE: ActionMeta = {
  name: "DescribeTaskInfo",
  rateLimit: 20,
  readOnly: true,
  input: "DescribeTaskInfoRequest",
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** A chain that sees nothing of this machine: no env, no files, metadata host unresolvable. */
function emptyWorld(env: Record<string, string> = {}) {
  const metadataUrls: string[] = [];
  const provider = defaultCredentialChain({
    env,
    homedir: "/nonexistent-home",
    readFile: async () => Promise.reject(Object.assign(new Error("ENOENT"), { code: "ENOENT" })),
    fetch: async (req) => {
      metadataUrls.push(req.url);
      throw new CredentialHttpError("ENOTFOUND");
    },
  });
  return { provider, metadataUrls };
}

describe("credentials in a ServiceClient call", () => {
  it("fail with the full list of places looked before any API request is sent", async () => {
    const api = nock("https://redis.tencentcloudapi.com")
      .post("/")
      .reply(200, { Response: { RequestId: "r" } });
    const { provider, metadataUrls } = emptyWorld();
    const client = new ServiceClient(META, { credentials: provider, region: "ap-guangzhou" });
    const error = await rejection(client.invoke(DESCRIBE, { TaskId: 1 }));
    expect(isCredentialsError(error)).toBe(true);
    expect(isCredentialsError(error) && error.sources.map((s) => s.source)).toEqual([
      "client option `credentials`",
      "environment (TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY)",
      "profile file /nonexistent-home/.tencentcloud/credentials",
      "profile file /etc/tencentcloud/credentials",
      "TKE OIDC (TKE_REGION, TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE, TKE_ROLE_ARN)",
      "CVM instance role (http://metadata.tencentyun.com/latest/meta-data/cam/security-credentials/)",
    ]);
    expect(api.isDone()).toBe(false);
    expect(metadataUrls).toHaveLength(1);
    client.close();
  });

  it("sign with what the chain found, and keep it out of everything a hook sees", async () => {
    const seen: unknown[] = [];
    const api = nock("https://redis.tencentcloudapi.com", {
      reqheaders: { "x-tc-token": TOKEN, authorization: /^TC3-HMAC-SHA256 Credential=AKIDchain\// },
    })
      .post("/")
      .reply(200, { Response: { RequestId: "r-1" } });
    const { provider } = emptyWorld({
      TENCENTCLOUD_SECRET_ID: "AKIDchain",
      TENCENTCLOUD_SECRET_KEY: SECRET,
      TENCENTCLOUD_SESSION_TOKEN: TOKEN,
    });
    const client = new ServiceClient(META, {
      credentials: provider,
      region: "ap-guangzhou",
      hooks: { beforeAttempt: (e) => seen.push(e), afterAttempt: (e) => seen.push(e) },
    });
    await client.invoke(DESCRIBE, { TaskId: 1 });
    api.done();
    expect(inspect(seen, { depth: Infinity }) + JSON.stringify(seen)).not.toMatch(/CANARY/);
    client.close();
  });
});
