import { existsSync } from "node:fs";
import path from "node:path";
import { satisfiesSimpleRange } from "./semver-range.js";
import type { WorkspacePackage } from "./workspaces.js";

/** Entries a published package may list in `files`: build output and the two documents npm ships anyway. */
const ALLOWED_FILES = /^(dist(\/.*)?|README\.md|LICENSE)$/;

/**
 * Checks the packaging contract of every workspace: published packages are dual ESM/CJS with typed conditional
 * exports, `sideEffects: false`, a limited `files` list, Node ≥ 20 engines, Apache-2.0 with a LICENSE file,
 * repository and description, public access, a `lint:package` script (so the turbo task runs publint and attw on
 * them) and internal dependencies as semver ranges changesets can keep in step. Workspaces outside `packages/`
 * (generator, examples) must be private. Returns one message per problem, each naming the manifest.
 */
export function checkManifests(root: string, workspaces: readonly WorkspacePackage[]): string[] {
  const versions = new Map(workspaces.map((pkg) => [pkg.name, pkg.version]));
  const problems: string[] = [];
  for (const pkg of workspaces) {
    const where = `${pkg.relDir}/package.json`;
    if (!pkg.isPrivate && !pkg.relDir.startsWith("packages/")) {
      problems.push(`${where}: ${pkg.name} is outside packages/ and must be "private": true so it is never published`);
      continue;
    }
    if (pkg.isPrivate) continue;
    problems.push(...publishedPackageProblems(root, pkg, versions).map((problem) => `${where}: ${problem}`));
  }
  return problems;
}

function publishedPackageProblems(
  root: string,
  pkg: WorkspacePackage,
  versions: ReadonlyMap<string, string | undefined>,
): string[] {
  const m = pkg.manifest;
  const problems: string[] = [];
  if (typeof m.description !== "string" || m.description.trim() === "") problems.push(`"description" is missing`);
  if (m.license !== "Apache-2.0") problems.push(`"license" must be "Apache-2.0"`);
  if (!existsSync(path.join(root, pkg.relDir, "LICENSE"))) problems.push(`LICENSE file is missing next to it`);
  const repository = asRecord(m.repository);
  if (repository?.type !== "git" || typeof repository.url !== "string" || repository.directory !== pkg.relDir) {
    problems.push(`"repository" must be { "type": "git", "url": ..., "directory": "${pkg.relDir}" }`);
  }
  if (
    typeof asRecord(m.engines)?.node !== "string" ||
    !/^>=\s*20(\.\d+){0,2}$/.test(String(asRecord(m.engines)?.node))
  ) {
    problems.push(`"engines.node" must be ">=20"`);
  }
  if (m.sideEffects !== false) problems.push(`"sideEffects" must be false`);
  if (asRecord(m.publishConfig)?.access !== "public") problems.push(`"publishConfig.access" must be "public"`);
  problems.push(...filesProblems(m.files));
  problems.push(...exportsProblems(m.exports));
  const lint = asRecord(m.scripts)?.["lint:package"];
  if (typeof lint !== "string" || !lint.includes("publint") || !lint.includes("attw")) {
    problems.push(`"scripts.lint:package" must run publint and attw (e.g. "publint --strict && attw --pack .")`);
  }
  for (const [name, range] of Object.entries(asRecord(m.dependencies) ?? {})) {
    if (!versions.has(name)) continue;
    const version = versions.get(name);
    const ok = typeof range === "string" && version !== undefined ? satisfiesSimpleRange(version, range) : undefined;
    if (ok === undefined) {
      problems.push(
        `dependency ${name}: ${JSON.stringify(range)} must be a semver range like "^${version ?? "x.y.z"}"`,
      );
    } else if (!ok) {
      problems.push(`dependency ${name}: "${String(range)}" does not include the workspace version ${version ?? "?"}`);
    }
  }
  return problems;
}

function filesProblems(files: unknown): string[] {
  if (!Array.isArray(files) || files.length === 0) return [`"files" must list what is published (e.g. ["dist"])`];
  return files
    .filter((entry) => typeof entry !== "string" || !ALLOWED_FILES.test(entry.replace(/^\.\//, "")))
    .map((entry) => `"files" entry ${JSON.stringify(entry)} is not build output (dist), README.md or LICENSE`);
}

function exportsProblems(exportsField: unknown): string[] {
  const map = asRecord(exportsField);
  if (map === undefined || !("." in map)) return [`"exports" must be an object with a "." entry`];
  const problems: string[] = [];
  for (const [subpath, target] of Object.entries(map)) {
    if (subpath === "./package.json") continue;
    const entry = asRecord(target);
    const esm = asRecord(entry?.import);
    const cjs = asRecord(entry?.require);
    if (!isFile(esm?.types, ".d.ts") || !isFile(esm?.default, ".js")) {
      problems.push(`"exports['${subpath}'].import" must be { "types": "./dist/….d.ts", "default": "./dist/….js" }`);
    }
    if (!isFile(cjs?.types, ".d.cts") || !isFile(cjs?.default, ".cjs")) {
      problems.push(`"exports['${subpath}'].require" must be { "types": "./dist/….d.cts", "default": "./dist/….cjs" }`);
    }
  }
  return problems;
}

function isFile(value: unknown, extension: string): boolean {
  return typeof value === "string" && value.startsWith("./dist/") && value.endsWith(extension);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
