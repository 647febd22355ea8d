import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonSyntaxError, parseJson } from "../../src/json/index.js";

/** `depth` nested arrays around `inner`, alternating with objects so both container kinds nest. */
function nested(depth: number, inner: string): string {
  let open = "";
  let close = "";
  for (let i = 0; i < depth; i++) {
    if (i % 2 === 0) {
      open += '{"a":';
      close = `}${close}`;
    } else {
      open += "[";
      close = `]${close}`;
    }
  }
  return open + inner + close;
}

function innermost(value: unknown, depth: number): unknown {
  let current = value;
  for (let i = 0; i < depth; i++) current = i % 2 === 0 ? (current as { a: unknown }).a : (current as unknown[])[0];
  return current;
}

describe("parseJson on hostile bodies", () => {
  it("parses a body 5,000 levels deep holding a 16-digit integer (the slow path is iterative)", () => {
    const text = nested(5000, "12345678901234567890");
    expect(() => JSON.parse(text)).not.toThrow();
    expect(innermost(parseJson(text), 5000)).toBe(12345678901234567890n);
  });

  it("parses 30,000 levels without overflowing the call stack", () => {
    const text = nested(30_000, "9007199254740993");
    expect(innermost(parseJson(text), 30_000)).toBe(9007199254740993n);
  });

  it("reports a deep document cut short as truncated", () => {
    const text = nested(5000, "12345678901234567890").slice(0, -10);
    try {
      parseJson(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JsonSyntaxError);
      expect((error as JsonSyntaxError).truncated).toBe(true);
    }
  });

  it("takes the bigint path from exactly 16 digits: the fast-path threshold", () => {
    // 16 digits, above 2^53: must be exact, so JSON.parse (which rounds it) must not be used.
    expect(parseJson("9007199254740993")).toBe(9007199254740993n);
    expect(parseJson('{"v":-9007199254740993}')).toEqual({ v: -9007199254740993n });
    // 16 digits within the safe range stay numbers.
    expect(parseJson("[1000000000000000]")).toEqual([1000000000000000]);
    expect(typeof parseJson("9007199254740991")).toBe("number");
  });

  it("agrees with JSON.parse on random depths and rejects random bytes with JsonSyntaxError", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.bigInt({ min: 0n, max: 2n ** 64n }), (depth, n) => {
        const parsed = innermost(parseJson(nested(depth, n.toString())), depth) as number | bigint;
        expect(BigInt(parsed)).toBe(n);
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = `{"n":12345678901234567890,"x":${Buffer.from(bytes).toString("latin1")}`;
        let native: unknown;
        try {
          native = JSON.parse(text);
        } catch {
          expect(() => parseJson(text)).toThrow(JsonSyntaxError);
          return;
        }
        expect(native).toBeDefined();
        expect(() => parseJson(text)).not.toThrow();
      }),
    );
  });
});
