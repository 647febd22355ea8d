import { SpecLoadError, type SpecProblem } from "../load/problems.js";
import { compareCodeUnits } from "../support/code-units.js";

/** Collects every problem of one IR build so a maintainer sees them all at once. */
export class ProblemList {
  readonly #problems: SpecProblem[] = [];

  constructor(private readonly specPath: string) {}

  /** Records a problem in `file` (relative to the service directory) at JSON pointer `path`. */
  add(file: string, path: string, message: string): void {
    this.#problems.push({ file: `${this.specPath}/${file}`, path, message });
  }

  get size(): number {
    return this.#problems.length;
  }

  /** Throws every recorded problem, sorted by file and path, if there is any. */
  throwIfAny(): void {
    if (this.#problems.length === 0) return;
    const sorted = [...this.#problems].sort(
      (a, b) =>
        compareCodeUnits(a.file, b.file) || compareCodeUnits(a.path, b.path) || compareCodeUnits(a.message, b.message),
    );
    throw new SpecLoadError(sorted);
  }
}
