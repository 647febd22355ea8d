import { brand, ERROR_KIND, type ErrorKind, kindOf } from "./brand.js";

/** Where and how often a failing call was tried; filled in by the client before the error reaches you. */
export interface ErrorContext {
  /** Signing service name, e.g. `redis`. */
  readonly service?: string;
  /** Action name, e.g. `DescribeTaskInfo`. */
  readonly action?: string;
  /** Attempts made, the first try included. */
  readonly attempts?: number;
  /** Whether the retry policy treats this failure as retryable (it may have run out of attempts). */
  readonly retryable?: boolean;
  /** `X-TC-TraceId` of the last attempt. */
  readonly traceId?: string;
}

/** Options shared by every SDK error constructor. */
export interface SdkErrorOptions extends ErrorContext {
  /** The underlying failure. Must hold no secret: it is shown by `util.inspect`. */
  readonly cause?: unknown;
}

/**
 * The JSON form of an SDK error: plain data, safe to log. Holds the fields of {@link SdkError}, the
 * subclass's own fields (e.g. `code`, `requestId`), and the cause's name, message and code only.
 */
export interface SdkErrorJson {
  /** The error class, e.g. `TencentCloudError`. */
  readonly name: string;
  /** The message, free of secrets. */
  readonly message: string;
  /** See {@link SdkError.service}. */
  readonly service: string | undefined;
  /** See {@link SdkError.action}. */
  readonly action: string | undefined;
  /** See {@link SdkError.attempts}. */
  readonly attempts: number;
  /** See {@link SdkError.retryable}. */
  readonly retryable: boolean;
  /** The underlying failure, reduced to what is safe to log. */
  readonly cause?: {
    /** The cause's `name`. */
    readonly name: string;
    /** The cause's `message`. */
    readonly message: string;
    /** The cause's `code` when it is a string, e.g. `ECONNRESET`. */
    readonly code?: string;
  };
  readonly [key: string]: unknown;
}

/**
 * Base of every error the SDK throws for a call: API errors, network failures, timeouts, aborts and
 * malformed responses. `instanceof` works across duplicate copies of `@org/tc-core` (see
 * {@link isSdkError}), and no subclass ever puts a secret in its message, `toJSON` or inspect output.
 */
export class SdkError extends Error {
  /** Signing service name, e.g. `redis`; `undefined` when the failure happened outside a call. */
  readonly service: string | undefined;
  /** Action name, e.g. `DescribeTaskInfo`. */
  readonly action: string | undefined;
  /** Attempts made, the first try included; 0 when the call failed before sending anything. */
  readonly attempts: number;
  /** Whether the retry policy treats this failure as retryable (it may have run out of attempts). */
  readonly retryable: boolean;
  /** `X-TC-TraceId` the last attempt sent (a UUID); `undefined` when the call failed before sending. */
  readonly traceId: string | undefined;

  constructor(message: string, options: SdkErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.service = options.service;
    this.action = options.action;
    this.attempts = options.attempts ?? 0;
    this.retryable = options.retryable ?? false;
    this.traceId = options.traceId;
  }

  /**
   * Makes `instanceof` accept errors from another copy of this package: an object is an instance of a
   * core error class when its brand says so, even if its prototype chain leads to a different copy.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (!Object.hasOwn(this.prototype, ERROR_KIND)) return false;
    const wanted = (this.prototype as unknown as { [ERROR_KIND]: ErrorKind })[ERROR_KIND];
    const kind = kindOf(value);
    return kind !== undefined && (wanted === "SdkError" || kind === wanted);
  }

  /** Plain data for structured logs: context, subclass fields and the cause's name and message. */
  toJSON(): SdkErrorJson {
    const cause = this.cause;
    const json: Record<string, unknown> = {
      name: this.name,
      message: this.message,
      service: this.service,
      action: this.action,
      attempts: this.attempts,
      retryable: this.retryable,
      ...(this.traceId === undefined ? {} : { traceId: this.traceId }),
      ...this.details(),
    };
    if (cause instanceof Error) {
      const code = (cause as { code?: unknown }).code;
      json["cause"] = { name: cause.name, message: cause.message, ...(typeof code === "string" ? { code } : {}) };
    }
    return json as SdkErrorJson;
  }

  /** Subclass fields for {@link SdkError.toJSON}. */
  protected details(): Record<string, unknown> {
    return {};
  }
}
brand(SdkError, "SdkError");

/**
 * Fills in where a failure happened. The client calls this once per thrown error; errors are otherwise
 * immutable to their consumers, which is why the fields are `readonly` in the public types.
 */
export function withContext<E extends SdkError>(error: E, context: ErrorContext): E {
  Object.assign(error, context);
  return error;
}
