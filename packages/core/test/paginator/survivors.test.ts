import { describe, expect, it } from "vitest";
import type { CallOptions } from "../../src/client/options.js";
import { TencentCloudError } from "../../src/errors/index.js";
import type { PaginatorMeta } from "../../src/meta.js";
import { isPaginationError, PaginationError, paginate } from "../../src/paginator/index.js";
import { computeTc3Signature } from "../../src/signer/index.js";

const action = { name: "DescribeInstances", rateLimit: 20, readOnly: true, input: "DescribeInstancesRequest" };
const meta: PaginatorMeta = { action, offset: "Offset", limit: "Limit", items: "InstanceSet", total: "TotalCount" };
const noTotal: PaginatorMeta = { action, offset: "Offset", limit: "Limit", items: "InstanceSet" };

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

describe("paginate edge cases (mutation survivors)", () => {
  it("reads a bigint total and bigint offsets as counts", async () => {
    const requests: Record<string, unknown>[] = [];
    const invoke = async (request: Record<string, unknown>, _o: CallOptions) => {
      requests.push(request);
      const offset = Number(request["Offset"]);
      return { InstanceSet: offset >= 3 ? [] : [offset], TotalCount: 3n, RequestId: "r" };
    };
    expect(await collect(paginate(invoke, meta, { Offset: 0n }, { pageSize: 1 }))).toEqual([0, 1, 2]);
    // The bigint total ends the listing without a trailing empty request.
    expect(requests.map((r) => r["Offset"])).toEqual([0, 1, 2]);
  });

  it("ignores a non-numeric total, falling back to the short-page rule", async () => {
    const requests: Record<string, unknown>[] = [];
    const invoke = async (request: Record<string, unknown>, _o: CallOptions) => {
      requests.push(request);
      const offset = Number(request["Offset"]);
      return { InstanceSet: offset === 0 ? [1, 2] : [3], TotalCount: "many", RequestId: "r" };
    };
    expect(await collect(paginate(invoke, meta, {}, { pageSize: 2 }))).toEqual([1, 2, 3]);
    expect(requests).toHaveLength(2);
  });

  it("ignores a total that is not a finite number (1e999 parses to Infinity), ending at the short page", async () => {
    for (const total of [Number.POSITIVE_INFINITY, Number.NaN]) {
      const requests: Record<string, unknown>[] = [];
      const invoke = async (request: Record<string, unknown>, _o: CallOptions) => {
        requests.push(request);
        const offset = Number(request["Offset"]);
        return { InstanceSet: offset === 0 ? [1, 2] : offset === 2 ? [3] : [], TotalCount: total, RequestId: "r" };
      };
      expect(await collect(paginate(invoke, meta, {}, { pageSize: 2 }))).toEqual([1, 2, 3]);
      // No third request for the empty page after the short one.
      expect(requests.map((r) => r["Offset"])).toEqual([0, 2]);
    }
  });

  it("sends no Limit when there is none, and ends on the empty page", async () => {
    const requests: Record<string, unknown>[] = [];
    const invoke = async (request: Record<string, unknown>, _o: CallOptions) => {
      requests.push(request);
      return { InstanceSet: requests.length === 1 ? [1] : [], RequestId: "r" };
    };
    expect(await collect(paginate(invoke, noTotal, {}))).toEqual([1]);
    expect(Object.hasOwn(requests[0]!, "Limit")).toBe(false);
    expect(requests).toHaveLength(2);
  });

  it("a missing item list is an empty listing", async () => {
    const invoke = async (_r: Record<string, unknown>, _o: CallOptions) => ({ RequestId: "r" });
    expect(await collect(paginate(invoke, meta, {}))).toEqual([]);
  });

  it("tells pages with different bigint ids apart", async () => {
    const invoke = async (request: Record<string, unknown>, _o: CallOptions) => {
      const offset = Number(request["Offset"]);
      return { InstanceSet: offset < 2 ? [{ Id: 18446744073709551615n - BigInt(offset) }] : [], RequestId: "r" };
    };
    expect(await collect(paginate(invoke, noTotal, {}, { pageSize: 1 }))).toHaveLength(2);
  });

  it("stops before the next request when the signal aborts during a page", async () => {
    const controller = new AbortController();
    let calls = 0;
    const invoke = async (_r: Record<string, unknown>, _o: CallOptions) => {
      calls++;
      controller.abort();
      return { InstanceSet: [calls], RequestId: "r" };
    };
    const pages = paginate(invoke, noTotal, {}, { pageSize: 1, signal: controller.signal })
      .pages()
      [Symbol.asyncIterator]();
    await expect(pages.next()).rejects.toMatchObject({ name: "RequestAbortedError" });
    expect(calls).toBe(1);
  });
});

describe("PaginationError", () => {
  it("names the action and offset, and its guard accepts nothing else", () => {
    const error = new PaginationError("DescribeInstances", 40);
    expect(error.message).toMatch(/DescribeInstances returned the same items for offset 40 .*ignore the offset/);
    expect(error.action).toBe("DescribeInstances");
    expect(error.toJSON()).toMatchObject({ offset: 40, action: "DescribeInstances" });
    expect(isPaginationError(error)).toBe(true);
    expect(isPaginationError(new TencentCloudError({ code: "X", message: "", requestId: "", httpStatus: 200 }))).toBe(
      false,
    );
    expect(isPaginationError(new Error("x"))).toBe(false);
  });
});

describe("computeTc3Signature input checks (mutation survivor)", () => {
  const base = {
    secretId: "a",
    secretKey: "b",
    service: "cvm",
    host: "h",
    action: "A",
    version: "v",
    contentType: "c",
    body: "",
    requestClient: "r",
  };
  it.each([-1, 1.5, Number.NaN, 2 ** 60])("rejects timestamp %s", (timestamp) => {
    expect(() => computeTc3Signature({ ...base, timestamp })).toThrow(TypeError);
  });
  it("accepts 0", () => {
    expect(computeTc3Signature({ ...base, timestamp: 0 }).signature).toMatch(/^[0-9a-f]{64}$/);
  });
});
