import { type ClientRequest, type Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import type { AgentOptions } from "node:https";
import { onAbort } from "../abort/on-abort.js";
import { AgentPool } from "./agents.js";
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
import { contentLength, headerMap } from "./header-map.js";
import { loadedHttps, loadHttps } from "./https-module.js";
import type { Transport, TransportRequest, TransportResponse } from "./types.js";

/** Options of {@link NodeHttpTransport}. */
export interface NodeHttpTransportOptions {
  /** Concurrent connections per origin, default 50. Calls beyond wait for a free connection. */
  readonly maxSockets?: number;
  /**
   * Idle keep-alive connections are closed after this many ms, default 15000: before typical server
   * idle timeouts, so a reused connection is rarely one the server is closing at that moment.
   */
  readonly idleSocketTimeoutMs?: number;
  /**
   * Proxy URL (`http://user:password@proxy:3128`), or `false` to connect directly whatever the
   * environment says. Default: `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` (and lower-case). Requests
   * are tunnelled with `CONNECT`, for https and http origins alike.
   */
  readonly proxy?: string | false;
  /**
   * Your own `http.Agent`/`https.Agent` (matching the endpoint's protocol), used for every request
   * instead of the transport's pools; `proxy` and the pool options then do not apply, and `close()`
   * leaves it open. Keep `keepAlive: true`: without it every call pays a TCP and TLS handshake.
   */
  readonly agent?: HttpAgent;
  /** Extra trusted CA certificates (PEM) for https origins, e.g. a TLS-inspecting proxy's. Default: Node's. */
  readonly ca?: AgentOptions["ca"];
}

/**
 * The connections (proxy tunnels, pools or the caller's own agent) of a `NodeHttpTransport`, `undefined`
 * for any other transport. For the stream module, which opens event streams through them (set by the
 * class's static block, which alone may reach them). Internal: not exported from the package.
 */
export let agentPoolOf: (transport: Transport) => AgentPool | undefined;

/**
 * Default transport: `node:http`/`node:https` with a keep-alive connection pool per client. Measured
 * cheaper per call than global `fetch` (see the package README). Idle pooled sockets do not keep the
 * process alive. Never follows redirects; stops reading at `maxResponseBytes`. Event streams
 * (`invokeStream`) open through the same pools, so with the same proxy or agent: the stream module
 * does that itself, so that an app that never streams does not carry the stream code.
 */
export class NodeHttpTransport implements Transport {
  readonly #agents: AgentPool;

  static {
    // The stream module's way to the pools (see `agentPoolOf`).
    agentPoolOf = (transport) => (transport instanceof NodeHttpTransport ? transport.#agents : undefined);
  }

  /** @throws ConfigurationError for an invalid `proxy` URL. */
  constructor(options: NodeHttpTransportOptions = {}) {
    this.#agents = new AgentPool(options);
  }

  send(request: TransportRequest): Promise<TransportResponse> {
    const { signal } = request;
    if (signal?.aborted) return Promise.reject(abortFailure(signal));
    const agent = this.#agents.agentFor(request.endpoint);
    // An https request through the caller's own agent or a tunnel may come before `node:https` was loaded.
    if (request.endpoint.protocol === "https:" && loadedHttps() === undefined) {
      return Promise.all([agent, loadHttps()]).then(([loaded]) => this.#send(loaded, request));
    }
    if (agent instanceof Promise) return agent.then((loaded) => this.#send(loaded, request));
    return this.#send(agent, request);
  }

  #send(agent: HttpAgent, request: TransportRequest): Promise<TransportResponse> {
    if (request.signal?.aborted) return Promise.reject(abortFailure(request.signal));
    return new Promise((resolve, reject) => {
      try {
        new Attempt(agent, request, resolve, reject);
      } catch (error) {
        // Node refuses a header it cannot send before sending anything, checking what `checkHeaders`
        // checks; scanning every header of every call ourselves as well cost a measurable share of it.
        if (isInvalidHeader(error)) checkHeaders(request.headers);
        throw error;
      }
    });
  }

  /** Destroys pooled connections (not a caller's own `agent`); requests in flight fail with a `NetworkError`. */
  close(): void {
    this.#agents.close();
  }
}

/**
 * A response whose header map is built when first read: a successful call without hooks, logger or
 * middleware never reads it, and building it cost about 0.6 µs of every call. `headers` is an own
 * enumerable accessor, so a transport that wraps this one and spreads the response keeps the headers.
 * One getter shared by every response, holding nothing but Node's raw list: a getter in an object literal,
 * closing over the response, made V8 promote every call in flight (see `bench/gc.mjs`).
 */
class NodeHttpResponse implements TransportResponse {
  static readonly #headers: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: NodeHttpResponse) {
      this.#map ??= headerMap(this.#raw);
      return this.#map;
    },
  };

  readonly status: number;
  readonly body: Uint8Array;
  declare readonly headers: Readonly<Record<string, string>>;
  readonly #raw: readonly string[];
  #map: Record<string, string> | undefined;

  constructor(status: number, body: Uint8Array, raw: readonly string[]) {
    this.status = status;
    this.body = body;
    this.#raw = raw;
    Object.defineProperty(this, "headers", NodeHttpResponse.#headers);
  }
}

/** Whether `error` is Node's refusal of a header name or value (thrown by `request()` before any byte is sent). */
function isInvalidHeader(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ERR_INVALID_CHAR" || code === "ERR_INVALID_HTTP_TOKEN";
}

/** State of one request: settles exactly once, then releases its timer and abort listener. */
class Attempt {
  readonly #request: TransportRequest;
  readonly #resolve: (response: TransportResponse) => void;
  readonly #reject: (error: unknown) => void;
  readonly #req: ClientRequest;
  readonly #timer: NodeJS.Timeout;
  #unlisten: (() => void) | undefined;
  #sent = false;
  #settled = false;

  constructor(
    agent: HttpAgent,
    request: TransportRequest,
    resolve: (response: TransportResponse) => void,
    reject: (error: unknown) => void,
  ) {
    this.#request = request;
    this.#resolve = resolve;
    this.#reject = reject;
    const { endpoint, body } = request;
    // `send()` loaded `node:https` before any https request got here.
    const send = endpoint.protocol === "https:" ? (loadedHttps() as typeof import("node:https")).request : httpRequest;
    const req = send({
      agent,
      method: "POST",
      hostname: endpoint.hostname,
      port: endpoint.port,
      path: "/",
      headers: request.headers,
    });
    this.#req = req;
    req.setHeader("Content-Length", body.byteLength);
    this.#timer = setTimeout(this.#onTimeout, request.timeoutMs);
    this.#unlisten = request.signal && onAbort(request.signal, this.#onAbort);
    // "finish": every byte of the request was handed to a connected socket. Before that the server
    // cannot have a complete request, so a failure is safe to retry whatever the action.
    req.once("finish", this.#onSent);
    req.once("response", this.#onResponse);
    req.on("error", this.#onError);
    req.end(body);
  }

  readonly #onSent = (): void => {
    this.#sent = true;
  };

  readonly #onResponse = (res: IncomingMessage): void => {
    const status = res.statusCode ?? 0;
    const maxBytes = this.#request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    // Counted while reading: an endless body stops at the cap instead of filling memory.
    const raw = res.rawHeaders;
    if (Number(contentLength(raw)) > maxBytes) {
      this.#abandon(tooLargeFailure(status, maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    res.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) this.#abandon(tooLargeFailure(status, maxBytes));
      else chunks.push(chunk);
    });
    res.once("end", () => {
      if (this.#finish()) {
        const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        this.#resolve(new NodeHttpResponse(status, body, raw));
      }
    });
    res.on("error", this.#onError);
    res.once("close", () => {
      // Closed without `end`: the connection dropped mid-body.
      if (!res.complete)
        this.#onError(
          Object.assign(new Error("Connection closed before the body was complete"), { code: "ECONNRESET" }),
        );
    });
  };

  readonly #onError = (error: unknown): void => {
    if (!this.#finish()) return;
    const code = errorCode(error);
    this.#reject(networkFailure(error, code, this.#sent && !isConnectPhaseCode(code)));
  };

  readonly #onTimeout = (): void => this.#abandon(timeoutFailure(this.#request.timeoutMs, this.#sent));

  readonly #onAbort = (): void => this.#abandon(abortFailure(this.#request.signal!));

  /** Fails the attempt with `error` and drops its connection, unless it has settled already. */
  #abandon(error: Error): void {
    if (!this.#finish()) return;
    this.#req.destroy();
    this.#reject(error);
  }

  /** Marks the attempt settled; false if it already was. */
  #finish(): boolean {
    if (this.#settled) return false;
    this.#settled = true;
    clearTimeout(this.#timer);
    this.#unlisten?.();
    return true;
  }
}
