import { describe, expect, it } from "vitest";
import { buildServiceIr } from "../../src/ir/index.js";
import { SpecLoadError } from "../../src/load/problems.js";
import type { WaiterSpec } from "../../src/spec/types.js";
import { kettleFixture, type MutableFixture } from "./fixture.js";

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
      [
        "DescribeBoilTask",
        "describeBoilTask",
        "DescribeBoilTaskRequest",
        "DescribeBoilTaskResponse",
        "DescribeBoilTaskErrorCode",
      ],
      [
        "DescribeKettles",
        "describeKettles",
        "DescribeKettlesRequest",
        "DescribeKettlesResponse",
        "DescribeKettlesErrorCode",
      ],
      [
        "GetKettleStats",
        "getKettleStats",
        "GetKettleStatsRequest",
        "GetKettleStatsResponse",
        "GetKettleStatsErrorCode",
      ],
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
      baseClient: "KettleBaseClient",
    });
  });

  it("resolves structure references, also inside lists", () => {
    const describeKettles = ir.actions.find((a) => a.name === "DescribeKettles");
    expect(describeKettles?.input.find((m) => m.name === "Filters")?.type).toEqual({
      kind: "list",
      items: { kind: "structure", name: "Filter", typeName: "Filter" },
    });
    expect(ir.structures.find((s) => s.name === "Kettle")?.members.find((m) => m.name === "CapacityMl")?.type).toEqual({
      kind: "uint64",
    });
  });

  it("keeps members in wire order and carries required, nullable and deprecated flags", () => {
    const kettle = ir.structures.find((s) => s.name === "Kettle");
    expect(kettle?.members.map((m) => m.name)).toEqual([
      "KettleId",
      "Name",
      "CapacityMl",
      "Temperature",
      "Schedule",
      "SerialNumber",
      "Tags",
      "Legacy",
    ]);
    expect(kettle?.members.find((m) => m.name === "Temperature")).toMatchObject({ required: true, nullable: true });
    expect(kettle?.members.find((m) => m.name === "Legacy")).toMatchObject({ required: false, deprecated: true });
  });

  it("resolves error codes per action, sorted, with common codes split from service codes", () => {
    expect(ir.commonErrors.map((e) => e.code)).toEqual([
      "AuthFailure.SignatureFailure",
      "InternalError",
      "InvalidParameter",
      "RequestLimitExceeded",
    ]);
    expect(ir.serviceErrors.map((e) => e.code)).toEqual([
      "FailedOperation.KettleBusy",
      "InvalidParameter.BadFilter",
      "ResourceNotFound.KettleNotFound",
    ]);
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
      "kettle/2021-03-01/service.json#/waiters/BoilDone/minDelayMs: minDelayMs (10000) exceeds maxDelayMs (4000)",
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
    expect(problems).toEqual([
      'kettle/2021-03-01/structures/Tag.json#/members/2/name: duplicate member "Key" (also at /members/0)',
    ]);
  });
});

describe("the name rule (src/ir/name-rule.ts)", () => {
  it("rule 1: a structure may take a core name; core is aliased and not re-exported", () => {
    const ir = build((f) => {
      f.source.structures.push({ name: "Credentials", description: "", usage: "output", members: [] });
      f.source.structures.push({ name: "Int64", description: "", usage: "output", members: [] });
    });
    expect(ir.structures.map((s) => s.typeName)).toContain("Credentials");
    expect(ir.structures.map((s) => s.typeName)).toContain("Int64");
    expect(ir.core.Credentials).toBe("_Credentials");
    expect(ir.core.Int64).toBe("_Int64");
    expect(ir.core.ServiceClient).toBe("ServiceClient");
  });

  it("rule 2: a structure named like a generated name or a global takes the suffix Structure", () => {
    const ir = build((f) => {
      f.source.structures.push({ name: "BoilWaterRequest", description: "", usage: "input", members: [] });
      f.source.structures.push({ name: "KettleErrorCode", description: "", usage: "output", members: [] });
      f.source.structures.push({ name: "Promise", description: "", usage: "output", members: [] });
      const kettles = f.source.actions.find((a) => a.name === "DescribeKettles")!;
      kettles.output.push({
        name: "Next",
        type: { kind: "structure", name: "Promise" },
        required: false,
        nullable: false,
        description: "",
        deprecated: false,
      });
    });
    const names = Object.fromEntries(ir.structures.map((s) => [s.name, s.typeName]));
    expect(names).toMatchObject({
      BoilWaterRequest: "BoilWaterRequestStructure",
      KettleErrorCode: "KettleErrorCodeStructure",
      Promise: "PromiseStructure",
    });
    const next = ir.actions.find((a) => a.name === "DescribeKettles")!.output.find((m) => m.name === "Next")!;
    expect(next.type).toEqual({ kind: "structure", name: "Promise", typeName: "PromiseStructure" });
    expect(ir.actions.find((a) => a.name === "BoilWater")!.requestType).toBe("BoilWaterRequest");
  });

  it("rule 3: a method named like a client member, an Object.prototype member or a reserved word takes the suffix Action", () => {
    const ir = build((f) => {
      const base = f.source.actions.find((a) => a.name === "RenameKettle")!;
      for (const name of ["Invoke", "Close", "ToString", "Constructor", "HasOwnProperty", "Delete", "New"])
        f.source.actions.push({ ...base, name });
    });
    const methods = Object.fromEntries(ir.actions.map((a) => [a.name, a.methodName]));
    expect(methods).toMatchObject({
      Invoke: "invokeAction",
      Close: "closeAction",
      ToString: "toStringAction",
      Constructor: "constructorAction",
      HasOwnProperty: "hasOwnPropertyAction",
      Delete: "deleteAction",
      New: "newAction",
      RenameKettle: "renameKettle",
    });
  });

  it("rule 4: names chosen in service.json are used as is, and unknown wire names are reported", () => {
    const ir = build((f) => {
      f.source.structures.push({ name: "Credentials", description: "", usage: "output", members: [] });
      const base = f.source.actions.find((a) => a.name === "RenameKettle")!;
      f.source.actions.push({ ...base, name: "Invoke" });
      f.source.service.names = {
        methods: { Invoke: "invokeFunction" },
        structures: { Credentials: "KettleCredentials" },
      };
    });
    expect(ir.actions.find((a) => a.name === "Invoke")!.methodName).toBe("invokeFunction");
    expect(ir.structures.find((s) => s.name === "Credentials")!.typeName).toBe("KettleCredentials");
    expect(ir.core.Credentials).toBe("Credentials");
    expect(
      problemsOf((f) => {
        f.source.service.names = {
          methods: { Nope: "nope", RenameKettle: "valueOf" },
          structures: { Missing: "Gone" },
        };
      }),
    ).toEqual([
      'kettle/2021-03-01/service.json#/names/methods/Nope: unknown action "Nope" (chosen name nope)',
      'kettle/2021-03-01/service.json#/names/methods/RenameKettle: chosen name "valueOf" is reserved (core client, generated module value, Object.prototype or a reserved word)',
      'kettle/2021-03-01/service.json#/names/structures/Missing: unknown structure "Missing" (chosen name Gone)',
    ]);
  });

  it("rule 5: what is still ambiguous is reported with both origins", () => {
    const problems = problemsOf((f) => {
      const base = f.source.actions.find((a) => a.name === "RenameKettle")!;
      f.source.actions.push({ ...base, name: "WaitForTask" });
      f.source.actions.push({ ...base, name: "PaginateDescribeKettles" });
      f.source.actions.push({ ...base, name: "Invoke" });
      f.source.service.names = { methods: { Invoke: "renameKettle" }, structures: { Tag: "Kettle" } };
    });
    expect(problems).toEqual([
      'kettle/2021-03-01/actions/RenameKettle.json#/name: client member name "renameKettle" of the client method of action RenameKettle collides with the client method of action Invoke (actions/Invoke.json#/name)',
      'kettle/2021-03-01/service.json#/paginators/DescribeKettles: client member name "paginateDescribeKettles" of the paginator of DescribeKettles collides with the client method of action PaginateDescribeKettles (actions/PaginateDescribeKettles.json#/name)',
      'kettle/2021-03-01/service.json#/waiters/BoilDone: client member name "waitForTask" of the waiter BoilDone collides with the client method of action WaitForTask (actions/WaitForTask.json#/name)',
      'kettle/2021-03-01/structures/Kettle.json#/name: type name "Kettle" of the structure Kettle collides with the structure Tag (structures/Tag.json#/name)',
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
