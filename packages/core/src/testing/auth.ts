import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { Credentials } from "../credentials/types.js";
import { utcDate } from "../signer/index.js";
import { MockApiError } from "./api-error.js";
import { independentTc3Signature } from "./tc3-verify.js";

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;
const MAX_SKEW_SECONDS = 300;

/** Everything signature verification looks at. */
export interface SignedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/**
 * Checks a request's TC3 signature the way the real service does and returns the key pair that
 * signed it; throws the `AuthFailure.*` error the service would answer. Messages explain the mismatch,
 * since this endpoint exists to debug clients, but never echo a secret.
 */
export function verifySignature(
  request: SignedRequest,
  keys: ReadonlyMap<string, Credentials>,
  service: string,
  nowMs: number,
): Credentials {
  const header = request.headers.authorization;
  const match = header === undefined ? null : AUTHORIZATION.exec(header);
  if (!match) {
    throw new MockApiError(
      "AuthFailure.InvalidAuthorization",
      "Authorization header is missing or not of the form `TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request, SignedHeaders=content-type;host, Signature=<hex>`.",
    );
  }
  const [, secretId, date, scopeService, signedHeaders, signature] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];

  const credentials = keys.get(secretId);
  if (!credentials)
    throw new MockApiError(
      "AuthFailure.SecretIdNotFound",
      "The SecretId is not found, please ensure that your SecretId is correct.",
    );

  const timestampText = header1(request.headers["x-tc-timestamp"]);
  const timestamp =
    timestampText !== undefined && /^\d{1,12}$/.test(timestampText) ? Number(timestampText) : Number.NaN;
  if (Number.isNaN(timestamp))
    throw new MockApiError("MissingParameter", "The request is missing a valid X-TC-Timestamp header.");
  const skew = Math.abs(Math.floor(nowMs / 1000) - timestamp);
  if (skew > MAX_SKEW_SECONDS) {
    throw new MockApiError(
      "AuthFailure.SignatureExpire",
      `Signature expired: X-TC-Timestamp is ${skew} s away from server time (at most ${MAX_SKEW_SECONDS} s allowed).`,
    );
  }

  if (signedHeaders !== "content-type;host") {
    throw new MockApiError(
      "AuthFailure.SignatureFailure",
      `This endpoint verifies SignedHeaders=content-type;host only, got ${signedHeaders}.`,
    );
  }
  if (scopeService !== service) {
    throw new MockApiError(
      "AuthFailure.SignatureFailure",
      `The credential scope names service \`${scopeService}\`; this endpoint serves \`${service}\` (take it from the API, not the host name).`,
    );
  }
  if (date !== utcDate(timestamp)) {
    throw new MockApiError(
      "AuthFailure.SignatureFailure",
      `The credential scope date ${date} is not the UTC date of X-TC-Timestamp.`,
    );
  }

  const expected = independentTc3Signature({
    secretKey: credentials.secretKey,
    service,
    timestamp,
    host: header1(request.headers.host) ?? "",
    contentType: header1(request.headers["content-type"]) ?? "",
    body: request.body,
  });
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
    throw new MockApiError(
      "AuthFailure.SignatureFailure",
      "The provided credentials could not be validated. Check the secret key, and that the signed Host, Content-Type and body are exactly what was sent.",
    );
  }

  const token = header1(request.headers["x-tc-token"]);
  if ((credentials.token ?? "") !== (token ?? "")) {
    throw new MockApiError(
      "AuthFailure.TokenFailure",
      "The X-TC-Token header does not match the temporary credentials of this SecretId.",
    );
  }
  return credentials;
}

/** The first value of a header that may repeat. */
export function header1(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
