import { describe, expect, it } from "vitest";
import { parseChangeset } from "../changesets.js";

describe("parseChangeset", () => {
  it("reads quoted and unquoted package names with their bump types", () => {
    const text =
      "---\n\"@org/tc-core\": minor\n'@org/tc-redis': patch\nplain-name: none\n---\n\nSummary: with a colon\n";
    const { releases, problems } = parseChangeset(text, ".changeset/a.md");
    expect(problems).toEqual([]);
    expect([...releases]).toEqual([
      ["@org/tc-core", "minor"],
      ["@org/tc-redis", "patch"],
      ["plain-name", "none"],
    ]);
  });

  it("accepts the empty changeset `changeset --empty` writes", () => {
    expect(parseChangeset("---\n---\n", "e.md")).toEqual({ releases: new Map(), problems: [] });
  });

  it("rejects unknown bump types and duplicates with line numbers", () => {
    const { problems } = parseChangeset('---\n"@org/tc-core": huge\n"a": patch\n"a": minor\n---\n', "x.md");
    expect(problems).toEqual([
      'x.md:2: expected \'"<package>": major|minor|patch|none\', found "\\"@org/tc-core\\": huge"',
      "x.md:4: a is listed twice",
    ]);
  });

  it("requires the front matter fence", () => {
    expect(parseChangeset("Summary only\n", "y.md").problems).toEqual([
      'y.md:1: a changeset must start with a "---" front matter fence',
    ]);
  });
});
