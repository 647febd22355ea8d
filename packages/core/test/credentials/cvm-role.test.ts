import { inspect } from "node:util";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cvmRoleCredentials, isCredentialsError } from "../../src/credentials/index.js";
import { rejection, SECRET, TOKEN } from "./helpers.js";

const HOST = "http://metadata.tencentyun.com";
const PATH = "/latest/meta-data/cam/security-credentials/";
const T0 = Date.UTC(2024, 0, 1);
/** A metadata timeout no busy machine reaches, for the tests that are not about the timeout. */
const PATIENT = { timeoutMs: 30_000 };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function roleBody(n: number, expiredSeconds: number) {
  return {
    TmpSecretId: `AKIDtmp${n}`,
    TmpSecretKey: `${SECRET}-${n}`,
    Token: `${TOKEN}-${n}`,
    ExpiredTime: expiredSeconds,
    Expiration: new Date(expiredSeconds * 1000).toISOString(),
    Code: "Success",
  };
}

describe("cvmRoleCredentials", () => {
  it("discovers the role, fetches its temporary keys and sets expiresAt from ExpiredTime", async () => {
    const scope = nock(HOST)
      .get(PATH)
      .reply(200, "deployer-role\n")
      .get(`${PATH}deployer-role`)
      .reply(200, roleBody(1, T0 / 1000 + 7200));
    const c = await cvmRoleCredentials({ ...PATIENT, now: () => T0 })();
    expect([c.secretId, c.secretKey, c.token]).toEqual(["AKIDtmp1", `${SECRET}-1`, `${TOKEN}-1`]);
    expect(c.expiresAt?.getTime()).toBe(T0 + 7200_000);
    scope.done();
  });

  it("refreshes 5 minutes before expiry, rediscovering the role", async () => {
    let now = T0;
    const provider = cvmRoleCredentials({ ...PATIENT, now: () => now });
    nock(HOST)
      .get(PATH)
      .reply(200, "r")
      .get(`${PATH}r`)
      .reply(200, roleBody(1, T0 / 1000 + 3600));
    expect((await provider()).secretId).toBe("AKIDtmp1");

    now = T0 + 3600_000 - 5 * 60_000 - 1;
    expect((await provider()).secretId).toBe("AKIDtmp1");

    now += 1;
    const refresh = nock(HOST)
      .get(PATH)
      .reply(200, "r")
      .get(`${PATH}r`)
      .reply(200, roleBody(2, T0 / 1000 + 7200));
    expect((await provider()).secretId).toBe("AKIDtmp2");
    refresh.done();
  });

  it("uses a given role name without discovery", async () => {
    const scope = nock(HOST)
      .get(`${PATH}fixed%2Brole`)
      .reply(200, roleBody(1, T0 / 1000 + 3600));
    expect((await cvmRoleCredentials({ ...PATIENT, roleName: "fixed+role", now: () => T0 })()).secretId).toBe(
      "AKIDtmp1",
    );
    scope.done();
  });

  it("reports itself missing when no role is bound (404)", async () => {
    nock(HOST).get(PATH).reply(404, "<html>404</html>");
    const error = await rejection(cvmRoleCredentials(PATIENT)());
    expect(isCredentialsError(error) && error.missing).toBe(true);
    expect(isCredentialsError(error) && error.sources[0]?.detail).toBe("no CAM role bound to this instance");
  });

  it("reports itself missing when the metadata host is unreachable (not a CVM)", async () => {
    const error = await rejection(cvmRoleCredentials(PATIENT)());
    expect(isCredentialsError(error) && error.missing).toBe(true);
    expect(error.message).toMatch(
      /^No credentials from CVM instance role \(http:\/\/metadata\.tencentyun\.com\/.*\): unreachable \(/,
    );
  });

  it("gives up after its timeout and reports itself missing", async () => {
    nock(HOST).get(PATH).delay(2000).reply(200, "r");
    const error = await rejection(cvmRoleCredentials({ timeoutMs: 20 })());
    expect(isCredentialsError(error) && error.missing).toBe(true);
    expect(error.message).toContain("unreachable (timeout)");
  });

  it("fails (not missing) when the role's keys cannot be fetched, so the chain stops", async () => {
    nock(HOST).get(PATH).reply(200, "r").get(`${PATH}r`).reply(500, "oops");
    const error = await rejection(cvmRoleCredentials(PATIENT)());
    expect(isCredentialsError(error) && error.missing).toBe(false);
    expect(error.message).toBe(`CVM instance role (${HOST}${PATH}): credentials of role r returned HTTP 500`);
  });

  it("rejects a body that is not a role name", async () => {
    nock(HOST).get(PATH).reply(200, "<html><body>captive portal</body></html>");
    const error = await rejection(cvmRoleCredentials(PATIENT)());
    expect(error.message).toContain("role list is not a CAM role name");
  });

  it("names missing fields without echoing the body, even when the body is not JSON", async () => {
    nock(HOST).get(PATH).reply(200, "r").get(`${PATH}r`).reply(200, { TmpSecretKey: SECRET, Code: "Failure" });
    const missing = await rejection(cvmRoleCredentials(PATIENT)());
    expect(missing.message).toBe(
      `CVM instance role (${HOST}${PATH}), role r: response lacks TmpSecretId, Token, ExpiredTime (Code "Failure")`,
    );

    nock(HOST).get(PATH).reply(200, "r").get(`${PATH}r`).reply(200, `{"TmpSecretKey":"${SECRET}",`);
    const garbled = await rejection(cvmRoleCredentials(PATIENT)());
    expect(garbled.message).toBe(`CVM instance role (${HOST}${PATH}), role r: response is not JSON`);
    for (const e of [missing, garbled]) {
      expect(inspect(e, { depth: Infinity }) + JSON.stringify(e)).not.toContain(SECRET);
    }
  });
});
