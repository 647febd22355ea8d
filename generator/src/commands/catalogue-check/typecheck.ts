import { createRequire } from "node:module";
import path from "node:path";
import type { ts as Ts } from "ts-morph";

/**
 * The repository's own TypeScript (root devDependency), loaded on use: ts-morph's bundled compiler
 * keeps its lib files in memory, so a program built from it finds no `lib.es2022.d.ts` on disk.
 */
const ts = createRequire(import.meta.url)("typescript") as typeof Ts;

/** The two module resolutions a consumer may use; both must accept the generated code. */
export const RESOLUTIONS = ["node16", "bundler"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** Settings of the generated tsconfig.json, with one resolution. */
function compilerOptions(resolution: Resolution, typeRoots: string[]): Ts.CompilerOptions {
  const node16 = resolution === "node16";
  return {
    target: ts.ScriptTarget.ES2022,
    module: node16 ? ts.ModuleKind.Node16 : ts.ModuleKind.ESNext,
    moduleResolution: node16 ? ts.ModuleResolutionKind.Node16 : ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts"],
    types: ["node"],
    typeRoots,
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    noEmit: true,
  };
}

/** First compiler error per file, keyed by absolute file path. */
export type TypeErrors = Map<string, string>;

/**
 * Type-checks many packages' sources as one program per resolution (one program is much faster
 * than one per package: core's declarations and the lib files are checked once). Returns the
 * first error of every file that has one, prefixed with the resolution.
 */
export function typeCheck(files: readonly string[], typeRoots: string[]): TypeErrors {
  const errors: TypeErrors = new Map();
  for (const resolution of RESOLUTIONS) {
    const program = ts.createProgram({ rootNames: [...files], options: compilerOptions(resolution, typeRoots) });
    const diagnostics = [
      ...program.getSyntacticDiagnostics(),
      ...program.getSemanticDiagnostics(),
      ...program.getGlobalDiagnostics(),
    ];
    for (const d of diagnostics) {
      const file = d.file ? path.resolve(d.file.fileName) : "(global)";
      if (errors.has(file)) continue;
      const where = d.file && d.start !== undefined ? `:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : "";
      errors.set(
        file,
        `tsc ${resolution} ${path.basename(file)}${where}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`,
      );
    }
  }
  return errors;
}
