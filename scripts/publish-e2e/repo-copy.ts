import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from "node:fs";
import path from "node:path";
import { git, splitNul } from "../release/git.js";
import { listWorkspaces } from "../release/workspaces.js";

/**
 * Copies the working tree as a developer or CI sees it (tracked files plus untracked files git does not ignore,
 * uncommitted edits included) into `dest`, so the publish test releases exactly what would be committed.
 * Returns the number of files copied.
 */
export function copyWorkingTree(root: string, dest: string): number {
  const files = splitNul(git(root, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]));
  let copied = 0;
  for (const file of files) {
    const source = path.join(root, file);
    // Deleted but not yet staged: git still lists it, the working tree no longer has it.
    if (!existsSync(source) || !lstatSync(source).isFile()) continue;
    const target = path.join(dest, file);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, target);
    copied += 1;
  }
  return copied;
}

/**
 * Gives the copy at `dest` the dependencies installed in `root` without reinstalling them: every `node_modules`
 * (the root's and any workspace's) is recreated as a directory of symlinks. Third-party packages point at the
 * originals; workspace links (`@org/tc-core -> ../../packages/core`) are recreated with their relative targets, so
 * they resolve to the copy's own packages and the copy builds and publishes its own sources.
 */
export function linkNodeModules(root: string, dest: string): void {
  const dirs = ["", ...listWorkspaces(root).map((pkg) => pkg.relDir)];
  for (const dir of dirs) {
    const source = path.join(root, dir, "node_modules");
    if (existsSync(source)) mirror(source, path.join(dest, dir, "node_modules"));
  }
}

function mirror(sourceDir: string, destDir: string): void {
  mkdirSync(destDir, { recursive: true });
  for (const entry of readdirSync(sourceDir, { withFileTypes: true })) {
    const source = path.join(sourceDir, entry.name);
    const target = path.join(destDir, entry.name);
    if (entry.isSymbolicLink()) {
      symlinkSync(readlinkSync(source), target);
    } else if (entry.isDirectory() && (entry.name.startsWith("@") || entry.name === ".bin")) {
      mirror(source, target);
    } else {
      symlinkSync(source, target);
    }
  }
}
