import { describe, expect, it } from "vitest";
import { inputShapes, metadataEmitter, typeCode } from "../../src/emit/emitters/metadata.js";
import { runVersionEmitter } from "../../src/emit/index.js";
import { expectVersionGolden, kettleIr } from "./golden.js";

describe("metadata emitter", async () => {
  const ir = await kettleIr();

  it("matches the golden file", async () => {
    for (const file of runVersionEmitter(metadataEmitter, ir)) await expectVersionGolden(ir, file);
  });

  it("includes request shapes and only the structures requests reach", () => {
    const shapes = inputShapes(ir);
    expect(Object.keys(shapes)).toEqual([
      "BoilWaterRequest",
      "DescribeBoilTaskRequest",
      "DescribeKettlesRequest",
      "GetKettleStatsRequest",
      "RenameKettleRequest",
      "Filter",
      "Tag",
    ]);
    expect(shapes["DescribeKettlesRequest"]).toEqual({ Offset: "u", Limit: "u", Filters: "[#Filter" });
  });

  it("encodes types in core's compact codes", () => {
    expect(typeCode({ kind: "list", items: { kind: "list", items: { kind: "int64" } } })).toBe("[[i");
    expect(typeCode({ kind: "object" })).toBe("o");
    expect(typeCode({ kind: "structure", name: "Tag", typeName: "Tag" })).toBe("#Tag");
  });
});
