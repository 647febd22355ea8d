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

  it("serializes to name, message and sources", () => {
    const e = new CredentialsError("nothing", { sources: [{ source: "env", detail: "not set" }], cause: new Error("inner") });
    expect(JSON.parse(JSON.stringify(e))).toEqual({ name: "CredentialsError", message: "nothing", sources: [{ source: "env", detail: "not set" }] });
    expect(inspect(e)).toContain("inner");
  });
});
