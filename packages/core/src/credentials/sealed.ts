import { CredentialsError } from "./errors.js";
import type { Credentials } from "./types.js";

const REDACTED = "[redacted]";

/**
 * `util.inspect.custom`, which Node documents as `Symbol.for("nodejs.util.inspect.custom")`: using the
 * registry key keeps `node:util` off the import path of every client.
 */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** The `inspect` function Node hands to a custom inspector as its third argument. */
type Inspect = (value: unknown, options: object) => string;

/** Key ids and tokens are printable, space-free ASCII: anything else cannot be sent in a header. */
const HEADER_SAFE = /^[\x21-\x7e]*$/;

/**
 * Credentials whose secret key (and, in the subclass, token) live in private fields behind prototype
 * getters, so `JSON.stringify`, `util.inspect` (even with `showHidden` or `getters`), `console.log`,
 * object spread and structured logging never see them; only code reading `.secretKey` / `.token` by
 * name does (the signer).
 */
class SealedCredentials implements Credentials {
  readonly secretId: string;
  readonly expiresAt?: Date;
  readonly #secretKey: string;

  constructor(secretId: string, secretKey: string, expiresAt: Date | undefined) {
    this.secretId = secretId;
    this.#secretKey = secretKey;
    if (expiresAt !== undefined) this.expiresAt = new Date(expiresAt.getTime());
  }

  get secretKey(): string {
    return this.#secretKey;
  }

  toJSON(): Record<string, string> {
    return {
      secretId: this.secretId,
      secretKey: REDACTED,
      ...(this instanceof SealedSessionCredentials ? { token: REDACTED } : {}),
      ...(this.expiresAt === undefined ? {} : { expiresAt: this.expiresAt.toISOString() }),
    };
  }

  [INSPECT](_depth: number, options: object, inspect: Inspect): string {
    const shown = { ...this.toJSON(), ...(this.expiresAt === undefined ? {} : { expiresAt: this.expiresAt }) };
    return `Credentials ${inspect(shown, options)}`;
  }
}

/** Temporary credentials: a separate class so `token` is absent, not `undefined`, on long-term keys. */
class SealedSessionCredentials extends SealedCredentials {
  readonly #token: string;

  constructor(secretId: string, secretKey: string, token: string, expiresAt: Date | undefined) {
    super(secretId, secretKey, expiresAt);
    this.#token = token;
  }

  get token(): string {
    return this.#token;
  }
}

/**
 * Checks provider output and returns it as redacted credentials. The error names what is wrong
 * with the result, never its values.
 */
export function sealCredentials(value: unknown, origin: string): Credentials {
  if (value instanceof SealedCredentials) return value;
  if (typeof value !== "object" || value === null) {
    throw new CredentialsError(
      `Invalid credentials from ${origin}: expected an object, got ${value === null ? "null" : typeof value}`,
    );
  }
  const problems: string[] = [];
  const c = value as Partial<Record<keyof Credentials, unknown>>;
  if (typeof c.secretId !== "string" || c.secretId === "") problems.push("secretId is missing or empty");
  if (typeof c.secretKey !== "string" || c.secretKey === "") problems.push("secretKey is missing or empty");
  if (c.token !== undefined && typeof c.token !== "string") problems.push("token is not a string");
  // Both travel in headers: a CR/LF there is a configuration mistake (or an injection), caught here
  // instead of failing as a retried network error on every call.
  if (typeof c.secretId === "string" && !HEADER_SAFE.test(c.secretId))
    problems.push("secretId holds whitespace or control characters");
  if (typeof c.token === "string" && !HEADER_SAFE.test(c.token))
    problems.push("token holds whitespace or control characters");
  if (c.expiresAt !== undefined && !(c.expiresAt instanceof Date && !Number.isNaN(c.expiresAt.getTime()))) {
    problems.push("expiresAt is not a valid Date");
  }
  if (problems.length > 0) {
    throw new CredentialsError(`Invalid credentials from ${origin}: ${problems.join("; ")}`);
  }
  const ok = c as Credentials;
  const sealed =
    ok.token === undefined || ok.token === ""
      ? new SealedCredentials(ok.secretId, ok.secretKey, ok.expiresAt)
      : new SealedSessionCredentials(ok.secretId, ok.secretKey, ok.token, ok.expiresAt);
  return Object.freeze(sealed);
}
