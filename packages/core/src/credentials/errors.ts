import { brand, kindOf } from "../errors/brand.js";
import { SdkError, type SdkErrorJson } from "../errors/sdk-error.js";

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
export interface CredentialsErrorJson extends SdkErrorJson {
  /** Every place looked, in order. */
  readonly sources: readonly CredentialSourceReport[];
}

/**
 * Credentials could not be resolved: none configured anywhere, or a source that is configured is broken
 * (a profile without `secret_key`, an unreadable token file, a failing STS call). Thrown before any API
 * request is sent. Its message, `toJSON` and inspect output name places (env var names, file paths,
 * endpoints), never a secret value.
 */
export class CredentialsError extends SdkError {
  /** Every place looked, in order. Empty when one configured source failed on its own. */
  readonly sources: readonly CredentialSourceReport[];
  /** See {@link CredentialsErrorOptions.missing}. */
  readonly missing: boolean;

  constructor(message: string, options: CredentialsErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.sources = Object.freeze([...(options.sources ?? [])]);
    this.missing = options.missing ?? false;
  }

  /** Safe to log: the {@link SdkError} fields, the places looked, and the cause's name, message and code. */
  override toJSON(): CredentialsErrorJson {
    return super.toJSON() as CredentialsErrorJson;
  }

  protected override details(): Record<string, unknown> {
    return { sources: this.sources };
  }
}
brand(CredentialsError, "CredentialsError");

/** True for a {@link CredentialsError} from any copy of `@org/tc-core`, where `instanceof` can fail. */
export function isCredentialsError(value: unknown): value is CredentialsError {
  return kindOf(value) === "CredentialsError";
}

/** A source reporting it is not configured here, so a chain moves on. */
export function missingSource(source: string, detail: string): CredentialsError {
  return new CredentialsError(`No credentials from ${source}: ${detail}`, {
    sources: [{ source, detail }],
    missing: true,
  });
}
