import { readFile } from "node:fs/promises";
import type { GeneratedFile } from "../emit/index.js";
import { PROVENANCE_PATH, parseProvenance } from "../emit/index.js";
import { insidePackage } from "./paths.js";

/** How a file on disk differs from what the specs produce. */
export interface FileDifference {
  /** Path inside the package. */
  readonly path: string;
  /** `changed`: content differs; `missing`: not on disk; `stale`: generated before, no longer produced, still on disk. */
  readonly kind: "changed" | "missing" | "stale";
}

/** Compares a package directory with freshly generated files, without writing anything. */
export async function diffPackage(dir: string, files: readonly GeneratedFile[]): Promise<FileDifference[]> {
  const differences: FileDifference[] = [];
  for (const file of files) {
    const current = await readIfExists(insidePackage(dir, file.path));
    if (current === undefined) differences.push({ path: file.path, kind: "missing" });
    else if (current !== file.content) differences.push({ path: file.path, kind: "changed" });
  }
  for (const stale of await staleFiles(dir, files)) differences.push({ path: stale, kind: "stale" });
  return differences.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Files the previous provenance record lists that are no longer generated but still exist. */
export async function staleFiles(dir: string, files: readonly GeneratedFile[]): Promise<string[]> {
  const previous = await readIfExists(insidePackage(dir, PROVENANCE_PATH));
  const record = previous === undefined ? undefined : parseProvenance(previous);
  if (!record) return [];
  const now = new Set(files.map((f) => f.path));
  const stale: string[] = [];
  for (const old of record.files) {
    if (now.has(old)) continue;
    if ((await readIfExists(insidePackage(dir, old))) !== undefined) stale.push(old);
  }
  return stale.sort();
}

/** Reads a UTF-8 file; `undefined` when it does not exist. */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT" || (err as NodeJS.ErrnoException).code === "ENOTDIR")
      return undefined;
    throw err;
  }
}
