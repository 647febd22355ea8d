import { describe, expect, it } from "vitest";
import { isHigherVersion, satisfiesSimpleRange } from "../semver-range.js";

describe("satisfiesSimpleRange", () => {
  it.each([
    ["0.1.5", "^0.1.0", true],
    ["0.2.0", "^0.1.0", false],
    ["0.0.3", "^0.0.3", true],
    ["0.0.4", "^0.0.3", false],
    ["1.9.0", "^1.2.3", true],
    ["2.0.0", "^1.2.3", false],
    ["1.2.2", "^1.2.3", false],
    ["1.2.9", "~1.2.3", true],
    ["1.3.0", "~1.2.3", false],
    ["1.2.3", "1.2.3", true],
    ["1.2.4", "1.2.3", false],
  ])("%s in %s is %s", (version, range, expected) => {
    expect(satisfiesSimpleRange(version, range)).toBe(expected);
  });

  it.each(["*", "workspace:*", "file:../core", ">=0.1.0", "latest", "^0.1"])("does not interpret %s", (range) => {
    expect(satisfiesSimpleRange("0.1.0", range)).toBeUndefined();
  });
});

describe("isHigherVersion", () => {
  it.each([
    ["0.1.1", "0.1.0", true],
    ["0.2.0", "0.1.9", true],
    ["1.0.0", "0.9.9", true],
    ["0.1.0", "0.1.0", false],
    ["0.1.0", "0.2.0", false],
  ])("%s > %s is %s", (candidate, base, expected) => {
    expect(isHigherVersion(candidate, base)).toBe(expected);
  });

  it("does not compare non-versions", () => {
    expect(isHigherVersion("next", "0.1.0")).toBeUndefined();
  });
});
