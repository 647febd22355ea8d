import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkChangesets } from "../changeset-check.js";
import { git } from "../git.js";
import { FixtureRepo, publishedManifest, seedMonorepo } from "./fixture-repo.js";

let repo: FixtureRepo;

beforeEach(() => {
  repo = seedMonorepo(FixtureRepo.create());
});

afterEach(() => {
  repo.dispose();
});

/** What `changeset version` leaves behind: bumped versions, consumed changesets, a changelog. */
function release(version: string): string {
  repo
    .writeJson("packages/core/package.json", publishedManifest("@org/tc-core", "packages/core", { version }))
    .writeJson(
      "packages/redis/package.json",
      publishedManifest("@org/tc-redis", "packages/redis", {
        version,
        dependencies: { "@org/tc-core": `^${version}` },
      }),
    )
    .write("packages/core/CHANGELOG.md", `## ${version}\n`)
    .write("packages/redis/CHANGELOG.md", `## ${version}\n`)
    .remove(".changeset/first.md");
  return repo.commit(`Version packages ${version}`);
}

function released(): FixtureRepo {
  repo.write(".changeset/first.md", '---\n"@org/tc-core": minor\n"@org/tc-redis": minor\n---\n\nFirst release\n');
  repo.commit("initial");
  release("0.2.0");
  return repo;
}

describe("checkChangesets", () => {
  it("passes when nothing published changed since the root commit", () => {
    repo.commit("initial");
    expect(checkChangesets(repo.root).problems).toEqual([]);
  });

  it("names a never-released package whose files were added after the root commit", () => {
    repo.remove("packages/redis").commit("initial");
    seedMonorepo(repo).commit("generate redis");
    const { problems } = checkChangesets(repo.root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^@org\/tc-redis needs a changeset: 3 user-visible file\(s\) changed since the root commit/,
    );
    expect(problems[0]).toContain("packages/redis/src/client.gen.ts");
  });

  it("fails naming the generated package when its committed output changes after a release", () => {
    released()
      .write("packages/redis/src/client.gen.ts", "// generated\nexport const redis = 2;\n")
      .commit("regenerate");
    const { problems, unreleased } = checkChangesets(repo.root);
    expect(unreleased.map((pkg) => [pkg.name, pkg.files])).toEqual([["@org/tc-redis", ["src/client.gen.ts"]]]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^@org\/tc-redis needs a changeset: .*last release \(0\.2\.0, commit [0-9a-f]{10}\)/);
    expect(problems[0]).toContain("npx changeset");
  });

  it("sees uncommitted edits, staged or not, and untracked source files", () => {
    released()
      .write("packages/core/src/index.ts", "export const core = 2;\n")
      .write("packages/core/src/new.ts", "export {};\n")
      .write("packages/core/src/staged.ts", "export {};\n");
    git(repo.root, ["add", "packages/core/src/staged.ts"]);
    const [pkg] = checkChangesets(repo.root).unreleased;
    expect(pkg?.files).toEqual(["src/index.ts", "src/new.ts", "src/staged.ts"]);
  });

  it("counts deleted source files", () => {
    released().remove("packages/core/src/index.ts").commit("delete");
    expect(checkChangesets(repo.root).unreleased[0]?.files).toEqual(["src/index.ts"]);
  });

  it("passes when a pending changeset names the changed package", () => {
    released()
      .write("packages/core/src/index.ts", "export const core = 2;\n")
      .write(".changeset/tidy-core.md", "---\n'@org/tc-core': patch\n---\n\nFix\n");
    const result = checkChangesets(repo.root);
    expect(result.problems).toEqual([]);
    expect(result.unreleased[0]?.changesets).toEqual([".changeset/tidy-core.md"]);
  });

  it("still fails for a changed package that the pending changesets do not name", () => {
    released()
      .write("packages/core/src/index.ts", "export const core = 2;\n")
      .write("packages/redis/src/client.gen.ts", "export const redis = 3;\n")
      .write(".changeset/core-only.md", '---\n"@org/tc-core": patch\n---\n\nFix\n');
    const { problems } = checkChangesets(repo.root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^@org\/tc-redis needs a changeset/);
  });

  it("ignores tests, the changelog and development-only package.json fields", () => {
    released()
      .write("packages/core/test/index.test.ts", "// changed\n")
      .write("packages/core/src/index.test.ts", "// colocated test\n")
      .write("packages/core/CHANGELOG.md", "## edited\n")
      .writeJson(
        "packages/core/package.json",
        publishedManifest("@org/tc-core", "packages/core", {
          version: "0.2.0",
          scripts: { build: "tsup --minify" },
          devDependencies: { vitest: "^3.2.7" },
        }),
      );
    expect(checkChangesets(repo.root)).toEqual({ unreleased: [], problems: [] });
  });

  it("treats a shipped package.json field as a change", () => {
    released().writeJson(
      "packages/core/package.json",
      publishedManifest("@org/tc-core", "packages/core", { version: "0.2.0", dependencies: { ini: "^6.0.0" } }),
    );
    expect(checkChangesets(repo.root).unreleased.map((pkg) => pkg.files)).toEqual([["package.json"]]);
  });

  it("never asks for a changeset for a private workspace", () => {
    released().write("generator/src/cli.ts", "export const changed = true;\n").commit("generator work");
    expect(checkChangesets(repo.root).problems).toEqual([]);
  });

  it("moves the baseline to the latest release commit", () => {
    released()
      .write("packages/core/src/index.ts", "export const core = 2;\n")
      .write(".changeset/first.md", '---\n"@org/tc-core": patch\n---\n\nFix\n')
      .commit("fix core");
    const second = release("0.2.1");
    const { unreleased, problems } = checkChangesets(repo.root);
    expect(problems).toEqual([]);
    expect(unreleased).toEqual([]);
    repo.write("packages/core/src/index.ts", "export const core = 3;\n");
    const after = checkChangesets(repo.root).unreleased[0];
    expect(after?.baseline).toEqual({ commit: second, kind: "release", version: "0.2.1" });
  });

  it("reports changesets naming unknown packages and malformed front matter with file and line", () => {
    repo.commit("initial");
    repo
      .write(".changeset/typo.md", '---\n"@org/tc-cor": patch\n---\n\nTypo\n')
      .write(".changeset/broken.md", '---\n"@org/tc-core" patch\n---\n')
      .write(".changeset/unclosed.md", '---\n"@org/tc-core": patch\n');
    expect(checkChangesets(repo.root).problems).toEqual([
      '.changeset/broken.md:2: expected \'"<package>": major|minor|patch|none\', found "\\"@org/tc-core\\" patch"',
      '.changeset/unclosed.md:1: the front matter opened here is never closed with "---"',
      ".changeset/typo.md: names @org/tc-cor, which is not a package in this repository",
    ]);
  });
});
