import type { ProblemList } from "./problems.js";

/** Where a generated identifier comes from, for collision messages. */
export interface NameOrigin {
  /** Spec file relative to the service directory, or `""` for names the generator chooses. */
  readonly file: string;
  readonly path: string;
  /** e.g. `request type of action DescribeTaskInfo`. */
  readonly what: string;
}

/**
 * One scope of identifiers (module-level names, or members of the client class).
 * The first claim wins; every later claim of the same name is reported with both origins,
 * because renaming silently would make the public API depend on spec order.
 */
export class NameScope {
  readonly #taken = new Map<string, NameOrigin>();

  constructor(
    private readonly scope: string,
    private readonly problems: ProblemList,
    private readonly serviceFile: string,
  ) {}

  /** Whether `name` is already claimed. */
  has(name: string): boolean {
    return this.#taken.has(name);
  }

  /** Claims `name`; returns false (and records a problem) when it is already taken. */
  claim(name: string, origin: NameOrigin): boolean {
    const previous = this.#taken.get(name);
    if (previous === undefined) {
      this.#taken.set(name, origin);
      return true;
    }
    const file = origin.file || previous.file || this.serviceFile;
    const path = origin.file ? origin.path : previous.path;
    this.problems.add(
      file,
      path,
      `${this.scope} name "${name}" of the ${origin.what} collides with the ${previous.what}` +
        (previous.file ? ` (${previous.file}${previous.path ? `#${previous.path}` : ""})` : ""),
    );
    return false;
  }
}
