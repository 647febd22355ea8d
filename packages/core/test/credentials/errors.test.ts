import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { CredentialsError, isCredentialsError } from "../../src/credentials/index.js";
import { isSdkError, SdkError } from "../../src/errors/index.js";

/** The brand another copy of core puts on its errors' prototypes (registry-wide, so equal here). */
const ERROR_KIND = Symbol.for("@org/tc-core.error-kind");

describe("CredentialsError", () => {
  it("is an SdkError with its own name, sources and missing flag", () => {
    const e = new CredentialsError("nothing", { sources: [{ source: "env", detail: "not set" }], missing: true });
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(SdkError);
    expect(isSdkError(e)).toBe(true);
    expect(e.name).toBe("CredentialsError");
    expect(e.sources).toEqual([{ source: "env", detail: "not set" }]);
    expect(Object.isFrozen(e.sources)).toBe(true);
    expect(new CredentialsError("broken").missing).toBe(false);
  });

  it("is recognised across duplicate copies of the package by the error-kind brand every core error carries", () => {
    const foreign = Object.assign(new Error("from another copy"), { [ERROR_KIND]: "CredentialsError" });
    expect(isCredentialsError(foreign)).toBe(true);
    expect(isCredentialsError(new CredentialsError("x"))).toBe(true);
    expect(isCredentialsError(new Error("x"))).toBe(false);
    expect(isCredentialsError({ name: "CredentialsError" })).toBe(false);
    expect(isCredentialsError(Object.assign(new Error("x"), { [ERROR_KIND]: "NetworkError" }))).toBe(false);
    expect(isCredentialsError(null)).toBe(false);
  });

  it("accepts a foreign copy with instanceof too", () => {
    const foreign = Object.assign(new Error("from another copy"), { [ERROR_KIND]: "CredentialsError" });
    expect(foreign instanceof CredentialsError).toBe(true);
    expect(foreign instanceof SdkError).toBe(true);
    expect(new Error("x") instanceof CredentialsError).toBe(false);
  });

  it("serializes to the SdkError fields, sources and the cause's name, message and code", () => {
    const cause = Object.assign(new Error("connect ENOTFOUND metadata.tencentyun.com"), { code: "ENOTFOUND" });
    const e = new CredentialsError("nothing", { sources: [{ source: "env", detail: "not set" }], cause });
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: "CredentialsError",
      message: "nothing",
      attempts: 0,
      retryable: false,
      sources: [{ source: "env", detail: "not set" }],
      cause: { name: "Error", message: "connect ENOTFOUND metadata.tencentyun.com", code: "ENOTFOUND" },
    });
    expect(inspect(e)).toContain("ENOTFOUND");
  });
});
