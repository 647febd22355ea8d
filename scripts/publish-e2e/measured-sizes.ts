// `npm run test:publish -- --write-sizes`: the one way generator/templates/measured-sizes.json changes.
// The generated README quotes these sizes, so they come from the publish test's measurement, never a hand edit.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What the generated README quotes for one package. */
export interface MeasuredSize {
  readonly packed: string;
  readonly unpacked: string;
  readonly installed: string;
}

const COMMENT =
  "Install footprint per generated package, measured by `npm run test:publish -- --write-sizes` (which writes this file): " +
  "`npm pack` of the package (packed, unpacked) and everything a fresh `npm install` of it puts in node_modules. " +
  "Do not edit by hand; re-measure when a change moves them and regenerate: the README quotes them.";

/** The file's text: sorted by package name, stable for review diffs. */
export function measuredSizesJson(sizes: Readonly<Record<string, MeasuredSize>>): string {
  const sorted = Object.fromEntries(Object.entries(sizes).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ $comment: COMMENT, ...sorted }, null, 2)}\n`;
}

/** Writes the file whole (sizes of packages not measured in this run are not kept: the run measures them all). */
export function writeMeasuredSizes(file: string, sizes: Readonly<Record<string, MeasuredSize>>): void {
  writeFileSync(file, measuredSizesJson(sizes));
}

/** A published package as the size estimate needs it: its own unpacked bytes and its runtime dependencies. */
export interface SizedPackage {
  readonly name: string;
  readonly unpackedSize: number;
  readonly dependencies: readonly string[];
}

/**
 * What installing each package alone puts in node_modules: its own files (the tarball's unpacked size)
 * plus every package in its dependency closure, measured on disk in a consumer's flat `node_modules`
 * where those dependencies were installed. One install of a few packages measures them all, since
 * they share their dependencies (`@org/tc-core` and its own). A package whose closure is not all
 * installed there gets no figure rather than a wrong one.
 */
export function installedSizes(
  nodeModules: string,
  packages: readonly SizedPackage[],
  diskUsage: (dir: string) => number,
): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const pkg of packages) {
    const closure = dependencyClosure(nodeModules, pkg.dependencies);
    if (closure === undefined) continue;
    sizes.set(
      pkg.name,
      pkg.unpackedSize + [...closure].reduce((sum, dep) => sum + diskUsage(path.join(nodeModules, dep)), 0),
    );
  }
  return sizes;
}

function dependencyClosure(nodeModules: string, roots: readonly string[]): Set<string> | undefined {
  const seen = new Set<string>();
  const pending = [...roots];
  for (let dep = pending.pop(); dep !== undefined; dep = pending.pop()) {
    if (seen.has(dep)) continue;
    const manifest = path.join(nodeModules, dep, "package.json");
    if (!existsSync(manifest)) return undefined;
    seen.add(dep);
    const { dependencies = {} } = JSON.parse(readFileSync(manifest, "utf8")) as {
      dependencies?: Record<string, string>;
    };
    pending.push(...Object.keys(dependencies));
  }
  return seen;
}
