import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { literalKey, propertyKey } from "../../src/emit/literal.js";
import { syntaxProblems } from "../../src/emit/syntax.js";
import { markdownText, plainText } from "../../src/emit/text.js";
import { clean } from "../../src/emit/tsdoc.js";

describe("syntax check of emitted TypeScript", () => {
  it("names the file and line of the first syntax error", () => {
    expect(syntaxProblems([{ path: "src/ok.gen.ts", content: "export const a = 1;\n" }])).toEqual([]);
    const broken = "/** ends early */ here */\nexport const a = 1;\n";
    const [problem] = syntaxProblems([
      { path: "README.md", content: "*/ not TypeScript" },
      { path: "src/broken.gen.ts", content: `// header\n${broken}` },
    ]);
    expect(problem).toMatchObject({ path: "src/broken.gen.ts", line: 2 });
  });

  it("any description, escaped, stays inside its TSDoc comment", () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.constantFrom("*/", "/*", "*/ export const x = 1; /*", "@param x", "**/", "*\u2028/", "`@internal`"),
    );
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 6 }), (parts) => {
        const text = parts.join(" ");
        const file = `/**\n * ${clean(text).split("\n").join("\n * ")}\n */\nexport const value = 1;\n`;
        expect(syntaxProblems([{ path: "x.ts", content: file }])).toEqual([]);
        expect(file.match(/\*\//g)?.length).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("object keys named like Object.prototype members", () => {
  it("are quoted in types and computed for __proto__ in literals, so they stay data", () => {
    expect(propertyKey("constructor")).toBe('"constructor"');
    expect(propertyKey("InstanceId")).toBe("InstanceId");
    expect(literalKey("__proto__")).toBe('["__proto__"]');
    const value = new Function(
      `return { ${literalKey("__proto__")}: 1, ${literalKey("constructor")}: 2 };`,
    )() as Record<string, number>;
    expect(Object.keys(value)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});

describe("upstream HTML", () => {
  it("is text in Markdown and gone from plain-text fields", () => {
    expect(markdownText('<script>alert(1)</script><img src=x onerror="alert(2)"> & co')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror="alert(2)"&gt; &amp; co',
    );
    expect(plainText('Cloud <script>alert(1)</script> <img src=x onerror="a()"> Service')).toBe(
      "Cloud alert(1) Service",
    );
    expect(plainText("unclosed <img src=x onerror=alert(1)")).toBe("unclosed");
  });
});
