import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { sealCredentials, staticCredentials } from "../../src/credentials/index.js";
import { SECRET, TOKEN, thrown } from "./helpers.js";

const renderings = (value: unknown): string[] => [
  inspect(value),
  inspect(value, { showHidden: true, getters: true, depth: Infinity }),
  inspect({ nested: { value } }, { depth: Infinity }),
  JSON.stringify(value),
  JSON.stringify({ nested: [value] }),
  JSON.stringify({ ...(value as object) }),
  String(value),
  `${JSON.stringify(Object.getOwnPropertyDescriptors(value))}`,
  JSON.stringify(structuredClone(value)),
];

describe("sealed credentials", () => {
  it("hand the secret key and token to code that asks for them by name", () => {
    const c = sealCredentials({ secretId: "AKIDcanary", secretKey: SECRET, token: TOKEN }, "test");
    expect(c.secretId).toBe("AKIDcanary");
    expect(c.secretKey).toBe(SECRET);
    expect(c.token).toBe(TOKEN);
  });

  it("never reveal the secret key or token when printed, serialized, spread or cloned", () => {
    const c = sealCredentials(
      { secretId: "AKIDcanary", secretKey: SECRET, token: TOKEN, expiresAt: new Date("2030-01-01T00:00:00Z") },
      "test",
    );
    for (const text of renderings(c)) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }
  });

  it("show what helps debugging: the secret id, redaction markers and expiry", () => {
    const c = sealCredentials(
      { secretId: "AKIDcanary", secretKey: SECRET, token: TOKEN, expiresAt: new Date("2030-01-01T00:00:00Z") },
      "test",
    );
    expect(JSON.parse(JSON.stringify(c))).toEqual({
      secretId: "AKIDcanary",
      secretKey: "[redacted]",
      token: "[redacted]",
      expiresAt: "2030-01-01T00:00:00.000Z",
    });
    expect(inspect(c)).toMatch(/^Credentials \{/);
    expect(inspect(c)).toContain("secretKey: '[redacted]'");
    expect(inspect(c)).toContain("2030-01-01T00:00:00.000Z");
  });

  it("print through util.inspect with the caller's options, still redacted", () => {
    const c = sealCredentials({ secretId: "AKIDcanary", secretKey: SECRET, token: TOKEN }, "test");
    const colored = inspect(c, { colors: true });
    expect(colored).toMatch(/^Credentials \{/);
    expect(colored).toContain("\x1b[32m'[redacted]'\x1b[39m");
    expect(colored).not.toContain(SECRET);
    expect(inspect({ deep: { deeper: { c } } }, { depth: 1 })).not.toContain("AKIDcanary");
  });

  it("have no token property at all for long-term keys", () => {
    const c = sealCredentials({ secretId: "AKIDcanary", secretKey: SECRET }, "test");
    expect("token" in c).toBe(false);
    expect(c.token).toBeUndefined();
    expect(JSON.parse(JSON.stringify(c))).toEqual({ secretId: "AKIDcanary", secretKey: "[redacted]" });
  });

  it("are immutable and detached from the caller's object", () => {
    const expiresAt = new Date("2030-01-01T00:00:00Z");
    const c = sealCredentials({ secretId: "AKIDcanary", secretKey: SECRET, expiresAt }, "test");
    expiresAt.setUTCFullYear(2000);
    expect(c.expiresAt?.toISOString()).toBe("2030-01-01T00:00:00.000Z");
    expect(() => {
      (c as { secretId: string }).secretId = "other";
    }).toThrow(TypeError);
  });

  it("reject invalid input listing every problem without echoing values", () => {
    const error = thrown(() =>
      staticCredentials({ secretId: "", secretKey: "", token: 5 as unknown as string, expiresAt: new Date("nope") }),
    );
    expect(String(error)).toBe(
      "CredentialsError: Invalid credentials from client option `credentials`: secretId is missing or empty; " +
        "secretKey is missing or empty; token is not a string; expiresAt is not a valid Date",
    );
  });

  it("do not echo a secret passed in the wrong place", () => {
    const notObject = thrown(() => sealCredentials(SECRET, "test"));
    expect(notObject.message).toBe("Invalid credentials from test: expected an object, got string");
    const swapped = thrown(() => sealCredentials({ secretId: 1, secretKey: SECRET, token: { value: TOKEN } }, "test"));
    expect(swapped.message).toBe("Invalid credentials from test: secretId is missing or empty; token is not a string");
    expect(inspect(swapped)).not.toContain(SECRET);
    expect(inspect(swapped)).not.toContain(TOKEN);
  });
});
