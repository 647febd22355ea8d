import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { compareCodeUnits } from "../../support/code-units.js";
import { assertRealInside, checkRelativePath, insidePackage } from "../../write/paths.js";

/** What an importer wants the output tree to contain. */
export interface SpecTreePlan {
  /** File contents keyed by path relative to the output root (forward slashes). */
  files: ReadonlyMap<string, string>;
  /** Folders (relative) this import owns completely: `*.json` files there that are not in `files` are removed. */
  ownedDirs: readonly string[];
  /**
   * Checks the staged tree before the output is touched; throw to abort with nothing written.
   * Files named in `context` are copied from the output root into the stage first (for validation only).
   */
  validate?: (stagedRoot: string) => Promise<void>;
  context?: readonly string[];
}

/** What changed on disk. */
export interface SpecTreeResult {
  written: string[];
  removed: string[];
  unchanged: number;
}

/**
 * Writes a whole import or nothing: every file is staged in a temporary folder beside the output
 * root and validated there; only then are changed files renamed into place (each rename atomic)
 * and stale ones removed. Unchanged files are not touched, so a re-import leaves `git diff` empty.
 */
export async function writeSpecTree(outRoot: string, plan: SpecTreePlan): Promise<SpecTreeResult> {
  const root = path.resolve(outRoot);
  // Names come from upstream: every path is checked before anything is staged, so a refused name
  // leaves no file behind anywhere.
  for (const file of [...plan.files.keys(), ...(plan.context ?? []), ...plan.ownedDirs]) {
    checkRelativePath(file, root);
    insidePackage(root, file);
  }
  const parent = path.dirname(root);
  await mkdir(parent, { recursive: true });
  const stage = path.join(parent, `.${path.basename(root)}-staging-${randomBytes(6).toString("hex")}`);
  try {
    for (const [file, content] of plan.files) await put(insidePackage(stage, file), content);
    for (const file of plan.context ?? []) {
      if (plan.files.has(file)) continue;
      const existing = await readIfExists(insidePackage(root, file));
      if (existing !== undefined) await put(insidePackage(stage, file), existing);
    }
    await plan.validate?.(stage);

    const result: SpecTreeResult = { written: [], removed: [], unchanged: 0 };
    const changed: string[] = [];
    for (const [file, content] of [...plan.files].sort(([a], [b]) => compareCodeUnits(a, b))) {
      const target = insidePackage(root, file);
      if ((await readIfExists(target)) === content) {
        result.unchanged++;
        continue;
      }
      // Every target folder is checked (links resolved) before the first rename, so a folder
      // linked to elsewhere refuses the whole import instead of half of it.
      await mkdir(path.dirname(target), { recursive: true });
      await assertRealInside(root, target, file);
      changed.push(file);
    }
    for (const file of changed) {
      await rename(insidePackage(stage, file), insidePackage(root, file));
      result.written.push(file);
    }
    for (const dir of plan.ownedDirs) {
      for (const name of await jsonFiles(insidePackage(root, dir))) {
        const file = `${dir}/${name}`;
        if (plan.files.has(file)) continue;
        const target = insidePackage(root, file);
        await assertRealInside(root, target, file);
        await rm(target);
        result.removed.push(file);
      }
    }
    return result;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

async function put(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

async function jsonFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith(".json")).sort(compareCodeUnits);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
}
