// @ts-nocheck
import { resolveCredentialProvider } from "../credentials/resolve.js";
import type { CredentialProvider, Credentials } from "../credentials/types.js";
import { resolveEndpoint, type ResolvedEndpoint } from "../endpoint/resolve.js";
import { kindOf } from "../errors/brand.js";
import { NetworkError } from "../errors/network-error.js";
import { RequestAbortedError } from "../errors/request-aborted-error.js";
import { withContext, type SdkError } from "../errors/sdk-error.js";
import { stringifyJson } from "../json/stringify.js";
import type { ActionMeta, ServiceMeta } from "../meta.js";
import { TokenBucket } from "../rate-limit/token-bucket.js";
import { isRetryable, resolveRetryPolicy, type RetryPolicy } from "../retry/policy.js";
import { sleep } from "../retry/sleep.js";
import { retryDelay } from "../retry/throttle.js";
import { SigningKeyCache } from "../signer/key-cache.js";
import { signTc3 } from "../signer/tc3.js";
import { NodeHttpTransport } from "../transport/node-http.js";
import type { Transport } from "../transport/types.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../transport/failures.js";
import { validateRequest, ValidationError } from "../validate/index.js";
import { abortable } from "./abortable.js";
import { CallScope } from "./call-scope.js";
import { checkEndpointSecurity, checkHeaderOptions } from "./check-options.js";
import { SigningClock } from "./clock-skew.js";
import type { Hooks } from "./hooks.js";
import { resolveLogger, type Logger } from "./logger.js";
import type { CallOptions, ClientOptions, RateLimitOptions } from "./options.js";
import { redactHeaders, redactText } from "./redact.js";
import { interpretResponse, type Outcome } from "./response.js";
import { REQUEST_CLIENT } from "./version.js";

const DEFAULT_TIMEOUT_MS = 60_000;
const CONTENT_TYPE = "application/json; charset=utf-8";

/**
 * Runtime of one service version: generated clients (e.g. `RedisClient`) extend it and turn each
 * method into one {@link ServiceClient.invoke} call. Construction resolves the endpoint and checks the
 * options, so misconfiguration fails here rather than on the first call. Cheap to create; holds a
 * keep-alive connection pool once used: call {@link ServiceClient.close} when done with it.
 */
export class ServiceClient {
  readonly #meta: ServiceMeta;
  readonly #endpoint: ResolvedEndpoint;
  readonly #region: string | undefined;
  readonly #language: string | undefined;
  readonly #timeoutMs: number;
  readonly #maxResponseBytes: number;
  readonly #retry: RetryPolicy;
  readonly #rateLimit: RateLimitOptions | undefined;
  readonly #validate: boolean;
  readonly #hooks: Hooks | undefined;
  readonly #logger: Logger | undefined;
  readonly #transport: Transport;
  readonly #ownsTransport: boolean;
  readonly #now: () => number;
  readonly #clock: SigningClock;
  /** Clock of the rate limiter: the injected one, else monotonic time. */
  readonly #limiterNow: () => number;
  readonly #credentials: CredentialProvider;
  readonly #keys = new SigningKeyCache(8);
  readonly #buckets = new Map<string, TokenBucket>();
  /** Calls in progress, stopped by `close()`: a Set rather than abort listeners, which would pile up. */
  readonly #calls = new Set<CallScope>();
  #closed = false;

  /**
   * @throws ConfigurationError for options that cannot work (`intl` with a `-fsi` region, an endpoint
   * with a path); `RangeError` for out-of-range numbers; `CredentialsError` for malformed explicit keys.
   */
  constructor(meta: ServiceMeta, options: ClientOptions = {}) {
    this.#meta = meta;
    this.#endpoint = resolveEndpoint(meta, options);
    checkEndpointSecurity(this.#endpoint, options.allowInsecureEndpoint);
    checkHeaderOptions(options);
    this.#region = options.region;
    this.#language = options.language;
    this.#timeoutMs = checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, "timeoutMs");
    this.#maxResponseBytes = checkTimeout(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, "maxResponseBytes");
    this.#retry = resolveRetryPolicy(options.retry);
    this.#rateLimit = options.rateLimit === false || options.rateLimit?.enabled === false ? undefined : (options.rateLimit ?? {});
    this.#validate = options.validate !== false;
    this.#hooks = options.hooks;
    this.#logger = resolveLogger(options.logger);
    this.#ownsTransport = options.transport === undefined;
    this.#transport = options.transport ?? new NodeHttpTransport();
    this.#now = options.now ?? Date.now;
    this.#clock = new SigningClock(this.#now);
    this.#limiterNow = options.now ?? performance.now.bind(performance);
    this.#credentials = resolveCredentialProvider(options.credentials, options.now === undefined ? {} : { now: options.now });
  }

  /** Origin requests go to, e.g. `https://redis.tencentcloudapi.com`. */
  get endpoint(): string {
    return this.#endpoint.origin;
  }

  /**
   * Correction applied to the local clock when signing, in ms (server time − local time): 0 until a
   * call failed `AuthFailure.SignatureExpire` and the server's `Date` header showed the local clock off.
   */
  get clockOffsetMs(): number {
    return this.#clock.offsetMs;
  }

  /**
   * Calls one action and resolves with its `Response` object (`RequestId` included). Public so that
   * waiters, paginators and code outside the generated methods share the one call path:
   * validate → rate limit → credentials → sign → send → parse, repeated per the retry policy.
   *
   * @throws ValidationError before anything is sent when the request does not match the spec.
   * @throws TencentCloudError when the service answers with an error; NetworkError, TimeoutError,
   * MalformedResponseError for transport failures; RequestAbortedError when `options.signal` aborts.
   * Each carries the service, action and number of attempts made.
   */
  async invoke<Res>(action: ActionMeta, request: object, options: CallOptions = {}): Promise<Res> {
    const timeoutMs = options.timeoutMs === undefined ? this.#timeoutMs : checkTimeout(options.timeoutMs, "options.timeoutMs");
    const scope = new CallScope(timeoutMs, options.signal);
    this.#calls.add(scope);
    if (this.#closed) scope.close();
    let attempt = 0;
    let stage = "before the call started";
    let clockCorrected = false;
    try {
      scope.check(stage, false);
      const body = this.#serialize(action, request);
      const bucket = this.#bucketFor(action);
      for (;;) {
        stage = "while the call waited for its rate-limit slot";
        const slot = bucket?.acquire(scope.signal);
        if (slot !== undefined) await slot;
        stage = "while getting credentials";
        const credentials = await abortable(this.#credentials(), scope.signal);
        // Checked after every wait: a call that waited through close() must not reopen the pool.
        scope.check(stage, attempt > 0);
        attempt++;
        stage = "while waiting for the response";
        const outcome = await this.#attempt(action, attempt, credentials, body, scope);
        if (outcome.ok) return outcome.response as Res;
        const error = outcome.error;
        // Rejected before running: correct the signing clock and try once more, whatever the policy.
        if (!clockCorrected && this.#clock.correct(error, outcome.headers)) {
          clockCorrected = true;
          continue;
        }
        const retryable = isRetryable(error, action.readOnly);
        withContext(error, { service: this.#meta.service, action: action.name, attempts: attempt, retryable });
        if (!retryable || attempt - (clockCorrected ? 1 : 0) >= this.#retry.maxAttempts) throw error;
        const delayMs = retryDelay(error, attempt, this.#retry, outcome.headers, this.#clock.now());
        // A retry that could only start after the deadline would fail anyway: report the real failure.
        if (!scope.allows(delayMs)) throw error;
        this.#logger?.debug("retry", { ...where(this.#meta, action, attempt), delayMs, error: describe(error) });
        stage = "while backing off before a retry";
        await sleep(delayMs, scope.signal);
      }
    } catch (caught) {
      const error = scope.translate(caught, stage, attempt > 0);
      if (kindOf(error) !== undefined && (error as SdkError).service === undefined) {
        withContext(error as SdkError, { service: this.#meta.service, action: action.name, attempts: attempt });
      }
      throw error;
    } finally {
      scope.dispose();
      this.#calls.delete(scope);
    }
  }

  /**
   * Stops the client: no request leaves it after `close()` returns. Calls queued by the rate limiter,
   * waiting for credentials or a retry, or in flight reject with `RequestAbortedError`; pooled
   * connections close. Later calls fail the same way.
   */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const call of this.#calls) call.close();
    const closed = () => new RequestAbortedError("The client was closed while the call waited for its rate-limit slot");
    for (const bucket of this.#buckets.values()) bucket.close(closed);
    if (this.#ownsTransport) this.#transport.close?.();
  }

  /** Validates and serialises a request; a cycle or absurd depth is a ValidationError, never a stack overflow. */
  #serialize(action: ActionMeta, request: object): Buffer {
    if (this.#validate) {
      const problems = validateRequest(this.#meta.shapes, action.input, request);
      if (problems.length > 0) throw new ValidationError(problems, this.#meta.service, action.name);
    }
    try {
      return Buffer.from(stringifyJson(request), "utf8");
    } catch (error) {
      const why = error instanceof RangeError ? "is nested too deeply" : "has a cycle or a value JSON cannot hold";
      throw new ValidationError([`request: ${why} (${error instanceof Error ? error.message : String(error)})`], this.#meta.service, action.name);
    }
  }

  async #attempt(
    action: ActionMeta,
    attempt: number,
    credentials: Credentials,
    body: Buffer,
    scope: CallScope,
  ): Promise<Outcome & { readonly headers?: Readonly<Record<string, string>> | undefined }> {
    const headers = signTc3(
      {
        secretId: credentials.secretId,
        secretKey: credentials.secretKey,
        token: credentials.token,
        service: this.#meta.service,
        host: this.#endpoint.host,
        action: action.name,
        version: this.#meta.version,
        region: this.#region,
        language: this.#language,
        timestamp: Math.floor(this.#clock.now() / 1000),
        contentType: CONTENT_TYPE,
        body,
        requestClient: REQUEST_CLIENT,
      },
      this.#keys,
    );
    const hooks = this.#hooks;
    const logger = this.#logger;
    if (hooks?.beforeAttempt !== undefined) {
      hooks.beforeAttempt({ ...where(this.#meta, action, attempt), endpoint: this.#endpoint.origin, headers: redactHeaders(headers) });
    }
    logger?.debug("send", { ...where(this.#meta, action, attempt), endpoint: this.#endpoint.origin });
    // Last check before the network: a hook or the closing client may have stopped the call.
    scope.check("before sending", attempt > 1);
    const started = performance.now();
    const secrets = [credentials.secretKey, credentials.token, headers["Authorization"]];
    let status: number | undefined;
    let responseHeaders: Readonly<Record<string, string>> | undefined;
    let outcome: Outcome;
    try {
      const response = await this.#transport.send({
        endpoint: this.#endpoint,
        headers,
        body,
        timeoutMs: scope.remainingMs(),
        signal: scope.cancelSignal,
        maxResponseBytes: this.#maxResponseBytes,
      });
      status = response.status;
      responseHeaders = response.headers === undefined ? undefined : redactValues(response.headers, secrets);
      outcome = interpretResponse(status, response.body, secrets);
    } catch (error) {
      const failure = asSdkError(error);
      // The transport's timer is the call's deadline: report it as the call's timeout.
      const timedOut = kindOf(failure) === "TimeoutError";
      const sent = (failure as { requestSent?: boolean }).requestSent === true;
      outcome = { ok: false, error: timedOut ? scope.timeout("while waiting for the response", sent) : failure, requestId: undefined };
    }
    if (hooks?.afterAttempt !== undefined || logger !== undefined) {
      const error = outcome.ok ? undefined : outcome.error;
      const event = {
        ...where(this.#meta, action, attempt),
        status,
        requestId: outcome.requestId,
        headers: responseHeaders,
        durationMs: performance.now() - started,
        error,
        willRetry: error !== undefined && isRetryable(error, action.readOnly) && attempt < this.#retry.maxAttempts,
      };
      hooks?.afterAttempt?.(event);
      logger?.debug("done", { ...event, error: error === undefined ? undefined : describe(error) });
    }
    return { ...outcome, headers: responseHeaders };
  }

  #bucketFor(action: ActionMeta): TokenBucket | undefined {
    if (this.#rateLimit === undefined) return undefined;
    let bucket = this.#buckets.get(action.name);
    if (bucket === undefined) {
      bucket = new TokenBucket(action.rateLimit, {
        now: this.#limiterNow,
        ...(this.#rateLimit.burst === undefined ? {} : { burst: this.#rateLimit.burst }),
      });
      this.#buckets.set(action.name, bucket);
    }
    return bucket;
  }
}

function where(meta: ServiceMeta, action: ActionMeta, attempt: number) {
  return { service: meta.service, action: action.name, attempt };
}

/** Name, code and message of an error for a log line: the fields our errors guarantee secret-free. */
function describe(error: SdkError): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  return { name: error.name, ...(code === undefined ? {} : { code }), message: error.message };
}

/** A custom transport may reject with anything; treat the unknown as a failure after sending. */
function asSdkError(error: unknown): SdkError {
  if (kindOf(error) !== undefined) return error as SdkError;
  const message = error instanceof Error ? error.message : String(error);
  return new NetworkError(`Transport failed: ${message}`, { code: "UNKNOWN", requestSent: true, cause: error });
}

function checkTimeout(value: number, name: string): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

/** Response headers for hooks and the retry policy, with anything the server echoed of our secrets removed. */
function redactValues(headers: Readonly<Record<string, string>>, secrets: readonly (string | undefined)[]): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const name in headers) copy[name] = redactText(headers[name]!, secrets);
  return copy;
}
