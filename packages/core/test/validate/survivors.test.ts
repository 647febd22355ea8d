import { describe, expect, it } from "vitest";
import type { ServiceMeta, ShapeTable } from "../../src/meta.js";
import { compileShapes } from "../../src/validate/compile.js";
import { MAX_REQUEST_DEPTH, ValidationError, validateRequest } from "../../src/validate/index.js";

// Tests written for mutants that survived `npx stryker run --mutate 'src/validate/**/*.ts'`.

const shapes: ServiceMeta["shapes"] = {
  Req: { Name: "s", Tag: "s", Items: "[#Item", Grid: "[[s" },
  Item: { Id: "!s" },
};
const check = (value: unknown): string[] => validateRequest(shapes, "Req", value);

describe("suggestions for unknown members", () => {
  it("suggests within two edits for keys of four letters or more, and by case alone for shorter ones", () => {
    expect(check({ Nmae: "x" })).toEqual(["Nmae: unknown member (did you mean Name?)"]);
    expect(check({ Tga: "x" })).toEqual(["Tga: unknown member"]);
    expect(check({ TAG: "x" })).toEqual(["TAG: unknown member (did you mean Tag?)"]);
  });
});

describe("lists of structures and lists of lists", () => {
  it("checks each item with its own path", () => {
    expect(check({ Items: [{ Id: "a" }, {}], Grid: [["a"], ["b", 1]] })).toEqual([
      "Items[1].Id: required",
      "Grid[1][1]: expected string, got number",
    ]);
  });
});

describe("ValidationError message", () => {
  it("counts the problems", () => {
    expect(new ValidationError(["A: required"], "svc", "Act").message).toBe(
      "Invalid svc.Act request (1 problem):\n  - A: required",
    );
    expect(new ValidationError(["A: required", "B: required"], "svc", "Act").message).toMatch(
      /^Invalid svc\.Act request \(2 problems\):\n {2}- A/,
    );
  });
});

// Tests for the survivors of the re-measured run (`--mutate 'src/validate/**/*.ts' --testFiles
// 'test/validate/**/*.test.ts'`). Each test that depends on how a table compiles builds its own table:
// compilation is cached per table, so a table compiled by an earlier test would hide a wrong compilation.

describe("cycles and depth, checked here and not only end to end", () => {
  const tree = (): ShapeTable => ({ Node: { Name: "s", Child: "#Node", Grid: "[[s" } });

  function chain(depth: number): Record<string, unknown> {
    const root: Record<string, unknown> = {};
    let node = root;
    for (let i = 0; i < depth; i++) {
      const child: Record<string, unknown> = {};
      node["Child"] = child;
      node = child;
    }
    return root;
  }

  it("accepts an object nested exactly MAX_REQUEST_DEPTH levels down and rejects one level more", () => {
    expect(MAX_REQUEST_DEPTH).toBe(200);
    expect(validateRequest(tree(), "Node", chain(MAX_REQUEST_DEPTH))).toEqual([]);
    const problems = validateRequest(tree(), "Node", chain(MAX_REQUEST_DEPTH + 1));
    expect(problems).toEqual([
      `${Array(MAX_REQUEST_DEPTH + 1)
        .fill("Child")
        .join(".")}: nested deeper than 200 levels`,
    ]);
  });

  it("does not walk into the object beyond the depth limit", () => {
    const root = chain(MAX_REQUEST_DEPTH + 1);
    let node = root;
    while (node["Child"] !== undefined) node = node["Child"] as Record<string, unknown>;
    node["Name"] = 1;
    expect(validateRequest(tree(), "Node", root)).toHaveLength(1);
  });

  it("reports an object that contains itself as a cycle, once, at the path that closes it", () => {
    const root: Record<string, unknown> = { Name: "a" };
    root["Child"] = { Child: root };
    expect(validateRequest(tree(), "Node", root)).toEqual([
      "Child.Child: cyclic reference to an enclosing object or array",
    ]);
  });

  it("reports a list that contains itself as a cycle", () => {
    const grid: unknown[] = [];
    grid.push(grid);
    expect(validateRequest(tree(), "Node", { Grid: grid })).toEqual([
      "Grid[0]: cyclic reference to an enclosing object or array",
    ]);
  });

  it("accepts the same object and the same list in two places (shared, not cyclic)", () => {
    const leaf = { Name: "x" };
    const row = ["a"];
    expect(validateRequest(tree(), "Node", { Child: { Child: leaf, Grid: [row, row] }, Grid: [row] })).toEqual([]);
    expect(validateRequest(tree(), "Node", { Child: leaf, Grid: [row] })).toEqual([]);
  });
});

describe("what counts as a member and how a wrong value is described", () => {
  const table = (): ShapeTable => ({
    Req: { Name: "s", Count: "u", Items: "[#Item", Extra: "o" },
    Item: { Id: "s" },
  });

  it("ignores inherited enumerable keys, as JSON.stringify does", () => {
    const inherited = Object.create(Object.create(null, { Bogus: { value: 1, enumerable: true } })) as object;
    expect(validateRequest(table(), "Req", inherited)).toEqual([]);
  });

  it("accepts 0 for an unsigned integer", () => {
    expect(validateRequest(table(), "Req", { Count: 0 })).toEqual([]);
    expect(validateRequest(table(), "Req", { Count: 0n })).toEqual([]);
  });

  it("reports undefined where an object is expected instead of throwing", () => {
    expect(validateRequest(table(), "Req", undefined)).toEqual(["request: expected Req object, got undefined"]);
    expect(validateRequest(table(), "Req", { Items: [undefined], Extra: undefined })).toEqual([
      "Items[0]: expected Item object, got undefined",
    ]);
  });

  it.each([
    [Number.NaN, "NaN"],
    [{}, "object"],
    [Object.create(null), "object"],
    [{ constructor: { name: 5 } }, "object"],
    [new Date(0), "Date"],
    [[], "array"],
    [null, "null"],
    [7, "number"],
  ])("describes %o as %s", (value, described) => {
    expect(validateRequest(table(), "Req", { Name: value })).toEqual([`Name: expected string, got ${described}`]);
  });
});

describe("compiling a shapes table", () => {
  it("compiles a table once: every later call gets the same compiled table", () => {
    const table: ShapeTable = { Req: { Name: "s" } };
    const first = compileShapes(table);
    expect(compileShapes(table)).toBe(first);
    expect(compileShapes({ Req: { Name: "s" } })).not.toBe(first);
  });

  it("compiles lists and structures so that their contents are checked", () => {
    expect(validateRequest({ R: { L: "[s" } }, "R", { L: ["a", 1] })).toEqual(["L[1]: expected string, got number"]);
    expect(validateRequest({ R: { S: "#T" }, T: { A: "s" } }, "R", { S: { A: 1 } })).toEqual([
      "S.A: expected string, got number",
    ]);
  });

  it.each(["[", "#", "xy", "s!"])("rejects the malformed type code %j, naming it", (code) => {
    expect(() => validateRequest({ R: { A: code } }, "R", {})).toThrow(`R.A has unknown type code "${code}"`);
  });
});

describe("suggestions need the whole key", () => {
  it("compares every letter of the key, the last one included", () => {
    expect(validateRequest({ R: { Region: "s" } }, "R", { Regi: "x" })).toEqual([
      "Regi: unknown member (did you mean Region?)",
    ]);
    expect(validateRequest({ R: { Region: "s" } }, "R", { Regxyz: "x" })).toEqual(["Regxyz: unknown member"]);
  });
});
