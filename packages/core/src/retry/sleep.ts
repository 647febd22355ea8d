import { onAbort } from "../abort/on-abort.js";
import { abortFailure } from "../errors/request-aborted-error.js";

/**
 * Waits `ms`, or rejects with `RequestAbortedError` the moment `signal` aborts, so an aborted
 * call never sits out its backoff.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortFailure(signal));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unlisten?.();
      resolve();
    }, ms);
    const unlisten =
      signal &&
      onAbort(signal, () => {
        clearTimeout(timer);
        reject(abortFailure(signal));
      });
  });
}
