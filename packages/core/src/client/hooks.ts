import type { SdkError } from "../errors/sdk-error.js";

/** Identifies one attempt of one call. */
export interface AttemptInfo {
  /** Signing service name, e.g. `redis`. */
  readonly service: string;
  /** Action name, e.g. `DescribeTaskInfo`. */
  readonly action: string;
  /** 1 for the first try, 2 for the first retry, … */
  readonly attempt: number;
  /** UUID sent as `X-TC-TraceId` by this attempt; also on the error it may end in (`err.traceId`). */
  readonly traceId: string;
}

/** Passed to {@link Hooks.beforeAttempt} right before the request is sent. */
export interface BeforeAttemptEvent extends AttemptInfo {
  /** Origin the request goes to, e.g. `https://redis.tencentcloudapi.com`. */
  readonly endpoint: string;
  /** Headers as sent, with `Authorization` and `X-TC-Token` replaced by `[REDACTED]`. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Passed to {@link Hooks.afterAttempt} when an attempt ends, successfully or not. */
export interface AfterAttemptEvent extends AttemptInfo {
  /** HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** `RequestId` of the response, when it had one. */
  readonly requestId: string | undefined;
  /**
   * Response headers (lower-case names, e.g. `date`, `retry-after`), when a response arrived and the
   * transport reports them; anything echoing a secret of the call is redacted.
   */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** Time from sending to the parsed response or failure, in ms. */
  readonly durationMs: number;
  /**
   * Code of the failure: the service's error code (`ResourceNotFound.InstanceNotExists`) or the socket's
   * (`ECONNRESET`); `undefined` on success or for failures without one (timeouts, aborts).
   */
  readonly code: string | undefined;
  /** The attempt's failure, if any. */
  readonly error: SdkError | undefined;
  /** Whether another attempt follows. */
  readonly willRetry: boolean;
}

/**
 * Observers of every attempt, for logging, metrics and tracing. Called synchronously on the request
 * path: keep them cheap. An exception thrown by a hook fails the call with that exception.
 */
export interface Hooks {
  /** Called right before each attempt is sent, retries included. */
  readonly beforeAttempt?: (event: BeforeAttemptEvent) => void;
  /** Called when each attempt ends, with its response or error and whether a retry follows. */
  readonly afterAttempt?: (event: AfterAttemptEvent) => void;
}
