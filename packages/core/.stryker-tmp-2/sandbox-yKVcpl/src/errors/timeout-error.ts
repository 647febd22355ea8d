// @ts-nocheck
import { brand } from "./brand.js";
import { SdkError, type SdkErrorOptions } from "./sdk-error.js";

/** Options of {@link TimeoutError}. */
export interface TimeoutErrorOptions extends SdkErrorOptions {
  /** The per-attempt budget that ran out, in ms. */
  readonly timeoutMs: number;
  /** Whether the request may have reached the server before time ran out. */
  readonly requestSent: boolean;
}

/** An attempt took longer than its timeout (client `timeoutMs` or the call's). */
export class TimeoutError extends SdkError {
  /** The per-attempt budget that ran out, in ms. */
  readonly timeoutMs: number;
  /** Whether the request may have reached the server (a mutating call may have run). */
  readonly requestSent: boolean;

  constructor(message: string, options: TimeoutErrorOptions) {
    super(message, options);
    this.timeoutMs = options.timeoutMs;
    this.requestSent = options.requestSent;
  }

  protected override details(): Record<string, unknown> {
    return { timeoutMs: this.timeoutMs, requestSent: this.requestSent };
  }
}
brand(TimeoutError, "TimeoutError");
