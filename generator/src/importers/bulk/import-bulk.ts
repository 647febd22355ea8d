import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { loadSpecs, readSpecFile, SpecLoadError } from "../../load/index.js";
import { dictFrom } from "../../spec/dict.js";
import type { ActionSpec, ErrorsSpec, ServiceSpec } from "../../spec/types.js";
import { canonicalJson } from "../../spec/write-json.js";
import { ImportError } from "../common/import-error.js";
import { Overrides } from "../common/overrides/overrides.js";
import { DEFAULT_SPECS_DIR } from "../common/paths.js";
import { type SpecTreeResult, writeSpecTree } from "../common/write-tree.js";
import { buildSpecs, type ExistingSpecs } from "./build.js";
import { readBulkSource } from "./source.js";

/** Options for {@link importBulk}. */
export interface BulkImportOptions {
  /** Specs root to write into. */
  out: string;
  /**
   * Common error codes (`{ "codes": { code: description } }`) to write to `common/errors.json`.
   * Without it, `common/errors.json` of `out` is used as it is; when `out` has none (a first import
   * into an empty folder), the repository's own `specs/common/errors.json` is written there.
   */
  commonErrors?: string;
  /** Where the project's common error codes live; default the repository's `specs/common/errors.json`. */
  projectCommonErrors?: string;
}

/** What an import produced and changed. */
export interface BulkImportResult extends SpecTreeResult {
  /** Service folder relative to the specs root, e.g. `redis/2018-04-12`. */
  serviceDir: string;
  counts: {
    actions: number;
    structures: number;
    serviceErrorCodes: number;
    commonErrorCodes?: number;
    samples: number;
    waiters: number;
    paginators: number;
  };
  warnings: string[];
  infos: string[];
}

/**
 * Imports a whole service from a directory holding `api.json` (required), `examples.json`,
 * `errors.json` and `limits.json`. Builds every spec in memory, validates the result with the
 * loader, then writes only changed files and removes stale ones; on any problem nothing is written.
 */
export async function importBulk(sourceDir: string, options: BulkImportOptions): Promise<BulkImportResult> {
  const out = path.resolve(options.out);
  const source = await readBulkSource(path.resolve(sourceDir));
  const { serviceShortName: name, apiVersion: version } = source.api.metadata;
  const serviceDir = `${name}/${version}`;
  const { common, note } = await commonErrorsFor(out, options);
  const existing = await readExisting(out, serviceDir);
  const overrides = await Overrides.read(out, serviceDir);

  const built = buildSpecs(source, existing, common.codes, overrides);
  if (note) built.infos.unshift(note);
  const files = new Map<string, string>();
  if (note !== undefined || options.commonErrors !== undefined) files.set("common/errors.json", canonicalJson(common));
  files.set(`${serviceDir}/service.json`, canonicalJson(built.service));
  files.set(`${serviceDir}/errors.json`, canonicalJson(built.errors));
  for (const action of built.actions) files.set(`${serviceDir}/actions/${action.name}.json`, canonicalJson(action));
  for (const structure of built.structures) {
    files.set(`${serviceDir}/structures/${structure.name}.json`, canonicalJson(structure));
  }

  const written = await writeSpecTree(out, {
    files,
    ownedDirs: [`${serviceDir}/actions`, `${serviceDir}/structures`],
    context: ["common/errors.json"],
    validate: async (stage) => {
      await loadSpecs(stage);
    },
  });
  return {
    ...written,
    serviceDir,
    counts: {
      actions: built.actions.length,
      structures: built.structures.length,
      serviceErrorCodes: Object.keys(built.errors.codes).length,
      ...(files.has("common/errors.json") ? { commonErrorCodes: Object.keys(common.codes).length } : {}),
      samples: built.actions.reduce((n, a) => n + a.samples.length, 0),
      waiters: Object.keys(built.service.waiters).length,
      paginators: Object.keys(built.service.paginators).length,
    },
    warnings: built.warnings,
    infos: built.infos,
  };
}

/**
 * The common error codes an import checks against, and whether it writes them: `--common FILE` is
 * written; else `out`'s own `common/errors.json` is used untouched; else (an empty `out`) the
 * project's `specs/common/errors.json` is written, so a first import needs no manual copy.
 */
async function commonErrorsFor(
  out: string,
  options: BulkImportOptions,
): Promise<{ common: ErrorsSpec; note?: string }> {
  if (options.commonErrors !== undefined) return { common: await readCommonErrors(options.commonErrors) };
  const existing = await existingCommon(out);
  if (existing) return { common: existing };
  const project = options.projectCommonErrors ?? path.join(DEFAULT_SPECS_DIR, "common/errors.json");
  return {
    common: await readCommonErrors(project),
    note: `common/errors.json was missing in ${out}: written from ${project} (pass --common FILE to choose another)`,
  };
}

async function readCommonErrors(explicit: string): Promise<ErrorsSpec> {
  const file = path.resolve(explicit);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new ImportError(file, [{ file, path: "", message: `cannot read: ${(err as Error).message}` }]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ImportError(file, [{ file, path: "", message: `invalid JSON: ${(err as Error).message}` }]);
  }
  const codes = (parsed as { codes?: unknown } | null)?.codes;
  if (codes === null || typeof codes !== "object" || Array.isArray(codes)) {
    throw new ImportError(file, [{ file, path: "/codes", message: "expected an object of code → description" }]);
  }
  const bad = Object.entries(codes).filter(([, d]) => typeof d !== "string");
  if (bad.length > 0) {
    throw new ImportError(
      file,
      bad.map(([c]) => ({ file, path: `/codes/${c}`, message: "description must be a string" })),
    );
  }
  return { codes: dictFrom(Object.entries(codes as Record<string, string>).map(([c, d]) => [c, d.trim()])) };
}

async function existingCommon(out: string): Promise<ErrorsSpec | undefined> {
  return readSpecFile<ErrorsSpec>(path.join(out, "common/errors.json"), "errors", "common/errors.json");
}

/** The committed service.json (must be valid: it is hand-curated) and each committed action's `regionRequired`. */
async function readExisting(out: string, serviceDir: string): Promise<ExistingSpecs> {
  const service = await readSpecFile<ServiceSpec>(
    path.join(out, serviceDir, "service.json"),
    "service",
    `${serviceDir}/service.json`,
  );
  const regionRequired = new Map<string, boolean>();
  const actionsDir = path.join(out, serviceDir, "actions");
  let names: string[] = [];
  try {
    names = (await readdir(actionsDir)).filter((n) => n.endsWith(".json"));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  for (const name of names) {
    try {
      const action = await readSpecFile<ActionSpec>(path.join(actionsDir, name), "action");
      if (action) regionRequired.set(action.name, action.regionRequired);
    } catch (err) {
      // A broken committed action is replaced by the import; only its regionRequired is lost.
      if (!(err instanceof SpecLoadError)) throw err;
    }
  }
  return service ? { service, regionRequired } : { regionRequired };
}
