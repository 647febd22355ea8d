import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type LoadedSpecs, loadSpecs } from "../../src/load/index.js";
import type { SpecType, WaiterSpec } from "../../src/spec/types.js";

const specsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../specs");

describe("committed specs", () => {
  let specs: LoadedSpecs;
  beforeAll(async () => {
    // loadSpecs validates every file against the schemas and checks cross-file rules; it throws on any problem.
    specs = await loadSpecs(specsDir);
  });

  it("hold the common error codes once", () => {
    expect(Object.keys(specs.common.codes)).toHaveLength(38);
  });

  it("describe all of Redis 2018-04-12", () => {
    const redis = specs.services.find((s) => s.dir === "redis/2018-04-12");
    expect(redis).toBeDefined();
    expect(redis!.actions).toHaveLength(118);
    expect(redis!.structures).toHaveLength(64);
    expect(Object.keys(redis!.errors.codes)).toHaveLength(111);
    expect(redis!.service).toMatchObject({
      name: "redis",
      endpoint: "redis.tencentcloudapi.com",
      packageName: "@org/tc-redis",
      clientName: "RedisClient",
    });
  });

  it("resolve every structure reference in every service", () => {
    for (const service of specs.services) {
      const names = new Set(service.structures.map((s) => s.name));
      const refs: string[] = [];
      const collect = (t: SpecType): void => {
        if (t.kind === "list") collect(t.items);
        else if (t.kind === "structure") refs.push(t.name);
      };
      for (const a of service.actions) for (const m of [...a.input, ...a.output]) collect(m.type);
      for (const s of service.structures) for (const m of s.members) collect(m.type);
      expect(refs.length).toBeGreaterThan(0);
      expect(refs.filter((r) => !names.has(r))).toEqual([]);
    }
  });

  it("declare the TaskDone waiter over every action returning a TaskId", () => {
    const redis = specs.services.find((s) => s.service.name === "redis")!;
    const waiter = redis.service.waiters["TaskDone"] as WaiterSpec;
    expect(waiter).toMatchObject({ action: "DescribeTaskInfo", input: "TaskId", path: "Status", success: ["succeed"] });
    const withTaskId = redis.actions
      .filter((a) => a.name !== "DescribeTaskInfo" && a.output.some((m) => m.name === "TaskId"))
      .map((a) => a.name);
    expect(waiter.trackedActions).toEqual(withTaskId);
    expect(waiter.trackedActions.length).toBeGreaterThan(30);
  });
});
