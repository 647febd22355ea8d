import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { git, splitNul, tryGit } from "./git.js";
import type { ReleaseBaseline } from "./last-release.js";

/**
 * Paths inside a package that never reach its users: tests, the changelog changesets itself writes, build output
 * and caches. Everything else (sources, generated `.gen.ts` files, README, LICENSE, build config) is user-visible.
 */
const NOT_SHIPPED: readonly RegExp[] = [
  /^CHANGELOG\.md$/,
  /(^|\/)(test|tests|__tests__)\//,
  /\.(test|spec|test-d)\.[cm]?[jt]sx?$/,
  /^vitest\.config\.[cm]?[jt]s$/,
  /(^|\/)node_modules\//,
  /^dist\//,
  /^\.turbo\//,
];

/** package.json fields that only affect this repository's development, not what a user installs. */
const DEV_ONLY_FIELDS = ["scripts", "devDependencies"] as const;

/** Whether a path relative to a package's directory ends up in, or shapes, what users install. */
export function isShipped(pathInPackage: string): boolean {
  return !NOT_SHIPPED.some((pattern) => pattern.test(pathInPackage));
}

/**
 * Lists the user-visible files of the package in `relDir` that differ between the baseline commit and the working
 * tree (tracked changes, staged or not, and untracked files that git does not ignore), relative to `relDir`, sorted.
 * A package.json counts as changed only when a field other than {@link DEV_ONLY_FIELDS} differs.
 */
export function unreleasedChanges(root: string, relDir: string, baseline: ReleaseBaseline): string[] {
  const tracked = splitNul(git(root, ["diff", "--name-only", "--no-renames", "-z", baseline.commit, "--", relDir]));
  const untracked = splitNul(git(root, ["ls-files", "-z", "--others", "--exclude-standard", "--", relDir]));
  const prefix = `${relDir}/`;
  const changed = new Set<string>();
  for (const file of [...tracked, ...untracked]) {
    if (!file.startsWith(prefix)) continue;
    const inPackage = file.slice(prefix.length);
    if (!isShipped(inPackage)) continue;
    if (inPackage === "package.json" && !manifestChanged(root, file, baseline.commit)) continue;
    changed.add(inPackage);
  }
  return [...changed].sort();
}

function manifestChanged(root: string, file: string, commit: string): boolean {
  const before = tryGit(root, ["show", `${commit}:${file}`]);
  const afterFile = path.join(root, file);
  if (before === undefined || !existsSync(afterFile)) return true;
  try {
    return shippedFields(before) !== shippedFields(readFileSync(afterFile, "utf8"));
  } catch {
    return true;
  }
}

function shippedFields(text: string): string {
  const manifest = JSON.parse(text) as Record<string, unknown>;
  for (const field of DEV_ONLY_FIELDS) delete manifest[field];
  return canonicalJson(manifest);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
