import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { git } from "./git.js";
import { VERSION_COMMIT_MESSAGE } from "./version-commit.js";

// npm runs root scripts from the repository root; using the working directory lets tests point it at a fixture.
const ROOT = process.cwd();

function sh(command: string, args: readonly string[]): void {
  process.stdout.write(`release: ${[path.basename(command), ...args].join(" ")}\n`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit" });
  if (result.error !== undefined) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`${[path.basename(command), ...args].join(" ")} exited with ${result.status ?? result.signal}`);
}

/** A tool from the repository's own node_modules, so the release works outside `npm run` too. */
function bin(name: string): string {
  return path.join(ROOT, "node_modules", ".bin", name);
}

function baseBranch(): string {
  const config = JSON.parse(readFileSync(path.join(ROOT, ".changeset", "config.json"), "utf8")) as {
    baseBranch?: string;
  };
  return config.baseBranch ?? "main";
}

/**
 * `npm run release`: `changeset version`, a "Version packages" commit (versions, changelogs, package-lock.json),
 * build of the published packages, `changeset publish`. The commit comes before publishing so the tags changesets
 * creates (`@org/tc-redis@x.y.z`) point at the released sources and the changeset check finds the release commit.
 * Refuses to run on a dirty tree or another branch, because the commit must hold only the release.
 */
function main(): void {
  const branch = git(ROOT, ["rev-parse", "--abbrev-ref", "HEAD"]).trim();
  if (branch !== baseBranch()) throw new Error(`releases are made from ${baseBranch()}, not ${branch}`);
  const dirty = git(ROOT, ["status", "--porcelain"]).trim();
  if (dirty !== "") {
    throw new Error(
      `the working tree has uncommitted changes; commit them first so the release commit holds only the release:\n${dirty}`,
    );
  }
  sh(bin("changeset"), ["version"]);
  if (git(ROOT, ["status", "--porcelain"]).trim() === "") {
    process.stdout.write("release: no pending changesets; publishing any version not yet on the registry\n");
  } else {
    // The lockfile records workspace versions; without this `npm ci` fails on the next clone.
    sh("npm", ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"]);
    sh("git", ["add", "--all"]);
    sh("git", ["commit", "--quiet", "--message", VERSION_COMMIT_MESSAGE]);
  }
  sh(bin("turbo"), ["run", "build", "--filter=./packages/*"]);
  sh(bin("changeset"), ["publish"]);
  process.stdout.write("release: done. Push the version commit and its tags: git push --follow-tags\n");
}

try {
  main();
} catch (error) {
  process.stderr.write(`release: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
