import { describe, expect, it, vi } from "vitest";
import { isSdkError } from "../../src/errors/index.js";
import type { ServiceMeta } from "../../src/meta.js";
import { isValidationError, ValidationError, validateRequest } from "../../src/validate/index.js";

const shapes: ServiceMeta["shapes"] = {
  DescribeThingsRequest: {
    TaskId: "!u",
    InstanceIds: "[s",
    Offset: "i",
    Ratio: "f",
    Verbose: "b",
    Filters: "[#Filter",
    Extra: "o",
    Node: "#TreeNode",
  },
  Filter: { Name: "!s", Values: "![s" },
  TreeNode: { Value: "!i", Children: "[#TreeNode" },
};

const check = (value: unknown): string[] => validateRequest(shapes, "DescribeThingsRequest", value);

describe("validateRequest", () => {
  it("accepts a request using every type", () => {
    expect(
      check({
        TaskId: 18215,
        InstanceIds: ["crs-1", "crs-2"],
        Offset: -3,
        Ratio: 0.5,
        Verbose: false,
        Filters: [{ Name: "zone", Values: [] }],
        Extra: { anything: [1, "two"] },
        Node: { Value: 1, Children: [{ Value: 2, Children: [{ Value: 3 }] }] },
      }),
    ).toEqual([]);
  });

  it("reports a missing required member, and treats undefined as missing", () => {
    expect(check({})).toEqual(["TaskId: required"]);
    expect(check({ TaskId: undefined })).toEqual(["TaskId: required"]);
  });

  it("rejects a non-object request", () => {
    expect(check(null)).toEqual(["request: expected DescribeThingsRequest object, got null"]);
    expect(check([])).toEqual(["request: expected DescribeThingsRequest object, got array"]);
    expect(check("x")).toEqual(["request: expected DescribeThingsRequest object, got string"]);
  });

  it("checks strings, booleans and floats", () => {
    expect(check({ TaskId: 1, InstanceIds: [1], Verbose: "true", Ratio: "0.5" })).toEqual([
      "InstanceIds[0]: expected string, got number",
      "Verbose: expected boolean, got string",
      "Ratio: expected number, got string",
    ]);
    expect(check({ TaskId: 1, Ratio: Number.NaN })).toEqual(["Ratio: expected a finite number, got NaN"]);
    expect(check({ TaskId: 1, Ratio: 10n })).toEqual(["Ratio: expected number, got bigint"]);
  });

  it("accepts numbers and bigints for integers and checks integrality and range", () => {
    expect(check({ TaskId: 2n ** 64n - 1n, Offset: -(2n ** 63n) })).toEqual([]);
    expect(check({ TaskId: 1.5 })).toEqual(["TaskId: expected unsigned integer, got a fractional number"]);
    expect(check({ TaskId: -1 })).toEqual(["TaskId: expected unsigned integer, got a negative number"]);
    expect(check({ TaskId: -1n })).toEqual([
      "TaskId: expected unsigned integer, got a bigint outside the uint64 range",
    ]);
    expect(check({ TaskId: 2n ** 64n })).toEqual([
      "TaskId: expected unsigned integer, got a bigint outside the uint64 range",
    ]);
    expect(check({ TaskId: 1, Offset: 2n ** 63n })).toEqual([
      "Offset: expected integer, got a bigint outside the int64 range",
    ]);
    expect(check({ TaskId: "18215" })).toEqual(["TaskId: expected unsigned integer, got string"]);
    expect(check({ TaskId: 2 ** 60 })).toEqual([
      "TaskId: integer beyond 2^53 has already lost precision; pass it as a bigint",
    ]);
    expect(check({ TaskId: Number.POSITIVE_INFINITY })).toEqual(["TaskId: expected unsigned integer, got Infinity"]);
  });

  it("rejects null for any member, since inputs are never nullable", () => {
    expect(check({ TaskId: null, Verbose: null })).toEqual([
      "TaskId: expected unsigned integer, got null",
      "Verbose: expected boolean, got null",
    ]);
  });

  it("checks arrays and names the index of each bad element", () => {
    expect(check({ TaskId: 1, InstanceIds: "crs-1" })).toEqual(["InstanceIds: expected array, got string"]);
    expect(check({ TaskId: 1, InstanceIds: ["a", 2, "c", true] })).toEqual([
      "InstanceIds[1]: expected string, got number",
      "InstanceIds[3]: expected string, got boolean",
    ]);
  });

  it("reports problems inside nested structures with their full path", () => {
    expect(
      check({
        TaskId: 1,
        Filters: [{ Name: "a", Values: ["x"] }, { Name: "b", Values: ["y"] }, { Values: [3] }, "zone"],
      }),
    ).toEqual([
      "Filters[2].Values[0]: expected string, got number",
      "Filters[2].Name: required",
      "Filters[3]: expected Filter object, got string",
    ]);
  });

  it("follows recursive structures", () => {
    expect(check({ TaskId: 1, Node: { Value: 1, Children: [{ Children: [{ Value: "deep" }] }] } })).toEqual([
      "Node.Children[0].Children[0].Value: expected integer, got string",
      "Node.Children[0].Value: required",
    ]);
  });

  it("accepts any plain object for free-form members but not arrays or class instances", () => {
    expect(check({ TaskId: 1, Extra: Object.create(null) })).toEqual([]);
    expect(check({ TaskId: 1, Extra: [] })).toEqual(["Extra: expected object, got array"]);
    expect(check({ TaskId: 1, Extra: new Date(0) })).toEqual(["Extra: expected object, got Date"]);
    expect(check({ TaskId: 1, Filters: [new Map()] })).toEqual(["Filters[0]: expected Filter object, got Map"]);
  });

  it("rejects unknown keys and suggests the member meant", () => {
    expect(check({ TaskID: 1 })).toEqual(["TaskID: unknown member (did you mean TaskId?)", "TaskId: required"]);
    expect(check({ TaskId: 1, IntanceIds: [] })).toEqual(["IntanceIds: unknown member (did you mean InstanceIds?)"]);
    expect(check({ TaskId: 1, Colour: "red" })).toEqual(["Colour: unknown member"]);
    expect(validateRequest({ R: { Zone1: "s", Zone2: "s" } }, "R", { Zone3: "a" })).toEqual(["Zone3: unknown member"]);
    expect(check({ TaskId: 1, Filters: [{ name: "a", Values: [] }] })).toEqual([
      "Filters[0].name: unknown member (did you mean Name?)",
      "Filters[0].Name: required",
    ]);
  });

  it("never puts a member's value in a problem", () => {
    const secret = "hunter2-canary";
    const problems = check({
      TaskId: secret,
      InstanceIds: [secret],
      Verbose: secret,
      Extra: secret,
      Filters: [secret],
    });
    expect(problems).toHaveLength(4);
    expect(problems.join("\n")).not.toContain(secret);
  });

  it("reports a request shape or type code missing from the table as a metadata bug", () => {
    expect(() => validateRequest(shapes, "NoSuchRequest", {})).toThrow('unknown request shape "NoSuchRequest"');
    expect(() => validateRequest({ R: { A: "#Missing" } }, "R", {})).toThrow('R.A refers to unknown shape "Missing"');
    expect(() => validateRequest({ R: { A: "x" } }, "R", {})).toThrow('R.A has unknown type code "x"');
  });

  it("gives the same answer from the cached compilation", () => {
    const request = { TaskId: 1, Filters: [{ Name: 1 }] };
    const first = check(request);
    expect(check(request)).toEqual(first);
    expect(first).toEqual(["Filters[0].Name: expected string, got number", "Filters[0].Values: required"]);
  });
});

describe("ValidationError", () => {
  it("lists every problem in its message and keeps them as data", () => {
    const error = new ValidationError(
      ["TaskId: required", "TaskID: unknown member (did you mean TaskId?)"],
      "redis",
      "DescribeTaskInfo",
    );
    expect(error.message).toBe(
      "Invalid redis.DescribeTaskInfo request (2 problems):\n  - TaskId: required\n  - TaskID: unknown member (did you mean TaskId?)",
    );
    expect(error.problems).toEqual(["TaskId: required", "TaskID: unknown member (did you mean TaskId?)"]);
    expect(Object.isFrozen(error.problems)).toBe(true);
    expect([error.name, error.service, error.action]).toEqual(["ValidationError", "redis", "DescribeTaskInfo"]);
    expect(error).toBeInstanceOf(Error);
    expect(isSdkError(error)).toBe(true);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "ValidationError",
      service: "redis",
      action: "DescribeTaskInfo",
      attempts: 0,
      retryable: false,
      problems: ["TaskId: required", "TaskID: unknown member (did you mean TaskId?)"],
    });
  });

  it("is recognised by its guard, also across a duplicate copy of the class", async () => {
    vi.resetModules();
    const copy = await import("../../src/validate/validation-error.js");
    const foreign = new copy.ValidationError(["A: required"], "redis", "X");
    expect(Object.getPrototypeOf(foreign)).not.toBe(ValidationError.prototype);
    expect(isValidationError(foreign)).toBe(true);
    expect(foreign).toBeInstanceOf(ValidationError);
    expect(isValidationError(new Error("A: required"))).toBe(false);
    expect(isValidationError({ problems: [] })).toBe(false);
    expect(isValidationError(undefined)).toBe(false);
  });
});
