import type { CallOptions } from "../client/options.js";
import { type CallPath, callPathOf, type ServiceClient, type StreamOpener } from "../client/service-client.js";
import { RequestAbortedError } from "../errors/request-aborted-error.js";
import { type SdkError, withContext } from "../errors/sdk-error.js";
import type { ActionMeta } from "../meta.js";

/**
 * Calls an action that answers with Server-Sent Events and yields each event's JSON data as it
 * arrives. Opening goes through the same path as {@link ServiceClient.invoke}: validation, the
 * region check, rate limit, credentials, middleware, signing (with the clock-skew correction),
 * headers and `X-TC-TraceId`, hooks and the debug logger, and the client's transport (its proxy and
 * agent); it is retried by the same policy, and the call's deadline (`timeoutMs`) covers it. Once the
 * stream started nothing is retried, and `timeoutMs` bounds every silence of the server instead.
 * Nothing is sent until iteration starts. Breaking out of the loop, aborting `options.signal` or
 * closing the client closes the connection. A transport without `openStream` (see
 * `StreamingTransport`) delivers the events all at once when the body ended.
 *
 * A function rather than a `ServiceClient` method so that an app that never streams does not carry
 * the stream code: generated streaming methods reach it through `invokeOrStream`.
 *
 * @example
 * for await (const event of invokeStream<ChatEvent>(client, chatAction, { Prompt: "hi", Stream: true })) {
 *   process.stdout.write(event.Choices[0].Delta.Content);
 * }
 * @throws RangeError (at once) for an invalid `options.timeoutMs`.
 * @throws (from iteration) StreamError when the stream breaks or sends an error event; the errors of
 * `invoke` while opening.
 */
export function invokeStream<E>(
  client: ServiceClient,
  action: ActionMeta,
  request: object,
  options: CallOptions = {},
): AsyncIterable<E> {
  const path = callPathOf(client);
  const timeoutMs = path.timeoutOf(options);
  return { [Symbol.asyncIterator]: () => stream<E>(path, action, request, options, timeoutMs) };
}

async function* stream<E>(
  path: CallPath,
  action: ActionMeta,
  request: object,
  options: CallOptions,
  timeoutMs: number,
): AsyncGenerator<E> {
  const scope = path.begin(timeoutMs, options);
  try {
    const opened = await path.call(action, request, options, scope, openAttempt);
    if (opened.stream === undefined) {
      // The service (or a middleware) answered in one piece: that answer is the one event.
      yield opened.response as E;
      return;
    }
    scope.endDeadline();
    // The SSE reader and its parser load with the first stream that started.
    const { readStream } = await import("./read-stream.js");
    const context = { service: path.service, action: action.name, attempts: opened.attempts, traceId: opened.traceId };
    yield* readStream<E>(opened.stream, {
      context,
      secrets: opened.secrets,
      signal: scope.cancelSignal,
      stopped: () => {
        const error = scope.translate(
          new RequestAbortedError("The stream was aborted", { cause: options.signal?.reason }),
          "while reading the stream",
          true,
        );
        return withContext(error as SdkError, context);
      },
    });
  } finally {
    path.end(scope);
  }
}

/**
 * Opens one attempt; the opener and the stream transport load with the first streaming call (a chunk
 * of their own in the ESM build), so importing the package does not load them.
 */
const openAttempt: StreamOpener = async (transport, request) => {
  const { openEventStream } = await import("./open.js");
  return openEventStream(transport, request);
};
