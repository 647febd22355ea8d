import { describe, expect, it } from "vitest";
import { conformSample, queryToJson, type ResolveStructure } from "../../../src/importers/common/typed-sample.js";
import type { SpecMember, SpecType } from "../../../src/spec/types.js";

const m = (name: string, type: SpecType, nullable = false): SpecMember => ({
  name,
  type,
  required: false,
  nullable,
  description: "",
  deprecated: false,
});
const int = { kind: "integer", width: "int64" } as const;
const str = { kind: "string" } as const;

const structures: Record<string, SpecMember[]> = {
  Filter: [m("Name", str), m("Values", { kind: "list", items: str }), m("Sizes", { kind: "list", items: int })],
};
const resolve: ResolveStructure = (name) => structures[name];
const input = [
  m("InstanceIds", { kind: "list", items: str }),
  m("Filters", { kind: "list", items: { kind: "structure", name: "Filter" } }),
  m("Limit", { kind: "integer", width: "uint64" }),
  m("Ratio", { kind: "float" }),
  m("Force", { kind: "boolean" }),
  m("Note", str),
  m("Extra", { kind: "object" }),
];

describe("queryToJson", () => {
  it("types flattened GET parameters by the members: lists, nested structures, numbers, booleans", () => {
    const params: Array<[string, string]> = [
      ["InstanceIds.1", "crs-2"],
      ["InstanceIds.0", "crs-1"],
      ["Filters.0.Name", "zone"],
      ["Filters.0.Values.0", "z1"],
      ["Filters.0.Sizes.0", "7"],
      ["Filters.1.Name", "state"],
      ["Limit", "10"],
      ["Ratio", "0.5"],
      ["Force", "TRUE"],
      ["Note", "10"],
    ];
    expect(queryToJson(params, input, resolve)).toEqual({
      value: {
        InstanceIds: ["crs-1", "crs-2"],
        Filters: [{ Name: "zone", Values: ["z1"], Sizes: [7] }, { Name: "state" }],
        Limit: 10,
        Ratio: 0.5,
        Force: true,
        Note: "10",
      },
      issues: [],
    });
  });

  it("orders list positions numerically, not as text", () => {
    const params = Array.from({ length: 11 }, (_, i) => [`InstanceIds.${i}`, `crs-${i}`] as const);
    const { value } = queryToJson([...params].reverse(), input, resolve);
    expect(value["InstanceIds"]).toEqual(params.map(([, v]) => v));
  });

  it("drops and reports unknown keys, untypable values and duplicates, keeping the rest", () => {
    const { value, issues } = queryToJson(
      [
        ["Limit", "ten"],
        ["Force", "yes"],
        ["Colour", "red"],
        ["Filters.0.Nme", "x"],
        ["Filters.0.Name", "ok"],
        ["Note", "a"],
        ["Note", "b"],
        ["Limit.0", "1"],
      ],
      input,
      resolve,
    );
    expect(value).toEqual({ Filters: [{ Name: "ok" }], Note: "a" });
    expect(issues).toEqual([
      '/Note: "Note" given more than once, later value dropped',
      '/Limit/0: "Limit" is both a value and a container, dropped',
      '/Limit: expected an integer, got "ten", dropped',
      '/Force: expected a boolean, got "yes", dropped',
      '/Colour: no member "Colour", dropped',
      '/Filters/0/Nme: no member "Nme", dropped',
    ]);
  });

  it("reads a list given without a position as a one-item list, and says so", () => {
    const { value, issues } = queryToJson([["InstanceIds", "crs-1"]], input, resolve);
    expect(value).toEqual({ InstanceIds: ["crs-1"] });
    expect(issues).toEqual([
      expect.stringContaining('/InstanceIds: list given without a position (expected "InstanceIds.0=…")'),
    ]);
  });

  it("refuses integers beyond 2^53 rather than rounding them", () => {
    const { value, issues } = queryToJson([["Limit", "9007199254740993"]], input, resolve);
    expect(value).toEqual({});
    expect(issues[0]).toMatch(/beyond 2\^53/);
  });
});

describe("conformSample", () => {
  it("keeps a fitting JSON body unchanged, allows extra keys and nulls of nullable members", () => {
    const members = [m("Count", int), m("Items", { kind: "list", items: { kind: "structure", name: "Filter" } }, true)];
    const body = { Count: 2, Items: null, RequestId: "r" };
    expect(conformSample(body, members, resolve, { extraKeys: ["RequestId"] })).toEqual({ value: body, issues: [] });
  });

  it("converts numeric and boolean text in JSON but reports it; drops what cannot fit", () => {
    const { value, issues } = conformSample(
      { Limit: "5", Force: "false", Ratio: "x", Filters: [{ Name: 1 }, "zone"], Note: null, Extra: { any: [1] } },
      input,
      resolve,
    );
    expect(value).toEqual({ Limit: 5, Force: false, Filters: [{}], Extra: { any: [1] } });
    expect(issues).toEqual([
      '/Limit: text "5" read as number 5',
      '/Force: text "false" read as boolean false',
      '/Ratio: expected a number, got "x", dropped',
      "/Filters/0/Name: expected a string, got number 1, dropped",
      '/Filters/1: expected a Filter object, got "zone", dropped',
      "/Note: null but the member is not nullable, dropped",
    ]);
  });

  it("rejects a body that is not an object", () => {
    expect(conformSample([1], input, resolve)).toEqual({ value: {}, issues: [": expected a JSON object, got a list"] });
  });
});

describe("request samples", () => {
  const tag = [
    { ...m("TagKey", str), required: true },
    { ...m("TagValue", str), required: true },
  ];
  const resolveTag: ResolveStructure = (name) => (name === "Tag" ? tag : undefined);
  const members = [m("Tags", { kind: "list", items: { kind: "structure", name: "Tag" } })];

  it("drop a list item that lost a required member, so the sample passes validation", () => {
    const body = {
      Tags: [
        { TagKey: null, TagValue: null },
        { TagKey: "k", TagValue: "v" },
      ],
    };
    const typed = conformSample(body, members, resolveTag, { request: true });
    expect(typed.value).toEqual({ Tags: [{ TagKey: "k", TagValue: "v" }] });
    expect(typed.issues).toContain("/Tags/0: required TagKey, TagValue missing, item dropped");
  });

  it("keep such items in responses, where required means always returned", () => {
    const typed = conformSample({ Tags: [{ TagKey: "k" }] }, members, resolveTag);
    expect(typed.value).toEqual({ Tags: [{ TagKey: "k" }] });
  });
});
