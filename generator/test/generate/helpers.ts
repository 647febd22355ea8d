import { cp, mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { vi } from "vitest";
import { runGenerate } from "../../src/commands/generate.js";
import { FIXTURE_ROOT } from "../ir/fixture.js";

/** Repository root, for the committed specs and packages. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** A scratch directory removed by the returned cleanup. */
export async function scratch(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), `tc-gen-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A writable copy of the fixture specs root. */
export async function copyFixtureSpecs(into: string): Promise<string> {
  const specs = path.join(into, "specs");
  await cp(FIXTURE_ROOT, specs, { recursive: true });
  return specs;
}

/**
 * Makes `@org/tc-core` and `@types/node` resolvable from a package generated outside the
 * repository, the way a workspace install would.
 */
export async function linkNodeModules(dir: string): Promise<void> {
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
}

/** Runs the generate command, capturing what it prints. */
export async function runCaptured(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  try {
    const code = await runGenerate(args);
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** Every file under `dir` (relative, POSIX) with its content, skipping node_modules. */
export async function snapshotTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (sub: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
      if (entry.name === "node_modules") continue;
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(rel);
      else files.set(rel, await readFile(path.join(dir, rel), "utf8"));
    }
  };
  await walk("");
  return files;
}
