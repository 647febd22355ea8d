import { describe, expect, it } from "vitest";
import { buildServiceIr } from "../../src/ir/index.js";
import { SpecLoadError } from "../../src/load/problems.js";
import { kettleFixture, type MutableFixture } from "./fixture.js";
import type { WaiterSpec } from "../../src/spec/types.js";

function build(edit?: (f: MutableFixture) => void) {
  const f = kettleFixture();
  edit?.(f);
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

describe("buildServiceIr on the kettle fixture", () => {
  const ir = build();

  it("sorts actions and structures and chooses their names", () => {
    expect(ir.specPath).toBe("kettle/2021-03-01");
    expect(ir.actions.map((a) => [a.name, a.methodName, a.requestType, a.responseType, a.errorCodeType])).toEqual([
      ["BoilWater", "boilWater", "BoilWaterRequest", "BoilWaterResponse", "BoilWaterErrorCode"],
      ["DescribeBoilTask", "describeBoilTask", "DescribeBoilTaskRequest", "DescribeBoilTaskResponse", "DescribeBoilTaskErrorCode"],
      ["DescribeKettles", "describeKettles", "DescribeKettlesRequest", "DescribeKettlesResponse", "DescribeKettlesErrorCode"],
      ["GetKettleStats", "getKettleStats", "GetKettleStatsRequest", "GetKettleStatsResponse", "GetKettleStatsErrorCode"],
      ["RenameKettle", "renameKettle", "RenameKettleRequest", "RenameKettleResponse", "RenameKettleErrorCode"],
    ]);
    expect(ir.structures.map((s) => s.typeName)).toEqual(["Filter", "Kettle", "Tag"]);
    expect(ir.names).toEqual({
      prefix: "Kettle",
      client: "KettleClient",
      serviceErrorCode: "KettleErrorCode",
      errorGuard: "isKettleError",
      actionErrorCodes: "KettleActionErrorCodes",
      errorType: "KettleError",
      mockBin: "tc-kettle-mock",
    });
  });

  it("resolves structure references, also inside lists", () => {
    const describeKettles = ir.actions.find((a) => a.name === "DescribeKettles");
    expect(describeKettles?.input.find((m) => m.name === "Filters")?.type).toEqual({
      kind: "list",
      items: { kind: "structure", name: "Filter", typeName: "Filter" },
    });
    expect(ir.structures.find((s) => s.name === "Kettle")?.members.find((m) => m.name === "CapacityMl")?.type).toEqual({ kind: "uint64" });
  });

  it("keeps members in wire order and carries required, nullable and deprecated flags", () => {
    const kettle = ir.structures.find((s) => s.name === "Kettle");
    expect(kettle?.members.map((m) => m.name)).toEqual(["KettleId", "Name", "CapacityMl", "Temperature", "Schedule", "SerialNumber", "Tags", "Legacy"]);
    expect(kettle?.members.find((m) => m.name === "Temperature")).toMatchObject({ required: true, nullable: true });
    expect(kettle?.members.find((m) => m.name === "Legacy")).toMatchObject({ required: false, deprecated: true });
  });

  it("resolves error codes per action, sorted, with common codes split from service codes", () => {
    expect(ir.commonErrors.map((e) => e.code)).toEqual(["AuthFailure.SignatureFailure", "InternalError", "InvalidParameter", "RequestLimitExceeded"]);
    expect(ir.serviceErrors.map((e) => e.code)).toEqual(["FailedOperation.KettleBusy", "InvalidParameter.BadFilter", "ResourceNotFound.KettleNotFound"]);
    expect(ir.actions.find((a) => a.name === "DescribeKettles")?.errors).toEqual([
      { code: "InvalidParameter", description: "A parameter is invalid." },
      { code: "InvalidParameter.BadFilter", description: "A filter name is not supported." },
    ]);
  });

  it("resolves the waiter and marks the actions it tracks", () => {
    expect(ir.waiters).toEqual([
      {
        name: "BoilDone",
        methodName: "waitForTask",
        metaName: "boilDoneWaiter",
        targetTypeName: "BoilDoneTarget",
        action: "DescribeBoilTask",
        input: "TaskId",
        inputType: { kind: "uint64" },
        path: "Status",
        success: ["done"],
        failure: ["failed", "spilled"],
        minDelayMs: 500,
        maxDelayMs: 4000,
        trackedActions: ["BoilWater"],
      },
    ]);
    expect(ir.actions.filter((a) => a.trackedBy.length > 0).map((a) => a.name)).toEqual(["BoilWater"]);
  });

  it("resolves the paginator with the element type of its items", () => {
    expect(ir.actions.find((a) => a.name === "DescribeKettles")?.paginator).toEqual({
      methodName: "paginateDescribeKettles",
      metaName: "describeKettlesPaginator",
      offset: "Offset",
      limit: "Limit",
      items: "KettleSet",
      itemType: { kind: "structure", name: "Kettle", typeName: "Kettle" },
      total: "TotalCount",
    });
    expect(ir.actions.filter((a) => a.paginator).length).toBe(1);
  });

  it("hashes content, not file order or key order", () => {
    const reordered = build((f) => {
      f.source.actions.reverse();
      f.source.service = Object.fromEntries(Object.entries(f.source.service).reverse()) as typeof f.source.service;
    });
    expect(reordered.contentHash).toBe(ir.contentHash);
    expect(ir.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const changed = build((f) => {
      f.source.actions[0]!.summary += "!";
    });
    expect(changed.contentHash).not.toBe(ir.contentHash);
  });
});

describe("reference resolution", () => {
  it("reports every unresolved reference at once, with file and JSON path", () => {
    const problems = problemsOf((f) => {
      const boil = f.source.actions.find((a) => a.name === "BoilWater")!;
      boil.input[2]!.type = { kind: "list", items: { kind: "structure", name: "Label" } };
      boil.errors.push("FailedOperation.NoWater");
      f.source.service.paginators["DescribeKettles"]!.items = "TotalCount";
      f.source.service.paginators["Brew"] = { offset: "Offset", limit: "Limit", items: "Cups" };
      (f.source.service.waiters["BoilDone"] as WaiterSpec).trackedActions.push("PourWater");
    });
    expect(problems).toEqual([
      'kettle/2021-03-01/actions/BoilWater.json#/errors/2: unknown error code "FailedOperation.NoWater" (not in errors.json nor common/errors.json)',
      'kettle/2021-03-01/actions/BoilWater.json#/input/2/type/items/name: unknown structure "Label" (no structures/Label.json)',
      'kettle/2021-03-01/service.json#/paginators/Brew: unknown action "Brew"',
      'kettle/2021-03-01/service.json#/paginators/DescribeKettles/items: output member "TotalCount" of DescribeKettles is not a list',
      'kettle/2021-03-01/service.json#/waiters/BoilDone/trackedActions/1: unknown action "PourWater"',
    ]);
  });

  it("accepts a numeric tracked id of another width", () => {
    const ir = build((f) => {
      f.source.actions.find((a) => a.name === "BoilWater")!.output[0]!.type = { kind: "float" };
    });
    expect(ir.waiters[0]?.trackedActions).toEqual(["BoilWater"]);
  });

  it("checks the waiter's members and the type of the tracked id", () => {
    const problems = problemsOf((f) => {
      const waiter = f.source.service.waiters["BoilDone"]!;
      waiter.path = "State";
      waiter.minDelayMs = 10_000;
      f.source.actions.find((a) => a.name === "BoilWater")!.output[0]!.type = { kind: "string" };
    });
    expect(problems).toEqual([
      'kettle/2021-03-01/service.json#/waiters/BoilDone/minDelayMs: minDelayMs (10000) exceeds maxDelayMs (4000)',
      'kettle/2021-03-01/service.json#/waiters/BoilDone/path: DescribeBoilTask has no output member "State"',
      'kettle/2021-03-01/service.json#/waiters/BoilDone/trackedActions/0: BoilWater returns "TaskId" as string, but DescribeBoilTask takes uint64',
    ]);
  });

  it("checks paginator offset and limit members", () => {
    const problems = problemsOf((f) => {
      const p = f.source.service.paginators["DescribeKettles"]!;
      p.offset = "Start";
      p.limit = "Filters";
      p.total = "KettleSet";
    });
    expect(problems).toEqual([
      'kettle/2021-03-01/service.json#/paginators/DescribeKettles/limit: input member "Filters" of DescribeKettles is not an integer',
      'kettle/2021-03-01/service.json#/paginators/DescribeKettles/offset: DescribeKettles has no input member "Start"',
      'kettle/2021-03-01/service.json#/paginators/DescribeKettles/total: output member "KettleSet" of DescribeKettles is not an integer',
    ]);
  });

  it("reports an output member named like the RequestId every response gets", () => {
    const problems = problemsOf((f) => {
      const stats = f.source.actions.find((a) => a.name === "GetKettleStats")!;
      stats.output.push({ ...stats.output[0]!, name: "RequestId", type: { kind: "string" } });
    });
    expect(problems).toEqual([
      'kettle/2021-03-01/actions/GetKettleStats.json#/output/3/name: "RequestId" is added to every response; the spec output must not declare it',
    ]);
  });

  it("reports duplicate members", () => {
    const problems = problemsOf((f) => {
      const tag = f.source.structures.find((s) => s.name === "Tag")!;
      tag.members.push({ ...tag.members[0]! });
    });
    expect(problems).toEqual(['kettle/2021-03-01/structures/Tag.json#/members/2/name: duplicate member "Key" (also at /members/0)']);
  });
});

describe("collisions", () => {
  it("reports a structure named like a generated request type", () => {
    const problems = problemsOf((f) => {
      f.source.structures.push({ name: "BoilWaterRequest", description: "", usage: "input", members: [] });
    });
    expect(problems).toEqual([
      'kettle/2021-03-01/actions/BoilWater.json#/name: type name "BoilWaterRequest" of the request type of action BoilWater collides with the structure BoilWaterRequest (structures/BoilWaterRequest.json#/name)',
    ]);
  });

  it("reports structures shadowing core imports or service-wide names", () => {
    const problems = problemsOf((f) => {
      f.source.structures.push({ name: "Int64", description: "", usage: "output", members: [] });
      f.source.structures.push({ name: "KettleErrorCode", description: "", usage: "output", members: [] });
    });
    expect(problems).toEqual([
      'kettle/2021-03-01/structures/Int64.json#/name: type name "Int64" of the structure Int64 collides with the @org/tc-core export Int64',
      'kettle/2021-03-01/structures/KettleErrorCode.json#/name: type name "KettleErrorCode" of the structure KettleErrorCode collides with the service error code union (service.json#/clientName)',
    ]);
  });

  it("reports methods clashing with the core client, waiters or paginators", () => {
    const problems = problemsOf((f) => {
      const base = f.source.actions.find((a) => a.name === "RenameKettle")!;
      f.source.actions.push({ ...base, name: "Invoke" });
      f.source.actions.push({ ...base, name: "WaitForTask" });
      f.source.actions.push({ ...base, name: "PaginateDescribeKettles" });
    });
    expect(problems).toEqual([
      'kettle/2021-03-01/actions/Invoke.json#/name: client member name "invoke" of the client method of action Invoke collides with the core ServiceClient member',
      'kettle/2021-03-01/service.json#/paginators/DescribeKettles: client member name "paginateDescribeKettles" of the paginator of DescribeKettles collides with the client method of action PaginateDescribeKettles (actions/PaginateDescribeKettles.json#/name)',
      'kettle/2021-03-01/service.json#/waiters/BoilDone: client member name "waitForTask" of the waiter BoilDone collides with the client method of action WaitForTask (actions/WaitForTask.json#/name)',
    ]);
  });

  it("reports two waiters tracking the same kind of id", () => {
    const problems = problemsOf((f) => {
      f.source.service.waiters["BoilFinished"] = { ...f.source.service.waiters["BoilDone"]! };
    });
    expect(problems).toEqual([
      'kettle/2021-03-01/service.json#/waiters/BoilFinished: client member name "waitForTask" of the waiter BoilFinished collides with the waiter BoilDone (service.json#/waiters/BoilDone)',
    ]);
  });
});
