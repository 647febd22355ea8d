import {
  IndentationText,
  NewLineKind,
  Project,
  QuoteKind,
  StructureKind,
  type CodeBlockWriter,
  type StatementStructures,
  type WriterFunction,
} from "ts-morph";
import type { GeneratedFile } from "./file.js";

/** A top-level statement: a ts-morph structure, or a writer for data literals. */
export type Statement = StatementStructures | WriterFunction;

/**
 * Prints TypeScript from ts-morph structures with fixed settings, so the bytes depend
 * only on the structures: two-space indent, double quotes, LF, one blank line between
 * statements, no trailing blanks, trailing newline.
 */
export class TsPrinter {
  readonly #project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Double,
      newLineKind: NewLineKind.LineFeed,
      useTrailingCommas: true,
      insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
    },
  });

  /** Prints one file; `header` is the already-commented header text. */
  print(path: string, header: string, statements: readonly Statement[]): GeneratedFile {
    // ts-morph separates classes and interfaces by a blank line but not aliases or variables;
    // imports and re-exports stay together as one block.
    const spaced = statements.flatMap((s, i) =>
      i === 0 || (isModuleLink(s) && isModuleLink(statements[i - 1])) ? [s] : [(w: CodeBlockWriter) => w.blankLineIfLastNot(), s],
    );
    const file = this.#project.createSourceFile(`/${path}`, { statements: spaced, leadingTrivia: header }, { overwrite: true });
    // The printer leaves a blank after `=` when a type starts on the next line.
    const text = wrapLongImports(file.getFullText().replace(/[ \t]+$/gm, ""));
    this.#project.removeSourceFile(file);
    return { path, content: text.endsWith("\n") ? text : `${text}\n` };
  }
}

function isModuleLink(statement: Statement | undefined): boolean {
  return (
    typeof statement === "object" &&
    (statement.kind === StructureKind.ImportDeclaration || statement.kind === StructureKind.ExportDeclaration)
  );
}

const MAX_LINE = 120;
const NAMED_LINK = /^((?:import|export)(?: type)? )\{ (.+) \}( from "[^"]+";)$/;

/** ts-morph never wraps named imports; a long list gets one name per line, as formatters do. */
function wrapLongImports(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const match = line.length > MAX_LINE ? NAMED_LINK.exec(line) : null;
      if (!match) return line;
      const [, head = "", names = "", tail = ""] = match;
      return `${head}{\n${names
        .split(", ")
        .map((name) => `  ${name},`)
        .join("\n")}\n}${tail}`;
    })
    .join("\n");
}
