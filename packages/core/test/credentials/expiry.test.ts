import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expiryFromUnixSeconds } from "../../src/credentials/expiry.js";
import { cvmRoleCredentials, isCredentialsError } from "../../src/credentials/index.js";
import { parseStsCredentials } from "../../src/credentials/sts.js";
import { rejection, SECRET, TOKEN } from "./helpers.js";

const HOST = "http://metadata.tencentyun.com";
const PATH = "/latest/meta-data/cam/security-credentials/";
const T0 = Date.UTC(2025, 0, 1);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const role = (expiredTime: number) => ({
  TmpSecretId: "AKIDtmp",
  TmpSecretKey: SECRET,
  Token: TOKEN,
  ExpiredTime: expiredTime,
  Code: "Success",
});

describe("implausible ExpiredTime", () => {
  it("a CVM role answer in milliseconds is normalised, not cached until the year 58888", async () => {
    nock(HOST)
      .get(`${PATH}r`)
      .reply(200, role(T0 + 7_200_000));
    const c = await cvmRoleCredentials({ now: () => T0, roleName: "r" })();
    expect(c.expiresAt?.getTime()).toBe(T0 + 7_200_000);
  });

  it.each([0, -1, 12, 1e20, 5e10, 9e15])(
    "ExpiredTime %s is rejected naming the field, not the value",
    async (value) => {
      nock(HOST).get(`${PATH}r`).reply(200, role(value));
      const error = await rejection(cvmRoleCredentials({ now: () => T0, roleName: "r" })());
      expect(isCredentialsError(error)).toBe(true);
      expect(error.message).toContain("ExpiredTime is not a plausible Unix time");
      expect(error.message).not.toContain(SECRET);
    },
  );

  it("STS answers go through the same check", () => {
    const response = (ExpiredTime: number) => ({
      Credentials: { TmpSecretId: "a", TmpSecretKey: "b", Token: "c" },
      ExpiredTime,
    });
    expect(parseStsCredentials(response(T0 / 1000 + 60), "sts").expiresAt?.getTime()).toBe(T0 + 60_000);
    expect(parseStsCredentials(response(T0 + 60_000), "sts").expiresAt?.getTime()).toBe(T0 + 60_000);
    expect(() => parseStsCredentials(response(1e18), "sts")).toThrow(/ExpiredTime is not a plausible/);
  });

  it("accepts exactly the 2000–2200 range, in seconds or milliseconds", () => {
    expect(expiryFromUnixSeconds(946_684_800, "x").toISOString()).toBe("2000-01-01T00:00:00.000Z");
    expect(expiryFromUnixSeconds(7_258_118_400, "x").toISOString()).toBe("2200-01-01T00:00:00.000Z");
    expect(expiryFromUnixSeconds(946_684_800_000, "x").toISOString()).toBe("2000-01-01T00:00:00.000Z");
    expect(expiryFromUnixSeconds(7_258_118_400_000, "x").toISOString()).toBe("2200-01-01T00:00:00.000Z");
    for (const bad of [946_684_799, 7_258_118_401, 946_684_799_999, 7_258_118_400_001])
      expect(() => expiryFromUnixSeconds(bad, "x")).toThrow();
  });
});
