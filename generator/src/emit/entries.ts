import type { IrPackage } from "../ir/index.js";
import type { GeneratedFile } from "./file.js";
import { lineCommentHeader } from "./header.js";
import { INDEX_PATH } from "./index-file.js";
import type { TsPrinter } from "./printer.js";
import { emitCli, TESTING_PATHS } from "./testing.js";
import { StructureKind } from "./ts-morph.js";

/** `src/models.gen.ts` of version `2018-04-12` → `src/2018-04-12/models.gen.ts`. */
export function versionPath(version: string, file: string): string {
  return file.replace(/^src\//, `src/${version}/`);
}

/** The spec folders a package-level file comes from, for its header: `clb/2018-03-17, clb/2023-04-17`. */
export function packageSpecPath(pkg: IrPackage): string {
  return pkg.versions.map((v) => v.specPath).join(", ");
}

/**
 * Package entry points (built by the package files): each version is `<pkg>/<version>` and
 * `<pkg>/<version>/testing`; the root and `/testing` are the default version's.
 */
export function packageEntries(pkg: IrPackage): Record<string, string> {
  const entries: Record<string, string> = { index: INDEX_PATH, "testing/index": TESTING_PATHS.index };
  for (const v of pkg.versions) {
    entries[`${v.version}/index`] = versionPath(v.version, INDEX_PATH);
    entries[`${v.version}/testing/index`] = versionPath(v.version, TESTING_PATHS.index);
  }
  return entries;
}

/** The root and `/testing` entries re-exporting the default version, and the package's bin. */
export function emitEntries(pkg: IrPackage, printer: TsPrinter): GeneratedFile[] {
  const main = pkg.defaultVersion;
  const header = lineCommentHeader(main, ["service.json"]);
  const reexport = (path: string, target: string): GeneratedFile =>
    printer.print(path, header, [{ kind: StructureKind.ExportDeclaration, moduleSpecifier: target }]);
  return [
    reexport(INDEX_PATH, `./${main.version}/index.gen.js`),
    reexport(TESTING_PATHS.index, `../${main.version}/testing/index.gen.js`),
    emitCli(main, printer),
  ];
}
