import { describe, expect, it } from "vitest";
import { withoutComments } from "../src/strip-comments.mjs";

describe("withoutComments (the build's comment stripper)", () => {
  it("drops TSDoc, block and line comments, with the lines they stood alone on", () => {
    const code = [
      "var A = class {",
      "  /**",
      "   * Doc → with non-ASCII.",
      "   */",
      "  m(x) {",
      "    return x; // trailing",
      "  }",
      "  /* before the brace */",
      "};",
      "",
    ].join("\n");
    expect(withoutComments(code, "a.js")).toBe(
      ["var A = class {", "  m(x) {", "    return x; ", "  }", "};", ""].join("\n"),
    );
  });

  it("keeps bundler annotations and legal comments", () => {
    const code = [
      "/*! license */",
      "var a = /* @__PURE__ */ f();",
      "var b = /* #__PURE__ */ g();",
      "// @__NO_SIDE_EFFECTS__",
      "function h() {}",
      "",
    ].join("\n");
    expect(withoutComments(code, "b.js")).toBe(code);
  });

  it("leaves comment-like text in strings, templates and regular expressions alone", () => {
    const code = 'var s = "/* not */ // not", t = `/** not */ ${s} // not`, r = /\\/\\*x/g;\n';
    expect(withoutComments(code, "c.js")).toBe(code);
  });
});
