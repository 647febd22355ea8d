import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { loadSpecs, readSpecFile, SpecLoadError } from "../../load/index.js";
import type { ActionSpec, ErrorsSpec, ServiceSpec } from "../../spec/types.js";
import { canonicalJson } from "../../spec/write-json.js";
import { ImportError } from "../common/import-error.js";
import { writeSpecTree, type SpecTreeResult } from "../common/write-tree.js";
import { buildSpecs, type ExistingSpecs } from "./build.js";
import { readBulkSource } from "./source.js";

/** Options for {@link importBulk}. */
export interface BulkImportOptions {
  /** Specs root to write into. */
  out: string;
  /**
   * Common error codes (`{ "codes": { code: description } }`) to write to `common/errors.json`.
   * Default: `common-errors.json` beside the service directory, when it exists.
   */
  commonErrors?: string;
}

/** What an import produced and changed. */
export interface BulkImportResult extends SpecTreeResult {
  /** Service folder relative to the specs root, e.g. `redis/2018-04-12`. */
  serviceDir: string;
  counts: { actions: number; structures: number; serviceErrorCodes: number; commonErrorCodes?: number; samples: number; waiters: number; paginators: number };
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
  const common = await readCommonErrors(sourceDir, options.commonErrors);
  const commonCodes = common?.codes ?? (await existingCommon(out))?.codes ?? {};
  const existing = await readExisting(out, serviceDir);

  const built = buildSpecs(source, existing, commonCodes);
  const files = new Map<string, string>();
  if (common) files.set("common/errors.json", canonicalJson(common));
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
      ...(common ? { commonErrorCodes: Object.keys(common.codes).length } : {}),
      samples: built.actions.reduce((n, a) => n + a.samples.length, 0),
      waiters: Object.keys(built.service.waiters).length,
      paginators: Object.keys(built.service.paginators).length,
    },
    warnings: built.warnings,
    infos: built.infos,
  };
}

async function readCommonErrors(sourceDir: string, explicit: string | undefined): Promise<ErrorsSpec | undefined> {
  const file = path.resolve(explicit ?? path.join(sourceDir, "..", "common-errors.json"));
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT" && explicit === undefined) return undefined;
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
    throw new ImportError(file, bad.map(([c]) => ({ file, path: `/codes/${c}`, message: "description must be a string" })));
  }
  return { codes: Object.fromEntries(Object.entries(codes as Record<string, string>).map(([c, d]) => [c, d.trim()])) };
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
