import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { abortFailure, errorCode, isConnectPhaseCode, networkFailure, timeoutFailure } from "../transport/failures.js";
import type { TransportRequest } from "../transport/types.js";

/** An HTTP response whose body is still arriving. */
export interface OpenedStream {
  readonly status: number;
  /** `Content-Type`, lower-cased, `""` when absent. */
  readonly contentType: string;
  /** The body chunks as they arrive; ends when the server ends the response. */
  readonly body: AsyncIterable<Uint8Array>;
  /** Whether the server ended the body properly (false after a dropped connection). */
  complete(): boolean;
  /** Destroys the connection; safe to call more than once. */
  close(): void;
}

/** A transport that can also hand out a response while its body is still arriving. */
export interface StreamingTransport {
  openStream(request: TransportRequest): Promise<OpenedStream>;
}

/**
 * POSTs `request` on a connection of its own (a stream holds it for its whole length, so pooling
 * gains nothing) and resolves once the response headers arrive. `timeoutMs` bounds every silence:
 * connecting, waiting for headers, and then between two body chunks. Rejects like the transports:
 * `NetworkError` (with `requestSent`), `TimeoutError`, `RequestAbortedError`.
 */
export function openNodeStream(request: TransportRequest): Promise<OpenedStream> {
  return new Promise((resolve, reject) => {
    const { endpoint, body, signal, timeoutMs } = request;
    const send = endpoint.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send({
      agent: false,
      method: "POST",
      hostname: endpoint.hostname,
      port: endpoint.port,
      path: "/",
      headers: request.headers,
    });
    req.setHeader("Content-Length", body.byteLength);
    let sent = false;
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      req.destroy();
      reject(error);
    };
    const onAbort = (): void => fail(abortFailure(signal!));
    signal?.addEventListener("abort", onAbort, { once: true });
    req.setTimeout(timeoutMs, () => fail(timeoutFailure(timeoutMs, sent)));
    req.once("finish", () => (sent = true));
    req.on("error", (error) => {
      const code = errorCode(error);
      fail(networkFailure(error, code, sent && !isConnectPhaseCode(code)));
    });
    req.once("response", (res: IncomingMessage) => {
      if (settled) return void res.destroy();
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      // From here a silence breaks the body: the reader sees the error and reports the stream interrupted.
      req.setTimeout(timeoutMs, () => res.destroy(timeoutFailure(timeoutMs, true)));
      resolve({
        status: res.statusCode ?? 0,
        contentType: String(res.headers["content-type"] ?? "").toLowerCase(),
        body: res,
        complete: () => res.complete,
        close: () => {
          res.destroy();
          req.destroy();
        },
      });
    });
    if (signal?.aborted) return onAbort();
    req.end(body);
  });
}
