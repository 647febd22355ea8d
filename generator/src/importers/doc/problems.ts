import { compareCodeUnits } from "../../support/code-units.js";

/** How bad a finding is: errors stop the import, warnings are reported and the import goes on. */
export type Severity = "error" | "warning";

/** One finding about a doc page, located by file and 1-based line. */
export interface DocProblem {
  file: string;
  line: number;
  severity: Severity;
  message: string;
}

/**
 * Collects every finding of a run, so a maintainer sees all of a page's problems at once
 * instead of fixing them one rerun at a time.
 */
export class ProblemLog {
  readonly #items: DocProblem[] = [];

  /** Records a finding that stops the import. */
  error(file: string, line: number, message: string): void {
    this.#items.push({ file, line, severity: "error", message });
  }

  /** Records a finding that is reported while the import goes on. */
  warn(file: string, line: number, message: string): void {
    this.#items.push({ file, line, severity: "warning", message });
  }

  /** Records a finding collected elsewhere (e.g. a structure's deferred faults). */
  add(problem: DocProblem): void {
    this.#items.push(problem);
  }

  /** Findings in the order they were logged. */
  all(): readonly DocProblem[] {
    return this.#items;
  }

  /** Whether any finding stops the import. */
  get hasErrors(): boolean {
    return this.#items.some((p) => p.severity === "error");
  }

  /** Ordered by file, line, then message, so the report is byte-identical between runs. */
  sorted(): DocProblem[] {
    return [...this.#items].sort(
      (a, b) => compareCodeUnits(a.file, b.file) || a.line - b.line || compareCodeUnits(a.message, b.message),
    );
  }
}

/** `file:line: severity: message`, the form editors and terminals turn into links. */
export function formatProblem(p: DocProblem): string {
  return `${p.file}:${p.line}: ${p.severity}: ${p.message}`;
}
