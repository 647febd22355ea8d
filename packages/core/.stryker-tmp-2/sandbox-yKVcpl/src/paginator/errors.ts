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
import { brand, kindOf } from "../errors/brand.js";
import { SdkError } from "../errors/index.js";

/**
 * The server answered a page with exactly the items of the previous page, so it is ignoring the
 * offset and the rest of the list cannot be reached. Thrown rather than ending quietly, because a
 * silently truncated listing is worse than a loud one.
 */
export class PaginationError extends SdkError {
  /** Offset of the request that repeated the previous page. */
  readonly offset: number;
  constructor(action: string, offset: number) {
    if (stryMutAct_9fa48("0")) {
      {}
    } else {
      stryCov_9fa48("0");
      super((stryMutAct_9fa48("1") ? `` : (stryCov_9fa48("1"), `${action} returned the same items for offset ${offset} as for the previous page; `)) + (stryMutAct_9fa48("2") ? "" : (stryCov_9fa48("2"), "stopped instead of looping (the server appears to ignore the offset)")), stryMutAct_9fa48("3") ? {} : (stryCov_9fa48("3"), {
        action
      }));
      this.offset = offset;
    }
  }
  protected override details(): Record<string, unknown> {
    if (stryMutAct_9fa48("4")) {
      {}
    } else {
      stryCov_9fa48("4");
      return stryMutAct_9fa48("5") ? {} : (stryCov_9fa48("5"), {
        offset: this.offset
      });
    }
  }
}
brand(PaginationError, stryMutAct_9fa48("6") ? "" : (stryCov_9fa48("6"), "PaginationError"));

/** True for a {@link PaginationError} from any copy of `@org/tc-core`. */
export function isPaginationError(value: unknown): value is PaginationError {
  if (stryMutAct_9fa48("7")) {
    {}
  } else {
    stryCov_9fa48("7");
    return stryMutAct_9fa48("10") ? kindOf(value) !== "PaginationError" : stryMutAct_9fa48("9") ? false : stryMutAct_9fa48("8") ? true : (stryCov_9fa48("8", "9", "10"), kindOf(value) === (stryMutAct_9fa48("11") ? "" : (stryCov_9fa48("11"), "PaginationError")));
  }
}