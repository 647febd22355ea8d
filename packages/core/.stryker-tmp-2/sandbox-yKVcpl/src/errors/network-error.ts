// @ts-nocheck
import { brand } from "./brand.js";
import { SdkError, type SdkErrorOptions } from "./sdk-error.js";

/** Options of {@link NetworkError}. */
export interface NetworkErrorOptions extends SdkErrorOptions {
  /** Socket or DNS error code, e.g. `ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`. */
  readonly code: string;
  /** Whether the request may have reached the server; if not, retrying is always safe. */
  readonly requestSent: boolean;
}

/** The connection failed: refused, unresolvable host, reset mid-request, TLS failure. */
export class NetworkError extends SdkError {
  /** Socket or DNS error code, e.g. `ECONNREFUSED`. */
  readonly code: string;
  /** Whether the request may have reached the server (a mutating call may have run). */
  readonly requestSent: boolean;

  constructor(message: string, options: NetworkErrorOptions) {
    super(message, options);
    this.code = options.code;
    this.requestSent = options.requestSent;
  }

  protected override details(): Record<string, unknown> {
    return { code: this.code, requestSent: this.requestSent };
  }
}
brand(NetworkError, "NetworkError");
