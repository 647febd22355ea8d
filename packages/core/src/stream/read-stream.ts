import { onAbort } from "../abort/on-abort.js";
import { redactText } from "../client/redact.js";
import type { ErrorContext, SdkError } from "../errors/sdk-error.js";
import { StreamError, type StreamErrorInit } from "./errors.js";
import { MalformedEventData, readEvents, type SseEvent } from "./events.js";
import type { OpenedStream } from "./http.js";

/** What reading an opened stream needs from the call that opened it. */
export interface StreamReadContext {
  /** Service, action, attempts and trace id of the call, put on every error. */
  readonly context: ErrorContext & { readonly action: string };
  /** Secrets of the call, redacted from error messages. */
  readonly secrets: readonly (string | undefined)[];
  /** Fires when the caller aborts or the client closes: reading stops and the connection closes. */
  readonly signal: AbortSignal;
  /** The error to throw once `signal` fired. */
  stopped(): SdkError;
}

/**
 * Yields the JSON data of each event of a stream that started, and closes its connection however
 * the iteration ends (completion, error, abort, or the consumer breaking out). Nothing here is ever
 * retried: events were (or may have been) delivered.
 *
 * @throws StreamError for an error event, malformed data, or a stream that broke or went silent;
 * `stopped()` once the signal fired.
 */
export async function* readStream<E>(stream: OpenedStream, ctx: StreamReadContext): AsyncGenerator<E> {
  const { signal, context } = ctx;
  let delivered = 0;
  const unlisten = onAbort(signal, () => stream.close());
  const fail = (message: string, init: Omit<StreamErrorInit, "eventsDelivered">) =>
    new StreamError(redactText(message, ctx.secrets), { ...init, ...context, eventsDelivered: delivered });
  try {
    if (signal.aborted) stream.close();
    for await (const event of readEvents(stream.body, stream.complete)) {
      const error = eventError(event);
      if (error)
        throw fail(`${context.action} stream sent an error event: ${error.message}`, {
          code: "ErrorEvent",
          serviceCode: error.code,
          requestId: error.requestId,
        });
      delivered++;
      yield event.data as E;
    }
    if (signal.aborted) throw ctx.stopped();
    if (!stream.complete())
      throw fail(`${context.action} stream ended before the service completed it`, { code: "StreamInterrupted" });
  } catch (caught) {
    if (signal.aborted) throw ctx.stopped();
    if (caught instanceof StreamError) throw caught;
    if (caught instanceof MalformedEventData) {
      throw fail(`${context.action} stream sent an event whose data is not JSON: ${caught.message.slice(0, 200)}`, {
        code: "MalformedEvent",
      });
    }
    const reason = caught instanceof Error ? caught.message : String(caught);
    throw fail(`${context.action} stream broke after ${delivered} events: ${reason}`, {
      code: "StreamInterrupted",
      cause: caught,
    });
  } finally {
    unlisten();
    // Also reached when the consumer stops iterating early: the connection must not stay open.
    stream.close();
  }
}

/** An error the service reported inside an event: `event: error`, `Response.Error`, `Error` or `ErrorMsg`. */
function eventError(
  event: SseEvent,
): { code: string | undefined; message: string; requestId: string | undefined } | undefined {
  const data = isObject(event.data) ? event.data : undefined;
  const response = data && isObject(data["Response"]) ? data["Response"] : data;
  const requestId = typeof response?.["RequestId"] === "string" ? response["RequestId"] : undefined;
  // Some services send `ErrorMsg` with an empty code and message on every event: only a code or a
  // message makes it an error.
  const described = [response?.["Error"], response?.["ErrorMsg"]].find(
    (e) => isObject(e) && (present(e["Code"]) || present(e["Message"] ?? e["Msg"])),
  );
  if (isObject(described)) {
    const code = described["Code"];
    const message = described["Message"] ?? described["Msg"];
    return {
      code: code === undefined || code === null ? undefined : String(code),
      message: typeof message === "string" ? message : JSON.stringify(described),
      requestId,
    };
  }
  if (event.event === "error") return { code: undefined, message: event.text.slice(0, 200), requestId };
  return undefined;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "" && value !== 0 && value !== "0";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
