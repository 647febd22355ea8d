// Behaviours of `sealed.ts` and `errors.ts` that mutation testing showed no other test pinned down.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { missingSource } from "../../src/credentials/errors.js";
import { CredentialsError, isCredentialsError, sealCredentials } from "../../src/credentials/index.js";
import { SECRET, TOKEN, thrown } from "./helpers.js";

describe("sealCredentials edge cases", () => {
  it("returns already sealed credentials as they are", () => {
    const sealed = sealCredentials({ secretId: "AKID", secretKey: SECRET, token: TOKEN }, "a");
    expect(sealCredentials(sealed, "b")).toBe(sealed);
  });

  it("names null as null, and other non-objects by their type", () => {
    expect(thrown(() => sealCredentials(null, "p")).message).toBe(
      "Invalid credentials from p: expected an object, got null",
    );
    expect(thrown(() => sealCredentials(undefined, "p")).message).toBe(
      "Invalid credentials from p: expected an object, got undefined",
    );
  });

  it("rejects a secret id or token that cannot travel in a header, naming the field only", () => {
    const error = thrown(() => sealCredentials({ secretId: "AKID x", secretKey: SECRET, token: `${TOKEN}\r\n` }, "p"));
    expect(error.message).toBe(
      "Invalid credentials from p: secretId holds whitespace or control characters; " +
        "token holds whitespace or control characters",
    );
    expect(error.message).not.toContain(TOKEN);
    // The secret key is never sent, so any character is fine there.
    expect(sealCredentials({ secretId: "AKID", secretKey: "a b\u00e9" }, "p").secretKey).toBe("a b\u00e9");
  });

  it("rejects a secret key that is absent or not a string", () => {
    for (const secretKey of [undefined, 5, null]) {
      expect(thrown(() => sealCredentials({ secretId: "AKID", secretKey }, "p")).message).toBe(
        "Invalid credentials from p: secretKey is missing or empty",
      );
    }
  });

  it("reports a non-string secret id once, as missing, not also as unsafe for a header", () => {
    for (const secretId of [{ id: "x y" }, ["a b"], () => "a b"]) {
      expect(thrown(() => sealCredentials({ secretId, secretKey: SECRET }, "p")).message).toBe(
        "Invalid credentials from p: secretId is missing or empty",
      );
    }
  });

  it("treats an empty token as no token", () => {
    const c = sealCredentials({ secretId: "AKID", secretKey: SECRET, token: "" }, "p");
    expect("token" in c).toBe(false);
    expect(JSON.parse(JSON.stringify(c))).toEqual({ secretId: "AKID", secretKey: "[redacted]" });
  });

  it("shows expiresAt as a Date when inspected, and no expiresAt for long-term keys", () => {
    const temporary = sealCredentials(
      { secretId: "AKID", secretKey: SECRET, token: TOKEN, expiresAt: new Date("2030-01-01T00:00:00Z") },
      "p",
    );
    expect(inspect(temporary)).toBe(
      "Credentials {\n  secretId: 'AKID',\n  secretKey: '[redacted]',\n  token: '[redacted]',\n  expiresAt: 2030-01-01T00:00:00.000Z\n}",
    );
    const longTerm = sealCredentials({ secretId: "AKID", secretKey: SECRET }, "p");
    expect(inspect(longTerm)).toBe("Credentials { secretId: 'AKID', secretKey: '[redacted]' }");
  });
});

describe("CredentialsError edge cases", () => {
  it("has no cause unless given one, and an empty frozen source list by default", () => {
    const plain = new CredentialsError("broken");
    expect("cause" in plain).toBe(false);
    expect(plain.sources).toEqual([]);
    expect(Object.isFrozen(plain.sources)).toBe(true);
    expect(JSON.parse(JSON.stringify(plain))).toMatchObject({ name: "CredentialsError", sources: [] });
  });

  it("copies the source list it is given", () => {
    const sources = [{ source: "env", detail: "not set" }];
    const error = new CredentialsError("none", { sources });
    sources.push({ source: "file", detail: "not found" });
    expect(error.sources).toEqual([{ source: "env", detail: "not set" }]);
  });
});

describe("missingSource", () => {
  it("is a 'missing' CredentialsError naming the one place looked and why", () => {
    const error = missingSource("environment (A, B)", "not set");
    expect(isCredentialsError(error)).toBe(true);
    expect(error.message).toBe("No credentials from environment (A, B): not set");
    expect(error.missing).toBe(true);
    expect(error.sources).toEqual([{ source: "environment (A, B)", detail: "not set" }]);
  });
});
