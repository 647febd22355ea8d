import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signTc3 } from "../../src/signer/index.js";
import { verifyTc3 as verify } from "./verify.js";

describe("signTc3 against an independent verifier", () => {
  it("produces signatures the verifier accepts for random unicode bodies and inputs", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          body: fc.oneof(
            fc.string({ unit: "binary" }),
            fc.jsonValue().map((v) => JSON.stringify(v)),
          ),
          secretKey: fc.string({ unit: "binary", minLength: 1, maxLength: 40 }),
          timestamp: fc.integer({ min: 0, max: 4_102_444_800 }),
          service: fc.constantFrom("redis", "cvm", "sts", "cdb"),
          host: fc.constantFrom(
            "redis.tencentcloudapi.com",
            "127.0.0.1:8080",
            "[::1]:9000",
            "redis.ap-shanghai-fsi.tencentcloudapi.com",
          ),
        }),
        async ({ body, secretKey, timestamp, service, host }) => {
          const bytes = new TextEncoder().encode(body);
          const headers = signTc3({
            secretId: "AKIDPROPERTY",
            secretKey,
            service,
            host,
            action: "DescribeTaskInfo",
            version: "2018-04-12",
            timestamp,
            contentType: "application/json; charset=utf-8",
            body: bytes,
            requestClient: "test",
          });
          expect(await verify(headers, bytes, secretKey)).toBe(true);
          // The verifier is not vacuous: one flipped body byte fails it.
          if (bytes.length > 0) {
            const tampered = bytes.slice();
            tampered[0] = tampered[0]! ^ 1;
            expect(await verify(headers, tampered, secretKey)).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
