import type { IrPackage, IrService } from "../ir/index.js";
import { byCodeUnits } from "../support/code-units.js";
import { versionPath } from "./emitters/entries.js";
import { emitProvenance } from "./provenance.js";
import { PACKAGE_EMITTERS, VERSION_EMITTERS } from "./registry.js";
import { checkDeclared, emitContext, type PackageEmitter, type VersionEmitter } from "./support/emitter.js";
import type { EmitOptions, GeneratedFile } from "./support/file.js";
import { TsPrinter } from "./support/printer.js";

export { PROVENANCE_PATH, type Provenance, parseProvenance } from "./provenance.js";
export type { EmitOptions, GeneratedFile } from "./support/file.js";

/** The files one version emitter writes for `ir`, checked against the files it declared. */
export function runVersionEmitter(
  emitter: VersionEmitter,
  ir: IrService,
  printer: TsPrinter = new TsPrinter(),
): GeneratedFile[] {
  return checkDeclared(emitter, emitter.emit(ir, emitContext(emitter, printer)));
}

/** The files one package emitter writes for `pkg`, checked against the files it declared. */
export function runPackageEmitter(
  emitter: PackageEmitter,
  pkg: IrPackage,
  options: EmitOptions,
  printer: TsPrinter = new TsPrinter(),
): GeneratedFile[] {
  return checkDeclared(emitter, emitter.emit(pkg, { ...emitContext(emitter, printer), options }));
}

/**
 * Every module of one API version, at paths as if the version were the whole package (`src/…`);
 * {@link emitPackage} moves them into the version's folder. Reads only the IR.
 */
export function emitVersion(ir: IrService, printer: TsPrinter = new TsPrinter()): GeneratedFile[] {
  return VERSION_EMITTERS.flatMap((emitter) => runVersionEmitter(emitter, ir, printer));
}

/**
 * Every file of one generated package, sorted by path: each version under `src/<version>/`, the
 * root and `/testing` entries re-exporting the default version, the package files, and the
 * provenance record listing them all.
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
    ...PACKAGE_EMITTERS.flatMap((emitter) => runPackageEmitter(emitter, pkg, options, printer)),
  ];
  files.push(emitProvenance(pkg, options, files));
  return files.sort(byCodeUnits((f) => f.path));
}
