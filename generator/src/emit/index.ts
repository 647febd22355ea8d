import type { IrPackage, IrService } from "../ir/index.js";
import { emitClient } from "./client.js";
import { emitEntries, versionPath } from "./entries.js";
import { emitErrors } from "./errors.js";
import type { EmitOptions, GeneratedFile } from "./file.js";
import { emitIndex } from "./index-file.js";
import { emitMetadata } from "./metadata.js";
import { emitModels } from "./models.js";
import { emitPackageFiles } from "./package-files.js";
import { emitPaginators } from "./paginators.js";
import { TsPrinter } from "./printer.js";
import { emitProvenance } from "./provenance.js";
import { emitSmokeTest } from "./smoke-test.js";
import { emitStateWaiters } from "./state-waiters.js";
import { emitStreams } from "./streams.js";
import { emitTesting } from "./testing.js";
import { emitWaiters } from "./waiters.js";

export type { EmitOptions, GeneratedFile } from "./file.js";
export { PROVENANCE_PATH, type Provenance, parseProvenance } from "./provenance.js";

/**
 * Every module of one API version, at paths as if the version were the whole package (`src/…`);
 * {@link emitPackage} moves them into the version's folder. Reads only the IR.
 */
export function emitVersion(ir: IrService, printer: TsPrinter = new TsPrinter()): GeneratedFile[] {
  const files: GeneratedFile[] = [
    emitModels(ir, printer),
    emitErrors(ir, printer),
    emitMetadata(ir, printer),
    emitClient(ir, printer),
    emitIndex(ir, printer),
    ...emitTesting(ir, printer),
  ];
  const waiters = emitWaiters(ir, printer);
  if (waiters) files.push(waiters);
  const stateWaiters = emitStateWaiters(ir, printer);
  if (stateWaiters) files.push(stateWaiters);
  const streams = emitStreams(ir, printer);
  if (streams) files.push(streams);
  const paginators = emitPaginators(ir, printer);
  if (paginators) files.push(paginators);
  return files;
}

/**
 * Every file of one generated package, sorted by path: each version under `src/<version>/`, the
 * root and `/testing` entries re-exporting the default version, and the package files.
 */
export function emitPackage(
  pkg: IrPackage,
  options: EmitOptions,
  printer: TsPrinter = new TsPrinter(),
): GeneratedFile[] {
  const files: GeneratedFile[] = [
    ...pkg.versions.flatMap((ir) =>
      emitVersion(ir, printer).map((f) => ({ ...f, path: versionPath(ir.version, f.path) })),
    ),
    ...emitEntries(pkg, printer),
    ...emitPackageFiles(pkg, options, printer),
    emitSmokeTest(pkg, printer),
  ];
  files.push(emitProvenance(pkg, options, files));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
