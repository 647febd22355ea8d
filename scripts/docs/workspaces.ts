// Which packages the reference site documents, and from which source files. Discovered from the root
// package.json's workspaces so a newly generated service package appears without editing this folder.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** One `exports` subpath of a package and the source file behind it. */
export interface EntryPoint {
  /** What a user imports: `@org/tc-core`, `@org/tc-core/testing`. */
  readonly specifier: string;
  /** Absolute path of the TypeScript source. */
  readonly source: string;
}

/** A published workspace and the source file behind each of its entry points. */
export interface DocumentedPackage {
  /** npm name, e.g. `@org/tc-core`. */
  readonly name: string;
  /** Absolute path of the workspace folder. */
  readonly dir: string;
  /** The package's public entry points, in `exports` order. */
  readonly entryPoints: readonly EntryPoint[];
}

interface Manifest {
  readonly name?: string;
  readonly private?: boolean;
  readonly workspaces?: readonly string[];
  readonly exports?: Record<string, unknown>;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
}

/** Workspace folders named by the root manifest (`dir/*` patterns and plain folders), sorted. */
export function workspaceDirs(root: string): string[] {
  const dirs: string[] = [];
  for (const pattern of readManifest(root).workspaces ?? []) {
    if (pattern.endsWith("/*")) {
      const parent = path.join(root, pattern.slice(0, -2));
      if (!existsSync(parent)) continue;
      for (const entry of readdirSync(parent, { withFileTypes: true })) {
        if (entry.isDirectory()) dirs.push(path.join(parent, entry.name));
      }
    } else {
      dirs.push(path.join(root, pattern));
    }
  }
  return dirs.filter((dir) => existsSync(path.join(dir, "package.json"))).sort();
}

/** The declaration file an `exports` entry points at, whichever condition nesting it uses. */
function typesTarget(target: unknown): string | undefined {
  if (typeof target === "string") return target.endsWith(".d.ts") ? target : undefined;
  if (target === null || typeof target !== "object") return undefined;
  const conditions = target as Record<string, unknown>;
  for (const key of ["import", "types", "default"]) {
    const found = typesTarget(conditions[key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * Maps `./dist/<path>.d.ts` to the source that tsup builds it from: `src/<path>.ts`, or the generated
 * `src/<path>.gen.ts`. Throws naming the package when neither exists, so a new layout cannot silently
 * drop an entry point from the site.
 */
function sourceOf(pkg: string, dir: string, declaration: string): string {
  const stem = declaration.replace(/^\.\/dist\//, "src/").replace(/\.d\.ts$/, "");
  for (const candidate of [`${stem}.ts`, `${stem}.gen.ts`]) {
    if (existsSync(path.join(dir, candidate))) return path.join(dir, candidate);
  }
  throw new Error(`${pkg}: no source for ${declaration} (looked for ${stem}.ts and ${stem}.gen.ts)`);
}

/** Every workspace that is published (not `private`), with the sources of its public entry points. */
export function documentedPackages(root: string): DocumentedPackage[] {
  const packages: DocumentedPackage[] = [];
  for (const dir of workspaceDirs(root)) {
    const manifest = readManifest(dir);
    if (manifest.private || !manifest.name) continue;
    const entryPoints: EntryPoint[] = [];
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (subpath === "./package.json") continue;
      const declaration = typesTarget(target);
      if (!declaration) continue;
      const specifier = subpath === "." ? manifest.name : `${manifest.name}/${subpath.replace(/^\.\//, "")}`;
      entryPoints.push({ specifier, source: sourceOf(manifest.name, dir, declaration) });
    }
    if (entryPoints.length === 0) throw new Error(`${manifest.name}: package.json exports name no .d.ts entry point`);
    packages.push({ name: manifest.name, dir, entryPoints });
  }
  return packages;
}
