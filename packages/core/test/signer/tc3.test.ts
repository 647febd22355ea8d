import { describe, expect, it } from "vitest";
import {
  computeTc3Signature,
  deriveSigningKey,
  SigningKeyCache,
  signTc3,
  type Tc3SignInput,
  utcDate,
} from "../../src/signer/index.js";

const base: Tc3SignInput = {
  secretId: "AKIDEXAMPLE",
  secretKey: "secret-key",
  service: "redis",
  host: "127.0.0.1:8080",
  action: "DescribeTaskInfo",
  version: "2018-04-12",
  timestamp: 1_700_000_000,
  contentType: "application/json; charset=utf-8",
  body: '{"TaskId":1}',
  requestClient: "tc-sdk-ts/test",
};

describe("signTc3", () => {
  it("takes the scope's service from the input, not from the host", () => {
    const { credentialScope, canonicalRequest } = computeTc3Signature(base);
    expect(credentialScope).toBe("2023-11-14/redis/tc3_request");
    expect(canonicalRequest).toContain("\nhost:127.0.0.1:8080\n");
  });

  it("uses the UTC date of the timestamp around midnight", () => {
    const lastSecond = Date.UTC(2024, 1, 29, 23, 59, 59) / 1000;
    expect(computeTc3Signature({ ...base, timestamp: lastSecond }).credentialScope).toBe(
      "2024-02-29/redis/tc3_request",
    );
    expect(computeTc3Signature({ ...base, timestamp: lastSecond + 1 }).credentialScope).toBe(
      "2024-03-01/redis/tc3_request",
    );
    expect(utcDate(lastSecond)).toBe("2024-02-29");
  });

  it("adds token and language headers only when set", () => {
    const plain = signTc3(base);
    expect(Object.keys(plain)).not.toContain("X-TC-Token");
    expect(Object.keys(plain)).not.toContain("X-TC-Language");
    expect(Object.keys(plain)).not.toContain("X-TC-Region");
    const full = signTc3({ ...base, token: "tok", language: "en-US", region: "ap-guangzhou" });
    expect(full).toMatchObject({ "X-TC-Token": "tok", "X-TC-Language": "en-US", "X-TC-Region": "ap-guangzhou" });
    // Token and region are headers, not signed: the signature depends only on content-type, host and body.
    expect(full["Authorization"]).toBe(plain["Authorization"]);
  });

  it("changes the signature when any signed input changes", () => {
    const reference = computeTc3Signature(base).signature;
    for (const change of [
      { body: '{"TaskId":2}' },
      { host: "127.0.0.1:8081" },
      { service: "cvm" },
      { timestamp: base.timestamp + 1 },
      { contentType: "application/json" },
      { secretKey: "other" },
    ]) {
      expect(computeTc3Signature({ ...base, ...change }).signature).not.toBe(reference);
    }
  });

  it("rejects a timestamp that is not whole seconds", () => {
    expect(() => signTc3({ ...base, timestamp: 1.5 })).toThrow(/non-negative integer of seconds/);
  });
});

describe("SigningKeyCache", () => {
  it("derives once per (secret key, date, service) and returns the derived key", () => {
    const cache = new SigningKeyCache(4);
    const key = cache.get("k", "2024-01-01", "redis");
    expect(key.equals(deriveSigningKey("k", "2024-01-01", "redis"))).toBe(true);
    expect(cache.get("k", "2024-01-01", "redis")).toBe(key);
    expect(cache.size).toBe(1);
    cache.get("k", "2024-01-02", "redis");
    cache.get("k", "2024-01-01", "cvm");
    cache.get("k2", "2024-01-01", "redis");
    expect(cache.size).toBe(4);
  });

  it("answers each (secret key, date, service) with its own key when consecutive calls differ in one part", () => {
    const cache = new SigningKeyCache(8);
    const asks: [string, string, string][] = [
      ["k", "2024-01-01", "redis"],
      ["k", "2024-01-01", "cvm"],
      ["k", "2024-01-02", "cvm"],
      ["k2", "2024-01-02", "cvm"],
      ["k2", "2024-01-02", "cvm"],
      ["k", "2024-01-01", "redis"],
    ];
    for (const [secretKey, date, service] of asks) {
      expect(cache.get(secretKey, date, service).equals(deriveSigningKey(secretKey, date, service))).toBe(true);
    }
  });

  it("stays within its bound, dropping the oldest entry", () => {
    const cache = new SigningKeyCache(2);
    const first = cache.get("a", "2024-01-01", "redis");
    cache.get("b", "2024-01-01", "redis");
    cache.get("c", "2024-01-01", "redis");
    expect(cache.size).toBe(2);
    expect(cache.get("a", "2024-01-01", "redis")).not.toBe(first);
  });
});
