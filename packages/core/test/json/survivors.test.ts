import { describe, expect, it, vi } from "vitest";
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

describe("parseJson errors and results look like JSON.parse's", () => {
  it("names its errors JsonSyntaxError, still a SyntaxError", () => {
    const error = syntaxError("[x]");
    expect(error.name).toBe("JsonSyntaxError");
    expect(error).toBeInstanceOf(SyntaxError);
    expect(String(error)).toBe("JsonSyntaxError: Unexpected character at position 1");
  });

  it("gives members the slow parser defines that can be reassigned and deleted, like JSON.parse's", () => {
    const parsed = parseJson('{"a":1,"__proto__":2,"id":12345678901234567890}') as Record<string, unknown>;
    for (const key of ["a", "__proto__", "id"]) {
      expect(Object.getOwnPropertyDescriptor(parsed, key)).toMatchObject({
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    parsed["a"] = 2;
    expect(parsed["a"]).toBe(2);
    delete parsed["id"];
    expect(Object.keys(parsed)).toEqual(["a", "__proto__"]);
  });

  it("hands a document without a 16-digit run to the native JSON.parse, once", () => {
    const native = vi.spyOn(JSON, "parse");
    try {
      expect(parseJson('{"a":[1,"x",123456789012345]}')).toEqual({ a: [1, "x", 123456789012345] });
      expect(native).toHaveBeenCalledTimes(1);
      native.mockClear();
      expect(parseJson('{"a":1234567890123456}')).toEqual({ a: 1234567890123456 });
      expect(native).not.toHaveBeenCalled();
    } finally {
      native.mockRestore();
    }
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
