import type { ResolvedEndpoint } from "../endpoint/resolve.js";

/** One attempt of an API call, already signed. */
export interface TransportRequest {
  /** Where to POST (path `/`). */
  readonly endpoint: ResolvedEndpoint;
  /** Headers to send verbatim, `Host` included: it is signed. The transport adds `Content-Length`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The exact bytes that were hashed into the signature. */
  readonly body: Uint8Array;
  /** Budget for the whole attempt, connect to last body byte, in ms. */
  readonly timeoutMs: number;
  /** The caller's signal: on abort, stop at once. */
  readonly signal?: AbortSignal | undefined;
}

/** A complete HTTP response: any status, the whole body. */
export interface TransportResponse {
  /** HTTP status code. */
  readonly status: number;
  /** The whole body, as received. */
  readonly body: Uint8Array;
}

/**
 * The HTTP layer, replaceable through the `transport` client option (e.g. {@link FetchTransport} on
 * runtimes without `node:http`). `send` resolves with any complete response, whatever its status, and
 * rejects with `NetworkError`, `TimeoutError` or `RequestAbortedError` from this package; the client
 * treats any other rejection as a `NetworkError` after the request was sent.
 */
export interface Transport {
  /** Sends one signed attempt; resolves with the complete response whatever its status. */
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Releases pooled connections. Called by `ServiceClient.close()` only for transports it created. */
  close?(): void;
}
