import { describe, expect, it } from "vitest";
import type { Credentials } from "../../src/credentials/index.js";
import { cachedProvider, REFRESH_BEFORE_EXPIRY_MS } from "../../src/credentials/index.js";

const HOUR = 3_600_000;

function fakeClock(start = Date.UTC(2024, 0, 1)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** A source minting numbered temporary keys valid for `lifetimeMs` from the fake clock's now. */
function mintingSource(clock: { now: () => number }, lifetimeMs = HOUR) {
  let calls = 0;
  const source = async (): Promise<Credentials> => {
    calls += 1;
    return {
      secretId: `id-${calls}`,
      secretKey: `key-${calls}`,
      token: `tok-${calls}`,
      expiresAt: new Date(clock.now() + lifetimeMs),
    };
  };
  return { source, calls: () => calls };
}

describe("cachedProvider", () => {
  it("keeps temporary credentials until 5 minutes before expiry, then refreshes", async () => {
    const clock = fakeClock();
    const { source, calls } = mintingSource(clock);
    const provider = cachedProvider(source, { now: clock.now });

    expect((await provider()).secretId).toBe("id-1");
    clock.advance(HOUR - REFRESH_BEFORE_EXPIRY_MS - 1);
    expect((await provider()).secretId).toBe("id-1");
    expect(calls()).toBe(1);

    clock.advance(1);
    expect((await provider()).secretId).toBe("id-2");
    expect(calls()).toBe(2);
  });

  it("calls a source without expiresAt once", async () => {
    const clock = fakeClock();
    let calls = 0;
    const provider = cachedProvider(async () => ({ secretId: `id-${++calls}`, secretKey: "k" }), { now: clock.now });
    await provider();
    clock.advance(1000 * HOUR);
    expect((await provider()).secretId).toBe("id-1");
    expect(calls).toBe(1);
  });

  it("shares one in-flight refresh among concurrent callers", async () => {
    const clock = fakeClock();
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const provider = cachedProvider(
      async () => {
        calls += 1;
        await gate;
        return { secretId: `id-${calls}`, secretKey: "k", expiresAt: new Date(clock.now() + HOUR) };
      },
      { now: clock.now },
    );

    const pending = Array.from({ length: 50 }, () => provider());
    release();
    const results = await Promise.all(pending);
    expect(calls).toBe(1);
    expect(new Set(results.map((c) => c.secretId))).toEqual(new Set(["id-1"]));
    expect(new Set(results).size).toBe(1);
  });

  it("does not cache a failed first fetch: the next call tries again", async () => {
    let calls = 0;
    const provider = cachedProvider(async () => {
      calls += 1;
      if (calls === 1) throw new Error("metadata hiccup");
      return { secretId: "id", secretKey: "k" };
    });
    await expect(provider()).rejects.toThrow("metadata hiccup");
    await expect(provider()).resolves.toMatchObject({ secretId: "id" });
    expect(calls).toBe(2);
  });

  it("serves still-valid credentials when a refresh fails, and retries the refresh on the next call", async () => {
    const clock = fakeClock();
    let calls = 0;
    let failing = false;
    const provider = cachedProvider(
      async () => {
        calls += 1;
        if (failing) throw new Error("sts down");
        return { secretId: `id-${calls}`, secretKey: "k", expiresAt: new Date(clock.now() + HOUR) };
      },
      { now: clock.now },
    );
    await provider();
    clock.advance(HOUR - 60_000);
    failing = true;
    expect((await provider()).secretId).toBe("id-1");
    expect(calls).toBe(2);

    failing = false;
    expect((await provider()).secretId).toBe("id-3");
  });

  it("fails once the cached credentials have actually expired and the refresh fails", async () => {
    const clock = fakeClock();
    let failing = false;
    const provider = cachedProvider(
      async () => {
        if (failing) throw new Error("sts down");
        return { secretId: "id", secretKey: "k", expiresAt: new Date(clock.now() + HOUR) };
      },
      { now: clock.now },
    );
    await provider();
    clock.advance(HOUR);
    failing = true;
    await expect(provider()).rejects.toThrow("sts down");
  });

  it("rejects malformed provider output naming the fields, not their values", async () => {
    const provider = cachedProvider(async () => ({ secretId: "", secretKey: 42 }) as unknown as Credentials, {
      origin: "my provider",
    });
    await expect(provider()).rejects.toThrow(
      "Invalid credentials from my provider: secretId is missing or empty; secretKey is missing or empty",
    );
  });
});
