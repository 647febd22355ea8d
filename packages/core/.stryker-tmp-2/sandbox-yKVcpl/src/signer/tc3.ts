// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
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
  readonly hashedPayload: string;
  readonly canonicalRequest: string;
  readonly hashedCanonicalRequest: string;
  readonly credentialScope: string;
  readonly stringToSign: string;
  readonly signature: string;
  readonly authorization: string;
}

/** Headers of a signed request, in the casing sent on the wire. */
export type Tc3Headers = Record<string, string>;
const ALGORITHM = stryMutAct_9fa48("133") ? "" : (stryCov_9fa48("133"), "TC3-HMAC-SHA256");
const SIGNED_HEADERS = stryMutAct_9fa48("134") ? "" : (stryCov_9fa48("134"), "content-type;host");
const DAY_SECONDS = 86_400;
const defaultKeyCache = new SigningKeyCache();

/** One-shot `crypto.hash` (Node ≥ 20.12) costs half of `createHash` per call; older 20.x fall back. */
const sha256Hex: (data: string | Uint8Array) => string = (stryMutAct_9fa48("137") ? typeof crypto.hash !== "function" : stryMutAct_9fa48("136") ? false : stryMutAct_9fa48("135") ? true : (stryCov_9fa48("135", "136", "137"), typeof crypto.hash === (stryMutAct_9fa48("138") ? "" : (stryCov_9fa48("138"), "function")))) ? stryMutAct_9fa48("139") ? () => undefined : (stryCov_9fa48("139"), data => crypto.hash(stryMutAct_9fa48("140") ? "" : (stryCov_9fa48("140"), "sha256"), data, stryMutAct_9fa48("141") ? "" : (stryCov_9fa48("141"), "hex"))) : stryMutAct_9fa48("142") ? () => undefined : (stryCov_9fa48("142"), data => crypto.createHash(stryMutAct_9fa48("143") ? "" : (stryCov_9fa48("143"), "sha256")).update(data).digest(stryMutAct_9fa48("144") ? "" : (stryCov_9fa48("144"), "hex")));
let cachedDay = Number.NaN;
let cachedDate = stryMutAct_9fa48("145") ? "Stryker was here!" : (stryCov_9fa48("145"), "");

/** UTC calendar date (YYYY-MM-DD) of a Unix timestamp in seconds, recomputed once a day. */
export function utcDate(timestamp: number): string {
  if (stryMutAct_9fa48("146")) {
    {}
  } else {
    stryCov_9fa48("146");
    const day = Math.floor(stryMutAct_9fa48("147") ? timestamp * DAY_SECONDS : (stryCov_9fa48("147"), timestamp / DAY_SECONDS));
    if (stryMutAct_9fa48("150") ? day === cachedDay : stryMutAct_9fa48("149") ? false : stryMutAct_9fa48("148") ? true : (stryCov_9fa48("148", "149", "150"), day !== cachedDay)) {
      if (stryMutAct_9fa48("151")) {
        {}
      } else {
        stryCov_9fa48("151");
        cachedDate = stryMutAct_9fa48("152") ? new Date(day * DAY_SECONDS * 1000).toISOString() : (stryCov_9fa48("152"), new Date(stryMutAct_9fa48("153") ? day * DAY_SECONDS / 1000 : (stryCov_9fa48("153"), (stryMutAct_9fa48("154") ? day / DAY_SECONDS : (stryCov_9fa48("154"), day * DAY_SECONDS)) * 1000)).toISOString().slice(0, 10));
        cachedDay = day;
      }
    }
    return cachedDate;
  }
}

/**
 * Computes a TC3-HMAC-SHA256 signature and its intermediate values. Pure apart from the signing-key
 * cache, which never changes a result.
 */
export function computeTc3Signature(input: Tc3SignInput, keys: SigningKeyCache = defaultKeyCache): Tc3Signature {
  if (stryMutAct_9fa48("155")) {
    {}
  } else {
    stryCov_9fa48("155");
    if (stryMutAct_9fa48("158") ? !Number.isSafeInteger(input.timestamp) && input.timestamp < 0 : stryMutAct_9fa48("157") ? false : stryMutAct_9fa48("156") ? true : (stryCov_9fa48("156", "157", "158"), (stryMutAct_9fa48("159") ? Number.isSafeInteger(input.timestamp) : (stryCov_9fa48("159"), !Number.isSafeInteger(input.timestamp))) || (stryMutAct_9fa48("162") ? input.timestamp >= 0 : stryMutAct_9fa48("161") ? input.timestamp <= 0 : stryMutAct_9fa48("160") ? false : (stryCov_9fa48("160", "161", "162"), input.timestamp < 0)))) {
      if (stryMutAct_9fa48("163")) {
        {}
      } else {
        stryCov_9fa48("163");
        throw new TypeError(stryMutAct_9fa48("164") ? `` : (stryCov_9fa48("164"), `TC3 timestamp must be a non-negative integer of seconds, got ${input.timestamp}`));
      }
    }
    const hashedPayload = sha256Hex(input.body);
    const canonicalRequest = stryMutAct_9fa48("165") ? `` : (stryCov_9fa48("165"), `POST\n/\n\ncontent-type:${input.contentType}\nhost:${input.host}\n\n${SIGNED_HEADERS}\n${hashedPayload}`);
    const hashedCanonicalRequest = sha256Hex(canonicalRequest);
    const date = utcDate(input.timestamp);
    const credentialScope = stryMutAct_9fa48("166") ? `` : (stryCov_9fa48("166"), `${date}/${input.service}/tc3_request`);
    const stringToSign = stryMutAct_9fa48("167") ? `` : (stryCov_9fa48("167"), `${ALGORITHM}\n${input.timestamp}\n${credentialScope}\n${hashedCanonicalRequest}`);
    const signature = crypto.createHmac(stryMutAct_9fa48("168") ? "" : (stryCov_9fa48("168"), "sha256"), keys.get(input.secretKey, date, input.service)).update(stringToSign).digest(stryMutAct_9fa48("169") ? "" : (stryCov_9fa48("169"), "hex"));
    const authorization = stryMutAct_9fa48("170") ? `` : (stryCov_9fa48("170"), `${ALGORITHM} Credential=${input.secretId}/${credentialScope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`);
    return stryMutAct_9fa48("171") ? {} : (stryCov_9fa48("171"), {
      hashedPayload,
      canonicalRequest,
      hashedCanonicalRequest,
      credentialScope,
      stringToSign,
      signature,
      authorization
    });
  }
}

/**
 * Signs one API 3.0 request: returns every header to send, `Host` and `Content-Type` included, so
 * the transport sends exactly what was signed. `X-TC-Region`, `X-TC-Token` and `X-TC-Language` are
 * present only when set.
 */
export function signTc3(input: Tc3SignInput, keys: SigningKeyCache = defaultKeyCache): Tc3Headers {
  if (stryMutAct_9fa48("172")) {
    {}
  } else {
    stryCov_9fa48("172");
    const headers: Tc3Headers = stryMutAct_9fa48("173") ? {} : (stryCov_9fa48("173"), {
      Authorization: computeTc3Signature(input, keys).authorization,
      "Content-Type": input.contentType,
      Host: input.host,
      "X-TC-Action": input.action,
      "X-TC-Timestamp": String(input.timestamp),
      "X-TC-Version": input.version,
      "X-TC-RequestClient": input.requestClient
    });
    if (stryMutAct_9fa48("175") ? false : stryMutAct_9fa48("174") ? true : (stryCov_9fa48("174", "175"), input.region)) headers[stryMutAct_9fa48("176") ? "" : (stryCov_9fa48("176"), "X-TC-Region")] = input.region;
    if (stryMutAct_9fa48("178") ? false : stryMutAct_9fa48("177") ? true : (stryCov_9fa48("177", "178"), input.token)) headers[stryMutAct_9fa48("179") ? "" : (stryCov_9fa48("179"), "X-TC-Token")] = input.token;
    if (stryMutAct_9fa48("181") ? false : stryMutAct_9fa48("180") ? true : (stryCov_9fa48("180", "181"), input.language)) headers[stryMutAct_9fa48("182") ? "" : (stryCov_9fa48("182"), "X-TC-Language")] = input.language;
    return headers;
  }
}