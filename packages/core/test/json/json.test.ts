import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonSyntaxError, parseJson, stringifyJson } from "../../src/json/index.js";

/** JSON values whose integers all fit a double exactly: where parseJson must equal JSON.parse. */
function withoutUnsafeIntegers(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) && !Number.isSafeInteger(value) ? 0 : value;
  if (Array.isArray(value)) return value.map(withoutUnsafeIntegers);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutUnsafeIntegers(v)]));
  }
  return value;
}

describe("parseJson", () => {
  it("keeps integers beyond 2^53 as bigint and safe ones as number", () => {
    const parsed = parseJson(
      '{"Id": 18446744073709551615, "Neg": -9223372036854775808, "Safe": 9007199254740991, "Edge": 9007199254740992, "Small": 42}',
    );
    expect(parsed).toEqual({
      Id: 18446744073709551615n,
      Neg: -9223372036854775808n,
      Safe: 9007199254740991,
      Edge: 9007199254740992n,
      Small: 42,
    });
  });

  it("finds an unsafe integer at any offset of the text, and only runs of 16 or more digits take the slow path", () => {
    // The fast-path check reads every 16th character: a run must be found wherever it starts.
    for (let pad = 0; pad < 40; pad++) {
      const prefix = `{"p":"${"x".repeat(pad)}","n":`;
      expect(parseJson(`${prefix}9007199254740993}`)).toEqual({ p: "x".repeat(pad), n: 9007199254740993n });
      expect(parseJson(`${prefix}-18446744073709551615}`)).toEqual({ p: "x".repeat(pad), n: -18446744073709551615n });
      expect(parseJson(`${prefix}900719925474099}`)).toEqual({ p: "x".repeat(pad), n: 900719925474099 });
      // A 15-digit run next to other digits across a non-digit is still two runs.
      expect(parseJson(`${prefix}[123456789012345,123456789012345]}`)).toEqual({
        p: "x".repeat(pad),
        n: [123456789012345, 123456789012345],
      });
    }
  });

  it("leaves floats and exponents as numbers even when long", () => {
    expect(parseJson("[1.2345678901234567890, 12345678901234567890e2, -0, 1E400]")).toEqual([
      1.2345678901234567,
      1.2345678901234568e21,
      -0,
      Infinity,
    ]);
  });

  it("decodes strings and escapes exactly like JSON.parse on the slow path", () => {
    const text =
      '{"a":"x\\"y\\\\z\\u00e9\\ud83d\\ude00\\n","long":"12345678901234567890","n":[true,false,null,{}],"e":[]}';
    expect(parseJson(text)).toEqual(JSON.parse(text));
  });

  it("keeps __proto__ as an own property instead of changing the prototype", () => {
    const parsed = parseJson('{"__proto__": {"polluted": 1}, "id": 12345678901234567890}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(["__proto__", "id"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("agrees with JSON.parse on documents without unsafe integers", () => {
    fc.assert(
      fc.property(fc.jsonValue().map(withoutUnsafeIntegers), (value) => {
        const text = JSON.stringify(value);
        // Force the slow path too by appending a long digit run in a string.
        const slow = `{"pad":"1234567890123456789","v":${text}}`;
        expect(parseJson(text)).toEqual(JSON.parse(text));
        expect(parseJson(slow)).toEqual(JSON.parse(slow));
      }),
    );
  });

  it("round-trips any 64-bit integer through stringifyJson and parseJson", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }), (big) => {
        const parsed = parseJson(stringifyJson({ v: big })) as { v: number | bigint };
        expect(BigInt(parsed.v)).toBe(big);
        expect(typeof parsed.v).toBe(
          Number.isSafeInteger(Number(big)) && BigInt(Number(big)) === big ? "number" : "bigint",
        );
      }),
    );
  });

  it("reports truncation separately from other syntax errors", () => {
    const cut = () => parseJson('{"Response": {"RequestId": "r", "Total": 12345678901234567890');
    expect(cut).toThrow(JsonSyntaxError);
    expect(() => cut()).toThrow(/end of JSON/);
    try {
      cut();
    } catch (error) {
      expect((error as JsonSyntaxError).truncated).toBe(true);
    }
    for (const [text, truncated] of [
      ['{"a": tru', true],
      ['{"a": "unterminated', true],
      ["<html>502 Bad Gateway</html>", false],
      ['{"a": 1} trailing', false],
      ['{"a": 01}', false],
      ["", true],
    ] as const) {
      let thrown: unknown;
      try {
        parseJson(text);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, text).toBeInstanceOf(JsonSyntaxError);
      expect((thrown as JsonSyntaxError).truncated, text).toBe(truncated);
    }
  });
});

describe("stringifyJson", () => {
  it("writes bigint members as JSON integers", () => {
    expect(stringifyJson({ Id: 18446744073709551615n, List: [1n, 2], Nested: { X: -5n } })).toBe(
      '{"Id":18446744073709551615,"List":[1,2],"Nested":{"X":-5}}',
    );
  });

  it("follows JSON.stringify's rules on the bigint path", () => {
    const value = { a: undefined, b: [undefined, () => 1], d: new Date(0), s: '\u2028"', n: null, big: 1n, f: () => 1 };
    const { big: _big, ...rest } = value;
    expect(stringifyJson(value)).toBe(JSON.stringify(rest).replace(/}$/, ',"big":1}').replace('"f":', ""));
  });

  it("is JSON.stringify for values without bigint", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(stringifyJson(value)).toBe(JSON.stringify(value));
      }),
    );
  });

  it("still rejects circular structures", () => {
    const circular: Record<string, unknown> = { big: 1n };
    circular["self"] = circular;
    expect(() => stringifyJson(circular)).toThrow(/circular/);
  });
});
