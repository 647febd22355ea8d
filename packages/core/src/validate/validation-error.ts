const BRAND = Symbol.for("@org/tc-core/ValidationError");

/**
 * A request that does not match its action's spec, detected before anything was sent.
 * `problems` lists every mismatch with its path, e.g. `Filters[2].Name: required`.
 */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  /** Every problem found, each `path: what is wrong`. Never contains member values. */
  readonly problems: readonly string[];
  /** Signing service name, e.g. `redis`. */
  readonly service: string;
  /** Wire action name, e.g. `DescribeTaskInfo`. */
  readonly action: string;

  constructor(problems: readonly string[], service: string, action: string) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`Invalid ${service}.${action} request (${count}):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.problems = Object.freeze([...problems]);
    this.service = service;
    this.action = action;
  }
}

// A registered symbol on the prototype lets the guard recognise instances from duplicate copies of this package.
Object.defineProperty(ValidationError.prototype, BRAND, { value: true });

/** True for a {@link ValidationError} from any copy of `@org/tc-core` (where `instanceof` may fail). */
export function isValidationError(error: unknown): error is ValidationError {
  return typeof error === "object" && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true;
}
