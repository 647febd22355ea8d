import { brand, kindOf } from "../errors/brand.js";
import { SdkError } from "../errors/sdk-error.js";

/**
 * A request that does not match its action's spec, detected before anything was sent (so `attempts`
 * is 0). `problems` lists every mismatch with its path, e.g. `Filters[2].Name: required`.
 */
export class ValidationError extends SdkError {
  /** Every problem found, each `path: what is wrong`. Never contains member values. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[], service: string, action: string) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`Invalid ${service}.${action} request (${count}):\n${problems.map((p) => `  - ${p}`).join("\n")}`, {
      service,
      action,
    });
    this.problems = Object.freeze([...problems]);
  }

  protected override details(): Record<string, unknown> {
    return { problems: this.problems };
  }
}
brand(ValidationError, "ValidationError");

/** True for a {@link ValidationError} from any copy of `@org/tc-core` (where `instanceof` may fail). */
export function isValidationError(error: unknown): error is ValidationError {
  return kindOf(error) === "ValidationError";
}
