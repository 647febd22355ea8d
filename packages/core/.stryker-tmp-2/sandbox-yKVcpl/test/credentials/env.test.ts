// @ts-nocheck
import { describe, expect, it } from "vitest";
import { envCredentials, isCredentialsError } from "../../src/credentials/index.js";
import { rejection, SECRET, TOKEN } from "./helpers.js";

describe("envCredentials", () => {
  it("reads id, key and session token from the injected environment", async () => {
    const c = await envCredentials({
      env: { TENCENTCLOUD_SECRET_ID: "AKIDenv", TENCENTCLOUD_SECRET_KEY: SECRET, TENCENTCLOUD_SESSION_TOKEN: TOKEN },
    })();
    expect([c.secretId, c.secretKey, c.token]).toEqual(["AKIDenv", SECRET, TOKEN]);
  });

  it("leaves the token out when the variable is empty", async () => {
    const c = await envCredentials({
      env: { TENCENTCLOUD_SECRET_ID: "AKIDenv", TENCENTCLOUD_SECRET_KEY: SECRET, TENCENTCLOUD_SESSION_TOKEN: "" },
    })();
    expect("token" in c).toBe(false);
  });

  it("reports itself missing, so a chain moves on, when neither variable is set", async () => {
    const error = await rejection(envCredentials({ env: { TENCENTCLOUD_SECRET_ID: "  " } })());
    expect(isCredentialsError(error) && error.missing).toBe(true);
    expect(isCredentialsError(error) && error.sources).toEqual([
      { source: "environment (TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY)", detail: "not set" },
    ]);
  });

  it("stops with a configuration error naming the unset variable when only one is set", async () => {
    const error = await rejection(envCredentials({ env: { TENCENTCLOUD_SECRET_KEY: SECRET } })());
    expect(error.message).toBe("TENCENTCLOUD_SECRET_KEY is set but TENCENTCLOUD_SECRET_ID is not; set both or neither");
    expect(isCredentialsError(error) && error.missing).toBe(false);
  });
});
