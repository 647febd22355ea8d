import { describe, expect, it } from "vitest";
import { contentLength, flattenHeaders, headerMap } from "../../src/transport/header-map.js";

describe("headerMap", () => {
  it("lower-cases names, keeps the first of a single-valued header and joins the others as Node does", () => {
    const map = headerMap([
      "Content-Type",
      "application/json",
      "X-Multi",
      "a",
      "Retry-After",
      "3",
      "x-multi",
      "b",
      "RETRY-AFTER",
      "9",
      "Set-Cookie",
      "c=1",
      "set-cookie",
      "d=2",
    ]);
    expect({ ...map }).toEqual({
      "content-type": "application/json",
      "x-multi": "a, b",
      "retry-after": "3",
      "set-cookie": "c=1, d=2",
    });
  });

  it("has no prototype, so a header named __proto__ or constructor is an entry like any other", () => {
    const map = headerMap(["__proto__", "x", "Constructor", "y", "__PROTO__", "z"]);
    expect(Object.getPrototypeOf(map)).toBeNull();
    expect(Object.keys(map)).toEqual(["__proto__", "constructor"]);
    expect(Object.getOwnPropertyDescriptor(map, "__proto__")?.value).toBe("x, z");
    expect(map["constructor"]).toBe("y");
    expect(map["toString"]).toBeUndefined();
  });
});

describe("contentLength", () => {
  it("finds the first Content-Length whatever its case, and nothing when absent", () => {
    expect(contentLength(["Date", "x", "content-LENGTH", "12", "Content-Length", "99"])).toBe("12");
    expect(contentLength(["Content-Type", "application/json", "Content-Lengths", "5"])).toBeUndefined();
  });
});

describe("flattenHeaders", () => {
  it("lower-cases names, joins array values and has no prototype", () => {
    const map = flattenHeaders([
      ["Content-Type", "text/event-stream"],
      ["Set-Cookie", ["a=1", "b=2"]],
      ["X-Gone", undefined],
    ]);
    expect(Object.getPrototypeOf(map)).toBeNull();
    expect({ ...map }).toEqual({ "content-type": "text/event-stream", "set-cookie": "a=1, b=2" });
  });
});
