import path from "node:path";

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
