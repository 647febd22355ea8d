// The facts READMEs quote, each computed from where it lives: the specs, or core's code.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_CREDENTIAL_CHAIN } from "../../packages/core/src/credentials/chain-order.js";

/** Counts of one service version's spec, as the READMEs state them. */
export interface SpecCounts {
  readonly actions: number;
  readonly structures: number;
  readonly serviceCodes: number;
  readonly commonCodes: number;
  readonly samples: number;
  readonly readOnlyActions: number;
  readonly waiterTrackedActions: number;
  readonly paginators: number;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** Counts computed from `specs/<service>/<version>/` and `specs/common/`. */
export function specCounts(root: string, service: string, version: string): SpecCounts {
  const dir = path.join(root, "specs", service, version);
  const actionFiles = readdirSync(path.join(dir, "actions")).filter((file) => file.endsWith(".json"));
  const actions = actionFiles.map((file) =>
    readJson<{ readOnly?: boolean; samples?: unknown[] }>(path.join(dir, "actions", file)),
  );
  const service_ = readJson<{
    waiters?: Record<string, { trackedActions?: string[] }>;
    paginators?: Record<string, unknown>;
  }>(path.join(dir, "service.json"));
  return {
    actions: actions.length,
    structures: readdirSync(path.join(dir, "structures")).filter((file) => file.endsWith(".json")).length,
    serviceCodes: Object.keys(readJson<{ codes: object }>(path.join(dir, "errors.json")).codes).length,
    commonCodes: Object.keys(readJson<{ codes: object }>(path.join(root, "specs/common/errors.json")).codes).length,
    samples: actions.reduce((sum, action) => sum + (action.samples?.length ?? 0), 0),
    readOnlyActions: actions.filter((action) => action.readOnly === true).length,
    waiterTrackedActions: Object.values(service_.waiters ?? {}).reduce(
      (sum, w) => sum + (w.trackedActions?.length ?? 0),
      0,
    ),
    paginators: Object.keys(service_.paginators ?? {}).length,
  };
}

/** The default credential chain's order, from core. */
export const CREDENTIAL_CHAIN: readonly string[] = DEFAULT_CREDENTIAL_CHAIN;

/** One row of the README's table of shipped packages, from the package's `specs/<service>/*` folders. */
export interface ShippedPackage {
  readonly service: string;
  readonly packageName: string;
  readonly title: string;
  /** Oldest first, each with its action count; `root` marks the version the package root re-exports. */
  readonly versions: ReadonlyArray<{ readonly version: string; readonly actions: number; readonly root: boolean }>;
}

/**
 * Every service under `specs/` (each becomes a package), sorted by package name. The root version is the
 * one marked `"default": true`, else the newest, as the generator decides.
 */
export function shippedPackages(root: string): ShippedPackage[] {
  const specs = path.join(root, "specs");
  const services = readdirSync(specs, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "schema" && entry.name !== "common")
    .map((entry) => entry.name);
  return services
    .map((service) => {
      const versions = readdirSync(path.join(specs, service)).sort();
      const metas = versions.map((version) => ({
        version,
        meta: readJson<{ packageName: string; title: string; default?: boolean }>(
          path.join(specs, service, version, "service.json"),
        ),
        actions: readdirSync(path.join(specs, service, version, "actions")).filter((file) => file.endsWith(".json"))
          .length,
      }));
      const rootVersion = (metas.find((m) => m.meta.default === true) ?? metas[metas.length - 1])?.version;
      const newest = metas[metas.length - 1]!.meta;
      return {
        service,
        packageName: newest.packageName,
        title: newest.title,
        versions: metas.map((m) => ({ version: m.version, actions: m.actions, root: m.version === rootVersion })),
      };
    })
    .sort((a, b) => a.packageName.localeCompare(b.packageName));
}
