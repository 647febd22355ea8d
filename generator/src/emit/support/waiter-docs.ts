/**
 * The default of a waiter's `options.timeoutMs` as generated TSDoc states it. Core owns the value
 * (`DEFAULT_TIMEOUT_MS` in its waiter); a generator test keeps the two equal.
 */
export const WAITER_DEFAULT_TIMEOUT_MINUTES = 30;

/** `a` or `b`, each as code. */
export function quoteAll(values: readonly string[]): string {
  return values.map((v) => `\`${v}\``).join(" or ");
}

/**
 * The TSDoc paragraph on how a waiter rejects: `failure` (e.g. "a `TaskFailedError` when …") first,
 * when the waiter has failure states, then the timeout, the abort and the retries every waiter shares.
 */
export function waiterRejections(failure: string | undefined): string {
  return (
    (failure === undefined ? "Rejects with a " : `Rejects with ${failure}, with a `) +
    `\`WaiterTimeoutError\` after \`options.timeoutMs\` (default ${WAITER_DEFAULT_TIMEOUT_MINUTES} minutes), ` +
    "and with a `RequestAbortedError` as soon as `options.signal` aborts. Transient errors are retried by the " +
    "client, not counted as failure."
  );
}
