import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { literalKey, propertyKey } from "../../src/emit/support/literal.js";
import { syntaxProblems } from "../../src/emit/support/syntax.js";
import { markdownText, plainText } from "../../src/emit/support/text.js";
import { clean, doc, prose } from "../../src/emit/support/tsdoc.js";

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

describe("links in upstream prose", () => {
  it("point at the upstream site when given by path, and lose a doubled pair of parentheses", () => {
    expect(prose("see[ENI Use Limits](/document/product/576/18527).")).toBe(
      "see[ENI Use Limits](https://www.tencentcloud.com/document/product/576/18527).",
    );
    expect(prose("the [DescribeVpcs]((https://www.tencentcloud.com/document/product/215/15778)) API")).toBe(
      "the [DescribeVpcs](https://www.tencentcloud.com/document/product/215/15778) API",
    );
    // Absolute and protocol-relative targets are left as they are.
    expect(prose("[a](https://example.com/x) [b](//cdn.example.com/y)")).toBe(
      "[a](https://example.com/x) [b](//cdn.example.com/y)",
    );
  });

  it("turn <code> spans into code spans, so a regular expression inside is not read as a link", () => {
    expect(prose("matches <code>^[a-z]([a-z0-9_]{0,49})$</code>.")).toBe("matches `^[a-z]([a-z0-9_]{0,49})$`.");
    // A span a code span cannot hold as it is stays HTML.
    expect(prose("<code>a`b</code> <code>&lt;x&gt;</code>")).toBe("<code>a`b</code> <code>&lt;x&gt;</code>");
  });

  it("are repaired in descriptions and prose tags, never in the code of an @example", () => {
    const comment = doc("see [x](/document/1)", [
      { tag: "deprecated", text: "use [y](/document/2)" },
      { tag: "example", text: "\n```ts\nconst link = '[z](/document/3)';\n```" },
    ]);
    expect(comment.description).toBe("see [x](https://www.tencentcloud.com/document/1)");
    expect(comment.tags?.map((t) => t.text)).toEqual([
      "use [y](https://www.tencentcloud.com/document/2)",
      "\n```ts\nconst link = '[z](/document/3)';\n```",
    ]);
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
