// @ts-nocheck
import { RequestAbortedError } from "../errors/request-aborted-error.js";

/**
 * Waits `ms`, or rejects with {@link RequestAbortedError} the moment `signal` aborts, so an aborted
 * call never sits out its backoff.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new RequestAbortedError(undefined, { cause: signal.reason }));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new RequestAbortedError(undefined, { cause: signal!.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
