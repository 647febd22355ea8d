import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkChangesets } from "../release/changeset-check.js";
import { git } from "../release/git.js";
import { isHigherVersion, satisfiesSimpleRange } from "../release/semver-range.js";
import { VERSION_COMMIT_MESSAGE } from "../release/version-commit.js";
import { listWorkspaces, readManifest } from "../release/workspaces.js";

/** Name → version of every published workspace of the repository at `root`. */
export function publishedVersions(root: string): Map<string, string> {
  return new Map(
    listWorkspaces(root)
      .filter((pkg) => !pkg.isPrivate)
      .map((pkg) => [pkg.name, pkg.version ?? ""]),
  );
}

/** What the release step must have left in the repository copy and on the registry. */
export interface ReleaseExpectations {
  root: string;
  registryUrl: string;
  before: ReadonlyMap<string, string>;
  /** The test changeset (relative to root) that `changeset version` must have consumed. */
  changesetFile: string;
  /** Text of the test changeset that must appear in the changelog of every package it names. */
  summary: string;
  /** Packages the test changeset names. */
  named: readonly string[];
}

/**
 * Checks the outcome of `npm run release` in the repository copy: HEAD is the version commit and nothing is left
 * uncommitted; every published package got a higher version, its CHANGELOG mentions the test changeset when named
 * by it, internal dependency ranges include the new versions (changesets kept them in step), package-lock.json
 * records them, their git tags point at the version commit, the registry serves each as `latest`, and the changeset
 * check sees nothing unreleased (it recognises the version commit as the release). Returns the new versions; throws listing every failed expectation.
 */
export async function verifyRelease(expect: ReleaseExpectations): Promise<Map<string, string>> {
  const after = publishedVersions(expect.root);
  const problems: string[] = [];
  if (existsSync(path.join(expect.root, expect.changesetFile))) {
    problems.push(`${expect.changesetFile} is still pending: changeset version did not consume it`);
  }
  const lock = readManifest(path.join(expect.root, "package-lock.json"));
  const lockPackages = (lock.packages ?? {}) as Record<string, { version?: string }>;
  const head = git(expect.root, ["log", "-1", "--format=%s"]).trim();
  if (head !== VERSION_COMMIT_MESSAGE)
    problems.push(`HEAD is "${head}", expected the "${VERSION_COMMIT_MESSAGE}" commit`);
  const dirty = git(expect.root, ["status", "--porcelain"]).trim();
  if (dirty !== "") problems.push(`the release left uncommitted changes:\n${dirty}`);
  const tags = new Set(git(expect.root, ["tag", "--points-at", "HEAD"]).split("\n").filter(Boolean));
  for (const pkg of listWorkspaces(expect.root).filter((p) => !p.isPrivate)) {
    const old = expect.before.get(pkg.name);
    const now = pkg.version ?? "";
    if (old === undefined || isHigherVersion(now, old) !== true) {
      problems.push(`${pkg.name}: version ${old ?? "(new)"} -> ${now}: expected a higher version`);
    }
    if (expect.named.includes(pkg.name)) {
      const changelog = path.join(expect.root, pkg.relDir, "CHANGELOG.md");
      if (!existsSync(changelog) || !readFileSync(changelog, "utf8").includes(expect.summary)) {
        problems.push(`${pkg.relDir}/CHANGELOG.md does not contain the test changeset's summary`);
      }
    }
    for (const [dep, range] of Object.entries((pkg.manifest.dependencies ?? {}) as Record<string, string>)) {
      const depVersion = after.get(dep);
      if (depVersion !== undefined && satisfiesSimpleRange(depVersion, range) !== true) {
        problems.push(`${pkg.name}: dependency ${dep}@"${range}" does not include the released ${depVersion}`);
      }
    }
    if (lockPackages[pkg.relDir]?.version !== now) {
      problems.push(`package-lock.json still records ${pkg.name} at ${lockPackages[pkg.relDir]?.version ?? "nothing"}`);
    }
    if (!tags.has(`${pkg.name}@${now}`))
      problems.push(`git tag ${pkg.name}@${now} does not point at the version commit`);
    const latest = await registryLatest(expect.registryUrl, pkg.name);
    if (latest !== now) problems.push(`registry serves ${pkg.name} latest=${latest ?? "nothing"}, expected ${now}`);
  }
  const check = checkChangesets(expect.root);
  if (check.unreleased.length > 0 || check.problems.length > 0) {
    problems.push(
      `the changeset check does not treat the version commit as the release: ${check.problems.join("; ") || check.unreleased.map((u) => u.name).join(", ")}`,
    );
  }
  if (problems.length > 0)
    throw new Error(`the release did not do what it should:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return after;
}

/** The parts of a registry document (packument) the checks read. */
interface Packument {
  "dist-tags"?: { latest?: string };
  versions?: Record<string, { dist?: { integrity?: string } }>;
}

async function fetchPackument(registryUrl: string, name: string): Promise<Packument | undefined> {
  const response = await fetch(`${registryUrl}${name.replace("/", "%2f")}`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) return undefined;
  return (await response.json()) as Packument;
}

async function registryLatest(registryUrl: string, name: string): Promise<string | undefined> {
  return (await fetchPackument(registryUrl, name))?.["dist-tags"]?.latest;
}

/**
 * Checks what the consumer installed: every `@org/*` package in its package-lock.json is the released version
 * with the integrity the local registry serves for it, i.e. exactly the tarball just published. (Everything else
 * cannot have come from the local registry: it has no uplinks and holds only `@org/*`.)
 */
export async function verifyConsumerLock(
  consumerDir: string,
  registryUrl: string,
  versions: ReadonlyMap<string, string>,
): Promise<void> {
  const lock = readManifest(path.join(consumerDir, "package-lock.json"));
  const entries = Object.entries((lock.packages ?? {}) as Record<string, { integrity?: string; version?: string }>);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [where, entry] of entries) {
    const name = where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length);
    if (where === "" || !name.startsWith("@org/")) continue;
    seen.add(name);
    const expected = versions.get(name);
    if (expected === undefined || entry.version !== expected) {
      problems.push(
        `${where}: installed ${entry.version ?? "?"}, expected the released ${expected ?? "(not released)"}`,
      );
      continue;
    }
    const served = await registryIntegrity(registryUrl, name, expected);
    if (served === undefined || entry.integrity !== served) {
      problems.push(
        `${where}: integrity ${entry.integrity ?? "none"} differs from the local registry's ${served ?? "none"}`,
      );
    }
  }
  if (seen.size === 0) problems.push("no @org/* package was installed");
  if (problems.length > 0) {
    throw new Error(
      `the consumer did not install what was just published:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
}

async function registryIntegrity(registryUrl: string, name: string, version: string): Promise<string | undefined> {
  const packument = await fetchPackument(registryUrl, name);
  return packument?.versions?.[version]?.dist?.integrity;
}
