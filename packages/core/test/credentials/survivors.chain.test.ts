// Behaviours of `cache.ts`, `chain.ts`, `resolve.ts` and `lazy-chain.ts` that mutation testing showed no other
// test pinned down.
import { describe, expect, it } from "vitest";
import { CredentialsError, missingSource } from "../../src/credentials/errors.js";
import {
  type CredentialProvider,
  type Credentials,
  cachedProvider,
  credentialChain,
  defaultCredentialChain,
  isCredentialsError,
  resolveCredentialProvider,
} from "../../src/credentials/index.js";
import { rejection, SECRET } from "./helpers.js";

const T0 = Date.UTC(2025, 0, 1);
const enoent = () => Promise.reject(Object.assign(new Error("ENOENT"), { code: "ENOENT" }));

/** A source minting numbered keys valid for `lifetimeMs` from the clock's now. */
function minting(clock: { now: number }, lifetimeMs: number) {
  let calls = 0;
  const source = async (): Promise<Credentials> => {
    calls += 1;
    return { secretId: `id-${calls}`, secretKey: "k", token: "t", expiresAt: new Date(clock.now + lifetimeMs) };
  };
  return { source, calls: () => calls };
}

describe("cachedProvider options", () => {
  it("refreshes refreshBeforeMs ahead of expiry when given", async () => {
    const clock = { now: T0 };
    const { source, calls } = minting(clock, 3_600_000);
    const provider = cachedProvider(source, { now: () => clock.now, refreshBeforeMs: 60_000 });
    await provider();
    clock.now = T0 + 3_540_000 - 1;
    await provider();
    expect(calls()).toBe(1);
    clock.now = T0 + 3_540_000;
    expect((await provider()).secretId).toBe("id-2");
  });

  it("calls the source at most once per minRefreshIntervalMs when given, even for expired answers", async () => {
    const clock = { now: T0 };
    const { source, calls } = minting(clock, -1);
    const provider = cachedProvider(source, { now: () => clock.now, minRefreshIntervalMs: 1000 });
    await provider();
    clock.now = T0 + 999;
    await provider();
    expect(calls()).toBe(1);
    clock.now = T0 + 1000;
    await provider();
    expect(calls()).toBe(2);
  });

  it("refreshes an answer that expired on arrival once the interval has passed, not before", async () => {
    // Issued already expired (a clock 10 minutes ahead): refreshAt is the expiry itself, in the past.
    const clock = { now: T0 };
    const { source, calls } = minting(clock, -600_000);
    const provider = cachedProvider(source, { now: () => clock.now });
    await provider();
    clock.now = T0 + 9_999;
    await provider();
    expect(calls()).toBe(1);
    clock.now = T0 + 10_000;
    await provider();
    expect(calls()).toBe(2);
  });

  it("names the source 'credential provider' in validation errors by default", async () => {
    const provider = cachedProvider(async () => ({ secretId: "" }) as unknown as Credentials);
    expect((await rejection(provider())).message).toBe(
      "Invalid credentials from credential provider: secretId is missing or empty; secretKey is missing or empty",
    );
  });

  it("turns a source that throws synchronously into a rejection, and tries again next time", async () => {
    let calls = 0;
    const source = (() => {
      calls += 1;
      if (calls === 1) throw new Error("sync boom");
      return Promise.resolve({ secretId: "id", secretKey: "k" });
    }) as CredentialProvider;
    const provider = cachedProvider(source);
    const first = provider();
    expect(first).toBeInstanceOf(Promise);
    await expect(first).rejects.toThrow("sync boom");
    expect((await provider()).secretId).toBe("id");
  });

  it("starts a new refresh after a failed one instead of replaying it", async () => {
    const clock = { now: T0 };
    let calls = 0;
    const provider = cachedProvider(
      async () => {
        calls += 1;
        if (calls === 2) throw new Error("sts down");
        return { secretId: `id-${calls}`, secretKey: "k", expiresAt: new Date(clock.now + 3_600_000) };
      },
      { now: () => clock.now },
    );
    await provider();
    clock.now = T0 + 3_600_000; // expired: the failed refresh cannot fall back
    await expect(provider()).rejects.toThrow("sts down");
    expect((await provider()).secretId).toBe("id-3");
  });

  it("keeps long-term keys for good once a source switches to them from temporary ones", async () => {
    const clock = { now: T0 };
    let calls = 0;
    const provider = cachedProvider(
      async () => {
        calls += 1;
        return calls === 1
          ? { secretId: "temp", secretKey: "k", token: "t", expiresAt: new Date(clock.now + 3_600_000) }
          : { secretId: `long-${calls}`, secretKey: "k" };
      },
      { now: () => clock.now },
    );
    expect((await provider()).secretId).toBe("temp");
    clock.now = T0 + 3_600_000; // the temporary keys are due: the source now answers with long-term ones
    expect((await provider()).secretId).toBe("long-2");
    clock.now = T0 + 30 * 86_400_000;
    expect((await provider()).secretId).toBe("long-2");
    expect(calls).toBe(2);
  });
});

describe("credentialChain", () => {
  it("collects every missing source in order and lists them in one error", async () => {
    const error = await rejection(
      credentialChain(
        () => Promise.reject(missingSource("a", "not set")),
        () => Promise.reject(missingSource("b", "not found")),
      )(),
    );
    expect(isCredentialsError(error) && error.missing).toBe(true);
    expect(error.message).toBe(
      "No Tencent Cloud credentials found. Looked in, in order:\n  - a: not set\n  - b: not found\n" +
        "Pass `credentials` to the client or configure one of these.",
    );
  });

  it("stops at a credentials error that is not 'missing'", async () => {
    const broken = new CredentialsError("broken");
    let reached = false;
    const error = await rejection(
      credentialChain(
        () => Promise.reject(broken),
        async () => {
          reached = true;
          return { secretId: "x", secretKey: "y" };
        },
      )(),
    );
    expect(error).toBe(broken);
    expect(reached).toBe(false);
  });
});

describe("defaultCredentialChain options", () => {
  const hermetic = { env: {}, homedir: "/home/none", readFile: enoent, cvmRole: false, now: () => T0 } as const;

  it("reads the profile it is given", async () => {
    const c = await defaultCredentialChain({
      ...hermetic,
      profile: "ops",
      readFile: async (path) =>
        path === "/home/none/.tencentcloud/credentials" ? "[ops]\nsecret_id = AKIDops\nsecret_key = k\n" : enoent(),
    })();
    expect(c.secretId).toBe("AKIDops");
  });

  it("passes TKE OIDC options to its link", async () => {
    const urls: string[] = [];
    const c = await defaultCredentialChain({
      ...hermetic,
      tkeOidc: {
        region: "ap-shanghai",
        providerId: "p",
        webIdentityTokenFile: "/token",
        roleArn: "arn",
        endpoint: "http://127.0.0.1:9",
      },
      readFile: async (path) => (path === "/token" ? "jwt" : enoent()),
      fetch: async (request) => {
        urls.push(request.url);
        return {
          status: 200,
          body: JSON.stringify({
            Response: {
              Credentials: { TmpSecretId: "AKIDpod", TmpSecretKey: SECRET, Token: "t" },
              ExpiredTime: T0 / 1000 + 3600,
            },
          }),
        };
      },
    })();
    expect(c.secretId).toBe("AKIDpod");
    expect(urls).toEqual(["http://127.0.0.1:9/"]);
  });

  it("passes CVM role options to its link", async () => {
    const urls: string[] = [];
    const c = await defaultCredentialChain({
      ...hermetic,
      tkeOidc: false,
      cvmRole: { endpoint: "http://127.0.0.1:9/meta/", roleName: "r" },
      fetch: async (request) => {
        urls.push(request.url);
        return {
          status: 200,
          body: JSON.stringify({
            TmpSecretId: "AKIDcvm",
            TmpSecretKey: SECRET,
            Token: "t",
            ExpiredTime: T0 / 1000 + 3600,
          }),
        };
      },
    })();
    expect(c.secretId).toBe("AKIDcvm");
    expect(urls).toEqual(["http://127.0.0.1:9/meta/r"]);
  });

  it("refreshes temporary credentials by the clock it is given", async () => {
    let now = T0;
    let calls = 0;
    const provider = defaultCredentialChain({
      ...hermetic,
      tkeOidc: false,
      cvmRole: { roleName: "r" },
      now: () => now,
      fetch: async () => {
        calls += 1;
        return {
          status: 200,
          body: JSON.stringify({
            TmpSecretId: `AKID${calls}`,
            TmpSecretKey: SECRET,
            Token: "t",
            ExpiredTime: now / 1000 + 3600,
          }),
        };
      },
    });
    expect((await provider()).secretId).toBe("AKID1");
    now = T0 + 3_300_000;
    expect((await provider()).secretId).toBe("AKID2");
  });
});

describe("resolveCredentialProvider edge cases", () => {
  it("names a provider function as the origin of its invalid output", async () => {
    const provider = resolveCredentialProvider(async () => ({ secretId: "AKID", secretKey: "" }));
    expect((await rejection(provider())).message).toBe(
      "Invalid credentials from credentials provider function: secretKey is missing or empty",
    );
  });

  it("names null and other non-objects in its error", () => {
    expect(() => resolveCredentialProvider(null as never)).toThrow(
      "client option `credentials` must be {secretId, secretKey, token?} or a provider function, got null",
    );
    expect(() => resolveCredentialProvider(5 as never)).toThrow(/, got number$/);
  });

  it("builds the default chain once and reuses it across calls", async () => {
    const reads: string[] = [];
    const provider = resolveCredentialProvider(undefined, {
      env: {},
      homedir: "/home/dev",
      cvmRole: false,
      tkeOidc: false,
      readFile: async (path) => {
        reads.push(path);
        return "[default]\nsecret_id = AKIDfile\nsecret_key = k\n";
      },
    });
    await provider();
    await provider();
    expect(reads).toEqual(["/home/dev/.tencentcloud/credentials"]);
  });
});
