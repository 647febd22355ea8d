// TC3-HMAC-SHA256 signing for the no-SDK floor: the least work a correct client can do per call.
// Written for this bench from Tencent Cloud's published algorithm; the derived key is cached per
// UTC date because that is what any busy client should do, and the floor must be a fair lower bound.
import { createHash, createHmac } from "node:crypto";

export const ALGORITHM = "TC3-HMAC-SHA256";
const SIGNED_HEADERS = "content-type;host";

/** UTC calendar date (YYYY-MM-DD) of a Unix timestamp in seconds: the credential-scope date. */
export function utcDate(timestamp) {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** The three chained HMACs that turn a secret key into the key for one date and service. */
export function deriveSigningKey(secretKey, date, service) {
  const kDate = createHmac("sha256", "TC3" + secretKey)
    .update(date)
    .digest();
  const kService = createHmac("sha256", kDate).update(service).digest();
  return createHmac("sha256", kService).update("tc3_request").digest();
}

/**
 * A signer bound to one key pair and service that re-derives the signing key only when the
 * UTC day changes. `sign` returns the Authorization header for a POST to `/`.
 */
export function createSigner({ secretId, secretKey, service }) {
  let cachedDay = NaN;
  let date = "";
  let cachedKey = Buffer.alloc(0);
  return function sign({ host, contentType, body, timestamp }) {
    const day = Math.floor(timestamp / 86_400);
    if (day !== cachedDay) {
      date = utcDate(timestamp);
      cachedKey = deriveSigningKey(secretKey, date, service);
      cachedDay = day;
    }
    const payloadHash = createHash("sha256").update(body).digest("hex");
    const canonicalRequest =
      "POST\n/\n\ncontent-type:" + contentType + "\nhost:" + host + "\n\n" + SIGNED_HEADERS + "\n" + payloadHash;
    const scope = date + "/" + service + "/tc3_request";
    const stringToSign =
      ALGORITHM + "\n" + timestamp + "\n" + scope + "\n" + createHash("sha256").update(canonicalRequest).digest("hex");
    const signature = createHmac("sha256", cachedKey).update(stringToSign).digest("hex");
    return (
      ALGORITHM +
      " Credential=" +
      secretId +
      "/" +
      scope +
      ", SignedHeaders=" +
      SIGNED_HEADERS +
      ", Signature=" +
      signature
    );
  };
}
