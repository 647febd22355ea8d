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
export function paginate<Req extends object, Res extends object, Item>(
  invoke: PaginatorInvoke<Req, Res>,
  meta: PaginatorMeta,
  request: Req,
  options: PaginateOptions = {},
): Paginated<Item, Res> {
  const { pageSize, signal } = options;
  if (pageSize !== undefined && !(Number.isSafeInteger(pageSize) && pageSize > 0)) {
    throw new RangeError(`pageSize must be a positive integer, got ${String(pageSize)}`);
  }
  const callOptions: CallOptions = signal ? { signal } : {};

  async function* pages(): AsyncGenerator<Res, void, undefined> {
    const fields = request as Record<string, unknown>;
    let offset = toCount(fields[meta.offset]) ?? 0;
    const limit = pageSize ?? toCount(fields[meta.limit]);
    let previous: string | undefined;
    for (let first = true; ; first = false) {
      if (signal?.aborted) throw abortError(signal);
      const pageRequest = {
        ...request,
        [meta.offset]: offset,
        ...(limit === undefined ? {} : { [meta.limit]: limit }),
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
  }

  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) {
        for (const item of itemsOf(page, meta) as Item[]) {
          // Items already fetched are not handed out after an abort either: the caller asked to stop.
          if (signal?.aborted) throw abortError(signal);
          yield item;
        }
      }
    },
  };
}

function itemsOf(response: object, meta: PaginatorMeta): readonly unknown[] {
  const items = (response as Record<string, unknown>)[meta.items];
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items)) throw new TypeError(`${meta.action.name} response member ${meta.items} is not a list`);
  return items;
}

function toCount(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "bigint") return Number(value);
  return undefined;
}

/** Compares pages by content; bigints (uint64 ids) are not JSON, so they are tagged. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
}
