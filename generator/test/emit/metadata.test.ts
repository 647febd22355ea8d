import { describe, expect, it } from "vitest";
import { metadataEmitter, typeCode } from "../../src/emit/emitters/metadata.js";
import { runVersionEmitter } from "../../src/emit/index.js";
import { expectVersionGolden, kettleIr } from "./golden.js";

describe("metadata emitter", async () => {
  const ir = await kettleIr();

  it("matches the golden file", async () => {
    for (const file of runVersionEmitter(metadataEmitter, ir)) await expectVersionGolden(ir, file);
  });

  it("encodes types in core's compact codes", () => {
    expect(typeCode({ kind: "list", items: { kind: "list", items: { kind: "int64" } } })).toBe("[[i");
    expect(typeCode({ kind: "object" })).toBe("o");
    expect(typeCode({ kind: "structure", name: "Tag", typeName: "Tag" })).toBe("#Tag");
  });
});
