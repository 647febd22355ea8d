import type { GeneratedFile } from "./file.js";
import { ts } from "./ts-morph.js";

/** A generated TypeScript file that does not parse. */
export interface SyntaxProblem {
  readonly path: string;
  readonly line: number;
  readonly message: string;
}

/**
 * Parses every generated `.ts` file and returns its first syntax error, if any. The printer writes
 * text without parsing it, and spec prose lands in comments and literals: this is the net that keeps
 * a description the escaping missed from shipping a package that does not compile.
 */
export function syntaxProblems(files: readonly GeneratedFile[]): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  for (const file of files) {
    if (!file.path.endsWith(".ts")) continue;
    const source = ts.createSourceFile(file.path, file.content, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    // `parseDiagnostics` is what the compiler reports as syntax errors; it is not in the public typings.
    const diagnostics = (source as unknown as { parseDiagnostics?: readonly import("ts-morph").ts.Diagnostic[] })
      .parseDiagnostics;
    if (diagnostics === undefined)
      throw new Error("TypeScript no longer exposes parseDiagnostics; update syntaxProblems");
    const first = diagnostics[0];
    if (!first) continue;
    const { line } = source.getLineAndCharacterOfPosition(first.start ?? 0);
    problems.push({
      path: file.path,
      line: line + 1,
      message: ts.flattenDiagnosticMessageText(first.messageText, "\n"),
    });
  }
  return problems;
}
