import type { CallOptions } from "../client/options.js";
import type { StateWaiterMeta } from "../meta.js";
import { anyOf, poll, type WaitOptions } from "./poll.js";
import { WaiterFailedError } from "./state-errors.js";
import { parseStatePath, valuesAt } from "./state-path.js";

/** Sends one poll of a state waiter's action with the caller's request. */
export type StateWaiterInvoke<R> = (request: object, options: CallOptions) => Promise<R>;

/**
 * Polls `waiter.action` with `request` until every value at `waiter.path` is a success value, and
 * resolves with that response. A missing path or an empty list keeps polling (a resource just created
 * may not be listed yet). Rejects with `WaiterFailedError` as soon as any value is a failure value,
 * `WaiterTimeoutError` after `timeoutMs`, `RequestAbortedError` when `signal` aborts, and with any
 * API error that survived the client's retries. `onProgress` receives the values joined by `,`
 * (`""` while nothing is listed) whenever they change. Values compare as text, as in {@link anyOf}.
 */
export async function waitUntil<R extends object>(
  invoke: StateWaiterInvoke<R>,
  waiter: StateWaiterMeta,
  request: object,
  options: WaitOptions<R> = {},
): Promise<R> {
  const steps = parseStatePath(waiter.path);
  const action = waiter.action.name;
  const succeeded = anyOf(waiter.success);
  const failed = anyOf(waiter.failure);
  return poll(
    {
      send: (callOptions) => invoke(request, callOptions),
      judge: (response) => {
        const values = valuesAt(response, steps);
        const status = values.join(",");
        const failures = values.filter(failed);
        if (failures.length > 0) {
          const failure = new WaiterFailedError({
            action,
            waiter: waiter.name,
            path: waiter.path,
            values,
            failed: failures,
            response,
          });
          return { status, done: false, failure };
        }
        return { status, done: values.length > 0 && values.every(succeeded) };
      },
      subject: { action, waiter: waiter.name },
      minDelayMs: waiter.minDelayMs,
      maxDelayMs: waiter.maxDelayMs,
    },
    options,
  );
}
