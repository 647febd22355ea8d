import { describe, expect, it } from "vitest";
import { emitModels } from "../../src/emit/models.js";
import { TsPrinter } from "../../src/emit/printer.js";
import { expectVersionGolden, kettleIr } from "./golden.js";

describe("models emitter", async () => {
  const ir = await kettleIr();
  const file = emitModels(ir, new TsPrinter());

  it("matches the golden file", async () => {
    await expectVersionGolden(ir, file);
  });

  it("is byte-identical on a second run with a fresh printer", () => {
    expect(emitModels(ir, new TsPrinter()).content).toBe(file.content);
  });

  it("escapes comment terminators and tag-like text from spec prose", () => {
    expect(file.content).toContain("e.g. `*\\/5 * * * *`");
    expect(file.content).not.toMatch(/\*\/5/);
  });

  it("types required, optional and nullable members as the spec says", () => {
    expect(file.content).toMatch(/\n {2}Temperature: number \| null;/);
    expect(file.content).toMatch(/\n {2}Progress\?: Int64 \| null;/);
    expect(file.content).toMatch(/\n {2}KettleId: string;/);
    expect(file.content).toMatch(/\n {2}Filters\?: Filter\[\];/);
  });
});
