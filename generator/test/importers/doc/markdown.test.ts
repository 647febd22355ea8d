import { describe, expect, it } from "vitest";
import { parseMarkdown, splitRow } from "../../../src/importers/doc/markdown.js";
import { parseTypeExpr } from "../../../src/importers/doc/type-expr.js";

describe("splitRow", () => {
  it("splits on unescaped pipes and trims cells", () => {
    expect(splitRow("| a | b \\| c |d|")).toEqual(["a", "b | c", "d"]);
  });

  it("accepts a row without the closing pipe", () => {
    expect(splitRow("| a | b")).toEqual(["a", "b"]);
  });

  it("keeps empty cells so the cell count stays honest", () => {
    expect(splitRow("| a |  | c |")).toEqual(["a", "", "c"]);
  });
});

describe("parseMarkdown", () => {
  it("nests sections by level, strips numbering and keeps line numbers", () => {
    const page = parseMarkdown(
      [
        "## 2. Input Parameters",
        "",
        "| A | B |",
        "|---|---|",
        "| 1 | 2 |",
        "### Sample 3. Doing X",
        "```",
        "## not a heading",
        "```",
      ].join("\n"),
    );
    const [input] = page.sections;
    expect(input).toMatchObject({ title: "Input Parameters", line: 1, level: 2 });
    expect(input!.blocks[0]).toMatchObject({ kind: "table", line: 3, rows: [{ line: 5, cells: ["1", "2"] }] });
    expect(input!.children[0]).toMatchObject({ title: "Doing X", line: 6 });
    expect(input!.children[0]!.blocks[0]).toMatchObject({ kind: "code", line: 7, text: "## not a heading" });
  });

  it("reports an unclosed code block and a table without a delimiter row", () => {
    const page = parseMarkdown(["| A | B |", "| 1 | 2 |", "", "```", "text"].join("\n"));
    expect(page.faults).toEqual([
      { line: 1, message: "table has no delimiter row (| --- | --- |) under its header" },
      { line: 4, message: "code block is never closed" },
    ]);
  });
});

describe("parseTypeExpr", () => {
  it("reads basic types, integers as int64", () => {
    expect(parseTypeExpr("String")).toEqual({ kind: "scalar", type: { kind: "string" } });
    expect(parseTypeExpr("Integer")).toEqual({ kind: "scalar", type: { kind: "integer", width: "int64" } });
    expect(parseTypeExpr("Float")).toEqual({ kind: "scalar", type: { kind: "float" } });
    expect(parseTypeExpr("Boolean")).toEqual({ kind: "scalar", type: { kind: "boolean" } });
    expect(parseTypeExpr("Object")).toEqual({ kind: "scalar", type: { kind: "object" } });
  });

  it("reads lists and linked or bare structure names", () => {
    expect(parseTypeExpr("Array of [InstanceSet](/document/api/239/20022#InstanceSet)")).toEqual({
      kind: "list",
      items: { kind: "ref", name: "InstanceSet", linked: true },
    });
    expect(parseTypeExpr("Array of Array of Integer")).toEqual({
      kind: "list",
      items: { kind: "list", items: { kind: "scalar", type: { kind: "integer", width: "int64" } } },
    });
    expect(parseTypeExpr("Widget")).toEqual({ kind: "ref", name: "Widget", linked: false });
  });

  it("rejects text that is no type expression", () => {
    expect(parseTypeExpr("Array of 12 bytes")).toEqual({ error: expect.stringContaining('unknown type "12 bytes"') });
    expect(parseTypeExpr("")).toEqual({ error: expect.stringContaining("unknown type") });
  });
});
