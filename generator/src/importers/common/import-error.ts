import { formatProblems, type SpecProblem } from "../../load/problems.js";

/** An importer's input is unusable; nothing was written. Lists every problem with file and JSON path or line. */
export class ImportError extends Error {
  readonly problems: SpecProblem[];

  constructor(what: string, problems: SpecProblem[]) {
    super(`Cannot import ${what}: ${formatProblems(problems).replace(/^Invalid specs /, "")}`);
    this.name = "ImportError";
    this.problems = problems;
  }
}
