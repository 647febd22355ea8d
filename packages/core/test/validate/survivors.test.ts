import { describe, expect, it } from "vitest";
import type { ServiceMeta } from "../../src/meta.js";
import { ValidationError, validateRequest } from "../../src/validate/index.js";

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
