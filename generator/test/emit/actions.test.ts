import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ActionMeta } from "@org/tc-core";
import { describe, expect, it } from "vitest";
import { actionsEmitter } from "../../src/emit/emitters/actions.js";
import { operationsEmitter } from "../../src/emit/emitters/operations.js";
import { runVersionEmitter } from "../../src/emit/index.js";
import { buildServiceIr, type IrService } from "../../src/ir/index.js";
import { loadSpecs } from "../../src/load/index.js";
import { expectVersionGolden, kettleIr } from "./golden.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SPECS = path.resolve(HERE, "../../../specs");
const CORE = path.resolve(HERE, "../../../packages/core/src/index.ts");

async function redisIr(): Promise<IrService> {
  const specs = await loadSpecs(SPECS);
  const service = specs.services.find((s) => s.dir === "redis/2018-04-12");
  if (!service) throw new Error("Redis specs missing");
  return buildServiceIr(specs, service);
}

/** Runs the emitted module against core's sources and returns its exports. */
async function evaluate(ir: IrService): Promise<Record<string, ActionMeta>> {
  const dir = await mkdtemp(path.join(tmpdir(), "actions-"));
  try {
    const file = path.join(dir, "actions.gen.ts");
    const [emitted] = runVersionEmitter(actionsEmitter, ir);
    await writeFile(file, emitted!.content.replace('"@org/tc-core"', JSON.stringify(CORE)));
    return { ...((await import(pathToFileURL(file).href)) as Record<string, ActionMeta>) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("actions emitter", () => {
  it("matches the golden files (actions and the modular form)", async () => {
    const ir = await kettleIr();
    for (const file of runVersionEmitter(actionsEmitter, ir)) await expectVersionGolden(ir, file);
    for (const file of runVersionEmitter(operationsEmitter, ir)) await expectVersionGolden(ir, file);
  });

  it.each([
    ["kettle fixture", kettleIr],
    ["Redis 2018-04-12", redisIr],
  ])(
    "gives core every IR method, wire name, rate limit, read-only flag and input shape of the %s",
    async (_, build) => {
      const ir = await build();
      const actions = await evaluate(ir);
      expect(Object.keys(actions).sort()).toEqual(ir.actions.map((a) => a.methodName).sort());
      for (const a of ir.actions) {
        const meta = actions[a.methodName];
        expect({
          name: meta?.name,
          rateLimit: meta?.rateLimit,
          readOnly: meta?.readOnly,
          input: meta?.input,
          regionRequired: meta?.regionRequired,
        }).toEqual({
          name: a.name,
          rateLimit: a.rateLimit,
          readOnly: a.readOnly,
          input: a.requestType,
          regionRequired: a.regionRequired,
        });
      }
    },
  );

  it("gives each action its request shape and exactly the structures that shape reaches", async () => {
    const actions = await evaluate(await kettleIr());
    expect(actions["describeKettles"]?.shapes).toEqual({
      DescribeKettlesRequest: { Offset: "u", Limit: "u", Filters: "[#Filter" },
      Filter: { Name: "!s", Values: "![s" },
    });
    expect(Object.keys(actions["describeBoilTask"]?.shapes ?? {})).toEqual(["DescribeBoilTaskRequest"]);
  });

  it("names the input shape when the IR chose one other than <Action>Request", async () => {
    const base = await kettleIr();
    const ir = {
      ...base,
      actions: base.actions.map((a) => (a.name === "BoilWater" ? { ...a, requestType: "KettleRequest" } : a)),
    };
    const actions = await evaluate(ir);
    expect(actions["boilWater"]?.input).toBe("KettleRequest");
    expect(Object.keys(actions["boilWater"]?.shapes ?? {})).toContain("KettleRequest");
  });
});
