import { brand } from "./brand.js";
import { SdkError, type SdkErrorOptions } from "./sdk-error.js";

/**
 * The caller's `AbortSignal` fired (or the client was closed): the request, or the wait before the
 * next retry or rate-limit slot, stopped at once. `cause` is the signal's `reason`.
 */
export class RequestAbortedError extends SdkError {
  constructor(message = "The call was aborted", options: SdkErrorOptions = {}) {
    super(message, options);
  }
}
brand(RequestAbortedError, "RequestAbortedError");

/** The {@link RequestAbortedError} for a wait or request stopped by `signal`, its `reason` as the cause. */
export function abortFailure(signal: AbortSignal): RequestAbortedError {
  return new RequestAbortedError(undefined, { cause: signal.reason });
}
