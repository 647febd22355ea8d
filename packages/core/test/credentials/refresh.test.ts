import { describe, expect, it } from "vitest";
import { assumeRoleCredentials } from "../../src/credentials/assume-role.js";
import { cachedProvider, MIN_REFRESH_INTERVAL_MS } from "../../src/credentials/cache.js";
import { CredentialsError } from "../../src/credentials/errors.js";

const T0 = Date.UTC(2025, 0, 1);

function counting(lifetimeMs: (now: number) => number, clock: { now: number }) {
  let calls = 0;
  const source = async () => {
    calls++;
    return {
      secretId: `id-${calls}`,
      secretKey: "k",
      token: "t",
      expiresAt: new Date(clock.now + lifetimeMs(clock.now)),
    };
  };
  return { source, calls: () => calls };
}

describe("credential refresh schedule", () => {
  it("calls a provider once for 200 calls when the lifetime is under the 5-minute window", async () => {
    const clock = { now: T0 };
    const { source, calls } = counting(() => 120_000, clock);
    const provider = cachedProvider(source, { now: () => clock.now });
    for (let i = 0; i < 200; i++) {
      await provider();
      clock.now += 100; // 20 s in all: within the first three quarters of a 2-minute lifetime
    }
    expect(calls()).toBe(1);
    // Refreshed a quarter of the lifetime before expiry (90 s after issue), not at once.
    clock.now = T0 + 90_000;
    expect((await provider()).secretId).toBe("id-2");
  });

  it("calls a provider at most once per interval when the local clock is ahead of the issuer", async () => {
    // Every answer already looks expired: the local clock is 10 minutes ahead of the issuer's.
    const clock = { now: T0 };
    const { source, calls } = counting(() => -600_000, clock);
    const provider = cachedProvider(source, { now: () => clock.now });
    for (let i = 0; i < 200; i++) {
      await provider();
      clock.now += 10;
    }
    expect(calls()).toBe(1);
    clock.now = T0 + MIN_REFRESH_INTERVAL_MS;
    await provider();
    expect(calls()).toBe(2);
  });

  it("still refreshes long-lived credentials 5 minutes before expiry", async () => {
    const clock = { now: T0 };
    const { source, calls } = counting(() => 3_600_000, clock);
    const provider = cachedProvider(source, { now: () => clock.now });
    await provider();
    clock.now = T0 + 3_300_000 - 1;
    await provider();
    expect(calls()).toBe(1);
    clock.now = T0 + 3_300_000;
    await provider();
    expect(calls()).toBe(2);
  });
});

// The STS reference (sts 2018-08-13, AssumeRoleRequest.DurationSeconds): "Default value: 7,200s.
// Maximum value: 43,200s." It states no minimum.
describe("assumeRoleCredentials durations", () => {
  it.each([0, -1, 43_201, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    "rejects DurationSeconds %s at construction",
    (durationSeconds) => {
      expect(() =>
        assumeRoleCredentials({
          roleArn: "qcs::cam::uin/1:roleName/r",
          durationSeconds,
          source: { secretId: "a", secretKey: "b" },
        }),
      ).toThrow(CredentialsError);
    },
  );

  it.each([1, 900, 7200, 43_200])("accepts DurationSeconds %s", (durationSeconds) => {
    expect(() =>
      assumeRoleCredentials({
        roleArn: "qcs::cam::uin/1:roleName/r",
        durationSeconds,
        source: { secretId: "a", secretKey: "b" },
      }),
    ).not.toThrow();
  });
});
