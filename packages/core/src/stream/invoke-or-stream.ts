import type { CallOptions } from "../client/options.js";
import type { ServiceClient } from "../client/service-client.js";
import type { ActionMeta } from "../meta.js";
import { invokeStream } from "./invoke-stream.js";

/**
 * Body of a generated streaming method: with `request[member] === true` the events as an async
 * iterable ({@link invokeStream}), otherwise the plain response (`client.invoke`). The generated
 * overloads type the two outcomes on the literal `true`.
 */
export function invokeOrStream<R, E>(
  client: ServiceClient,
  action: ActionMeta,
  member: string,
  request: object,
  options?: CallOptions,
): Promise<R> | AsyncIterable<E> {
  return (request as Record<string, unknown>)[member] === true
    ? invokeStream<E>(client, action, request, options)
    : client.invoke<R>(action, request, options);
}
