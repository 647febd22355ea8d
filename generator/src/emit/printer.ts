import type { CodeBlockWriter, StatementStructures, WriterFunction } from "ts-morph";
import type { GeneratedFile } from "./file.js";
import { IndentationText, NewLineKind, Project, QuoteKind, StructureKind } from "./ts-morph.js";

/** A top-level statement: a ts-morph structure, or a writer for data literals. */
export type Statement = StatementStructures | WriterFunction;

/** The part of ts-morph's project context that turns structures into text. */
interface StructurePrinting {
  createWriter(): CodeBlockWriter;
  structurePrinterFactory: {
    forSourceFile(options: { isAmbient: boolean }): {
      printText(writer: CodeBlockWriter, structure: SourceFileStructureInput): void;
    };
  };
}

type SourceFileStructureInput = { statements: Statement[]; leadingTrivia: string };

/**
 * Prints TypeScript from ts-morph structures with fixed settings, so the bytes depend
 * only on the structures: two-space indent, double quotes, LF, one blank line between
 * statements, no trailing blanks, trailing newline.
 *
 * It calls the structure printer `project.createSourceFile(path, structure)` uses, without the
 * parse that method does afterwards: the text is all we need, and parsing it costs a third of
 * the generator's run time. The printer is internal to ts-morph (pinned by the lockfile), so its
 * absence is reported at once rather than papered over.
 */
export class TsPrinter {
  readonly #printing: StructurePrinting;
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

  constructor() {
    const context = (this.#project as unknown as { _context?: Partial<StructurePrinting> })._context;
    if (
      typeof context?.createWriter !== "function" ||
      typeof context.structurePrinterFactory?.forSourceFile !== "function"
    ) {
      throw new Error(
        "This ts-morph version does not expose its structure printer; install the version in package-lock.json",
      );
    }
    this.#printing = context as StructurePrinting;
  }

  /** Prints one file; `header` is the already-commented header text. */
  print(path: string, header: string, statements: readonly Statement[]): GeneratedFile {
    // ts-morph separates classes and interfaces by a blank line but not aliases or variables;
    // imports and re-exports stay together as one block.
    const spaced = statements.flatMap((s, i) =>
      i === 0 || (isModuleLink(s) && isModuleLink(statements[i - 1]))
        ? [s]
        : [(w: CodeBlockWriter) => w.blankLineIfLastNot(), s],
    );
    const writer = this.#printing.createWriter();
    this.#printing.structurePrinterFactory
      .forSourceFile({ isAmbient: false })
      .printText(writer, { statements: spaced, leadingTrivia: header });
    // The printer leaves a blank after `=` when a type starts on the next line.
    const text = wrapLongImports(writer.toString().replace(/[ \t]+$/gm, ""));
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
