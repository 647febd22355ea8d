import { kindOf } from "../errors/brand.js";
import {
  abortFailure,
  DEFAULT_MAX_RESPONSE_BYTES,
  errorCode,
  networkFailure,
  tooLargeFailure,
} from "../transport/failures.js";
import { agentPoolOf } from "../transport/node-http.js";
import type { Transport, TransportResponse } from "../transport/types.js";
import { type OpenedStream, openNodeStream, type StreamingTransport, type StreamRequest } from "./http.js";

/** The answer to one streaming attempt: an event stream that started, or a complete (JSON) response. */
export interface StreamAnswer extends TransportResponse {
  /** Set when the service answered 200 with `text/event-stream`; `body` is then empty. */
  readonly stream?: OpenedStream | undefined;
}

/**
 * Sends one streaming attempt over `transport`. A transport implementing {@link StreamingTransport}
 * hands out the body as it arrives, and so does the default transport (`NodeHttpTransport`), through
 * its own pools; any other transport's `send` returns the whole body, whose events then arrive all at
 * once (so the client's own transport, e.g. a fetch-based one, is still the one used). Anything but a
 * 200 event stream is read completely, up to `maxResponseBytes`, for the caller to interpret as an
 * API answer.
 */
export async function openEventStream(transport: Transport, request: StreamRequest): Promise<StreamAnswer> {
  const live = openLive(transport, request);
  if (live === undefined) {
    const response = await transport.send(request);
    const contentType = response.headers?.["content-type"] ?? "";
    if (!isEventStream(response.status, contentType)) return response;
    return {
      status: response.status,
      headers: response.headers ?? {},
      body: new Uint8Array(0),
      stream: buffered(response, contentType),
    };
  }
  const opened = await live;
  const headers = opened.headers ?? {};
  if (isEventStream(opened.status, opened.contentType))
    return { status: opened.status, headers, body: new Uint8Array(0), stream: opened };
  return {
    status: opened.status,
    headers,
    body: await readAll(opened, request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES),
  };
}

/**
 * The response as its body arrives, resolved once the headers arrived; `undefined` for a transport
 * that can only `send`. The default transport's streams use the connection its `send` would (proxy
 * tunnel, pool or the caller's agent) and hold it while they last.
 */
function openLive(transport: Transport, request: StreamRequest): Promise<OpenedStream> | undefined {
  if (isStreaming(transport)) return transport.openStream(request);
  const pool = agentPoolOf(transport);
  if (pool === undefined) return undefined;
  // Like `send`: an aborted call does not even pick a connection.
  if (request.signal?.aborted) return Promise.reject(abortFailure(request.signal));
  return Promise.resolve(pool.agentFor(request.endpoint)).then((agent) => openNodeStream(request, agent));
}

function isEventStream(status: number, contentType: string): boolean {
  return status === 200 && contentType.toLowerCase().startsWith("text/event-stream");
}

function isStreaming(transport: Transport): transport is Transport & StreamingTransport {
  return typeof (transport as Partial<StreamingTransport>).openStream === "function";
}

/** A complete body as a stream that already ended. */
function buffered(response: TransportResponse, contentType: string): OpenedStream {
  return {
    status: response.status,
    contentType: contentType.toLowerCase(),
    headers: response.headers,
    body: once(response.body),
    complete: () => true,
    close: () => {},
  };
}

/**
 * The whole body of a response that is not a stream, stopping past `maxBytes`; always closes it. A
 * body cut short fails like the transports' (`NetworkError`, sent): a truncated answer is not one.
 */
async function readAll(response: OpenedStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLargeFailure(response.status, maxBytes);
      chunks.push(chunk);
    }
    if (!response.complete())
      throw Object.assign(new Error("Connection closed before the body was complete"), { code: "ECONNRESET" });
  } catch (error) {
    if (kindOf(error) !== undefined) throw error;
    throw networkFailure(error, errorCode(error), true);
  } finally {
    response.close();
  }
  return Buffer.concat(chunks, size);
}

async function* once(chunk: Uint8Array): AsyncGenerator<Uint8Array> {
  yield chunk;
}
