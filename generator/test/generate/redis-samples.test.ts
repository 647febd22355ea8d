// nock first: core binds `https.request` when it loads, so nock must have patched it by then.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildServiceIr } from "../../src/ir/index.js";
import { loadSpecs } from "../../src/load/index.js";
import { REPO_ROOT } from "./helpers.js";
import { API, answer, redisClient, useNock } from "./redis-nock.js";

const specs = await loadSpecs(path.join(REPO_ROOT, "specs"));
const redis = specs.services.find((s) => s.dir === "redis/2018-04-12");
if (!redis) throw new Error("Redis specs missing");
const ir = buildServiceIr(specs, redis);
const cases = ir.actions.flatMap((a) =>
  a.samples.map((sample, i) => ({ label: `${a.name} #${i + 1}`, action: a, sample })),
);

describe("every Redis spec sample round-trips through its generated method", () => {
  useNock();

  it("covers the samples of the specs", () => {
    expect(cases.length).toBeGreaterThan(100);
    expect(new Set(cases.map((c) => c.action.name)).size).toBe(ir.actions.filter((a) => a.samples.length > 0).length);
  });

  it.each(cases)("$label", async ({ action, sample }) => {
    const sent = answer(API, sample.response);
    // Validation stays on: every imported sample request must satisfy its own spec.
    const client = redisClient() as unknown as Record<string, (request: unknown) => Promise<unknown>>;
    const method = client[action.methodName];
    if (typeof method !== "function") throw new Error(`RedisClient has no method ${action.methodName}`);
    const response = await method.call(client, sample.request);
    expect(sent).toEqual([
      {
        action: action.name,
        version: "2018-04-12",
        region: "ap-guangzhou",
        host: "redis.tencentcloudapi.com",
        body: sample.request,
      },
    ]);
    expect(response).toEqual(sample.response);
  });
});
