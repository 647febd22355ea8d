import { afterEach, describe, expect, it } from "vitest";
import { loadSpecs, SpecLoadError, type SpecProblem } from "../../src/load/index.js";
import type { StateWaiterSpec } from "../../src/spec/types.js";
import { member, removeTree, validService, writeSpecTree } from "./spec-tree.js";

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map(removeTree));
});

const DIR = "demo/2020-01-01";
const SERVICE = `${DIR}/service.json`;

/** The demo service with a state waiter on DescribeWidgets and an integer Widget.State. */
function withStateWaiter(waiter: Partial<StateWaiterSpec> = {}) {
  const spec = validService();
  spec.structures[0]!.members.push(
    member("State", { kind: "integer", width: "int64" }),
    member("Detail", { kind: "structure", name: "Detail" }),
    member("Tags", { kind: "list", items: { kind: "string" } }),
  );
  spec.structures.push({
    name: "Detail",
    description: "d",
    usage: "output",
    members: [member("Phase", { kind: "string" })],
  });
  spec.service.waiters["WidgetReady"] = {
    kind: "state",
    action: "DescribeWidgets",
    path: "WidgetSet[].State",
    success: ["2"],
    failure: ["-1"],
    pending: ["1"],
    minDelayMs: 1000,
    maxDelayMs: 5000,
    after: ["CreateWidget"],
    ...waiter,
  };
  return spec;
}

async function load(spec: ReturnType<typeof validService>): Promise<SpecProblem[]> {
  const root = await writeSpecTree(spec);
  roots.push(root);
  const result = await loadSpecs(root).then(
    () => [],
    (e: unknown) => {
      expect(e).toBeInstanceOf(SpecLoadError);
      return (e as SpecLoadError).problems;
    },
  );
  return result;
}

const at = (path: string, message: string): SpecProblem => ({ file: SERVICE, path, message });

describe("state waiters in service.json", () => {
  it("load when the path resolves through lists and structures to a scalar", async () => {
    expect(await load(withStateWaiter())).toEqual([]);
    expect(
      await load(withStateWaiter({ path: "WidgetSet[].Detail.Phase", success: ["up"], failure: [], pending: [] })),
    ).toEqual([]);
  });

  it("name the member where the path stops resolving", async () => {
    expect(await load(withStateWaiter({ path: "WidgetSet[].Status" }))).toEqual([
      at("/waiters/WidgetReady/path", '"Status" is not a member of structure Widget (in path WidgetSet[].Status)'),
    ]);
    expect(await load(withStateWaiter({ path: "WidgetSet.State" }))).toEqual([
      at("/waiters/WidgetReady/path", '"WidgetSet" is a list: write "WidgetSet[]" to wait on every item'),
    ]);
    expect(await load(withStateWaiter({ path: "TotalCount[]" }))).toEqual([
      at("/waiters/WidgetReady/path", '"TotalCount" is not a list, so "[]" does not apply'),
    ]);
    expect(await load(withStateWaiter({ path: "WidgetSet[].Detail" }))).toEqual([
      at(
        "/waiters/WidgetReady/path",
        "path WidgetSet[].Detail must end at a string, number or boolean member, not Detail",
      ),
    ]);
    expect(await load(withStateWaiter({ path: "WidgetSet[].Tags[]" }))).toEqual([
      at(
        "/waiters/WidgetReady/path",
        "path WidgetSet[].Tags[] must end at a member of each item, not at the list itself",
      ),
    ]);
    expect(await load(withStateWaiter({ path: "WidgetSet[].WidgetId.Phase" }))).toEqual([
      at("/waiters/WidgetReady/path", '"WidgetId" is not a structure, so the path cannot continue past it'),
    ]);
  });

  it("check every value fits the member's type, the actions exist and the delays are ordered", async () => {
    expect(
      await load(
        withStateWaiter({
          success: ["RUNNING"],
          pending: ["1", "x"],
          after: ["CreateWidget", "RunWidgets"],
          minDelayMs: 9000,
        }),
      ),
    ).toEqual([
      at("/waiters/WidgetReady/minDelayMs", "minDelayMs is greater than maxDelayMs"),
      at("/waiters/WidgetReady/after/1", 'action "RunWidgets" not found'),
      at("/waiters/WidgetReady/success/0", '"RUNNING" is not a possible integer value of WidgetSet[].State'),
      at("/waiters/WidgetReady/pending/1", '"x" is not a possible integer value of WidgetSet[].State'),
    ]);
    expect(await load(withStateWaiter({ action: "DescribeGadgets" }))).toEqual([
      at("/waiters/WidgetReady/action", 'action "DescribeGadgets" not found'),
    ]);
  });

  it("are refused by the schema with a malformed path or a task waiter's members", async () => {
    const problems = await load(
      withStateWaiter({ path: "WidgetSet[]..State", trackedActions: [] } as Partial<StateWaiterSpec>),
    );
    expect(problems.every((p) => p.file === SERVICE && p.path.startsWith("/waiters/WidgetReady"))).toBe(true);
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe("stream declarations on actions", () => {
  it("must name a boolean input member", async () => {
    const spec = validService();
    spec.actions[0]!.input.push(member("Stream", { kind: "boolean" }), member("Mode", { kind: "string" }));
    spec.actions[0]!.stream = { member: "Stream" };
    expect(await load(spec)).toEqual([]);
    spec.actions[0]!.stream = { member: "Mode" };
    spec.actions[1]!.stream = { member: "Missing" };
    expect(await load(spec)).toEqual([
      {
        file: `${DIR}/actions/CreateWidget.json`,
        path: "/stream/member",
        message: '"Mode" must be a boolean to switch streaming on',
      },
      {
        file: `${DIR}/actions/DescribeTask.json`,
        path: "/stream/member",
        message: '"Missing" is not an input member of DescribeTask',
      },
    ]);
  });
});
