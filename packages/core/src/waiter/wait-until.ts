import type { CallOptions } from "../client/options.js";
import type { StateWaiterMeta } from "../meta.js";
import { abortError, systemClock } from "./clock.js";
import { pollDelay } from "./delay.js";
import { WaiterTimeoutError } from "./errors.js";
import { WaiterFailedError } from "./state-errors.js";
import { parseStatePath, valuesAt } from "./state-path.js";
import { checkMs, DEFAULT_TIMEOUT_MS, type WaitOptions } from "./wait-for.js";

/** Sends one poll of a state waiter's action with the caller's request. */
export type StateWaiterInvoke<R> = (request: object, options: CallOptions) => Promise<R>;

/**
 * Polls `waiter.action` with `request` until every value at `waiter.path` is a success value, and
 * resolves with that response. A missing path or an empty list keeps polling (a resource just created
 * may not be listed yet). Rejects with `WaiterFailedError` as soon as any value is a failure value,
 * `WaiterTimeoutError` after `timeoutMs`, `RequestAbortedError` when `signal` aborts, and with any
 * API error that survived the client's retries. `onProgress` receives the values joined by `,`
 * (`""` while nothing is listed) whenever they change. Values compare as text, case-insensitively.
 */
export async function waitUntil<R extends object>(
  invoke: StateWaiterInvoke<R>,
  waiter: StateWaiterMeta,
  request: object,
  options: WaitOptions<R> = {},
): Promise<R> {
  const { signal, onProgress, clock = systemClock } = options;
  const timeoutMs = checkMs("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const minDelayMs = checkMs("minDelayMs", options.minDelayMs ?? waiter.minDelayMs);
  const maxDelayMs = checkMs("maxDelayMs", options.maxDelayMs ?? Math.max(waiter.maxDelayMs, minDelayMs));
  const steps = parseStatePath(waiter.path);
  const action = waiter.action.name;
  const success = new Set(waiter.success.map(lower));
  const failure = new Set(waiter.failure.map(lower));
  const callOptions: CallOptions = signal ? { signal } : {};
  const deadline = clock.now() + timeoutMs;

  let polls = 0;
  let status: string | undefined;
  for (;;) {
    if (signal?.aborted) throw abortError(signal);
    const response = await invoke(request, callOptions);
    polls++;
    if (signal?.aborted) throw abortError(signal);

    const values = valuesAt(response, steps);
    const next = values.join(",");
    if (next !== status) {
      status = next;
      onProgress?.(status, response);
    }
    const failed = values.filter((v) => failure.has(lower(v)));
    if (failed.length > 0)
      throw new WaiterFailedError({ action, waiter: waiter.name, path: waiter.path, values, failed, response });
    if (values.length > 0 && values.every((v) => success.has(lower(v)))) return response;

    const remaining = deadline - clock.now();
    if (remaining <= 0)
      throw new WaiterTimeoutError({ action, waiter: waiter.name, timeoutMs, polls, status, response });
    await clock.sleep(
      Math.min(
        pollDelay(polls - 1, minDelayMs, maxDelayMs, () => clock.random()),
        remaining,
      ),
      signal,
    );
  }
}

function lower(value: string): string {
  return value.toLowerCase();
}
