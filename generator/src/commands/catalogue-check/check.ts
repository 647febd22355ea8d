import { existsSync } from "node:fs";
import { mkdir, readdir, symlink } from "node:fs/promises";
import path from "node:path";
import { importBulk } from "../../importers/bulk/import-bulk.js";
import { SpecLoadError } from "../../load/index.js";
import { type GeneratedPackage, generate } from "../generate.js";
import { smokeVersion, transpilePackage } from "./smoke.js";
import { typeCheck } from "./typecheck.js";

/** Outcome of one stage for one service version. */
export type StageResult = "ok" | "FAIL" | "-";

/** One row of the table: a service version folder and how far it got. */
export interface CheckRow {
  /** Folder name, e.g. `cvm-2017-03-12`. */
  readonly id: string;
  actions: number;
  import: StageResult;
  generate: StageResult;
  typeCheck: StageResult;
  smoke: StageResult;
  /** First reason of the first failing stage. */
  reason?: string;
  /** Samples the client rejected before sending (they contradict the members); the smoke used member examples instead. */
  rejectedSamples?: readonly string[];
}

/** Options of {@link catalogueCheck}. */
export interface CatalogueCheckOptions {
  /** Folder of `<service>-<yyyy-mm-dd>` folders, each in the bulk importer's format. */
  readonly catalogue: string;
  /** Only these folders, or these services (all their versions). */
  readonly only?: readonly string[];
  /** Common error codes (`{ "codes": … }`) passed to the importer. */
  readonly commonErrors: string;
  /** Scratch folder; everything is written inside it. */
  readonly workDir: string;
  /** Repository root: `packages/core` (built) and `node_modules/@types` are used from there. */
  readonly repoRoot: string;
  /** Packages per type-check program. */
  readonly batchSize?: number;
  readonly log?: (line: string) => void;
}

/** Seconds each stage took in all, for the time-per-action figure. */
export interface CatalogueCheckResult {
  readonly rows: CheckRow[];
  readonly seconds: Record<"import" | "generate" | "typeCheck" | "smoke", number>;
}

const FOLDER = /^([a-z][a-z0-9]*)-(\d{4}-\d{2}-\d{2})$/;

/**
 * Imports, generates, type-checks and smoke-tests every service version of a catalogue, out of tree
 * in `workDir`. A failure stops that version's (or package's) later stages, never another's.
 */
export async function catalogueCheck(options: CatalogueCheckOptions): Promise<CatalogueCheckResult> {
  const log = options.log ?? (() => {});
  const core = path.join(options.repoRoot, "packages/core");
  if (!existsSync(path.join(core, "dist/index.d.ts"))) {
    throw new Error(`${core}/dist is missing: build core first (npx turbo run build --filter=@org/tc-core)`);
  }
  const folders = (await readdir(options.catalogue, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && FOLDER.test(e.name))
    .map((e) => e.name)
    .filter(
      (name) => !options.only || options.only.includes(name) || options.only.includes(FOLDER.exec(name)?.[1] ?? ""),
    )
    .sort();
  const rows = new Map<string, CheckRow>(
    folders.map((id) => [id, { id, actions: 0, import: "-", generate: "-", typeCheck: "-", smoke: "-" }]),
  );
  const fail = (row: CheckRow, stage: "import" | "generate" | "typeCheck" | "smoke", reason: string): void => {
    row[stage] = "FAIL";
    row.reason ??= reason;
  };
  const seconds = { import: 0, generate: 0, typeCheck: 0, smoke: 0 };
  const timed = async <T>(stage: keyof typeof seconds, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      seconds[stage] += (performance.now() - started) / 1000;
    }
  };

  const specsRoot = path.join(options.workDir, "specs");
  const outRoot = path.join(options.workDir, "packages");
  await mkdir(path.join(options.workDir, "node_modules/@org"), { recursive: true });
  const coreLink = path.join(options.workDir, "node_modules/@org/tc-core");
  if (!existsSync(coreLink)) await symlink(core, coreLink, "dir");

  // Import: one specs root per service, so one service's bad spec cannot stop another's generation.
  const services = new Map<string, string[]>();
  for (const id of folders) {
    const row = rows.get(id)!;
    const service = FOLDER.exec(id)?.[1] ?? id;
    try {
      const result = await timed("import", () =>
        importBulk(path.join(options.catalogue, id), {
          out: path.join(specsRoot, service),
          commonErrors: options.commonErrors,
        }),
      );
      row.actions = result.counts.actions;
      row.import = "ok";
      services.set(service, [...(services.get(service) ?? []), id]);
    } catch (err) {
      fail(row, "import", firstLine(err));
    }
    log(`import ${id}: ${row.import}${row.reason ? ` (${row.reason})` : ""}`);
  }

  // Generate each service's package (all its versions).
  const generated: Array<{ ids: string[]; pkg: GeneratedPackage }> = [];
  for (const [service, ids] of services) {
    try {
      const result = await timed("generate", () =>
        generate({ specsDir: path.join(specsRoot, service), outDir: outRoot, check: false }),
      );
      for (const pkg of result.packages) generated.push({ ids, pkg });
      for (const id of ids) rows.get(id)!.generate = "ok";
    } catch (err) {
      for (const id of ids) fail(rows.get(id)!, "generate", firstLine(err));
    }
    log(`generate ${service}: ${rows.get(ids[0] ?? "")?.generate}`);
  }

  // Type-check in batches: one program per batch and resolution.
  const typeRoots = [path.join(options.repoRoot, "node_modules/@types")];
  const batchSize = options.batchSize ?? 20;
  for (let i = 0; i < generated.length; i += batchSize) {
    const batch = generated.slice(i, i + batchSize);
    const files = batch.flatMap(({ pkg }) =>
      pkg.files
        .filter((f) => f.path.endsWith(".ts") && f.path.startsWith("src/"))
        .map((f) => path.join(pkg.dir, f.path)),
    );
    const errors = await timed("typeCheck", async () => typeCheck(files, typeRoots));
    for (const { ids, pkg } of batch) {
      for (const id of ids) {
        const version = FOLDER.exec(id)?.[2] ?? "";
        const own = [...errors].find(
          ([file]) =>
            file.startsWith(pkg.dir + path.sep) &&
            (file.includes(`${path.sep}${version}${path.sep}`) ||
              !/\d{4}-\d{2}-\d{2}/.test(path.relative(pkg.dir, file))),
        );
        const row = rows.get(id)!;
        if (own) fail(row, "typeCheck", own[1]);
        else row.typeCheck = "ok";
      }
    }
    log(`type-check ${Math.min(i + batchSize, generated.length)}/${generated.length} packages`);
  }

  // Smoke: every action through the generated client against the version's own local endpoint.
  for (const { ids, pkg } of generated) {
    try {
      await timed("smoke", () => transpilePackage(pkg.dir));
    } catch (err) {
      for (const id of ids) fail(rows.get(id)!, "smoke", `transpile: ${firstLine(err)}`);
      continue;
    }
    for (const ir of pkg.pkg.versions) {
      const row = rows.get(`${ir.name}-${ir.version}`) ?? rows.get(ids.find((id) => id.endsWith(ir.version)) ?? "");
      if (!row) continue;
      try {
        const { failure, rejectedSamples } = await timed("smoke", () => smokeVersion(pkg.dir, ir));
        row.rejectedSamples = rejectedSamples;
        for (const rejected of rejectedSamples) log(`sample rejected before sending (upstream): ${row.id} ${rejected}`);
        if (failure) fail(row, "smoke", failure);
        else row.smoke = "ok";
      } catch (err) {
        fail(row, "smoke", firstLine(err));
      }
      log(`smoke ${row.id}: ${row.smoke}`);
    }
  }
  return { rows: [...rows.values()], seconds };
}

function firstLine(err: unknown): string {
  if (err instanceof SpecLoadError) {
    const p = err.problems[0];
    return p
      ? `${p.file}#${p.path}: ${p.message}${err.problems.length > 1 ? ` (+${err.problems.length - 1} more)` : ""}`
      : err.message;
  }
  const text = err instanceof Error ? err.message : String(err);
  // Under a heading such as "Cannot import X (1 problem):", the first item is the reason.
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const line = lines[0]?.endsWith(":") && lines[1] ? lines[1] : (lines[0] ?? text);
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
