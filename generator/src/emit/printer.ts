import {
  IndentationText,
  NewLineKind,
  Project,
  QuoteKind,
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
    // ts-morph separates classes and interfaces by a blank line but not aliases, variables or imports.
    const spaced = statements.flatMap((s, i) => (i === 0 ? [s] : [(w: CodeBlockWriter) => w.blankLineIfLastNot(), s]));
    const file = this.#project.createSourceFile(`/${path}`, { statements: spaced, leadingTrivia: header }, { overwrite: true });
    // The printer leaves a blank after `=` when a type starts on the next line.
    const text = file.getFullText().replace(/[ \t]+$/gm, "");
    this.#project.removeSourceFile(file);
    return { path, content: text.endsWith("\n") ? text : `${text}\n` };
  }
}
