// Server-side TC3 verification for the fake endpoint, written independently of the floor signer
// (it rebuilds the canonical request from what arrived on the wire), so every contender's
// signature is checked the way the real service checks it.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

const AUTH_RE =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;
const MAX_SKEW_S = 300;

function fail(code, message) {
  return { ok: false, code, message };
}

/**
 * Creates a verifier for one service. `lookupKey(secretId)` returns the secret key or undefined.
 * `verify(req, body)` returns `{ ok: true, hostForm }` or `{ ok: false, code, message }` with the
 * service's own error codes. `hostForm` is `"sent"` when the signed host equals the Host header and
 * `"portless"` when it equals the Host header without its port (the official Node SDK signs the
 * host name only; against the real service on port 443 the two forms are identical).
 */
export function createVerifier({ service, lookupKey, nowSeconds = () => Math.floor(Date.now() / 1000) }) {
  const keys = new Map();
  function signingKey(secretKey, date) {
    const id = secretKey + "\0" + date;
    let key = keys.get(id);
    if (key === undefined) {
      const kDate = createHmac("sha256", "TC3" + secretKey)
        .update(date)
        .digest();
      const kService = createHmac("sha256", kDate).update(service).digest();
      key = createHmac("sha256", kService).update("tc3_request").digest();
      keys.set(id, key);
    }
    return key;
  }

  function signatureFor(key, canonicalRequest, timestamp, date) {
    const digest = createHash("sha256").update(canonicalRequest).digest("hex");
    const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${digest}`;
    return createHmac("sha256", key).update(stringToSign).digest();
  }

  return function verify(req, body) {
    const auth = req.headers.authorization;
    if (typeof auth !== "string") return fail("AuthFailure.InvalidAuthorization", "Authorization header is missing.");
    const m = AUTH_RE.exec(auth);
    if (m === null) return fail("AuthFailure.InvalidAuthorization", "Authorization header is malformed.");
    const [, secretId, date, scopeService, signedHeaderList, signatureHex] = m;
    const tsHeader = req.headers["x-tc-timestamp"];
    const timestamp = Number(tsHeader);
    if (typeof tsHeader !== "string" || !Number.isInteger(timestamp)) {
      return fail("AuthFailure.InvalidAuthorization", "X-TC-Timestamp is missing or not an integer.");
    }
    if (Math.abs(nowSeconds() - timestamp) > MAX_SKEW_S) {
      return fail("AuthFailure.SignatureExpire", "Signature expired: timestamp is more than 5 minutes off.");
    }
    if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) {
      return fail("AuthFailure.SignatureFailure", "Credential scope date is not the UTC date of X-TC-Timestamp.");
    }
    if (scopeService !== service) {
      return fail(
        "AuthFailure.SignatureFailure",
        `Credential scope service is "${scopeService}", expected "${service}".`,
      );
    }
    const secretKey = lookupKey(secretId);
    if (secretKey === undefined) return fail("AuthFailure.SecretIdNotFound", "The SecretId is not found.");

    const names = signedHeaderList.split(";");
    if (!names.includes("host") || !names.includes("content-type")) {
      return fail("AuthFailure.SignatureFailure", "SignedHeaders must include content-type and host.");
    }
    const queryAt = req.url.indexOf("?");
    const path = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
    const query = queryAt === -1 ? "" : req.url.slice(queryAt + 1);
    const payloadHash = createHash("sha256").update(body).digest("hex");
    const canonical = (host) => {
      let headerBlock = "";
      for (const name of names) {
        const value = name === "host" ? host : req.headers[name];
        if (typeof value !== "string") return undefined;
        headerBlock += `${name}:${value.trim().toLowerCase()}\n`;
      }
      return `${req.method}\n${path}\n${query}\n${headerBlock}\n${signedHeaderList}\n${payloadHash}`;
    };

    const given = Buffer.from(signatureHex, "hex");
    const key = signingKey(secretKey, date);
    const sentHost = req.headers.host ?? "";
    const forms = [["sent", sentHost]];
    const colon = sentHost.lastIndexOf(":");
    if (colon > 0 && !sentHost.endsWith("]")) forms.push(["portless", sentHost.slice(0, colon)]);
    for (const [hostForm, host] of forms) {
      const canonicalRequest = canonical(host);
      if (canonicalRequest === undefined) return fail("AuthFailure.SignatureFailure", "A signed header is missing.");
      if (timingSafeEqual(signatureFor(key, canonicalRequest, timestamp, date), given)) return { ok: true, hostForm };
    }
    return fail("AuthFailure.SignatureFailure", "The provided credentials could not be validated.");
  };
}
