import { randomUUID } from "node:crypto";
import { holdAbortListener } from "../abort/on-abort.js";
import { monotonicMs } from "../clock/monotonic.js";
import { fixedCredentialsOf, resolveCredentialProvider } from "../credentials/resolve.js";
import type { CredentialProvider, Credentials } from "../credentials/types.js";
import { type ResolvedEndpoint, resolveEndpoint } from "../endpoint/resolve.js";
import { kindOf } from "../errors/brand.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { NetworkError } from "../errors/network-error.js";
import { RequestAbortedError } from "../errors/request-aborted-error.js";
import { type SdkError, withContext } from "../errors/sdk-error.js";
import { stringifyJson } from "../json/stringify.js";
import type { ActionMeta, ServiceMeta } from "../meta.js";
import type { RateLimiter } from "../rate-limit/limiter.js";
import { LocalRateLimiter } from "../rate-limit/local.js";
import { isRetryable, type RetryPolicy, resolveRetryPolicy } from "../retry/policy.js";
import { sleep } from "../retry/sleep.js";
import { retryDelay } from "../retry/throttle.js";
import { SigningKeyCache } from "../signer/key-cache.js";
import { signTc3 } from "../signer/tc3.js";
import type { OpenedStream, StreamRequest } from "../stream/http.js";
import type { StreamAnswer } from "../stream/open.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../transport/failures.js";
import type { Transport } from "../transport/types.js";
import { ValidationError, validateRequest } from "../validate/index.js";
import { shapesOf } from "../validate/shapes-of.js";
import { abortable } from "./abortable.js";
import { CallScope } from "./call-scope.js";
import { checkEndpointSecurity, checkHeaderOptions } from "./check-options.js";
import { SigningClock } from "./clock-skew.js";
import { resolveTransport } from "./default-transport.js";
import { checkHeaders, mergeHeaders, TRACE_ID_HEADER } from "./headers.js";
import type { Hooks } from "./hooks.js";
import { type Logger, resolveLogger } from "./logger.js";
import { type Middleware, type MiddlewareRequest, runMiddleware } from "./middleware.js";
import type { CallOptions, ClientOptions, RateLimitOptions } from "./options.js";
import { redactHeaders, redactText } from "./redact.js";
import { interpretResponse, type Outcome } from "./response.js";
import { REQUEST_CLIENT } from "./version.js";

const DEFAULT_TIMEOUT_MS = 60_000;
const CONTENT_TYPE = "application/json; charset=utf-8";

/**
 * Sends one streaming attempt over a client's transport. The stream module passes it in: a call path
 * that named the stream code itself, even through `import()`, would put it into every one-file bundle
 * of a plain call.
 */
export type StreamOpener = (transport: Transport, request: StreamRequest) => Promise<StreamAnswer>;

/**
 * A client's call path as the stream module uses it (`invokeStream`): the calls are tracked by the
 * client, so `close()` stops streams too. Internal: not exported from the package.
 */
export interface CallPath {
  /** The client's service, for the errors of a stream. */
  readonly service: string;
  /** The call's deadline: `options.timeoutMs` or the client's. @throws RangeError for a bad one. */
  timeoutOf(options: CallOptions): number;
  /** Starts tracking a call, so that `close()` stops it. */
  begin(timeoutMs: number, options: CallOptions): CallScope;
  /** Stops tracking a call and releases its timers. */
  end(scope: CallScope): void;
  /** The one request path of `invoke`, with `open` sending each attempt. */
  call(
    action: ActionMeta,
    request: object,
    options: CallOptions,
    scope: CallScope,
    open: StreamOpener,
  ): Promise<Answer>;
}

/**
 * The call path of `client`, for the stream module only (set by `ServiceClient`'s static block, which
 * alone may reach the private members). It keeps streaming off `ServiceClient`, and so out of the
 * bundle of an app that never streams.
 */
export let callPathOf: (client: ServiceClient) => CallPath;

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
  readonly #limiter: RateLimiter | undefined;
  readonly #ownsLimiter: boolean;
  readonly #validate: boolean;
  readonly #hooks: Hooks | undefined;
  readonly #headers: Readonly<Record<string, string>> | undefined;
  readonly #middleware: readonly Middleware[];
  readonly #logger: Logger | undefined;
  readonly #transport: Transport;
  readonly #ownsTransport: boolean;
  readonly #clock: SigningClock;
  readonly #credentials: CredentialProvider;
  /** The keys of explicit `credentials`, taken as they are by every call (no promise to wait on). */
  readonly #fixedCredentials: Credentials | undefined;
  readonly #keys = new SigningKeyCache(8);
  /**
   * Aborted by `close()`, which stops every call through it: the requests of calls without a signal of
   * their own listen to it directly, calls that hold a controller register on it, the others check it.
   */
  readonly #closing = new AbortController();

  static {
    // The stream module's one way into the private call path (see `callPathOf`).
    callPathOf = (client) => ({
      service: client.#meta.service,
      timeoutOf: (options) => client.#callTimeout(options),
      begin: (timeoutMs, options) => client.#begin(timeoutMs, options),
      end: (scope) => client.#end(scope),
      call: (action, request, options, scope, open) => client.#call(action, request, options, scope, open),
    });
  }

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
    const rateLimit =
      options.rateLimit === false || options.rateLimit?.enabled === false ? undefined : (options.rateLimit ?? {});
    this.#ownsLimiter = rateLimit?.limiter === undefined;
    this.#validate = options.validate !== false;
    this.#hooks = options.hooks;
    this.#headers = options.headers === undefined ? undefined : checkHeaders(options.headers, "ClientOptions.headers");
    this.#middleware = [...(options.middleware ?? [])];
    this.#logger = resolveLogger(options.logger);
    this.#ownsTransport = options.transport === undefined;
    this.#transport = resolveTransport(options);
    this.#clock = new SigningClock(options.now ?? Date.now);
    this.#limiter = rateLimit === undefined ? undefined : (rateLimit.limiter ?? localLimiter(rateLimit, options.now));
    this.#credentials = resolveCredentialProvider(
      options.credentials,
      options.now === undefined ? {} : { now: options.now },
    );
    this.#fixedCredentials = fixedCredentialsOf(this.#credentials);
    // Requests listen on it until the client closes; one call at a time must not add and remove its
    // event listener every call.
    holdAbortListener(this.#closing.signal);
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
    const scope = this.#begin(this.#callTimeout(options), options);
    try {
      return (await this.#call(action, request, options, scope, undefined)).response as Res;
    } finally {
      this.#end(scope);
    }
  }

  #callTimeout(options: CallOptions): number {
    return options.timeoutMs === undefined ? this.#timeoutMs : checkTimeout(options.timeoutMs, "options.timeoutMs");
  }

  /** Starts tracking a call, so that `close()` stops it. */
  #begin(timeoutMs: number, options: CallOptions): CallScope {
    return new CallScope(timeoutMs, options.signal, this.#closing.signal);
  }

  #end(scope: CallScope): void {
    scope.dispose();
  }

  /**
   * The one request path of `invoke` and `invokeStream`: validate → region check → rate limit →
   * credentials → middleware → sign → send (or, given `open`, open the stream) → interpret, repeated
   * per the retry policy and the clock-skew correction, all within `scope`. Resolves with the answer,
   * or for a stream that started, with the open stream.
   */
  async #call(
    action: ActionMeta,
    request: object,
    options: CallOptions,
    scope: CallScope,
    open: StreamOpener | undefined,
  ): Promise<Answer> {
    let attempt = 0;
    let stage = "before the call started";
    let clockCorrected = false;
    try {
      scope.check(stage, false);
      if (action.regionRequired === true && this.#region === undefined) {
        throw new ConfigurationError(
          `${action.name} needs a region: set the \`region\` client option (e.g. "ap-guangzhou")`,
        );
      }
      const body = this.#serialize(action, request);
      const headers =
        options.headers === undefined
          ? this.#headers
          : mergeHeaders(this.#headers, checkHeaders(options.headers, "CallOptions.headers"));
      const limit = {
        service: this.#meta.service,
        version: this.#meta.version,
        action: action.name,
        ratePerSecond: action.rateLimit,
      };
      for (;;) {
        stage = "while the call waited for its rate-limit slot";
        const acquired = this.#limiter?.acquire(limit, scope.signal);
        const slot = acquired === undefined ? undefined : await acquired;
        let outcome: AttemptOutcome;
        let traceId = "";
        let secrets: readonly (string | undefined)[] = [];
        try {
          stage = "while getting credentials";
          const credentials = this.#fixedCredentials ?? (await abortable(this.#credentials(), scope.signal));
          // Checked after every wait: a call that waited through close() must not reopen the pool.
          scope.check(stage, attempt > 0);
          attempt++;
          traceId = randomUUID();
          stage = "while waiting for the response";
          const send = { action, attempt, traceId, credentials, body, headers, scope, open };
          outcome =
            this.#middleware.length === 0 ? await this.#attempt(send) : await this.#throughMiddleware(send, request);
          secrets = outcome.secrets ?? [];
        } finally {
          // For a stream: as soon as it opened. It may stay open for minutes, and holding the slot
          // that long would starve the action's other calls.
          this.#limiter?.settled?.(limit, slot);
        }
        if (outcome.ok)
          return { response: outcome.response, stream: outcome.stream, attempts: attempt, traceId, secrets };
        const error = outcome.error;
        // Rejected before running: correct the signing clock and try once more, whatever the policy.
        if (!clockCorrected && this.#clock.correct(error, outcome.headers)) {
          clockCorrected = true;
          continue;
        }
        const retryable = isRetryable(error, action.readOnly);
        withContext(error, { service: this.#meta.service, action: action.name, attempts: attempt, retryable, traceId });
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
    }
  }

  /**
   * Stops the client: no request leaves it after `close()` returns. Calls queued by the rate limiter,
   * waiting for credentials or a retry, or in flight reject with `RequestAbortedError`; pooled
   * connections close. Later calls fail the same way.
   */
  close(): void {
    if (this.#closing.signal.aborted) return;
    this.#closing.abort(new RequestAbortedError("The client was closed"));
    const closed = () => new RequestAbortedError("The client was closed while the call waited for its rate-limit slot");
    if (this.#ownsLimiter) this.#limiter?.close?.(closed);
    if (this.#ownsTransport) this.#transport.close?.();
  }

  /** Validates and serialises a request; a cycle or absurd depth is a ValidationError, never a stack overflow. */
  #serialize(action: ActionMeta, request: object): Buffer {
    if (this.#validate) {
      const problems = validateRequest(shapesOf(action, this.#meta), action.input, request);
      if (problems.length > 0) throw new ValidationError(problems, this.#meta.service, action.name);
    }
    try {
      return Buffer.from(stringifyJson(request), "utf8");
    } catch (error) {
      const why = error instanceof RangeError ? "is nested too deeply" : "has a cycle or a value JSON cannot hold";
      throw new ValidationError(
        [`request: ${why} (${error instanceof Error ? error.message : String(error)})`],
        this.#meta.service,
        action.name,
      );
    }
  }

  /**
   * One attempt wrapped by the middleware; a non-SDK exception from a middleware fails the call. For a
   * stream that opened, `next` resolves with the status and an empty `response`: a middleware that
   * passes that answer on lets the stream through, one that answers otherwise (a cache) replaces it,
   * and the stream is closed.
   */
  async #throughMiddleware(send: Send, params: object): Promise<AttemptOutcome> {
    const request: MiddlewareRequest = {
      service: this.#meta.service,
      version: this.#meta.version,
      action: send.action.name,
      attempt: send.attempt,
      traceId: send.traceId,
      endpoint: this.#endpoint.origin,
      stream: send.open !== undefined,
      params: params as Readonly<Record<string, unknown>>,
      headers: { ...send.headers },
    };
    // The last attempt's response headers (for the clock-skew correction and Retry-After), secrets and stream.
    let last: AttemptOutcome | undefined;
    try {
      const answer = await runMiddleware(this.#middleware, request, async (final) => {
        const headers = checkHeaders(final.headers, "middleware headers");
        const body = final.params === params ? send.body : Buffer.from(stringifyJson(final.params), "utf8");
        if (last?.stream !== undefined) last.stream.close();
        const outcome = await this.#attempt({ ...send, body, headers });
        last = outcome;
        if (!outcome.ok) throw outcome.error;
        return { status: outcome.status ?? 200, response: outcome.response };
      });
      const stream = last?.ok === true && answer.response === last.response ? last.stream : undefined;
      if (stream === undefined) last?.stream?.close();
      const requestId = answer.response["RequestId"] as string | undefined;
      return {
        ok: true,
        response: answer.response as Record<string, unknown>,
        requestId,
        headers: last?.headers,
        secrets: last?.secrets,
        stream,
      };
    } catch (error) {
      last?.stream?.close();
      if (kindOf(error) === undefined) throw error;
      return {
        ok: false,
        error: error as SdkError,
        requestId: undefined,
        headers: last?.headers,
        secrets: last?.secrets,
      };
    }
  }

  /** Headers of one attempt, signed for exactly `body` with the corrected clock. */
  #sign(action: ActionMeta, credentials: Credentials, body: Uint8Array): Record<string, string> {
    return signTc3(
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
  }

  async #attempt({
    action,
    attempt,
    traceId,
    credentials,
    body,
    headers: extra,
    scope,
    open,
  }: Send): Promise<AttemptOutcome> {
    const signed = this.#sign(action, credentials, body);
    const headers: Record<string, string> = extra === undefined ? signed : { ...extra, ...signed };
    headers[TRACE_ID_HEADER] = traceId;
    const hooks = this.#hooks;
    const logger = this.#logger;
    if (hooks?.beforeAttempt !== undefined) {
      hooks.beforeAttempt({
        ...where(this.#meta, action, attempt),
        traceId,
        endpoint: this.#endpoint.origin,
        headers: redactHeaders(headers),
      });
    }
    logger?.debug("send", { ...where(this.#meta, action, attempt), traceId, endpoint: this.#endpoint.origin });
    // Last check before the network: a hook or the closing client may have stopped the call.
    scope.check("before sending", attempt > 1);
    const started = hooks?.afterAttempt !== undefined || logger !== undefined ? monotonicMs() : 0;
    const secrets = [credentials.secretKey, credentials.token, headers["Authorization"]];
    let status: number | undefined;
    let responseHeaders: Readonly<Record<string, string>> | undefined;
    let opened: OpenedStream | undefined;
    let outcome: Outcome;
    try {
      const transportRequest = {
        endpoint: this.#endpoint,
        headers,
        body,
        timeoutMs: scope.remainingMs(),
        signal: scope.cancelSignal,
        maxResponseBytes: this.#maxResponseBytes,
      };
      const response =
        open === undefined
          ? await this.#transport.send(transportRequest)
          : await open(this.#transport, { ...transportRequest, idleTimeoutMs: scope.timeoutMs });
      status = response.status;
      opened = (response as StreamAnswer).stream;
      outcome =
        opened === undefined
          ? interpretResponse(status, response.body, secrets)
          : { ok: true, response: {}, requestId: undefined };
      // Redacted only for whoever reads them (hooks, the logger, middleware, a failure's clock-skew and
      // Retry-After handling): scanning every header of every successful call cost a measurable share of it.
      const read =
        !outcome.ok || hooks?.afterAttempt !== undefined || logger !== undefined || this.#middleware.length > 0;
      if (read && response.headers !== undefined) responseHeaders = redactValues(response.headers, secrets);
    } catch (error) {
      const failure = asSdkError(error);
      // The transport's timer is the call's deadline: report it as the call's timeout.
      const timedOut = kindOf(failure) === "TimeoutError";
      const sent = (failure as { requestSent?: boolean }).requestSent === true;
      outcome = {
        ok: false,
        error: timedOut ? scope.timeout("while waiting for the response", sent) : failure,
        requestId: undefined,
      };
    }
    if (hooks?.afterAttempt !== undefined || logger !== undefined) {
      const error = outcome.ok ? undefined : outcome.error;
      const event = {
        ...where(this.#meta, action, attempt),
        traceId,
        status,
        code: error === undefined ? undefined : errorCodeOf(error),
        requestId: outcome.requestId,
        headers: responseHeaders,
        durationMs: monotonicMs() - started,
        error,
        willRetry: error !== undefined && isRetryable(error, action.readOnly) && attempt < this.#retry.maxAttempts,
      };
      try {
        hooks?.afterAttempt?.(event);
        logger?.debug("done", { ...event, error: error === undefined ? undefined : describe(error) });
      } catch (thrown) {
        // The hook's exception fails the call: the stream it would have read must not stay open.
        opened?.close();
        throw thrown;
      }
    }
    // Built field by field: spreading `outcome` took a slow generic copy, a tenth of a call's CPU.
    return outcome.ok
      ? {
          ok: true,
          response: outcome.response,
          requestId: outcome.requestId,
          status,
          headers: responseHeaders,
          secrets,
          stream: opened,
        }
      : {
          ok: false,
          error: outcome.error,
          requestId: outcome.requestId,
          status,
          headers: responseHeaders,
          secrets,
          stream: opened,
        };
  }
}

/** The default limiter; `burst` keeps the token bucket of earlier versions. Injected clocks drive it in tests. */
function localLimiter(options: RateLimitOptions, now: (() => number) | undefined): RateLimiter {
  return new LocalRateLimiter({
    ...(now === undefined ? {} : { now }),
    ...(options.burst === undefined ? {} : { burst: options.burst }),
  });
}

/** What one attempt needs. */
interface Send {
  /** Opens the event stream of a streaming call; `undefined` for a plain call. */
  readonly open: StreamOpener | undefined;
  readonly action: ActionMeta;
  readonly attempt: number;
  readonly traceId: string;
  readonly credentials: Credentials;
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>> | undefined;
  readonly scope: CallScope;
}

/** One attempt's outcome with the HTTP status and the (redacted) response headers. */
type AttemptOutcome = Outcome & {
  readonly status?: number | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Secret values of the attempt, to redact from anything read later (stream errors). */
  readonly secrets?: readonly (string | undefined)[] | undefined;
  /** The event stream that started (then `response` is empty). */
  readonly stream?: OpenedStream | undefined;
};

/** What a call resolves with: the `Response` object, or the stream that started. */
export interface Answer {
  readonly response: Record<string, unknown>;
  readonly stream: OpenedStream | undefined;
  readonly attempts: number;
  readonly traceId: string;
  readonly secrets: readonly (string | undefined)[];
}

/** The error's `code` (API code or socket code), for hook and log events. */
function errorCodeOf(error: SdkError): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
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
  if (!(value > 0) || !Number.isFinite(value))
    throw new RangeError(`${name} must be a positive number of ms, got ${value}`);
  return value;
}

/** Response headers for hooks and the retry policy, with anything the server echoed of our secrets removed. */
function redactValues(
  headers: Readonly<Record<string, string>>,
  secrets: readonly (string | undefined)[],
): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const name in headers) copy[name] = redactText(headers[name]!, secrets);
  return copy;
}
