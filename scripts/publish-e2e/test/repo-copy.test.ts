import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FixtureRepo, seedMonorepo } from "../../release/test/fixture-repo.js";
import { copyWorkingTree, linkNodeModules } from "../repo-copy.js";
import { Scratch } from "../scratch.js";

let repo: FixtureRepo;
let scratch: Scratch;

beforeEach(() => {
  repo = seedMonorepo(FixtureRepo.create());
  repo.write(".gitignore", "node_modules/\ndist/\n").commit("initial");
  scratch = new Scratch("tc-repo-copy-test-");
});

afterEach(() => {
  repo.dispose();
  scratch.remove();
});

describe("copyWorkingTree", () => {
  it("copies tracked files with uncommitted edits and untracked files, but nothing ignored or deleted", () => {
    repo
      .write("packages/core/src/index.ts", "export const edited = true;\n")
      .write("packages/core/src/untracked.ts", "export {};\n")
      .write("packages/core/dist/index.js", "built\n")
      .remove("generator/src/cli.ts");
    const dest = scratch.path("copy");
    copyWorkingTree(repo.root, dest);
    expect(readFileSync(path.join(dest, "packages/core/src/index.ts"), "utf8")).toBe("export const edited = true;\n");
    expect(existsSync(path.join(dest, "packages/core/src/untracked.ts"))).toBe(true);
    expect(existsSync(path.join(dest, "packages/core/dist"))).toBe(false);
    expect(existsSync(path.join(dest, "generator/src/cli.ts"))).toBe(false);
  });
});

describe("linkNodeModules", () => {
  it("points third-party packages at the originals and workspace links at the copy's own packages", () => {
    const modules = path.join(repo.root, "node_modules");
    mkdirSync(path.join(modules, "tsup"), { recursive: true });
    writeFileSync(path.join(modules, "tsup", "package.json"), "{}");
    mkdirSync(path.join(modules, "@org"), { recursive: true });
    symlinkSync("../../packages/core", path.join(modules, "@org", "tc-core"));
    mkdirSync(path.join(modules, ".bin"), { recursive: true });
    symlinkSync("../tsup/package.json", path.join(modules, ".bin", "tsup"));
    const dest = scratch.path("copy");
    copyWorkingTree(repo.root, dest);
    linkNodeModules(repo.root, dest);
    expect(realpathSync(path.join(dest, "node_modules/tsup"))).toBe(realpathSync(path.join(modules, "tsup")));
    expect(realpathSync(path.join(dest, "node_modules/@org/tc-core"))).toBe(
      realpathSync(path.join(dest, "packages/core")),
    );
    expect(realpathSync(path.join(dest, "node_modules/.bin/tsup"))).toBe(
      realpathSync(path.join(modules, "tsup/package.json")),
    );
    expect(lstatSync(path.join(dest, "node_modules")).isDirectory()).toBe(true);
  });
});
