import { createHash, createHmac } from "node:crypto";

/** What the local endpoint recomputes a TC3 signature from: the request as received plus the key. */
export interface ReceivedTc3Request {
  readonly secretKey: string;
  /** Signing service from the credential scope, e.g. `redis`. */
  readonly service: string;
  /** `X-TC-Timestamp`, Unix seconds. */
  readonly timestamp: number;
  /** `Content-Type` and `Host` exactly as received. */
  readonly contentType: string;
  readonly host: string;
  /** The body bytes as received. */
  readonly body: Uint8Array;
}

/**
 * TC3-HMAC-SHA256 signature of a request, written from Tencent Cloud's published description of the
 * algorithm and sharing no code with the client's signer (`signer/`), so the local endpoint catches a
 * signer regression instead of agreeing with it:
 *
 * 1. CanonicalRequest = `POST\n/\n\n` + canonical headers (`content-type` and `host`, names
 *    lower-case, values trimmed, each line ending in `\n`) + `\n` + `content-type;host\n` + hex
 *    SHA-256 of the body. The published rule also lower-cases the values; this verifier keeps their
 *    case, which is stricter: a client sends exactly what it signed, so a case change means a bug.
 * 2. StringToSign = `TC3-HMAC-SHA256\n<timestamp>\n<yyyy-mm-dd>/<service>/tc3_request\n` + hex
 *    SHA-256 of CanonicalRequest, the date being the UTC date of the timestamp.
 * 3. SecretDate = HMAC("TC3" + SecretKey, date); SecretService = HMAC(SecretDate, service);
 *    SecretSigning = HMAC(SecretService, "tc3_request").
 * 4. Signature = hex HMAC(SecretSigning, StringToSign).
 */
export function independentTc3Signature(request: ReceivedTc3Request): string {
  const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");
  const hmac = (key: string | Buffer, data: string): Buffer => createHmac("sha256", key).update(data, "utf8").digest();
  const canonicalHeaders = [
    ["content-type", request.contentType],
    ["host", request.host],
  ]
    .map(([name, value]) => `${name}:${value!.trim()}\n`)
    .join("");
  const canonicalRequest = ["POST", "/", "", canonicalHeaders, "content-type;host", sha256(request.body)].join("\n");
  const date = new Date(request.timestamp * 1000).toISOString().slice(0, 10);
  const stringToSign = [
    "TC3-HMAC-SHA256",
    String(request.timestamp),
    `${date}/${request.service}/tc3_request`,
    sha256(canonicalRequest),
  ].join("\n");
  const secretDate = hmac(`TC3${request.secretKey}`, date);
  const secretService = hmac(secretDate, request.service);
  const secretSigning = hmac(secretService, "tc3_request");
  return hmac(secretSigning, stringToSign).toString("hex");
}
