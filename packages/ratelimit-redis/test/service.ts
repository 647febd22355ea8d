import type { ActionMeta, ServiceMeta } from "@org/tc-core";
import type { MockServiceData } from "@org/tc-core/testing";

/** A small service for the local endpoint: one read-only action limited to 20 calls per second. */
export const meta: ServiceMeta = {
  service: "demo",
  version: "2020-01-01",
  endpoint: "demo.tencentcloudapi.com",
  intlEndpoint: "demo.intl.tencentcloudapi.com",
  shapes: { DescribeThingsRequest: { Index: "u" } },
};

export const describeThings: ActionMeta = {
  name: "DescribeThings",
  rateLimit: 20,
  readOnly: true,
  input: "DescribeThingsRequest",
};

export const service: MockServiceData = {
  meta,
  actions: { DescribeThings: describeThings },
  samples: { DescribeThings: [{ request: {}, response: { Things: [], RequestId: "sample" } }] },
};

/** The most arrivals in any window `[t, t + windowMs)` starting at an arrival. */
export function maxInAnyWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! - sorted[i]! < windowMs && j < sorted.length) j++;
    best = Math.max(best, j - i);
  }
  return best;
}
