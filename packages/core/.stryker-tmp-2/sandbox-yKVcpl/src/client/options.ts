// @ts-nocheck
import type { CredentialProvider, Credentials } from "../credentials/types.js";
import type { Transport } from "../transport/types.js";
import type { Hooks } from "./hooks.js";
import type { Logger } from "./logger.js";

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
   * Requests of one action that may start back to back after a quiet period, default 1: calls are
   * evenly spaced, so no one-second window ever exceeds the spec rate.
   */
  readonly burst?: number;
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
  /** Clock for signing, expiry and rate limiting, in ms since the epoch. Default `Date.now` (monotonic time for rate limiting). */
  readonly now?: () => number;
}

/** Options of one call; the last argument of every client method. */
export interface CallOptions {
  /** Abort the call, including any pending retry. */
  readonly signal?: AbortSignal;
  /** Deadline of this call in ms (every stage, retries included), overriding the client's. */
  readonly timeoutMs?: number;
}
