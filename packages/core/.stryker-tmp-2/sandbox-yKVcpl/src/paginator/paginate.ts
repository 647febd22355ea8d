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
import type { CallOptions } from "../client/options.js";
import type { PaginatorMeta } from "../meta.js";
import { abortError } from "../waiter/clock.js";
import { PaginationError } from "./errors.js";

/** Fetches one page, e.g. `(request, options) => client.invoke(meta.action, request, options)`. */
export type PaginatorInvoke<Req, Res> = (request: Req, options: CallOptions) => Promise<Res>;

/** Options of {@link paginate}. */
export interface PaginateOptions {
  /** Items per request, sent as the limit member; default: the request's own limit, else the service's default. */
  readonly pageSize?: number;
  /** Stops iteration at once; no request is sent after it aborts. */
  readonly signal?: AbortSignal;
}

/**
 * Every item of a listing, fetched page by page as you iterate (`for await (const item of ...)`).
 * Iterating again starts again from the first page.
 */
export interface Paginated<Item, Res> extends AsyncIterable<Item> {
  /** The whole responses instead of their items, for totals or other members of each page. */
  pages(): AsyncIterable<Res>;
}

/**
 * Walks an `Offset`/`Limit` listing from the request's offset (default 0). Stops when the offset
 * reaches the total count (when the action reports one; a server capping the page size below the
 * requested limit is then still read to the end), else at a page shorter than the limit, and always
 * at an empty page. A server repeating the previous page raises `PaginationError`.
 */
export function paginate<Req extends object, Res extends object, Item>(invoke: PaginatorInvoke<Req, Res>, meta: PaginatorMeta, request: Req, options: PaginateOptions = {}): Paginated<Item, Res> {
  if (stryMutAct_9fa48("12")) {
    {}
  } else {
    stryCov_9fa48("12");
    const {
      pageSize,
      signal
    } = options;
    if (stryMutAct_9fa48("15") ? pageSize !== undefined || !(Number.isSafeInteger(pageSize) && pageSize > 0) : stryMutAct_9fa48("14") ? false : stryMutAct_9fa48("13") ? true : (stryCov_9fa48("13", "14", "15"), (stryMutAct_9fa48("17") ? pageSize === undefined : stryMutAct_9fa48("16") ? true : (stryCov_9fa48("16", "17"), pageSize !== undefined)) && (stryMutAct_9fa48("18") ? Number.isSafeInteger(pageSize) && pageSize > 0 : (stryCov_9fa48("18"), !(stryMutAct_9fa48("21") ? Number.isSafeInteger(pageSize) || pageSize > 0 : stryMutAct_9fa48("20") ? false : stryMutAct_9fa48("19") ? true : (stryCov_9fa48("19", "20", "21"), Number.isSafeInteger(pageSize) && (stryMutAct_9fa48("24") ? pageSize <= 0 : stryMutAct_9fa48("23") ? pageSize >= 0 : stryMutAct_9fa48("22") ? true : (stryCov_9fa48("22", "23", "24"), pageSize > 0)))))))) {
      if (stryMutAct_9fa48("25")) {
        {}
      } else {
        stryCov_9fa48("25");
        throw new RangeError(stryMutAct_9fa48("26") ? `` : (stryCov_9fa48("26"), `pageSize must be a positive integer, got ${String(pageSize)}`));
      }
    }
    const callOptions: CallOptions = signal ? stryMutAct_9fa48("27") ? {} : (stryCov_9fa48("27"), {
      signal
    }) : {};
    async function* pages(): AsyncGenerator<Res, void, undefined> {
      if (stryMutAct_9fa48("28")) {
        {}
      } else {
        stryCov_9fa48("28");
        const fields = request as Record<string, unknown>;
        let offset = stryMutAct_9fa48("29") ? toCount(fields[meta.offset]) && 0 : (stryCov_9fa48("29"), toCount(fields[meta.offset]) ?? 0);
        const limit = stryMutAct_9fa48("30") ? pageSize && toCount(fields[meta.limit]) : (stryCov_9fa48("30"), pageSize ?? toCount(fields[meta.limit]));
        let previous: string | undefined;
        if (stryMutAct_9fa48("31")) {
          for (let first = true; false; first = false) {
            if (signal?.aborted) throw abortError(signal);
            const pageRequest = {
              ...request,
              [meta.offset]: offset,
              ...(limit === undefined ? {} : {
                [meta.limit]: limit
              })
            };
            const response = await invoke(pageRequest, callOptions);
            if (signal?.aborted) throw abortError(signal);
            const items = itemsOf(response, meta);
            if (items.length === 0) {
              // The first page is the answer even when empty (its total says 0); a trailing empty page is not news.
              if (first) yield response;
              return;
            }
            const fingerprint = stableJson(items);
            if (fingerprint === previous) throw new PaginationError(meta.action.name, offset);
            previous = fingerprint;
            yield response;
            offset += items.length;
            const total = meta.total === undefined ? undefined : toCount((response as Record<string, unknown>)[meta.total]);
            if (total !== undefined ? offset >= total : limit !== undefined && items.length < limit) return;
          }
        } else {
          stryCov_9fa48("31");
          for (let first = stryMutAct_9fa48("32") ? false : (stryCov_9fa48("32"), true);; first = stryMutAct_9fa48("33") ? true : (stryCov_9fa48("33"), false)) {
            if (stryMutAct_9fa48("34")) {
              {}
            } else {
              stryCov_9fa48("34");
              if (stryMutAct_9fa48("37") ? signal.aborted : stryMutAct_9fa48("36") ? false : stryMutAct_9fa48("35") ? true : (stryCov_9fa48("35", "36", "37"), signal?.aborted)) throw abortError(signal);
              const pageRequest = stryMutAct_9fa48("38") ? {} : (stryCov_9fa48("38"), {
                ...request,
                [meta.offset]: offset,
                ...((stryMutAct_9fa48("41") ? limit !== undefined : stryMutAct_9fa48("40") ? false : stryMutAct_9fa48("39") ? true : (stryCov_9fa48("39", "40", "41"), limit === undefined)) ? {} : stryMutAct_9fa48("42") ? {} : (stryCov_9fa48("42"), {
                  [meta.limit]: limit
                }))
              });
              const response = await invoke(pageRequest, callOptions);
              if (stryMutAct_9fa48("45") ? signal.aborted : stryMutAct_9fa48("44") ? false : stryMutAct_9fa48("43") ? true : (stryCov_9fa48("43", "44", "45"), signal?.aborted)) throw abortError(signal);
              const items = itemsOf(response, meta);
              if (stryMutAct_9fa48("48") ? items.length !== 0 : stryMutAct_9fa48("47") ? false : stryMutAct_9fa48("46") ? true : (stryCov_9fa48("46", "47", "48"), items.length === 0)) {
                if (stryMutAct_9fa48("49")) {
                  {}
                } else {
                  stryCov_9fa48("49");
                  // The first page is the answer even when empty (its total says 0); a trailing empty page is not news.
                  if (stryMutAct_9fa48("51") ? false : stryMutAct_9fa48("50") ? true : (stryCov_9fa48("50", "51"), first)) yield response;
                  return;
                }
              }
              const fingerprint = stableJson(items);
              if (stryMutAct_9fa48("54") ? fingerprint !== previous : stryMutAct_9fa48("53") ? false : stryMutAct_9fa48("52") ? true : (stryCov_9fa48("52", "53", "54"), fingerprint === previous)) throw new PaginationError(meta.action.name, offset);
              previous = fingerprint;
              yield response;
              stryMutAct_9fa48("55") ? offset -= items.length : (stryCov_9fa48("55"), offset += items.length);
              const total = (stryMutAct_9fa48("58") ? meta.total !== undefined : stryMutAct_9fa48("57") ? false : stryMutAct_9fa48("56") ? true : (stryCov_9fa48("56", "57", "58"), meta.total === undefined)) ? undefined : toCount((response as Record<string, unknown>)[meta.total]);
              if (stryMutAct_9fa48("60") ? false : stryMutAct_9fa48("59") ? true : (stryCov_9fa48("59", "60"), (stryMutAct_9fa48("63") ? total === undefined : stryMutAct_9fa48("62") ? false : stryMutAct_9fa48("61") ? true : (stryCov_9fa48("61", "62", "63"), total !== undefined)) ? stryMutAct_9fa48("67") ? offset < total : stryMutAct_9fa48("66") ? offset > total : stryMutAct_9fa48("65") ? false : stryMutAct_9fa48("64") ? true : (stryCov_9fa48("64", "65", "66", "67"), offset >= total) : stryMutAct_9fa48("70") ? limit !== undefined || items.length < limit : stryMutAct_9fa48("69") ? false : stryMutAct_9fa48("68") ? true : (stryCov_9fa48("68", "69", "70"), (stryMutAct_9fa48("72") ? limit === undefined : stryMutAct_9fa48("71") ? true : (stryCov_9fa48("71", "72"), limit !== undefined)) && (stryMutAct_9fa48("75") ? items.length >= limit : stryMutAct_9fa48("74") ? items.length <= limit : stryMutAct_9fa48("73") ? true : (stryCov_9fa48("73", "74", "75"), items.length < limit))))) return;
            }
          }
        }
      }
    }
    return stryMutAct_9fa48("76") ? {} : (stryCov_9fa48("76"), {
      pages,
      async *[Symbol.asyncIterator]() {
        if (stryMutAct_9fa48("77")) {
          {}
        } else {
          stryCov_9fa48("77");
          for await (const page of pages()) {
            if (stryMutAct_9fa48("78")) {
              {}
            } else {
              stryCov_9fa48("78");
              for (const item of itemsOf(page, meta) as Item[]) {
                if (stryMutAct_9fa48("79")) {
                  {}
                } else {
                  stryCov_9fa48("79");
                  // Items already fetched are not handed out after an abort either: the caller asked to stop.
                  if (stryMutAct_9fa48("82") ? signal.aborted : stryMutAct_9fa48("81") ? false : stryMutAct_9fa48("80") ? true : (stryCov_9fa48("80", "81", "82"), signal?.aborted)) throw abortError(signal);
                  yield item;
                }
              }
            }
          }
        }
      }
    });
  }
}
function itemsOf(response: object, meta: PaginatorMeta): readonly unknown[] {
  if (stryMutAct_9fa48("83")) {
    {}
  } else {
    stryCov_9fa48("83");
    const items = (response as Record<string, unknown>)[meta.items];
    if (stryMutAct_9fa48("86") ? items === undefined && items === null : stryMutAct_9fa48("85") ? false : stryMutAct_9fa48("84") ? true : (stryCov_9fa48("84", "85", "86"), (stryMutAct_9fa48("88") ? items !== undefined : stryMutAct_9fa48("87") ? false : (stryCov_9fa48("87", "88"), items === undefined)) || (stryMutAct_9fa48("90") ? items !== null : stryMutAct_9fa48("89") ? false : (stryCov_9fa48("89", "90"), items === null)))) return stryMutAct_9fa48("91") ? ["Stryker was here"] : (stryCov_9fa48("91"), []);
    if (stryMutAct_9fa48("94") ? false : stryMutAct_9fa48("93") ? true : stryMutAct_9fa48("92") ? Array.isArray(items) : (stryCov_9fa48("92", "93", "94"), !Array.isArray(items))) throw new TypeError(stryMutAct_9fa48("95") ? `` : (stryCov_9fa48("95"), `${meta.action.name} response member ${meta.items} is not a list`));
    return items;
  }
}
function toCount(value: unknown): number | undefined {
  if (stryMutAct_9fa48("96")) {
    {}
  } else {
    stryCov_9fa48("96");
    if (stryMutAct_9fa48("99") ? typeof value === "number" || Number.isFinite(value) : stryMutAct_9fa48("98") ? false : stryMutAct_9fa48("97") ? true : (stryCov_9fa48("97", "98", "99"), (stryMutAct_9fa48("101") ? typeof value !== "number" : stryMutAct_9fa48("100") ? true : (stryCov_9fa48("100", "101"), typeof value === (stryMutAct_9fa48("102") ? "" : (stryCov_9fa48("102"), "number")))) && Number.isFinite(value))) return value;
    if (stryMutAct_9fa48("105") ? typeof value !== "bigint" : stryMutAct_9fa48("104") ? false : stryMutAct_9fa48("103") ? true : (stryCov_9fa48("103", "104", "105"), typeof value === (stryMutAct_9fa48("106") ? "" : (stryCov_9fa48("106"), "bigint")))) return Number(value);
    return undefined;
  }
}

/** Compares pages by content; bigints (uint64 ids) are not JSON, so they are tagged. */
function stableJson(value: unknown): string {
  if (stryMutAct_9fa48("107")) {
    {}
  } else {
    stryCov_9fa48("107");
    return JSON.stringify(value, stryMutAct_9fa48("108") ? () => undefined : (stryCov_9fa48("108"), (_key, v: unknown) => (stryMutAct_9fa48("111") ? typeof v !== "bigint" : stryMutAct_9fa48("110") ? false : stryMutAct_9fa48("109") ? true : (stryCov_9fa48("109", "110", "111"), typeof v === (stryMutAct_9fa48("112") ? "" : (stryCov_9fa48("112"), "bigint")))) ? stryMutAct_9fa48("113") ? `` : (stryCov_9fa48("113"), `${v}n`) : v));
  }
}