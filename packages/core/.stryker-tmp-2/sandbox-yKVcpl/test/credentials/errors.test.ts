// @ts-nocheck
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { CredentialsError, isCredentialsError } from "../../src/credentials/index.js";

describe("CredentialsError", () => {
  it("is an Error with its own name, sources and missing flag", () => {
    const e = new CredentialsError("nothing", { sources: [{ source: "env", detail: "not set" }], missing: true });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("CredentialsError");
    expect(e.sources).toEqual([{ source: "env", detail: "not set" }]);
    expect(Object.isFrozen(e.sources)).toBe(true);
    expect(new CredentialsError("broken").missing).toBe(false);
  });

  it("is recognised across duplicate copies of the package by its registered-symbol brand", () => {
    const foreign = Object.assign(new Error("from another copy"), { [Symbol.for("@org/tc-core.CredentialsError")]: true });
    expect(isCredentialsError(foreign)).toBe(true);
    expect(isCredentialsError(new CredentialsError("x"))).toBe(true);
    expect(isCredentialsError(new Error("x"))).toBe(false);
    expect(isCredentialsError({ name: "CredentialsError" })).toBe(false);
    expect(isCredentialsError(null)).toBe(false);
  });

  it("accepts a foreign copy with instanceof too", () => {
    const foreign = Object.assign(new Error("from another copy"), { [Symbol.for("@org/tc-core.CredentialsError")]: true });
    expect(foreign instanceof CredentialsError).toBe(true);
    expect(new Error("x") instanceof CredentialsError).toBe(false);
  });

  it("serializes to name, message, sources and the cause's name, message and code", () => {
    const cause = Object.assign(new Error("connect ENOTFOUND metadata.tencentyun.com"), { code: "ENOTFOUND" });
    const e = new CredentialsError("nothing", { sources: [{ source: "env", detail: "not set" }], cause });
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: "CredentialsError",
      message: "nothing",
      sources: [{ source: "env", detail: "not set" }],
      cause: { name: "Error", message: "connect ENOTFOUND metadata.tencentyun.com", code: "ENOTFOUND" },
    });
    expect(inspect(e)).toContain("ENOTFOUND");
  });
});
