import { abortable } from "../client/abortable.js";
import type { CallOptions } from "../client/options.js";
import { redactText } from "../client/redact.js";
import { interpretResponse } from "../client/response.js";
import type { Credentials } from "../credentials/types.js";
import type { ResolvedEndpoint } from "../endpoint/resolve.js";
import { kindOf } from "../errors/brand.js";
import { NetworkError } from "../errors/network-error.js";
import { RequestAbortedError } from "../errors/request-aborted-error.js";
import { type SdkError, withContext } from "../errors/sdk-error.js";
import { stringifyJson } from "../json/stringify.js";
import type { ActionMeta } from "../meta.js";
import { backoffDelay, isRetryable, type RetryPolicy } from "../retry/policy.js";
import { sleep } from "../retry/sleep.js";
import type { Transport, TransportRequest } from "../transport/types.js";
import { ValidationError } from "../validate/index.js";
import { StreamError } from "./errors.js";
import { MalformedEventData, readEvents, type SseEvent } from "./events.js";
import { type OpenedStream, openNodeStream, type StreamingTransport } from "./http.js";

/** What a client lends a streaming call: its settings and the steps it shares with `invoke`. */
export interface StreamCallContext {
  readonly service: string;
  readonly endpoint: ResolvedEndpoint;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /** Used when it implements {@link StreamingTransport}; otherwise the stream opens over `node:http(s)`. */
  readonly transport: Transport | (Transport & StreamingTransport);
  /** Validation problems of the request (empty when valid or validation is off). */
  problems(): readonly string[];
  /** Waits for a rate-limit slot, if the client limits this action. */
  acquire(signal: AbortSignal | undefined): Promise<void> | undefined;
  credentials(): Promise<Credentials>;
  /** Every header to send, signed for exactly `body`. */
  sign(credentials: Credentials, body: Uint8Array): Record<string, string>;
  closed(): boolean;
}

/**
 * The events of one streaming call. Nothing is sent until iteration starts; each iteration makes
 * its own call. Opening is retried like `invoke` (limits, connection failures, and for read-only
 * actions server errors) until the service starts the stream; from then on nothing is retried.
 * A JSON answer instead of a stream is an API error (thrown as `TencentCloudError`) or, if the
 * service chose not to stream, the whole response as the one event.
 */
export function streamEvents<E>(
  ctx: StreamCallContext,
  action: ActionMeta,
  request: object,
  options: CallOptions = {},
): AsyncIterable<E> {
  return { [Symbol.asyncIterator]: () => run<E>(ctx, action, request, options) };
}

async function* run<E>(
  ctx: StreamCallContext,
  action: ActionMeta,
  request: object,
  options: CallOptions,
): AsyncGenerator<E> {
  const { signal } = options;
  const context = (attempts: number) => ({ service: ctx.service, action: action.name, attempts });
  if (signal?.aborted) throw withContext(new RequestAbortedError(undefined, { cause: signal.reason }), context(0));
  const problems = ctx.problems();
  if (problems.length > 0) throw new ValidationError([...problems], ctx.service, action.name);
  const body = Buffer.from(stringifyJson(request), "utf8");
  const timeoutMs = options.timeoutMs ?? ctx.timeoutMs;
  const open = isStreaming(ctx.transport)
    ? (r: TransportRequest) => (ctx.transport as StreamingTransport).openStream(r)
    : openNodeStream;

  let attempt = 0;
  let opened: OpenedStream | undefined;
  let secrets: Array<string | undefined> = [];
  while (opened === undefined) {
    if (ctx.closed()) throw withContext(new RequestAbortedError("The client is closed"), context(attempt));
    let error: SdkError;
    try {
      await ctx.acquire(signal);
      const credentials = await abortable(ctx.credentials(), signal);
      attempt++;
      const headers = ctx.sign(credentials, body);
      secrets = [credentials.secretKey, credentials.token, headers["Authorization"]];
      const response = await open({ endpoint: ctx.endpoint, headers, body, timeoutMs, signal });
      if (response.status === 200 && response.contentType.startsWith("text/event-stream")) {
        opened = response;
        break;
      }
      const outcome = interpretResponse(response.status, await readAll(response), secrets);
      if (outcome.ok) {
        yield outcome.response as E;
        return;
      }
      error = outcome.error;
    } catch (caught) {
      if (kindOf(caught) === "RequestAbortedError" || kindOf(caught) === "ValidationError")
        throw withContext(caught as SdkError, context(attempt));
      error = asSdkError(caught);
    }
    const retryable = isRetryable(error, action.readOnly);
    withContext(error, { ...context(attempt), retryable });
    if (!retryable || attempt >= ctx.retry.maxAttempts) throw error;
    await sleep(backoffDelay(attempt, ctx.retry), signal);
  }

  let delivered = 0;
  const stream = opened;
  const onAbort = (): void => stream.close();
  signal?.addEventListener("abort", onAbort, { once: true });
  const fail = (message: string, init: Omit<ConstructorParameters<typeof StreamError>[1], "eventsDelivered">) =>
    new StreamError(redactText(message, secrets), { ...init, ...context(attempt), eventsDelivered: delivered });
  try {
    for await (const event of readEvents(stream.body, stream.complete)) {
      const error = eventError(event);
      if (error)
        throw fail(`${action.name} stream sent an error event: ${error.message}`, {
          code: "ErrorEvent",
          serviceCode: error.code,
          requestId: error.requestId,
        });
      delivered++;
      yield event.data as E;
    }
    if (!stream.complete())
      throw fail(`${action.name} stream ended before the service completed it`, { code: "StreamInterrupted" });
  } catch (caught) {
    if (signal?.aborted)
      throw withContext(new RequestAbortedError("The stream was aborted", { cause: signal.reason }), context(attempt));
    if (caught instanceof StreamError) throw caught;
    if (caught instanceof MalformedEventData) {
      throw fail(`${action.name} stream sent an event whose data is not JSON: ${caught.message.slice(0, 200)}`, {
        code: "MalformedEvent",
      });
    }
    const reason = caught instanceof Error ? caught.message : String(caught);
    throw fail(`${action.name} stream broke after ${delivered} events: ${reason}`, {
      code: "StreamInterrupted",
      cause: caught,
    });
  } finally {
    signal?.removeEventListener("abort", onAbort);
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

function isStreaming(transport: Transport): transport is Transport & StreamingTransport {
  return typeof (transport as Partial<StreamingTransport>).openStream === "function";
}

async function readAll(response: OpenedStream): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of response.body) chunks.push(chunk);
  } finally {
    response.close();
  }
  return Buffer.concat(chunks);
}

function asSdkError(error: unknown): SdkError {
  if (kindOf(error) !== undefined) return error as SdkError;
  const message = error instanceof Error ? error.message : String(error);
  return new NetworkError(`Transport failed: ${message}`, { code: "UNKNOWN", requestSent: true, cause: error });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
