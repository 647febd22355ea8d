import type { IrPackage, IrService } from "../../ir/index.js";
import type { EmitOptions, GeneratedFile } from "./file.js";
import type { Statement, TsPrinter } from "./printer.js";
import { ModuleImports, type RuntimeName } from "./symbols.js";

/** What an emitter is given besides the IR: the printer, and the imports of the modules it writes. */
export interface EmitContext {
  readonly printer: TsPrinter;
  /** The import collector of one of the emitter's declared files. */
  imports(ir: Pick<IrService, "core">, file: string): ModuleImports;
  /** Prints a module: its collected imports, then `statements`, under `header`. */
  print(imports: ModuleImports, header: string, statements: readonly Statement[]): GeneratedFile;
}

/** What every emitter declares: its name, the files it may write and the runtime symbols it may import. */
interface EmitterUnit {
  /** Short name, e.g. `client`: used in messages and the registry. */
  readonly name: string;
  /** Paths it may write (relative to a version for {@link VersionEmitter}, else to the package). */
  readonly files: readonly string[];
  /** Runtime symbols its modules may import (see `RUNTIME_SYMBOLS`). */
  readonly runtime: readonly RuntimeName[];
}

/** An emitter of one API version's modules: a function of that version's IR. */
export interface VersionEmitter extends EmitterUnit {
  /** Its files for this version; none when the version has nothing for it (no waiter, no stream…). */
  emit(ir: IrService, context: EmitContext): GeneratedFile[];
}

/** An emitter of package-level files (entries, package.json, README…): a function of the whole package. */
export interface PackageEmitter extends EmitterUnit {
  emit(pkg: IrPackage, context: EmitContext & { readonly options: EmitOptions }): GeneratedFile[];
}

/**
 * The context of one emitter: imports limited to its declared runtime symbols, modules limited to
 * its declared files, so a declaration can never fall behind what the emitter does.
 */
export function emitContext(emitter: EmitterUnit, printer: TsPrinter): EmitContext {
  const allowed = new Set(emitter.runtime);
  return {
    printer,
    imports(ir, file) {
      if (!emitter.files.includes(file))
        throw new Error(`Emitter ${emitter.name} writes ${file}, which it did not declare`);
      return new ModuleImports(file, ir.core, allowed);
    },
    print(imports, header, statements) {
      return printer.print(imports.path, header, [...imports.declarations(), ...statements]);
    },
  };
}

/** Checks that every file an emitter returned is one it declared. */
export function checkDeclared(emitter: EmitterUnit, files: readonly GeneratedFile[]): GeneratedFile[] {
  for (const file of files) {
    if (!emitter.files.includes(file.path))
      throw new Error(`Emitter ${emitter.name} returned ${file.path}, which it did not declare`);
  }
  return [...files];
}
