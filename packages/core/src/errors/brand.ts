/**
 * Registry-wide symbol naming the kind of an SDK error. `Symbol.for` returns the same symbol in every
 * copy of this package, so type guards keep working when an app ends up with two copies installed.
 */
export const ERROR_KIND: unique symbol = Symbol.for("@org/tc-core.error-kind") as never;

/** Kinds of the errors defined in core, stored on each class prototype under {@link ERROR_KIND}. */
export type ErrorKind =
  | "SdkError"
  | "TencentCloudError"
  | "NetworkError"
  | "TimeoutError"
  | "RequestAbortedError"
  | "MalformedResponseError"
  | "ConfigurationError"
  | "ValidationError"
  | "TaskFailedError"
  | "WaiterTimeoutError"
  | "WaiterFailedError"
  | "StreamError"
  | "PaginationError"
  | "CredentialsError";

/** The kind `value` carries, if it is an error from any copy of core. */
export function kindOf(value: unknown): ErrorKind | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const kind = (value as { [ERROR_KIND]?: unknown })[ERROR_KIND];
  return typeof kind === "string" ? (kind as ErrorKind) : undefined;
}

/**
 * Marks a class as being of `kind`, on its prototype so instances pay nothing and inspect shows nothing.
 * The kind doubles as the error's `name`, set here rather than from the constructor's name because
 * bundlers may rename classes.
 */
export function brand(target: { prototype: object }, kind: ErrorKind): void {
  Object.defineProperties(target.prototype, {
    [ERROR_KIND]: { value: kind },
    name: { value: kind, writable: true, configurable: true },
  });
}
