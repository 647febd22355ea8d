import { brand } from "./brand.js";
import { SdkError, type SdkErrorOptions } from "./sdk-error.js";

/**
 * What was wrong with the response: `not-json` (e.g. an HTML error page), `truncated` (JSON cut
 * short), `missing-response` (JSON, but not an API 3.0 `Response`), `redirect` (a 3xx, which is never
 * followed) or `too-large` (the body passed `maxResponseBytes`). The last two are never retried.
 */
export type MalformedReason = "not-json" | "truncated" | "missing-response" | "redirect" | "too-large";

/** Options of {@link MalformedResponseError}. */
export interface MalformedResponseErrorOptions extends SdkErrorOptions {
  /** HTTP status of the response. */
  readonly httpStatus: number;
  /** What was wrong with the body. */
  readonly reason: MalformedReason;
  /** Start of the body, control characters removed, secrets redacted. */
  readonly excerpt: string;
}

/**
 * The response was not an API 3.0 answer: an HTML error page from a proxy (502), a body cut short,
 * JSON without `Response`, a redirect, or a body larger than `maxResponseBytes`. Carries the status and a short, safe excerpt for diagnosis.
 */
export class MalformedResponseError extends SdkError {
  /** HTTP status of the response. */
  readonly httpStatus: number;
  /** What was wrong with the body. */
  readonly reason: MalformedReason;
  /** Start of the body (at most 200 characters), control characters removed, secrets redacted. */
  readonly excerpt: string;

  constructor(message: string, options: MalformedResponseErrorOptions) {
    super(message, options);
    this.httpStatus = options.httpStatus;
    this.reason = options.reason;
    this.excerpt = options.excerpt;
  }

  protected override details(): Record<string, unknown> {
    return { httpStatus: this.httpStatus, reason: this.reason, excerpt: this.excerpt };
  }
}
brand(MalformedResponseError, "MalformedResponseError");
