import { existsSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "../generate/helpers.js";

/** The strictest settings we promise generated packages compile under. */
const STRICT: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  types: ["node"],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  noEmit: true,
};

/** The two module resolutions consumers use. */
export const RESOLUTIONS = {
  node16: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 },
  bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
} as const satisfies Record<string, ts.CompilerOptions>;

/** Fails fast with a useful message when core's declarations are not built yet. */
export function requireCoreBuild(): void {
  if (!existsSync(path.join(REPO_ROOT, "packages/core/dist/index.d.ts"))) {
    throw new Error("packages/core/dist is missing: run `npx turbo run build --filter=@org/tc-core` first");
  }
}

/**
 * Type-checks `files` (plus in-memory `virtual` files) and returns every diagnostic as
 * `file:line: TSxxxx message`, paths relative to the repository.
 */
export function typeCheck(
  files: readonly string[],
  resolution: keyof typeof RESOLUTIONS,
  virtual: Readonly<Record<string, string>> = {},
): string[] {
  const options = { ...STRICT, ...RESOLUTIONS[resolution] };
  const host = ts.createCompilerHost(options);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => name in virtual || fileExists(name);
  host.readFile = (name) => virtual[name] ?? readFile(name);
  host.getSourceFile = (name, version, onError, create) => {
    const text = virtual[name];
    return text === undefined
      ? getSourceFile(name, version, onError, create)
      : ts.createSourceFile(name, text, version);
  };
  const program = ts.createProgram([...files, ...Object.keys(virtual)], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return `TS${d.code} ${message}`;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${path.relative(REPO_ROOT, d.file.fileName)}:${line + 1}: TS${d.code} ${message}`;
  });
}
