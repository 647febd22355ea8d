import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { GeneratedFile } from "../emit/index.js";
import { insidePackage } from "./paths.js";

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/**
 * The repository's Biome configuration, the one place the house format and lint rules are set: the
 * nearest `biome.json` above this module (which may run from `src/` or bundled from `dist/`).
 */
function rootConfig(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "biome.json");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir)
      throw new Error(
        "No biome.json above the generator: it formats generated code with the repository's configuration",
      );
  }
}

/** Files Biome formats; README, LICENSE and the like are written as emitted. */
const FORMATTED = /\.(?:ts|mts|mjs|js|json)$/;

/**
 * Runs the repository's Biome (pinned exactly, so output is deterministic) over every package's
 * code and JSON, so generated files pass the same `biome ci` as hand-written ones. One Biome process
 * for all packages: each package's files are staged under their own folder in a temporary directory,
 * formatted and import-sorted there (`biome check --write`; lint rules are checked on the
 * repository by `npm run lint:check`, not here), and read back. Emitters
 * stay free of layout concerns; their golden tests compare the unformatted text.
 */
export async function formatGenerated<P extends { readonly files: readonly GeneratedFile[] }>(
  packages: readonly P[],
): Promise<P[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "tc-format-"));
  try {
    await writeFile(path.join(dir, "biome.json"), JSON.stringify(await stagingConfig()));
    const staged = packages.map((pkg, i) => ({ pkg, root: path.join(dir, String(i)) }));
    for (const { pkg, root } of staged) {
      for (const file of pkg.files) {
        if (!FORMATTED.test(file.path)) continue;
        const target = insidePackage(root, file.path);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, file.content);
      }
    }
    await biome(
      [
        "check",
        "--write",
        "--linter-enabled=false",
        "--no-errors-on-unmatched",
        "--log-level=error",
        "--max-diagnostics=20",
        ".",
      ],
      dir,
    );
    const result: P[] = [];
    for (const { pkg, root } of staged) {
      const files: GeneratedFile[] = [];
      for (const file of pkg.files) {
        files.push(
          FORMATTED.test(file.path)
            ? { ...file, content: await readFile(insidePackage(root, file.path), "utf8") }
            : file,
        );
      }
      result.push({ ...pkg, files });
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The root configuration with what only makes sense inside the repository removed: its VCS and file
 * selection (the staging folder is outside it) and the overrides that exempt generated files in the
 * repository from formatting while they are formatted here.
 */
async function stagingConfig(): Promise<Record<string, unknown>> {
  const {
    $schema: _schema,
    vcs: _vcs,
    files: _files,
    overrides,
    ...rest
  } = JSON.parse(await readFile(rootConfig(), "utf8")) as Record<string, unknown> & {
    overrides?: Array<{ formatter?: { enabled?: boolean } }>;
  };
  return { ...rest, overrides: (overrides ?? []).filter((o) => o.formatter?.enabled !== false) };
}

async function biome(args: string[], cwd: string): Promise<void> {
  const bin = require.resolve("@biomejs/biome/bin/biome");
  try {
    await run(process.execPath, [bin, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`Biome could not format the generated code (a generator bug):\n${stderr || stdout}`.trim());
  }
}
