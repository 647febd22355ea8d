import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The subset of package.json fields the release tooling reads. */
export interface PackageManifest {
  name?: unknown;
  version?: unknown;
  private?: unknown;
  workspaces?: unknown;
  [field: string]: unknown;
}

/** One npm workspace of the repository. */
export interface WorkspacePackage {
  /** The package name from its package.json. */
  name: string;
  /** Its version, or `undefined` when the manifest has none. */
  version: string | undefined;
  /** Directory relative to the repository root, with `/` separators (e.g. `packages/core`). */
  relDir: string;
  /** True when the package is never published (`"private": true`). */
  isPrivate: boolean;
  /** The parsed package.json. */
  manifest: PackageManifest;
}

/** Reads and parses a package.json, naming the file when it is missing or not JSON. */
export function readManifest(file: string): PackageManifest {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`${file}: cannot read package.json (${(error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error(`${file}: expected a JSON object at the top level`);
  }
  return parsed as PackageManifest;
}

/**
 * Lists the workspaces declared in the root package.json, sorted by directory.
 *
 * Only the two pattern forms this repository uses are supported (`dir` and `dir/*`), so an unexpected glob fails
 * loudly instead of silently leaving a package out of the release checks.
 */
export function listWorkspaces(root: string): WorkspacePackage[] {
  const rootManifestFile = path.join(root, "package.json");
  const patterns = readManifest(rootManifestFile).workspaces;
  if (!Array.isArray(patterns) || !patterns.every((p): p is string => typeof p === "string")) {
    throw new Error(`${rootManifestFile}: "workspaces" must be an array of strings`);
  }
  const dirs = new Set<string>();
  for (const pattern of patterns) {
    for (const dir of expandPattern(root, pattern, rootManifestFile)) dirs.add(dir);
  }
  return [...dirs].sort().map((relDir) => {
    const file = path.join(root, relDir, "package.json");
    const manifest = readManifest(file);
    if (typeof manifest.name !== "string" || manifest.name === "") {
      throw new Error(`${file}: "name" must be a non-empty string`);
    }
    return {
      name: manifest.name,
      version: typeof manifest.version === "string" ? manifest.version : undefined,
      relDir,
      isPrivate: manifest.private === true,
      manifest,
    };
  });
}

function expandPattern(root: string, pattern: string, source: string): string[] {
  const normalized = pattern.replace(/\/+$/, "");
  if (normalized.endsWith("/*") && !normalized.slice(0, -2).includes("*")) {
    const parent = normalized.slice(0, -2);
    const parentDir = path.join(root, parent);
    if (!existsSync(parentDir)) return [];
    return readdirSync(parentDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(parentDir, entry.name, "package.json")))
      .map((entry) => `${parent}/${entry.name}`);
  }
  if (normalized.includes("*")) {
    throw new Error(
      `${source}: workspace pattern "${pattern}" is not supported by scripts/release (use "dir" or "dir/*")`,
    );
  }
  return existsSync(path.join(root, normalized, "package.json")) ? [normalized] : [];
}
