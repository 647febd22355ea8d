import type { Agent } from "node:http";
import type { CredentialProvider, Credentials } from "../credentials/types.js";
import type { RateLimiter } from "../rate-limit/limiter.js";
import type { Transport } from "../transport/types.js";
import type { Hooks } from "./hooks.js";
import type { Logger } from "./logger.js";
import type { Middleware } from "./middleware.js";

/** Retry policy. Attempts count the first try: `maxAttempts: 3` is one try and two retries. */
export interface RetryOptions {
  /** Total attempts, default 3. */
  readonly maxAttempts?: number;
  /** First backoff ceiling in ms (full jitter), default 100. */
  readonly baseDelayMs?: number;
  /** Largest backoff in ms, default 5000. */
  readonly maxDelayMs?: number;
  /** First backoff ceiling after throttling (`RequestLimitExceeded`, HTTP 429) in ms, default 1000. */
  readonly throttleBaseDelayMs?: number;
  /** Largest backoff after throttling in ms, default 20000. A longer `Retry-After` is still honoured. */
  readonly throttleMaxDelayMs?: number;
}

/** Client-side rate limiting. */
export interface RateLimitOptions {
  /** Set `false` to send without queueing. Default `true`: each action at its spec rate. */
  readonly enabled?: boolean;
  /**
   * Unset (default): a sliding window per action lets the spec's per-second number of calls start at
   * once and never more in any one-second window. A number switches to a token bucket holding that
   * many tokens: after the first `burst` calls, calls are spaced evenly at the rate.
   */
  readonly burst?: number;
  /**
   * Where the limiter's state lives. Default: a {@link LocalRateLimiter} per client. Pass one limiter
   * to several clients to share their budget, or a shared store (`@org/tc-ratelimit-redis`) to share
   * it across processes. The client never closes a limiter it was given.
   */
  readonly limiter?: RateLimiter;
}

/** Options every generated client (e.g. `RedisClient`) takes. */
export interface ClientOptions {
  /** Region, e.g. `ap-guangzhou`. A `-fsi` region selects the financial endpoint automatically. */
  readonly region?: string;
  /** Explicit keys or a provider; default: the chain (env, profile file, TKE OIDC, CVM role). */
  readonly credentials?: Credentials | CredentialProvider;
  /** Host (`redis.example.com`) or full origin (`http://127.0.0.1:8080`). */
  readonly endpoint?: string;
  /** Use the international site (`<service>.intl.tencentcloudapi.com`). */
  readonly intl?: boolean;
  /**
   * Send to the region's own host, `<service>.<region>.tencentcloudapi.com`, instead of the nearest
   * access point. Needs `region`; a `-fsi` region already uses its regional host. Both sites share
   * the regional hosts, so `intl` changes nothing here.
   */
  readonly regionalEndpoint?: boolean;
  /** Response language: `zh-CN` or `en-US` (sent as `X-TC-Language`). */
  readonly language?: "zh-CN" | "en-US";
  /**
   * Deadline of each call in ms, default 60000: it covers every stage (rate-limit queue, credentials,
   * every attempt and backoff), and retries stop when the next would start past it.
   */
  readonly timeoutMs?: number;
  /** Largest response body accepted, in bytes, default 32 MiB; a larger one fails without retry. */
  readonly maxResponseBytes?: number;
  /**
   * Allow `http://` endpoints on hosts other than loopback, default `false`: plaintext sends the
   * session token and signed requests unencrypted.
   */
  readonly allowInsecureEndpoint?: boolean;
  /** Retry policy, or `false` to never retry. */
  readonly retry?: RetryOptions | false;
  /** Client-side rate limiting, or `false` to disable it. */
  readonly rateLimit?: RateLimitOptions | false;
  /** Validate requests against the spec before sending, default `true`. */
  readonly validate?: boolean;
  /** Observe every attempt (logging, metrics, tracing). */
  readonly hooks?: Hooks;
  /** Debug logger; also enabled by `DEBUG=tc:*`. Never receives secrets. */
  readonly logger?: Logger;
  /** Replace the HTTP layer (e.g. a fetch-based transport). Default: node:http(s) keep-alive. */
  readonly transport?: Transport;
  /**
   * Proxy for the default transport: a URL with optional credentials
   * (`http://user:password@proxy.corp:3128`), or `false` to ignore the environment. Default:
   * `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` (and lower-case). Not combinable with `transport`.
   */
  readonly proxy?: string | false;
  /**
   * Your own `https.Agent` (or `http.Agent` for an http endpoint) for the default transport, e.g. to
   * tune sockets or TLS. It replaces the built-in keep-alive pool and proxy support; keep
   * `keepAlive: true` or every call pays a new TCP and TLS handshake. Not combinable with `transport`.
   */
  readonly agent?: Agent;
  /**
   * Headers added to every request, e.g. `{ "X-Request-Source": "billing-worker" }`. Reserved names
   * (`X-TC-*`, `Authorization`, `Host`, `Content-Type`, `Content-Length`) throw a `ConfigurationError`.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Functions wrapping every attempt, outermost first, that may change the request before it is
   * signed and read the response: see {@link Middleware}.
   */
  readonly middleware?: readonly Middleware[];
  /** Clock for signing, expiry and rate limiting, in ms since the epoch. Default `Date.now` (monotonic time for rate limiting). */
  readonly now?: () => number;
}

/** Options of one call; the last argument of every client method. */
export interface CallOptions {
  /** Abort the call, including any pending retry. */
  readonly signal?: AbortSignal;
  /** Deadline of this call in ms (every stage, retries included), overriding the client's. */
  readonly timeoutMs?: number;
  /**
   * Headers for this call, overriding client headers of the same name (case-insensitive). Reserved
   * names throw a `ConfigurationError` before anything is sent.
   */
  readonly headers?: Readonly<Record<string, string>>;
}
