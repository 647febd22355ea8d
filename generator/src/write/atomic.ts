import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { GeneratedFile } from "../emit/index.js";
import { diffPackage, staleFiles } from "./diff.js";
import { assertRealInside, insidePackage } from "./paths.js";

/** What one package write changed. */
export interface WriteResult {
  readonly dir: string;
  /** Files whose content changed or that were created. */
  readonly written: readonly string[];
  /** Files removed because they are no longer generated. */
  readonly removed: readonly string[];
}

/**
 * Writes a package's generated files. Everything is first written to a staging directory next
 * to the package (same file system), and only when all of it is on disk is each file renamed over
 * its target, so a failure while staging leaves the previous output untouched. Files the package
 * holds that are not generated (CHANGELOG.md, dist/, node_modules/) are never touched; files the
 * previous run generated and this one does not are removed.
 */
export async function writePackage(dir: string, files: readonly GeneratedFile[]): Promise<WriteResult> {
  const differences = await diffPackage(dir, files);
  const changed = new Set(differences.filter((d) => d.kind !== "stale").map((d) => d.path));
  const stale = await staleFiles(dir, files);
  if (changed.size === 0 && stale.length === 0) return { dir, written: [], removed: [] };

  // Every path is checked before anything is staged: one bad name means nothing is written.
  for (const file of files) insidePackage(dir, file.path);
  const parent = path.dirname(path.resolve(dir));
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `.tmp-${path.basename(dir)}-`));
  try {
    const staged = files.filter((f) => changed.has(f.path));
    for (const file of staged) {
      const target = insidePackage(staging, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    // Only once everything is staged does the package change: files first, then stale ones go.
    for (const file of staged) {
      const target = insidePackage(dir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await assertRealInside(dir, target, file.path);
    }
    for (const file of staged) await rename(insidePackage(staging, file.path), insidePackage(dir, file.path));
    for (const old of stale) {
      const target = insidePackage(dir, old);
      await assertRealInside(dir, target, old);
      await rm(target, { force: true });
    }
    return { dir, written: staged.map((f) => f.path), removed: stale };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
