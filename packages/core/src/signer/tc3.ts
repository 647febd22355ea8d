import * as crypto from "node:crypto";
import { SigningKeyCache } from "./key-cache.js";

/** Everything a TC3-HMAC-SHA256 signature depends on. */
export interface Tc3SignInput {
  /** Key id, written in clear into the `Authorization` credential. */
  readonly secretId: string;
  /** Key secret: only ever an HMAC key, never written anywhere. */
  readonly secretKey: string;
  /** Session token of temporary credentials, sent as `X-TC-Token`. */
  readonly token?: string | undefined;
  /** Signing service from the spec, e.g. `redis`; never taken from the host. */
  readonly service: string;
  /** Exactly the `Host` header that will be sent (with `:port` when not the default). */
  readonly host: string;
  /** Action name, sent as `X-TC-Action`. */
  readonly action: string;
  /** API version, e.g. `2018-04-12`. */
  readonly version: string;
  /** Region, sent as `X-TC-Region` when set. */
  readonly region?: string | undefined;
  /** Response language, sent as `X-TC-Language`. */
  readonly language?: string | undefined;
  /** Unix time in seconds; the credential scope uses its UTC date. */
  readonly timestamp: number;
  /** `Content-Type` header value, signed as sent. */
  readonly contentType: string;
  /** The exact body bytes sent; a string is hashed as its UTF-8 bytes. */
  readonly body: Uint8Array | string;
  /** `X-TC-RequestClient` value identifying the SDK. */
  readonly requestClient: string;
}

/** Every intermediate value of one signature, as the TC3 documentation lists them. */
export interface Tc3Signature {
  /** Lowercase hex SHA-256 of the body. */
  readonly hashedPayload: string;
  /** Method, path, query, canonical headers, signed header names and the hashed payload, one per line. */
  readonly canonicalRequest: string;
  /** Lowercase hex SHA-256 of {@link Tc3Signature.canonicalRequest}. */
  readonly hashedCanonicalRequest: string;
  /** `<UTC date>/<service>/tc3_request`. */
  readonly credentialScope: string;
  /** `TC3-HMAC-SHA256`, the timestamp, the credential scope and the hashed canonical request, one per line. */
  readonly stringToSign: string;
  /** Lowercase hex HMAC-SHA256 of the string to sign under the key derived from the SecretKey. */
  readonly signature: string;
  /** The `Authorization` header value; holds the SecretId, never the SecretKey. */
  readonly authorization: string;
}

/** Headers of a signed request, in the casing sent on the wire. */
export type Tc3Headers = Record<string, string>;

const ALGORITHM = "TC3-HMAC-SHA256";
const SIGNED_HEADERS = "content-type;host";
const DAY_SECONDS = 86_400;

const defaultKeyCache = new SigningKeyCache();

/** One-shot `crypto.hash` (Node ≥ 20.12) costs half of `createHash` per call; older 20.x fall back. */
const sha256Hex: (data: string | Uint8Array) => string =
  typeof crypto.hash === "function"
    ? (data) => crypto.hash("sha256", data, "hex")
    : (data) => crypto.createHash("sha256").update(data).digest("hex");

let cachedDay = Number.NaN;
let cachedDate = "";

/** UTC calendar date (YYYY-MM-DD) of a Unix timestamp in seconds, recomputed once a day. */
export function utcDate(timestamp: number): string {
  const day = Math.floor(timestamp / DAY_SECONDS);
  if (day !== cachedDay) {
    cachedDate = new Date(day * DAY_SECONDS * 1000).toISOString().slice(0, 10);
    cachedDay = day;
  }
  return cachedDate;
}

/**
 * Computes a TC3-HMAC-SHA256 signature and its intermediate values. Pure apart from the signing-key
 * cache, which never changes a result.
 */
export function computeTc3Signature(input: Tc3SignInput, keys: SigningKeyCache = defaultKeyCache): Tc3Signature {
  if (!Number.isSafeInteger(input.timestamp) || input.timestamp < 0) {
    throw new TypeError(`TC3 timestamp must be a non-negative integer of seconds, got ${input.timestamp}`);
  }
  const hashedPayload = sha256Hex(input.body);
  const canonicalRequest = `POST\n/\n\ncontent-type:${input.contentType}\nhost:${input.host}\n\n${SIGNED_HEADERS}\n${hashedPayload}`;
  const hashedCanonicalRequest = sha256Hex(canonicalRequest);
  const date = utcDate(input.timestamp);
  const credentialScope = `${date}/${input.service}/tc3_request`;
  const stringToSign = `${ALGORITHM}\n${input.timestamp}\n${credentialScope}\n${hashedCanonicalRequest}`;
  const signature = crypto
    .createHmac("sha256", keys.get(input.secretKey, date, input.service))
    .update(stringToSign)
    .digest("hex");
  const authorization = `${ALGORITHM} Credential=${input.secretId}/${credentialScope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`;
  return {
    hashedPayload,
    canonicalRequest,
    hashedCanonicalRequest,
    credentialScope,
    stringToSign,
    signature,
    authorization,
  };
}

/**
 * Signs one API 3.0 request: returns every header to send, `Host` and `Content-Type` included, so
 * the transport sends exactly what was signed. `X-TC-Region`, `X-TC-Token` and `X-TC-Language` are
 * present only when set.
 */
export function signTc3(input: Tc3SignInput, keys: SigningKeyCache = defaultKeyCache): Tc3Headers {
  const headers: Tc3Headers = {
    Authorization: computeTc3Signature(input, keys).authorization,
    "Content-Type": input.contentType,
    Host: input.host,
    "X-TC-Action": input.action,
    "X-TC-Timestamp": String(input.timestamp),
    "X-TC-Version": input.version,
    "X-TC-RequestClient": input.requestClient,
  };
  if (input.region) headers["X-TC-Region"] = input.region;
  if (input.token) headers["X-TC-Token"] = input.token;
  if (input.language) headers["X-TC-Language"] = input.language;
  return headers;
}
