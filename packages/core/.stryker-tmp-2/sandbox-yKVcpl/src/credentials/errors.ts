// @ts-nocheck
const BRAND = Symbol.for("@org/tc-core.CredentialsError");

/** One place the credential chain looked, and why it found nothing usable there. */
export interface CredentialSourceReport {
  /** Where: an env var list, a file path, an endpoint URL. Never a secret. */
  readonly source: string;
  /** Why nothing came from it, e.g. `not set`, `file not found`, `unreachable (ENOTFOUND)`. */
  readonly detail: string;
}

/** Options of {@link CredentialsError}. */
export interface CredentialsErrorOptions {
  /** Every place looked, in order. */
  readonly sources?: readonly CredentialSourceReport[];
  /**
   * `true` when the source is simply not configured here, so a chain may try the next one.
   * `false` (default) when it is configured but broken: a chain stops and reports it.
   */
  readonly missing?: boolean;
  /** Underlying failure. Callers must only pass causes whose text holds no secret. */
  readonly cause?: unknown;
}

/** The JSON form of a {@link CredentialsError}: plain data, safe to log. */
export interface CredentialsErrorJson {
  readonly name: string;
  readonly message: string;
  readonly sources: readonly CredentialSourceReport[];
  readonly cause?: { readonly name: string; readonly message: string; readonly code?: string };
}

/**
 * Credentials could not be resolved: none configured anywhere, or a source that is configured is broken
 * (a profile without `secret_key`, an unreadable token file, a failing STS call). Thrown before any API
 * request is sent. Its message, `toJSON` and inspect output name places (env var names, file paths,
 * endpoints), never a secret value.
 */
export class CredentialsError extends Error {
  // On the prototype, so instances carry nothing extra; `name` too, because bundlers may rename classes.
  static {
    Object.defineProperty(this.prototype, BRAND, { value: true });
    Object.defineProperty(this.prototype, "name", { value: "CredentialsError", writable: true, configurable: true });
  }

  /** Every place looked, in order. Empty when one configured source failed on its own. */
  readonly sources: readonly CredentialSourceReport[];
  /** See {@link CredentialsErrorOptions.missing}. */
  readonly missing: boolean;

  constructor(message: string, options: CredentialsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.sources = Object.freeze([...(options.sources ?? [])]);
    this.missing = options.missing ?? false;
  }

  /** `instanceof` also accepts a CredentialsError from another copy of this package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return Function.prototype[Symbol.hasInstance].call(this, value) || (this === CredentialsError && isCredentialsError(value));
  }

  /** Safe to log: name, message, places looked, and the cause's name, message and code. */
  toJSON(): CredentialsErrorJson {
    const cause = this.cause;
    const code = (cause as { code?: unknown } | undefined)?.code;
    return {
      name: this.name,
      message: this.message,
      sources: this.sources,
      ...(cause instanceof Error
        ? { cause: { name: cause.name, message: cause.message, ...(typeof code === "string" ? { code } : {}) } }
        : {}),
    };
  }
}

/** True for a {@link CredentialsError} from any copy of `@org/tc-core`, where `instanceof` can fail. */
export function isCredentialsError(value: unknown): value is CredentialsError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** A source reporting it is not configured here, so a chain moves on. */
export function missingSource(source: string, detail: string): CredentialsError {
  return new CredentialsError(`No credentials from ${source}: ${detail}`, {
    sources: [{ source, detail }],
    missing: true,
  });
}
