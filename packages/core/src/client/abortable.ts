import { onAbort } from "../abort/on-abort.js";
import { RequestAbortedError } from "../errors/request-aborted-error.js";

/**
 * Settles like `promise`, or rejects with {@link RequestAbortedError} as soon as `signal` aborts, so a
 * slow credential source (instance metadata, STS) never holds up a cancelled call.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise((resolve, reject) => {
    const aborted = (): void => reject(new RequestAbortedError(undefined, { cause: signal.reason }));
    if (signal.aborted) return aborted();
    const unlisten = onAbort(signal, aborted);
    promise.then(
      (value) => {
        unlisten();
        resolve(value);
      },
      (error: unknown) => {
        unlisten();
        reject(error);
      },
    );
  });
}
