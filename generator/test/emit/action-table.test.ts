import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ActionMeta, defineActions } from "@org/tc-core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actionTable, emitMetadata } from "../../src/emit/metadata.js";
import { TsPrinter } from "../../src/emit/printer.js";
import { buildServiceIr, type IrAction, type IrService } from "../../src/ir/index.js";
import { camelCase } from "../../src/ir/naming.js";
import { loadSpecs } from "../../src/load/index.js";
import { kettleIr } from "./golden.js";

const SPECS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../specs");

async function redisIr(): Promise<IrService> {
  const specs = await loadSpecs(SPECS);
  const service = specs.services.find((s) => s.dir === "redis/2018-04-12");
  if (!service) throw new Error("Redis specs missing");
  return buildServiceIr(specs, service);
}

/** What the IR says each action's runtime record is, keyed and ordered by method name. */
function expected(actions: readonly IrAction[]): Record<string, ActionMeta> {
  return Object.fromEntries(
    actions.map((a) => [
      a.methodName,
      {
        name: a.name,
        rateLimit: a.rateLimit,
        readOnly: a.readOnly,
        input: a.requestType,
        regionRequired: a.regionRequired,
      },
    ]),
  );
}

describe("action table (generator) expanded by core's defineActions", () => {
  it.each([
    ["kettle fixture", kettleIr],
    ["Redis 2018-04-12", redisIr],
  ])(
    "reproduces every IR method name, wire name, rate limit, read-only flag and input shape of the %s",
    async (_, build) => {
      const ir = await build();
      const actions = defineActions(actionTable(ir));
      expect(Object.keys(actions)).toEqual(ir.actions.map((a) => a.methodName));
      expect(actions).toEqual(expected(ir.actions));
    },
  );

  it("lists as exceptions only what differs from the service default and core's rules", async () => {
    const ir = await kettleIr();
    expect(actionTable(ir)).toEqual({
      names: "BoilWater,DescribeBoilTask,DescribeKettles,GetKettleStats,RenameKettle",
      rateLimit: 20,
      readOnly: "01110",
      rateLimits: { BoilWater: 10, DescribeKettles: 50, GetKettleStats: 5 },
      regionRequired: "BoilWater,DescribeKettles,GetKettleStats,RenameKettle",
    });
  });

  it("emits method names and input shapes the IR chose differently from the rules, so core reproduces them", async () => {
    const base = await kettleIr();
    const actions = base.actions.map((a) =>
      a.name === "BoilWater" ? { ...a, methodName: "boil", requestType: "KettleRequest", rateLimit: 20 } : a,
    );
    const ir: IrService = { ...base, actions };
    const table = actionTable(ir);
    expect(table.methods).toEqual({ BoilWater: "boil" });
    expect(table.inputs).toEqual({ BoilWater: "KettleRequest" });
    expect(table.rateLimits).toEqual({ DescribeKettles: 50, GetKettleStats: 5 });
    expect(defineActions(table)).toEqual(expected(actions));
  });

  it("derives the method name of any spec action name exactly as the IR does", () => {
    // Spec names match ^[A-Z][A-Za-z0-9]*$; the alphabet is skewed to capitals so acronyms are common.
    const acronymHeavy = fc
      .tuple(fc.constantFrom("A", "D", "B"), fc.array(fc.constantFrom("A", "B", "I", "a", "n", "2"), { maxLength: 8 }))
      .map(([first, rest]) => first + rest.join(""));
    const name = fc.oneof(acronymHeavy, fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,12}$/));
    fc.assert(
      fc.property(name, (wire) => {
        expect(Object.keys(defineActions({ names: wire, rateLimit: 1, readOnly: "0" }))).toEqual([camelCase(wire)]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("actions constant", () => {
  it("states a service without actions as defineActions<never> over an empty table", async () => {
    const ir: IrService = { ...(await kettleIr()), actions: [] };
    const { content } = emitMetadata(ir, new TsPrinter());
    expect(content).toContain(
      'export const actions = defineActions<never>({ names: "", rateLimit: 20, readOnly: "" });\n',
    );
    expect(defineActions(actionTable(ir))).toEqual({});
  });
});
