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
import { createHmac } from "node:crypto";

/**
 * Derived TC3 signing keys by (secret key, date, service). Deriving costs three HMACs; a busy client
 * signs thousands of calls a day with one key, so the result is kept. Bounded: the oldest entry goes
 * when full, which only matters for processes juggling many keys.
 */
export class SigningKeyCache {
  readonly #keys = new Map<string, Buffer>();
  readonly #maxEntries: number;

  /** @param maxEntries Entries kept before the oldest is dropped, default 32. */
  constructor(maxEntries = 32) {
    if (stryMutAct_9fa48("114")) {
      {}
    } else {
      stryCov_9fa48("114");
      this.#maxEntries = stryMutAct_9fa48("115") ? Math.min(1, maxEntries) : (stryCov_9fa48("115"), Math.max(1, maxEntries));
    }
  }

  /** The signing key for `secretKey` on UTC `date` (YYYY-MM-DD) for `service`. */
  get(secretKey: string, date: string, service: string): Buffer {
    if (stryMutAct_9fa48("116")) {
      {}
    } else {
      stryCov_9fa48("116");
      const id = stryMutAct_9fa48("117") ? `` : (stryCov_9fa48("117"), `${date}\n${service}\n${secretKey}`);
      let key = this.#keys.get(id);
      if (stryMutAct_9fa48("120") ? key !== undefined : stryMutAct_9fa48("119") ? false : stryMutAct_9fa48("118") ? true : (stryCov_9fa48("118", "119", "120"), key === undefined)) {
        if (stryMutAct_9fa48("121")) {
          {}
        } else {
          stryCov_9fa48("121");
          key = deriveSigningKey(secretKey, date, service);
          if (stryMutAct_9fa48("125") ? this.#keys.size < this.#maxEntries : stryMutAct_9fa48("124") ? this.#keys.size > this.#maxEntries : stryMutAct_9fa48("123") ? false : stryMutAct_9fa48("122") ? true : (stryCov_9fa48("122", "123", "124", "125"), this.#keys.size >= this.#maxEntries)) this.#keys.delete(this.#keys.keys().next().value!);
          this.#keys.set(id, key);
        }
      }
      return key;
    }
  }

  /** Entries currently held. */
  get size(): number {
    if (stryMutAct_9fa48("126")) {
      {}
    } else {
      stryCov_9fa48("126");
      return this.#keys.size;
    }
  }
}

/** HMAC chain of the TC3 spec: date → service → `tc3_request`. */
export function deriveSigningKey(secretKey: string, date: string, service: string): Buffer {
  if (stryMutAct_9fa48("127")) {
    {}
  } else {
    stryCov_9fa48("127");
    const secretDate = createHmac(stryMutAct_9fa48("128") ? "" : (stryCov_9fa48("128"), "sha256"), stryMutAct_9fa48("129") ? `` : (stryCov_9fa48("129"), `TC3${secretKey}`)).update(date).digest();
    const secretService = createHmac(stryMutAct_9fa48("130") ? "" : (stryCov_9fa48("130"), "sha256"), secretDate).update(service).digest();
    return createHmac(stryMutAct_9fa48("131") ? "" : (stryCov_9fa48("131"), "sha256"), secretService).update(stryMutAct_9fa48("132") ? "" : (stryCov_9fa48("132"), "tc3_request")).digest();
  }
}