import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { git } from "../git.js";
import { FixtureRepo, seedMonorepo } from "./fixture-repo.js";

const script = fileURLToPath(new URL("../release.ts", import.meta.url));
// The fixture has no node_modules, so tsx's loader is given by path (what `--import tsx` resolves to at the root).
const tsxLoader = pathToFileURL(
  createRequire(import.meta.url)
    .resolve("tsx/package.json")
    .replace(/package\.json$/, "dist/loader.mjs"),
).href;
let repo: FixtureRepo;

beforeEach(() => {
  repo = seedMonorepo(FixtureRepo.create());
  repo.commit("initial");
});

afterEach(() => {
  repo.dispose();
});

function release(): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ["--import", tsxLoader, script], { cwd: repo.root, encoding: "utf8" });
  return { status: result.status, stderr: result.stderr };
}

// The happy path (version, commit, build, publish, tags) runs against a real registry in scripts/publish-e2e.
describe("npm run release preflight", () => {
  it("refuses a working tree with uncommitted changes, listing them", () => {
    repo.write("packages/core/src/index.ts", "export const core = 2;\n");
    const { status, stderr } = release();
    expect(status).toBe(1);
    expect(stderr).toContain("release: the working tree has uncommitted changes");
    expect(stderr).toContain("M packages/core/src/index.ts");
  });

  it("refuses a branch other than the changesets base branch", () => {
    git(repo.root, ["checkout", "-q", "-b", "feature"]);
    const { status, stderr } = release();
    expect(status).toBe(1);
    expect(stderr).toBe("release: releases are made from main, not feature\n");
  });
});
