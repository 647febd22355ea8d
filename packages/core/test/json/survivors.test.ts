import { describe, expect, it } from "vitest";
import { JsonSyntaxError, parseJson, stringifyJson } from "../../src/json/index.js";

// Tests written for mutants that survived `npx stryker run --mutate 'src/json/**/*.ts'`: each pins a
// behaviour that a one-line change to the parser or writer would break.

function syntaxError(text: string): JsonSyntaxError {
  try {
    parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
  throw new Error(`parsed: ${text}`);
}

describe("parseJson error messages name what is wrong and where", () => {
  it.each([
    ["{} x", "Unexpected data after the JSON value at position 3"],
    ["{1:2}", "Expected a property name at position 1"],
    ['{"a" 1}', "Expected ':' at position 5"],
    ['"a\u0001b"', "Control character in string at position 2"],
    ['"\\x"', "Invalid escape in string at position 0"],
    ["[x]", "Unexpected character at position 1"],
    ["[trux]", "Unexpected character at position 1"],
  ])("%j → %s", (text, message) => {
    const error = syntaxError(text);
    expect(error.message).toBe(message);
    expect(error.truncated).toBe(false);
  });

  it.each(["[", '"ab', '"ab\\n', '["ab\\"', "[tr", '{"a":'])("%j is truncated, never an endless scan", (text) => {
    const error = syntaxError(text);
    expect(error.truncated).toBe(true);
    expect(error.message).toBe("Unexpected end of JSON");
  });
});

describe("parseJson integer boundaries", () => {
  it("keeps ±(2^53 − 1) as numbers and goes to bigint just past them", () => {
    expect(parseJson("9007199254740991")).toBe(9007199254740991);
    expect(parseJson("-9007199254740991")).toBe(-9007199254740991);
    expect(parseJson("9007199254740992")).toBe(9007199254740992n);
    expect(parseJson("-9007199254740992")).toBe(-9007199254740992n);
  });
});

describe("stringifyJson", () => {
  it("writes a root undefined as null", () => {
    expect(stringifyJson(undefined)).toBe("null");
  });

  it("rethrows what toJSON throws instead of retrying with the bigint writer", () => {
    for (const thrown of [new TypeError("boom"), new Error("boom")]) {
      let calls = 0;
      const value = {
        toJSON() {
          calls++;
          if (calls === 1) throw thrown;
          return "second call";
        },
      };
      expect(() => stringifyJson(value)).toThrow(thrown);
      expect(calls).toBe(1);
    }
  });

  it("in the bigint writer: booleans, boxed primitives, the root key, shared objects", () => {
    const shared = { x: 1 };
    const value = {
      yes: true,
      no: false,
      n: new Number(3),
      s: new String("x"),
      b: new Boolean(false),
      a: shared,
      again: shared,
      big: 12345678901234567890n,
    };
    expect(stringifyJson(value)).toBe(
      '{"yes":true,"no":false,"n":3,"s":"x","b":false,"a":{"x":1},"again":{"x":1},"big":12345678901234567890}',
    );
    expect(stringifyJson({ toJSON: (key: string) => ({ key, big: 1n }) })).toBe('{"key":"","big":1}');
  });

  it("writes null for a root that serialises to nothing on the bigint path", () => {
    let calls = 0;
    const value = { toJSON: () => (++calls === 1 ? { big: 1n } : undefined) };
    expect(stringifyJson(value)).toBe("null");
  });
});
