import { describe, expect, it, vi } from "vitest";
import type { CallOptions } from "../../src/client/options.js";
import { isRequestAbortedError, isSdkError } from "../../src/errors/index.js";
import type { PaginatorMeta } from "../../src/meta.js";
import { isPaginationError, PaginationError, paginate } from "../../src/paginator/index.js";

const action = { name: "DescribeInstances", rateLimit: 20, readOnly: true, input: "DescribeInstancesRequest" };
const withTotal: PaginatorMeta = {
  action,
  offset: "Offset",
  limit: "Limit",
  items: "InstanceSet",
  total: "TotalCount",
};
const withoutTotal: PaginatorMeta = { action, offset: "Offset", limit: "Limit", items: "InstanceSet" };

interface Request {
  Offset?: number;
  Limit?: number;
  ProjectId?: number;
}
interface Instance {
  InstanceId: string;
}
interface Response {
  InstanceSet: Instance[] | null;
  TotalCount: number;
  RequestId: string;
}

/** A listing of `count` instances served by Offset/Limit, default page 20 and at most `maxLimit` per page. */
function listing(count: number, { maxLimit = 100 } = {}) {
  const all = Array.from({ length: count }, (_, i) => ({ InstanceId: `crs-${i}` }));
  const requests: Request[] = [];
  const invoke = vi.fn(async (request: Request, _options: CallOptions): Promise<Response> => {
    requests.push(request);
    const offset = request.Offset ?? 0;
    const limit = Math.min(request.Limit ?? 20, maxLimit);
    return { InstanceSet: all.slice(offset, offset + limit), TotalCount: count, RequestId: `r-${requests.length}` };
  });
  return { invoke, requests };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of iterable) out.push(value);
  return out;
}

const ids = (items: Instance[]) => items.map((i) => i.InstanceId);

describe("paginate", () => {
  it("yields every item across pages, keeping the request's other members", async () => {
    const { invoke, requests } = listing(45);
    const items = await collect(
      paginate<Request, Response, Instance>(invoke, withTotal, { ProjectId: 3 }, { pageSize: 20 }),
    );
    expect(ids(items)).toEqual(Array.from({ length: 45 }, (_, i) => `crs-${i}`));
    expect(requests).toEqual([
      { ProjectId: 3, Offset: 0, Limit: 20 },
      { ProjectId: 3, Offset: 20, Limit: 20 },
      { ProjectId: 3, Offset: 40, Limit: 20 },
    ]);
  });

  it("stops at the total on an exact multiple of the page size, without an extra request", async () => {
    const { invoke, requests } = listing(40);
    const pages = await collect(paginate<Request, Response, Instance>(invoke, withTotal, {}, { pageSize: 20 }).pages());
    expect(pages.map((p) => p.RequestId)).toEqual(["r-1", "r-2"]);
    expect(requests).toHaveLength(2);
  });

  it("without a total, stops at a short page, or at the empty page after an exact multiple", async () => {
    const short = listing(45);
    expect(
      await collect(paginate<Request, Response, Instance>(short.invoke, withoutTotal, {}, { pageSize: 20 })),
    ).toHaveLength(45);
    expect(short.requests).toHaveLength(3);

    const exact = listing(40);
    const pages = await collect(
      paginate<Request, Response, Instance>(exact.invoke, withoutTotal, {}, { pageSize: 20 }).pages(),
    );
    expect(pages).toHaveLength(2);
    expect(exact.requests.map((r) => r.Offset)).toEqual([0, 20, 40]);
  });

  it("reads to the total when the server caps the page below the requested size", async () => {
    const { invoke, requests } = listing(250, { maxLimit: 100 });
    const items = await collect(paginate<Request, Response, Instance>(invoke, withTotal, {}, { pageSize: 1000 }));
    expect(items).toHaveLength(250);
    expect(requests.map((r) => r.Offset)).toEqual([0, 100, 200]);
  });

  it("yields one empty page and no items for an empty listing", async () => {
    const { invoke } = listing(0);
    const paginated = paginate<Request, Response, Instance>(invoke, withTotal, {});
    expect(await collect(paginated)).toEqual([]);
    const pages = await collect(paginated.pages());
    expect(pages).toEqual([{ InstanceSet: [], TotalCount: 0, RequestId: "r-2" }]);
  });

  it("treats a null item list as empty", async () => {
    const invoke = async (): Promise<Response> => ({ InstanceSet: null, TotalCount: 5, RequestId: "r" });
    expect(await collect(paginate<Request, Response, Instance>(invoke, withTotal, {}))).toEqual([]);
  });

  it("starts from the request's offset and uses its limit when no pageSize is given", async () => {
    const { invoke, requests } = listing(30);
    const items = await collect(paginate<Request, Response, Instance>(invoke, withoutTotal, { Offset: 10, Limit: 15 }));
    expect(ids(items)[0]).toBe("crs-10");
    expect(items).toHaveLength(20);
    expect(requests.map((r) => [r.Offset, r.Limit])).toEqual([
      [10, 15],
      [25, 15],
    ]);
  });

  it("leaves the limit to the server when neither pageSize nor Limit is set", async () => {
    const { invoke, requests } = listing(30);
    expect(await collect(paginate<Request, Response, Instance>(invoke, withTotal, {}))).toHaveLength(30);
    expect(requests).toEqual([{ Offset: 0 }, { Offset: 20 }]);
  });

  it("restarts from the first page on each iteration", async () => {
    const { invoke } = listing(25);
    const paginated = paginate<Request, Response, Instance>(invoke, withTotal, {}, { pageSize: 10 });
    expect(await collect(paginated)).toHaveLength(25);
    expect(await collect(paginated)).toHaveLength(25);
    expect(invoke).toHaveBeenCalledTimes(6);
  });

  it("throws PaginationError instead of looping when the server repeats a page", async () => {
    const invoke = vi.fn(
      async (): Promise<Response> => ({
        InstanceSet: [{ InstanceId: "crs-0" }, { InstanceId: "crs-1" }],
        TotalCount: 100,
        RequestId: "same",
      }),
    );
    const seen: string[] = [];
    const error = await (async () => {
      for await (const item of paginate<Request, Response, Instance>(invoke, withTotal, {}, { pageSize: 2 }))
        seen.push(item.InstanceId);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(isPaginationError(error)).toBe(true);
    expect(isSdkError(error)).toBe(true);
    expect((error as PaginationError).offset).toBe(2);
    expect((error as Error).message).toContain(
      "DescribeInstances returned the same items for offset 2 as for the previous page",
    );
    expect(seen).toEqual(["crs-0", "crs-1"]);
    expect(invoke).toHaveBeenCalledTimes(2);
  });

  it("compares pages holding bigint ids", async () => {
    const invoke = async () => ({ InstanceSet: [{ Id: 2n ** 60n }], RequestId: "r" });
    const error = await collect(paginate(invoke, withoutTotal, {}, { pageSize: 1 })).catch((e: unknown) => e);
    expect(isPaginationError(error)).toBe(true);
  });

  it("sends nothing once the signal aborts, and passes the signal to each request", async () => {
    const { invoke, requests } = listing(100);
    const controller = new AbortController();
    const seen: Instance[] = [];
    const error = await (async () => {
      for await (const item of paginate<Request, Response, Instance>(
        invoke,
        withTotal,
        {},
        { pageSize: 10, signal: controller.signal },
      )) {
        seen.push(item);
        if (seen.length === 15) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(isRequestAbortedError(error)).toBe(true);
    expect(requests).toHaveLength(2);
    expect(seen).toHaveLength(15);
    expect(invoke.mock.calls.every(([, options]) => options.signal === controller.signal)).toBe(true);
  });

  it("rejects at once for an already aborted signal", async () => {
    const { invoke } = listing(5);
    await expect(
      collect(paginate<Request, Response, Instance>(invoke, withTotal, {}, { signal: AbortSignal.abort() })),
    ).rejects.toSatisfy(isRequestAbortedError);
    expect(invoke).not.toHaveBeenCalled();
  });

  it("rejects a page size that is not a positive integer", () => {
    const { invoke } = listing(5);
    expect(() => paginate(invoke, withTotal, {}, { pageSize: 0 })).toThrow(
      "pageSize must be a positive integer, got 0",
    );
    expect(() => paginate(invoke, withTotal, {}, { pageSize: 2.5 })).toThrow(RangeError);
  });

  it("fails clearly when the item member is not a list", async () => {
    const invoke = async () => ({ InstanceSet: "oops", RequestId: "r" });
    await expect(collect(paginate(invoke, withTotal, {}))).rejects.toThrow(
      "DescribeInstances response member InstanceSet is not a list",
    );
  });
});
