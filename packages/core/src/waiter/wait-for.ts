import type { CallOptions } from "../client/options.js";
import { SdkError } from "../errors/index.js";
import type { WaiterMeta } from "../meta.js";
import { abortError, systemClock, type WaiterClock } from "./clock.js";
import { pollDelay } from "./delay.js";
import { TaskFailedError, type WaiterId, WaiterTimeoutError } from "./errors.js";

/** Thirty minutes: long enough for the slowest Redis tasks (backups, migrations). */
export const DEFAULT_TIMEOUT_MS = 30 * 60 * 1000;

/** Sends one status request, e.g. `(request, options) => client.invoke(waiter.action, request, options)`. */
export type WaiterInvoke<R> = (request: Record<string, unknown>, options: CallOptions) => Promise<R>;

/** What to wait for: the id itself, or any response carrying it in the waiter's input member (e.g. `{ TaskId }`). */
export type WaiterTarget = WaiterId | object;

/** Options of {@link waitFor}. */
export interface WaitOptions<R> {
  /** Give up after this long with a `WaiterTimeoutError`. Default 30 minutes. */
  readonly timeoutMs?: number;
  /** First delay between polls; default from the spec (Redis `TaskDone`: 1 s). */
  readonly minDelayMs?: number;
  /** Largest delay between polls; default from the spec (Redis `TaskDone`: 15 s). */
  readonly maxDelayMs?: number;
  /** Stops waiting at once, including a poll in flight; nothing is sent after it aborts. */
  readonly signal?: AbortSignal;
  /** Called with the status and its response whenever the status changes, starting with the first. */
  readonly onProgress?: (status: string, response: R) => void;
  /** Replaces time and randomness, for tests. */
  readonly clock?: WaiterClock;
}

/**
 * Polls `waiter.action` until the status at `waiter.path` reaches a success state and resolves with
 * that response. Rejects with `TaskFailedError` on a failure state, `WaiterTimeoutError` after
 * `timeoutMs`, a `RequestAbortedError` as soon as `signal` aborts, and with any API error that
 * survived the client's retries. States are compared case-insensitively, because services document
 * them inconsistently (Redis lists both `error` and `Error`).
 */
export async function waitFor<R extends object>(
  invoke: WaiterInvoke<R>,
  waiter: WaiterMeta,
  target: WaiterTarget,
  options: WaitOptions<R> = {},
): Promise<R> {
  const { signal, onProgress, clock = systemClock } = options;
  const timeoutMs = checkMs("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const minDelayMs = checkMs("minDelayMs", options.minDelayMs ?? waiter.minDelayMs);
  const maxDelayMs = checkMs("maxDelayMs", options.maxDelayMs ?? Math.max(waiter.maxDelayMs, minDelayMs));
  const action = waiter.action.name;
  const taskId = trackedId(waiter, target);
  const success = new Set(waiter.success.map(lower));
  const failure = new Set(waiter.failure.map(lower));
  const callOptions: CallOptions = signal ? { signal } : {};
  const deadline = clock.now() + timeoutMs;

  let polls = 0;
  let status: string | undefined;
  let response: R | undefined;
  for (;;) {
    if (signal?.aborted) throw abortError(signal);
    response = await invoke({ [waiter.input]: taskId }, callOptions);
    polls++;
    // The poll may have completed just as the signal fired; the caller asked to stop, so stop.
    if (signal?.aborted) throw abortError(signal);

    const next = statusOf(response, waiter);
    if (next !== status) {
      status = next;
      onProgress?.(status, response);
    }
    if (success.has(lower(status))) return response;
    if (failure.has(lower(status))) throw new TaskFailedError({ action, taskId, status, response });

    const remaining = deadline - clock.now();
    if (remaining <= 0) throw new WaiterTimeoutError({ action, taskId, timeoutMs, polls, status, response });
    // Sleeping at most until the deadline gives the task one last poll at the deadline itself.
    await clock.sleep(
      Math.min(
        pollDelay(polls - 1, minDelayMs, maxDelayMs, () => clock.random()),
        remaining,
      ),
      signal,
    );
  }
}

function trackedId(waiter: WaiterMeta, target: WaiterTarget): WaiterId {
  if (typeof target === "string" || typeof target === "number" || typeof target === "bigint") return target;
  const id = (target as Record<string, unknown>)[waiter.input];
  if (typeof id === "string" || typeof id === "number" || typeof id === "bigint") return id;
  throw new TypeError(
    `Cannot wait: expected a ${waiter.input} or a response carrying one, got an object without ${waiter.input}`,
  );
}

function statusOf(response: object, waiter: WaiterMeta): string {
  const value = (response as Record<string, unknown>)[waiter.path];
  if (typeof value === "string" || typeof value === "number") return String(value);
  throw new SdkError(`${waiter.action.name} response has no ${waiter.path} to wait on`, { action: waiter.action.name });
}

export function checkMs(name: string, value: number): number {
  if (!(value >= 0) || !Number.isFinite(value))
    throw new RangeError(`${name} must be a non-negative number of ms, got ${value}`);
  return value;
}

function lower(value: string): string {
  return value.toLowerCase();
}
