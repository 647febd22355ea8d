import { onAbort } from "../abort/on-abort.js";
import { kindOf } from "../errors/brand.js";
import type { OpenedStream, StreamingTransport, StreamRequest } from "../stream/http.js";
import {
  abortFailure,
  checkHeaders,
  DEFAULT_MAX_RESPONSE_BYTES,
  errorCode,
  isConnectPhaseCode,
  networkFailure,
  timeoutFailure,
  tooLargeFailure,
} from "./failures.js";
import { flattenHeaders } from "./header-map.js";
import type { Transport, TransportRequest, TransportResponse } from "./types.js";

/** Options of {@link FetchTransport}. */
export interface FetchTransportOptions {
  /** The `fetch` to use, default the global one. */
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * Transport on the WHATWG `fetch` API, for runtimes without `node:http` (Deno, Bun, workers). On Node
 * it costs several times the CPU of {@link NodeHttpTransport} per call (see the package README).
 * Whether a failed request reached the server is inferred from the error code only: connect-phase
 * codes mean it did not, anything else (a timeout included) is assumed sent. Redirects are not
 * followed (`redirect: "manual"`); the body is read up to `maxResponseBytes`. Also opens event streams
 * ({@link StreamingTransport}) on the fetch body stream.
 */
export class FetchTransport implements Transport, StreamingTransport {
  readonly #fetch: typeof globalThis.fetch;

  constructor(options: FetchTransportOptions = {}) {
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    const { signal, timeoutMs } = request;
    if (signal?.aborted) throw abortFailure(signal);
    checkHeaders(request.headers);
    const maxBytes = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const unlisten = signal && onAbort(signal, () => controller.abort());
    try {
      const response = await this.#fetch(`${request.endpoint.origin}/`, {
        method: "POST",
        headers: withoutHost(request.headers),
        body: request.body,
        signal: controller.signal,
        // Following would send X-TC-Token and the signed request to whatever host the server names.
        redirect: "manual",
      });
      const body = await readCapped(response, maxBytes);
      return { status: response.status, body, headers: flattenHeaders(response.headers.entries()) };
    } catch (error) {
      if (kindOf(error) === "MalformedResponseError") throw error;
      if (timedOut) throw timeoutFailure(timeoutMs, true);
      if (signal?.aborted) throw abortFailure(signal);
      const code = errorCode(error);
      throw networkFailure(error, code, !isConnectPhaseCode(code));
    } finally {
      clearTimeout(timer);
      unlisten?.();
    }
  }

  /**
   * Opens a Server-Sent Events answer: resolves once the response headers arrived, within
   * `timeoutMs`; then `idleTimeoutMs` bounds every silence of the server while the consumer waits.
   */
  async openStream(request: StreamRequest): Promise<OpenedStream> {
    const { signal, timeoutMs } = request;
    if (signal?.aborted) throw abortFailure(signal);
    checkHeaders(request.headers);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const unlisten = signal && onAbort(signal, () => controller.abort());
    let response: Response;
    try {
      response = await this.#fetch(`${request.endpoint.origin}/`, {
        method: "POST",
        headers: withoutHost(request.headers),
        body: request.body,
        signal: controller.signal,
        redirect: "manual",
      });
    } catch (error) {
      if (timedOut) throw timeoutFailure(timeoutMs, true);
      if (signal?.aborted) throw abortFailure(signal);
      const code = errorCode(error);
      throw networkFailure(error, code, !isConnectPhaseCode(code));
    } finally {
      clearTimeout(timer);
      // From here the caller stops the stream with `close()`.
      unlisten?.();
    }
    let complete = false;
    const reader = response.body?.getReader();
    const idleMs = request.idleTimeoutMs;
    async function* chunks(): AsyncGenerator<Uint8Array> {
      if (reader === undefined) return void (complete = true);
      for (;;) {
        const idle = setTimeout(() => controller.abort(timeoutFailure(idleMs, true)), idleMs);
        let next: Awaited<ReturnType<typeof reader.read>>;
        try {
          next = await reader.read();
        } finally {
          clearTimeout(idle);
        }
        if (next.done) return void (complete = true);
        yield next.value;
      }
    }
    return {
      status: response.status,
      contentType: (response.headers.get("content-type") ?? "").toLowerCase(),
      headers: flattenHeaders(response.headers.entries()),
      body: chunks(),
      complete: () => complete,
      close: () => controller.abort(),
    };
  }
}

/** `fetch` derives `Host` from the URL, which is built from the same endpoint the signer used. */
function withoutHost(headers: Readonly<Record<string, string>>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const name in headers) if (name !== "Host") copy[name] = headers[name]!;
  return copy;
}

/** The body, read chunk by chunk and cancelled as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (Number(response.headers.get("content-length")) > maxBytes) {
    await response.body?.cancel();
    throw tooLargeFailure(response.status, maxBytes);
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLargeFailure(response.status, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
