import { onAbort } from "../abort/on-abort.js";
import { abortFailure, errorCode, isConnectPhaseCode, networkFailure, timeoutFailure } from "./failures.js";
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
 * codes mean it did not, anything else is assumed sent.
 */
export class FetchTransport implements Transport {
  readonly #fetch: typeof globalThis.fetch;

  constructor(options: FetchTransportOptions = {}) {
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    const { signal, timeoutMs } = request;
    if (signal?.aborted) throw abortFailure(signal);
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
      });
      return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
    } catch (error) {
      if (timedOut) throw timeoutFailure(timeoutMs, true);
      if (signal?.aborted) throw abortFailure(signal);
      const code = errorCode(error);
      throw networkFailure(error, code, !isConnectPhaseCode(code));
    } finally {
      clearTimeout(timer);
      unlisten?.();
    }
  }
}

/** `fetch` derives `Host` from the URL, which is built from the same endpoint the signer used. */
function withoutHost(headers: Readonly<Record<string, string>>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const name in headers) if (name !== "Host") copy[name] = headers[name]!;
  return copy;
}
