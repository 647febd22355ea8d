import { realpath } from "node:fs/promises";
import path from "node:path";

/** Why a writer refused a path: it would leave the folder it writes into. */
export class UnsafePathError extends Error {
  override readonly name = "UnsafePathError";
  /** The relative path as the writer was asked to write it. */
  readonly relative: string;

  constructor(relative: string, root: string, reason: string) {
    super(`Refusing path outside ${root}: ${relative} (${reason})`);
    this.relative = relative;
  }
}

/**
 * One segment of a relative path a writer accepts: starts with a letter, digit or `_` (so never
 * `.`, `..` or a hidden file) and holds only letters, digits, `_`, `-` and `.`.
 */
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** Checks the form of a `/`-separated relative path before anything is staged. */
export function checkRelativePath(relative: string, root: string): void {
  const segments = relative.split("/");
  const bad = segments.find((s) => !SAFE_SEGMENT.test(s));
  if (bad !== undefined)
    throw new UnsafePathError(relative, root, `segment ${JSON.stringify(bad)} is not a plain file or folder name`);
}

/**
 * Resolves a package-relative POSIX path under `dir`, refusing anything that would escape it:
 * a provenance file edited by hand must not make the writer delete outside the package.
 */
export function insidePackage(dir: string, relative: string): string {
  const target = path.resolve(dir, ...relative.split("/"));
  const root = path.resolve(dir);
  if (target !== root && target.startsWith(root + path.sep)) return target;
  throw new Error(`Refusing path outside the package: ${relative}`);
}

/**
 * The final check before a rename: the target's folder, with symbolic links resolved, is still
 * inside the root (with links resolved). A folder replaced by a link to elsewhere is refused.
 */
export async function assertRealInside(root: string, target: string, relative: string): Promise<void> {
  const realRoot = await realpath(root);
  const realDir = await realpath(path.dirname(target));
  if (realDir === realRoot || realDir.startsWith(realRoot + path.sep)) return;
  throw new UnsafePathError(relative, root, `its folder resolves to ${realDir}`);
}
