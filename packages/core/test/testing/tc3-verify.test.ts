import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeTc3Signature } from "../../src/signer/index.js";
import { independentTc3Signature } from "../../src/testing/tc3-verify.js";

describe("the local endpoint's independent TC3 verifier", () => {
  it("reproduces the signature of the published worked example", () => {
    // The Signature v3 documentation's example (masked keys): CVM DescribeInstances at 1551113065.
    const signature = independentTc3Signature({
      secretKey: "Gu5t9xGARNpq86cd98joQYCN3*******",
      service: "cvm",
      timestamp: 1551113065,
      contentType: "application/json; charset=utf-8",
      host: "cvm.tencentcloudapi.com",
      body: Buffer.from('{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}'),
    });
    expect(signature).toBe("2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c");
  });

  it("agrees with the client's signer on random inputs, and disagrees on any changed field", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.stringMatching(/^[a-z]{2,10}$/),
        fc.integer({ min: 0, max: 4_102_444_800 }),
        fc.uint8Array({ maxLength: 300 }),
        (secretKey, service, timestamp, body) => {
          const input = {
            secretKey,
            service,
            timestamp,
            contentType: "application/json; charset=utf-8",
            host: `${service}.tencentcloudapi.com`,
            body,
          };
          const ours = computeTc3Signature({
            ...input,
            secretId: "AKID",
            action: "A",
            version: "v",
            requestClient: "c",
          }).signature;
          expect(independentTc3Signature(input)).toBe(ours);
          expect(independentTc3Signature({ ...input, timestamp: timestamp + 1 })).not.toBe(ours);
          expect(independentTc3Signature({ ...input, secretKey: `${secretKey}x` })).not.toBe(ours);
          expect(
            independentTc3Signature({ ...input, body: Buffer.concat([Buffer.from(body), Buffer.from(" ")]) }),
          ).not.toBe(ours);
        },
      ),
      { numRuns: 200 },
    );
  });
});
