import { describe, expect, it } from "vitest";
import { emitErrors } from "../../src/emit/errors.js";
import { TsPrinter } from "../../src/emit/printer.js";
import { expectVersionGolden, kettleIr } from "./golden.js";

describe("errors emitter", async () => {
  const ir = await kettleIr();
  const file = emitErrors(ir, new TsPrinter());

  it("matches the golden file", async () => {
    await expectVersionGolden(ir, file);
  });

  it("emits never for an action without specific codes", () => {
    expect(file.content).toContain("export type RenameKettleErrorCode = never;");
  });

  it("documents each code in every union it appears in", () => {
    const described = file.content.match(
      /\/\*\* No kettle has this ID\. \*\/\n {2}\| "ResourceNotFound\.KettleNotFound"/g,
    );
    expect(described).toHaveLength(3);
  });
});
