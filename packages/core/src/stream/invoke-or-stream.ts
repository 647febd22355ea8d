import type { CallOptions } from "../client/options.js";
import type { ActionMeta } from "../meta.js";

/** The two call paths a streaming action's generated method chooses between. */
export interface StreamCapableClient {
  /** The plain call path (`ServiceClient.invoke`). */
  invoke<R>(action: ActionMeta, request: object, options?: CallOptions): Promise<R>;
  /** The streaming call path (`ServiceClient.invokeStream`). */
  invokeStream<E>(action: ActionMeta, request: object, options?: CallOptions): AsyncIterable<E>;
}

/**
 * Body of a generated streaming method: with `request[member] === true` the events as an async
 * iterable (`client.invokeStream`), otherwise the plain response (`client.invoke`). The generated
 * overloads type the two outcomes on the literal `true`.
 */
export function invokeOrStream<R, E>(
  client: StreamCapableClient,
  action: ActionMeta,
  member: string,
  request: object,
  options?: CallOptions,
): Promise<R> | AsyncIterable<E> {
  return (request as Record<string, unknown>)[member] === true
    ? client.invokeStream<E>(action, request, options)
    : client.invoke<R>(action, request, options);
}
