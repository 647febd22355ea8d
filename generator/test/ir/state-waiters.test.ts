import { describe, expect, it } from "vitest";
import { buildServiceIr } from "../../src/ir/index.js";
import { SpecLoadError } from "../../src/load/problems.js";
import type { StateWaiterSpec } from "../../src/spec/types.js";
import { kettleFixture, type MutableFixture } from "./fixture.js";

const ready: StateWaiterSpec = {
  kind: "state",
  action: "DescribeKettles",
  path: "KettleSet[].CapacityMl",
  success: ["1000"],
  failure: ["0"],
  minDelayMs: 100,
  maxDelayMs: 900,
  after: ["BoilWater"],
};

function build(edit: (f: MutableFixture) => void) {
  const f = kettleFixture();
  edit(f);
  return buildServiceIr(f.specs, f.source);
}

function problemsOf(edit: (f: MutableFixture) => void): string[] {
  try {
    build(edit);
  } catch (err) {
    if (err instanceof SpecLoadError) return err.problems.map((p) => `${p.file}#${p.path}: ${p.message}`);
    throw err;
  }
  throw new Error("expected the IR build to fail");
}

describe("state waiters in the IR", () => {
  it("get a waitUntil method, a constant, the value's JSON kind, and leave task waiters alone", () => {
    const ir = build((f) => {
      f.source.service.waiters["KettleFull"] = ready;
      f.source.service.waiters["KettleNamed"] = {
        ...ready,
        path: "KettleSet[].Name",
        success: ["a"],
        failure: [],
        pending: ["b"],
      };
    });
    expect(ir.stateWaiters).toEqual([
      {
        name: "KettleFull",
        methodName: "waitUntilKettleFull",
        metaName: "kettleFullWaiter",
        action: "DescribeKettles",
        path: "KettleSet[].CapacityMl",
        valueKind: "number",
        success: ["1000"],
        failure: ["0"],
        pending: [],
        minDelayMs: 100,
        maxDelayMs: 900,
        after: ["BoilWater"],
      },
      expect.objectContaining({ name: "KettleNamed", valueKind: "string", pending: ["b"] }),
    ]);
    expect(ir.waiters.map((w) => w.name)).toEqual(["BoilDone"]);
  });

  it("re-check actions, path and delays", () => {
    expect(
      problemsOf((f) => {
        f.source.service.waiters["A"] = { ...ready, action: "DescribeTeapots" };
        f.source.service.waiters["B"] = { ...ready, path: "KettleSet[].Tags[]", after: ["PourWater"] };
        f.source.service.waiters["C"] = { ...ready, path: "KettleSet.Name", minDelayMs: 5000 };
      }),
    ).toEqual([
      'kettle/2021-03-01/service.json#/waiters/A/action: unknown action "DescribeTeapots"',
      'kettle/2021-03-01/service.json#/waiters/B/after/0: unknown action "PourWater"',
      "kettle/2021-03-01/service.json#/waiters/B/path: KettleSet[].Tags[] does not end at a scalar member",
      "kettle/2021-03-01/service.json#/waiters/C/minDelayMs: minDelayMs (5000) exceeds maxDelayMs (900)",
      'kettle/2021-03-01/service.json#/waiters/C/path: "KettleSet" is a list: mark it [] in KettleSet.Name',
    ]);
  });

  it("report a constant clashing with another generated name", () => {
    expect(
      problemsOf((f) => {
        f.source.service.waiters["BoilDone2"] = ready;
        f.source.service.waiters["Kettle"] = { ...ready };
        f.source.structures.push({ name: "kettleWaiter", description: "", usage: "output", members: [] });
      }).some((p) => p.includes("kettleWaiter")),
    ).toBe(true);
  });
});

describe("streams in the IR", () => {
  it("name an event type per streaming action and reject a non-boolean member", () => {
    const ir = build((f) => {
      const boil = f.source.actions.find((a) => a.name === "BoilWater")!;
      boil.input.push({
        name: "Stream",
        type: { kind: "boolean" },
        required: false,
        nullable: false,
        description: "",
        deprecated: false,
      });
      boil.stream = { member: "Stream" };
    });
    expect(ir.streams).toEqual({ BoilWater: { member: "Stream", eventType: "BoilWaterEvent" } });
    expect(
      problemsOf((f) => {
        f.source.actions.find((a) => a.name === "BoilWater")!.stream = { member: "KettleId" };
      }),
    ).toEqual([
      'kettle/2021-03-01/actions/BoilWater.json#/stream/member: "KettleId" is not a boolean input member of BoilWater',
    ]);
  });
});
