// @ts-nocheck
import { RequestAbortedError } from "../errors/request-aborted-error.js";

/**
 * Settles like `promise`, or rejects with {@link RequestAbortedError} as soon as `signal` aborts, so a
 * slow credential source (instance metadata, STS) never holds up a cancelled call.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(new RequestAbortedError(undefined, { cause: signal.reason }));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
