import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signTc3 } from "../../src/signer/index.js";

/**
 * An independent TC3 verifier on WebCrypto, written from the published algorithm: it shares no code
 * with the signer and recomputes everything from the headers actually sent plus the body bytes.
 */
async function verify(headers: Record<string, string>, body: Uint8Array, secretKey: string): Promise<boolean> {
  const subtle = globalThis.crypto.subtle;
  const enc = new TextEncoder();
  const hex = (buf: ArrayBuffer): string => Buffer.from(buf).toString("hex");
  const sha256 = async (data: Uint8Array | string): Promise<string> =>
    hex(await subtle.digest("SHA-256", typeof data === "string" ? enc.encode(data) : data));
  const hmac = async (key: Uint8Array, msg: string): Promise<Uint8Array> => {
    const k = await subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return new Uint8Array(await subtle.sign("HMAC", k, enc.encode(msg)));
  };

  const match = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=content-type;host, Signature=([0-9a-f]{64})$/.exec(
    headers["Authorization"] ?? "",
  );
  if (!match) return false;
  const [, , date, service, signature] = match as unknown as [string, string, string, string, string];
  const timestamp = Number(headers["X-TC-Timestamp"]);
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return false;

  const canonical = [
    "POST",
    "/",
    "",
    `content-type:${headers["Content-Type"]}\nhost:${headers["Host"]}\n`,
    "content-type;host",
    await sha256(body),
  ].join("\n");
  const toSign = ["TC3-HMAC-SHA256", String(timestamp), `${date}/${service}/tc3_request`, await sha256(canonical)].join("\n");
  const kDate = await hmac(enc.encode(`TC3${secretKey}`), date);
  const kService = await hmac(kDate, service);
  const kSigning = await hmac(kService, "tc3_request");
  return Buffer.from(await hmac(kSigning, toSign)).toString("hex") === signature;
}

describe("signTc3 against an independent verifier", () => {
  it("produces signatures the verifier accepts for random unicode bodies and inputs", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          body: fc.oneof(fc.string({ unit: "binary" }), fc.jsonValue().map((v) => JSON.stringify(v))),
          secretKey: fc.string({ unit: "binary", minLength: 1, maxLength: 40 }),
          timestamp: fc.integer({ min: 0, max: 4_102_444_800 }),
          service: fc.constantFrom("redis", "cvm", "sts", "cdb"),
          host: fc.constantFrom("redis.tencentcloudapi.com", "127.0.0.1:8080", "[::1]:9000", "redis.ap-shanghai-fsi.tencentcloudapi.com"),
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
