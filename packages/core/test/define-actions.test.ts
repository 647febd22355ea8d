import { describe, expect, it } from "vitest";
import { actionMethodName, defineActions } from "../src/define-actions.js";
import type { ActionMeta } from "../src/meta.js";

describe("defineActions", () => {
  const actions = defineActions<"describeTaskInfo" | "modifyInstance" | "dbInstances">({
    names: "DescribeTaskInfo,ModifyInstance,DBInstances",
    rateLimit: 20,
    readOnly: "101",
  });

  it("derives method name, input shape and flags from the wire name, in table order", () => {
    expect(Object.keys(actions)).toEqual(["describeTaskInfo", "modifyInstance", "dbInstances"]);
    expect(actions.describeTaskInfo).toEqual({
      name: "DescribeTaskInfo",
      rateLimit: 20,
      readOnly: true,
      input: "DescribeTaskInfoRequest",
      regionRequired: false,
    });
    expect(actions.modifyInstance).toEqual({
      name: "ModifyInstance",
      rateLimit: 20,
      readOnly: false,
      input: "ModifyInstanceRequest",
      regionRequired: false,
    });
    expect(actions.dbInstances).toEqual({
      name: "DBInstances",
      rateLimit: 20,
      readOnly: true,
      input: "DBInstancesRequest",
      regionRequired: false,
    });
  });

  it("types each method as an ActionMeta, so no non-null assertion is needed", () => {
    const meta: ActionMeta = actions.describeTaskInfo;
    // @ts-expect-error not a method of this table
    expect(actions.describeInstances).toBeUndefined();
    expect(meta.name).toBe("DescribeTaskInfo");
  });

  it("applies rate limits, method names and input shapes listed as exceptions", () => {
    const table = defineActions<"a" | "describeB" | "c">({
      names: "A,B,C",
      rateLimit: 20,
      readOnly: "010",
      rateLimits: { A: 5, C: 100 },
      methods: { B: "describeB" },
      inputs: { C: "SharedRequest" },
    });
    expect(table).toEqual({
      a: { name: "A", rateLimit: 5, readOnly: false, input: "ARequest", regionRequired: false },
      describeB: { name: "B", rateLimit: 20, readOnly: true, input: "BRequest", regionRequired: false },
      c: { name: "C", rateLimit: 100, readOnly: false, input: "SharedRequest", regionRequired: false },
    });
  });

  it("marks the actions that need a region: all of them, or those listed", () => {
    const all = defineActions<"a" | "b">({ names: "A,B", rateLimit: 20, readOnly: "00", regionRequired: true });
    expect([all.a.regionRequired, all.b.regionRequired]).toEqual([true, true]);
    const listed = defineActions<"a" | "b" | "c">({
      names: "A,B,C",
      rateLimit: 20,
      readOnly: "000",
      regionRequired: "A,C",
    });
    expect([listed.a.regionRequired, listed.b.regionRequired, listed.c.regionRequired]).toEqual([true, false, true]);
    expect(() => defineActions({ names: "A", rateLimit: 20, readOnly: "0", regionRequired: "A,Z" })).toThrow(
      /unknown actions Z/,
    );
  });

  it("freezes the record and every entry", () => {
    expect(Object.isFrozen(actions)).toBe(true);
    expect(Object.isFrozen(actions.modifyInstance)).toBe(true);
    expect(() => {
      (actions.modifyInstance as { rateLimit: number }).rateLimit = 1;
    }).toThrow(TypeError);
  });

  it("accepts methods named like Object.prototype members and an empty table", () => {
    expect(Object.keys(defineActions({ names: "ToString,ValueOf", rateLimit: 1, readOnly: "00" }))).toEqual([
      "toString",
      "valueOf",
    ]);
    expect(defineActions({ names: "", rateLimit: 20, readOnly: "" })).toEqual({});
  });

  it("rejects read-only flags that do not match the names one for one", () => {
    expect(() => defineActions({ names: "A,B", rateLimit: 20, readOnly: "1" })).toThrow(
      'defineActions: 2 names but readOnly is "1"',
    );
    expect(() => defineActions({ names: "A,B", rateLimit: 20, readOnly: "1x" })).toThrow(/readOnly is "1x"/);
  });

  it("rejects two actions with one method name", () => {
    expect(() => defineActions({ names: "A,B", rateLimit: 20, readOnly: "00", methods: { B: "a" } })).toThrow(
      "defineActions: method a is defined twice",
    );
  });

  it("rejects exceptions for actions the table does not list, naming each", () => {
    expect(() =>
      defineActions({
        names: "A",
        rateLimit: 20,
        readOnly: "0",
        rateLimits: { B: 5 },
        methods: { A: "x" },
        inputs: { C: "CIn" },
      }),
    ).toThrow("defineActions: exceptions for unknown actions B, C");
  });
});

describe("actionMethodName", () => {
  it.each([
    ["DescribeTaskInfo", "describeTaskInfo"],
    ["DBInstances", "dbInstances"],
    ["ABC", "abc"],
    ["A", "a"],
    ["ABc", "aBc"],
    ["CVM2Role", "cvm2Role"],
    ["A1B", "a1B"],
    ["Open_SSL", "open_SSL"],
    ["describeX", "describeX"],
    ["", ""],
  ])("%s → %s", (name, method) => {
    expect(actionMethodName(name)).toBe(method);
  });
});
