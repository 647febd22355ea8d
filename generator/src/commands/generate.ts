import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { emitPackage, type GeneratedFile } from "../emit/index.js";
import { TsPrinter } from "../emit/printer.js";
import { syntaxProblems } from "../emit/syntax.js";
import { buildServiceIr, groupPackages, type IrPackage, type IrService } from "../ir/index.js";
import { loadSpecs, SpecLoadError, type SpecProblem } from "../load/index.js";
import { diffPackage, type FileDifference, readIfExists, writePackage } from "../write/index.js";

const GENERATOR_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const REPO_ROOT = path.resolve(GENERATOR_DIR, "..");

/** Release-managed package.json fields a first generation starts from. */
const FIRST_RELEASE = { version: "0.1.0", coreRange: "^0.1.0" } as const;

const USAGE = `usage: npm run generate -- [--specs DIR] [--out DIR] [--check]
  --specs DIR  specs root (default: specs/)
  --out DIR    where packages are written, one folder per service (default: packages/)
  --check      write nothing; list every file that differs from what the specs produce, exit 1 if any`;

/** Options of {@link generate}. */
export interface GenerateOptions {
  readonly specsDir: string;
  readonly outDir: string;
  readonly check: boolean;
}

/** One package the specs produce: every version of one service. */
export interface GeneratedPackage {
  readonly pkg: IrPackage;
  readonly dir: string;
  readonly files: readonly GeneratedFile[];
}

/** Outcome of {@link generate}: what was produced and, per package, what differed or was written. */
export interface GenerateResult {
  readonly packages: readonly GeneratedPackage[];
  readonly differences: ReadonlyMap<string, readonly FileDifference[]>;
  /** What the specs should curate but the generator could work around (e.g. a title not in English). */
  readonly warnings: readonly string[];
}

/**
 * Loads the specs, builds every service's IR and emits every package in memory; only when all of
 * that succeeded does it write (or, with `check`, compare). Throws `SpecLoadError` with the
 * problems of every service, so one bad service does not hide another's.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const specs = await loadSpecs(options.specsDir);
  const problems: SpecProblem[] = [];
  const irs: IrService[] = [];
  for (const service of specs.services) {
    try {
      irs.push(buildServiceIr(specs, service));
    } catch (err) {
      if (!(err instanceof SpecLoadError)) throw err;
      problems.push(...err.problems);
    }
  }
  const grouped = groupPackages(irs);
  problems.push(...grouped.problems);
  if (problems.length > 0) throw new SpecLoadError(problems);

  const generator = generatorIdentity();
  const printer = new TsPrinter();
  const packages: GeneratedPackage[] = [];
  for (const pkg of grouped.packages) {
    const dir = path.join(options.outDir, pkg.name);
    const release = await releaseFields(dir);
    const files = emitPackage(pkg, { generator, release }, printer);
    // Spec text reaches comments and literals: output that does not parse is a generator bug, never written.
    for (const p of syntaxProblems(files)) {
      problems.push({
        file: path.join(dir, p.path),
        path: `line ${p.line}`,
        message: `generated TypeScript does not parse: ${p.message}`,
      });
    }
    packages.push({ pkg, dir, files });
  }
  if (problems.length > 0) throw new SpecLoadError(problems);

  const differences = new Map<string, readonly FileDifference[]>();
  for (const pkg of packages) {
    if (options.check) {
      differences.set(pkg.dir, await diffPackage(pkg.dir, pkg.files));
    } else {
      const result = await writePackage(pkg.dir, pkg.files);
      differences.set(pkg.dir, [
        ...result.written.map((p) => ({ path: p, kind: "changed" as const })),
        ...result.removed.map((p) => ({ path: p, kind: "stale" as const })),
      ]);
    }
  }
  return { packages, differences, warnings: grouped.warnings };
}

/**
 * The version and core range changesets maintain in the package's package.json are carried over,
 * so regenerating never reverts a release; a new package starts at {@link FIRST_RELEASE}.
 */
async function releaseFields(dir: string): Promise<{ version: string; coreRange: string }> {
  const text = await readIfExists(path.join(dir, "package.json"));
  if (text === undefined) return FIRST_RELEASE;
  let manifest: { version?: unknown; dependencies?: Record<string, unknown> };
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch {
    return FIRST_RELEASE;
  }
  const version = typeof manifest.version === "string" ? manifest.version : FIRST_RELEASE.version;
  const range = manifest.dependencies?.["@org/tc-core"];
  return { version, coreRange: typeof range === "string" ? range : FIRST_RELEASE.coreRange };
}

function generatorIdentity(): { name: string; version: string } {
  const manifest = JSON.parse(readFileSync(path.join(GENERATOR_DIR, "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  return { name: manifest.name, version: manifest.version };
}

/** `npm run generate -- [--specs DIR] [--out DIR] [--check]`; resolves to the exit code. */
export async function runGenerate(args: string[]): Promise<number> {
  let options: GenerateOptions;
  try {
    const { values } = parseArgs({
      args,
      options: {
        specs: { type: "string" },
        out: { type: "string" },
        check: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    options = {
      specsDir: path.resolve(values.specs ?? path.join(REPO_ROOT, "specs")),
      outDir: path.resolve(values.out ?? path.join(REPO_ROOT, "packages")),
      check: values.check,
    };
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }

  const started = performance.now();
  let result: GenerateResult;
  try {
    result = await generate(options);
  } catch (err) {
    if (err instanceof SpecLoadError) {
      console.error(`${err.message}\nNothing was written.`);
      return 1;
    }
    throw err;
  }
  for (const warning of result.warnings) console.error(`warning: ${warning}`);
  return report(result, options, performance.now() - started);
}

function report(result: GenerateResult, options: GenerateOptions, ms: number): number {
  const cwd = process.cwd();
  let differing = 0;
  for (const pkg of result.packages) {
    const where = path.relative(cwd, pkg.dir) || ".";
    const differences = result.differences.get(pkg.dir) ?? [];
    differing += differences.length;
    if (options.check) {
      if (differences.length === 0) console.log(`${where}: up to date (${pkg.files.length} files)`);
      for (const d of differences)
        console.error(`${where}/${d.path}: ${d.kind === "stale" ? "no longer generated" : d.kind}`);
    } else {
      const written = differences.filter((d) => d.kind !== "stale").length;
      const removed = differences.length - written;
      console.log(`${where}: ${pkg.files.length} files, ${written} written, ${removed} removed`);
    }
  }
  if (options.check && differing > 0) {
    console.error(
      `${differing} generated file(s) differ from the specs; run \`npm run generate\` and commit the result.`,
    );
    return 1;
  }
  console.log(`generate: ${result.packages.length} package(s) in ${Math.round(ms)} ms`);
  return 0;
}
