import { type Agent, request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { onAbort } from "../abort/on-abort.js";
import {
  abortFailure,
  checkHeaders,
  errorCode,
  isConnectPhaseCode,
  networkFailure,
  timeoutFailure,
} from "../transport/failures.js";
import { headerMap } from "../transport/header-map.js";
import type { TransportRequest } from "../transport/types.js";

/** One streaming attempt: a {@link TransportRequest} plus the budget of each silence once the answer started. */
export interface StreamRequest extends TransportRequest {
  /**
   * Longest silence allowed between two body chunks once the response headers arrived, in ms.
   * `timeoutMs` bounds opening only (connect to response headers): a stream may run for minutes.
   */
  readonly idleTimeoutMs: number;
}

/** An HTTP response whose body is still arriving. */
export interface OpenedStream {
  /** HTTP status code of the response. */
  readonly status: number;
  /** `Content-Type`, lower-cased, `""` when absent. */
  readonly contentType: string;
  /** Response headers, names in lower case, for the retry policy, the clock-skew correction and hooks. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The body chunks as they arrive; ends when the server ends the response. */
  readonly body: AsyncIterable<Uint8Array>;
  /** Whether the server ended the body properly (false after a dropped connection). */
  complete(): boolean;
  /** Destroys the connection; safe to call more than once. */
  close(): void;
}

/**
 * A transport that can also hand out a response while its body is still arriving: implement it on a
 * custom `transport` for live events (`FetchTransport` does). A transport without it gets the whole
 * body through `send` and the events all at once (see `invokeStream`). The default transport
 * (`NodeHttpTransport`) needs no such method: `invokeStream` opens its streams through the
 * transport's own connections (proxy tunnel, pool or agent), with code that loads only for streaming.
 */
export interface StreamingTransport {
  /** Sends one signed streaming attempt and resolves once the response headers arrived. */
  openStream(request: StreamRequest): Promise<OpenedStream>;
}

/**
 * POSTs `request` through `agent` (the transport's pool: a proxy tunnel, or the caller's own agent)
 * and resolves once the response headers arrive. `timeoutMs` bounds opening; from then on
 * `idleTimeoutMs` bounds every silence of the server (time the consumer spends on an event does not
 * count). Rejects like the transports: `NetworkError` (with `requestSent`), `TimeoutError`,
 * `RequestAbortedError`, `ConfigurationError` for a header that cannot be sent.
 */
export function openNodeStream(request: StreamRequest, agent: Agent | undefined): Promise<OpenedStream> {
  return new Promise((resolve, reject) => {
    const { endpoint, body, signal, timeoutMs } = request;
    if (signal?.aborted) return reject(abortFailure(signal));
    checkHeaders(request.headers);
    const send = endpoint.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send({
      agent,
      method: "POST",
      hostname: endpoint.hostname,
      port: endpoint.port,
      path: "/",
      headers: request.headers,
    });
    req.setHeader("Content-Length", body.byteLength);
    let sent = false;
    let settled = false;
    const unlisten = signal && onAbort(signal, () => fail(abortFailure(signal)));
    const timer = setTimeout(() => fail(timeoutFailure(timeoutMs, sent)), timeoutMs);
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      unlisten?.();
      return true;
    };
    const fail = (error: unknown): void => {
      if (!settle()) return;
      req.destroy();
      reject(error);
    };
    req.once("finish", () => (sent = true));
    req.on("error", (error) => {
      const code = errorCode(error);
      fail(networkFailure(error, code, sent && !isConnectPhaseCode(code)));
    });
    req.once("response", (res: IncomingMessage) => {
      if (!settle()) return void res.destroy();
      const close = (): void => {
        res.destroy();
        req.destroy();
      };
      const headers = headerMap(res.rawHeaders);
      resolve({
        status: res.statusCode ?? 0,
        contentType: (headers["content-type"] ?? "").toLowerCase(),
        headers,
        body: pump(res, request.idleTimeoutMs),
        complete: () => res.complete,
        close,
      });
    });
    req.end(body);
  });
}

/** Chunks buffered before reading pauses the socket (the consumer is slower than the server). */
const HIGH_WATER_CHUNKS = 64;

/**
 * The body's chunks, read from the moment the response arrived: what the server sent before a
 * dropped connection is still delivered, then the failure. A server silent for longer than `idleMs`
 * while the consumer waits fails the body with a `TimeoutError`; time the consumer spends on a chunk
 * does not count (a slow reader is not a silent server).
 */
function pump(res: IncomingMessage, idleMs: number): AsyncIterable<Uint8Array> {
  const queue: Buffer[] = [];
  let done = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  res.on("data", (chunk: Buffer) => {
    queue.push(chunk);
    if (queue.length >= HIGH_WATER_CHUNKS) res.pause();
    notify();
  });
  res.once("end", () => {
    done = true;
    notify();
  });
  res.on("error", (error) => {
    failure ??= error;
    done = true;
    notify();
  });
  res.once("close", () => {
    done = true;
    notify();
  });
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const chunk = queue.shift();
        if (chunk !== undefined) {
          if (res.isPaused() && queue.length < HIGH_WATER_CHUNKS / 2) res.resume();
          yield chunk;
          continue;
        }
        if (done) {
          if (failure !== undefined) throw failure;
          return;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => res.destroy(timeoutFailure(idleMs, true)), idleMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
  };
}
