import { describe, expect, it } from "vitest";
import { computeTc3Signature, SigningKeyCache, signTc3, type Tc3SignInput } from "../../src/signer/index.js";
import { TC3_VECTORS, type Tc3Vector } from "./tc3-vectors.js";

const vectors = TC3_VECTORS;

function inputOf(v: Tc3Vector): Tc3SignInput {
  return {
    secretId: v.secretId,
    secretKey: v.secretKey,
    service: v.service,
    host: v.host,
    action: v.action,
    version: v.version,
    region: v.region,
    timestamp: v.timestamp,
    contentType: v.contentType,
    body: Buffer.from(v.payload, "utf8"),
    requestClient: "test",
  };
}

describe("TC3 golden vectors (the published worked examples, tc3-vectors.ts)", () => {
  it("has vectors to check", () => {
    expect(vectors.length).toBeGreaterThan(0);
  });

  for (const vector of vectors) {
    describe(vector.name, () => {
      const computed = computeTc3Signature(inputOf(vector), new SigningKeyCache());

      for (const [field, expected] of Object.entries(vector.expected)) {
        it(`matches ${field}`, () => {
          expect(computed[field as keyof typeof computed]).toBe(expected);
        });
      }

      it("sends the expected Authorization and the signed Host/Content-Type verbatim", () => {
        const headers = signTc3(inputOf(vector), new SigningKeyCache());
        expect(headers).toEqual({
          Authorization: vector.expected["authorization"],
          "Content-Type": vector.contentType,
          Host: vector.host,
          "X-TC-Action": vector.action,
          "X-TC-Timestamp": String(vector.timestamp),
          "X-TC-Version": vector.version,
          "X-TC-Region": vector.region,
          "X-TC-RequestClient": "test",
        });
      });

      it("hashes a string body as its UTF-8 bytes", () => {
        const fromString = computeTc3Signature({ ...inputOf(vector), body: vector.payload });
        expect(fromString.signature).toBe(computed.signature);
      });
    });
  }
});
