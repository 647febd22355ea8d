import type { CallOptions } from "../client/options.js";
import { SdkError } from "../errors/index.js";
import type { WaiterMeta } from "../meta.js";
import { TaskFailedError, type WaiterId } from "./errors.js";
import { anyOf, poll, type WaitOptions } from "./poll.js";

/** Sends one status request, e.g. `(request, options) => client.invoke(waiter.action, request, options)`. */
export type WaiterInvoke<R> = (request: Record<string, unknown>, options: CallOptions) => Promise<R>;

/** What to wait for: the id itself, or any response carrying it in the waiter's input member (e.g. `{ TaskId }`). */
export type WaiterTarget = WaiterId | object;

/**
 * Polls `waiter.action` until the status at `waiter.path` reaches a success state and resolves with
 * that response. Rejects with `TaskFailedError` on a failure state, `WaiterTimeoutError` after
 * `timeoutMs`, a `RequestAbortedError` as soon as `signal` aborts, and with any API error that
 * survived the client's retries. States compare as in {@link anyOf}.
 */
export async function waitFor<R extends object>(
  invoke: WaiterInvoke<R>,
  waiter: WaiterMeta,
  target: WaiterTarget,
  options: WaitOptions<R> = {},
): Promise<R> {
  const action = waiter.action.name;
  const taskId = trackedId(waiter, target);
  const succeeded = anyOf(waiter.success);
  const failed = anyOf(waiter.failure);
  return poll(
    {
      send: (callOptions) => invoke({ [waiter.input]: taskId }, callOptions),
      judge: (response) => {
        const status = statusOf(response, waiter);
        if (succeeded(status)) return { status, done: true };
        if (failed(status))
          return { status, done: false, failure: new TaskFailedError({ action, taskId, status, response }) };
        return { status, done: false };
      },
      subject: { action, taskId },
      minDelayMs: waiter.minDelayMs,
      maxDelayMs: waiter.maxDelayMs,
    },
    options,
  );
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
