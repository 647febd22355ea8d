/** One thing wrong with the specs: which file, where inside it, and what. */
export interface SpecProblem {
  /** Path relative to the specs root, e.g. `redis/2018-04-12/actions/DescribeTaskInfo.json`. */
  file: string;
  /** JSON pointer into the file, e.g. `/input/2/type`; empty for the whole file. */
  path: string;
  message: string;
}

/** Thrown by `loadSpecs` when any spec file is invalid; carries every problem found, not just the first. */
export class SpecLoadError extends Error {
  readonly problems: SpecProblem[];

  constructor(problems: SpecProblem[]) {
    super(formatProblems(problems));
    this.name = "SpecLoadError";
    this.problems = problems;
  }
}

/** One problem per line, `file#/path: message`, in a stable order. */
export function formatProblems(problems: readonly SpecProblem[]): string {
  const lines = problems.map((p) => `  ${p.file}${p.path ? `#${p.path}` : ""}: ${p.message}`);
  const noun = problems.length === 1 ? "problem" : "problems";
  return `Invalid specs (${problems.length} ${noun}):\n${lines.join("\n")}`;
}

/** Escapes a key for use as one JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}
