import type { ResolvedEndpoint } from "../endpoint/resolve.js";

/** One attempt of an API call, already signed. */
export interface TransportRequest {
  /** Where to POST (path `/`). */
  readonly endpoint: ResolvedEndpoint;
  /** Headers to send verbatim, `Host` included: it is signed. The transport adds `Content-Length`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The exact bytes that were hashed into the signature. */
  readonly body: Uint8Array;
  /** Budget for the whole attempt, connect to last body byte, in ms: what is left of the call's deadline. */
  readonly timeoutMs: number;
  /** Largest body to read, in bytes; past it the transport stops and rejects (default 32 MiB). */
  readonly maxResponseBytes?: number | undefined;
  /** The caller's signal: on abort, stop at once. */
  readonly signal?: AbortSignal | undefined;
}

/** A complete HTTP response: any status, the whole body. */
export interface TransportResponse {
  /** HTTP status code. */
  readonly status: number;
  /** The whole body, as received. */
  readonly body: Uint8Array;
  /** Response headers, names in lower case (`date`, `retry-after`), for the retry policy, clock and hooks. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The HTTP layer, replaceable through the `transport` client option (e.g. {@link FetchTransport} on
 * runtimes without `node:http`). `send` resolves with any complete response, whatever its status
 * (redirects are never followed: a 3xx is returned as is), and rejects with `NetworkError`,
 * `TimeoutError`, `RequestAbortedError`, `MalformedResponseError` (body past `maxResponseBytes`) or
 * `ConfigurationError` (a header that cannot be sent) from this package; the client treats any other
 * rejection as a `NetworkError` after the request was sent.
 */
export interface Transport {
  /** Sends one signed attempt; resolves with the complete response whatever its status. */
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Releases pooled connections. Called by `ServiceClient.close()` only for transports it created. */
  close?(): void;
}
