import { brand, kindOf } from "../errors/brand.js";
import { SdkError } from "../errors/index.js";

/**
 * The server answered a page with exactly the items of the previous page, so it is ignoring the
 * offset and the rest of the list cannot be reached. Thrown rather than ending quietly, because a
 * silently truncated listing is worse than a loud one.
 */
export class PaginationError extends SdkError {
  /** Offset of the request that repeated the previous page. */
  readonly offset: number;

  constructor(action: string, offset: number) {
    super(
      `${action} returned the same items for offset ${offset} as for the previous page; ` +
        "stopped instead of looping (the server appears to ignore the offset)",
      { action },
    );
    this.offset = offset;
  }

  protected override details(): Record<string, unknown> {
    return { offset: this.offset };
  }
}
brand(PaginationError, "PaginationError");

/** True for a {@link PaginationError} from any copy of `@org/tc-core`. */
export function isPaginationError(value: unknown): value is PaginationError {
  return kindOf(value) === "PaginationError";
}
