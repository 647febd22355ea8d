// @ts-nocheck
import { kindOf } from "./brand.js";
import type { ConfigurationError } from "./configuration-error.js";
import type { MalformedResponseError } from "./malformed-response-error.js";
import type { NetworkError } from "./network-error.js";
import type { RequestAbortedError } from "./request-aborted-error.js";
import type { SdkError } from "./sdk-error.js";
import type { TencentCloudError } from "./tencent-cloud-error.js";
import type { TimeoutError } from "./timeout-error.js";

/** True for any error thrown by a call, from any copy of `@org/tc-core`. */
export function isSdkError(value: unknown): value is SdkError {
  return kindOf(value) !== undefined;
}

/**
 * True for an API error from any copy of `@org/tc-core`; with `code`, only for that exact code.
 * @example if (isTencentCloudError(err, "ResourceNotFound.InstanceNotExists")) { ... }
 */
export function isTencentCloudError<C extends string = string>(value: unknown, code?: C): value is TencentCloudError<C> {
  return kindOf(value) === "TencentCloudError" && (code === undefined || (value as TencentCloudError).code === code);
}

/** True for a {@link NetworkError} from any copy of `@org/tc-core`. */
export function isNetworkError(value: unknown): value is NetworkError {
  return kindOf(value) === "NetworkError";
}

/** True for a {@link TimeoutError} from any copy of `@org/tc-core`. */
export function isTimeoutError(value: unknown): value is TimeoutError {
  return kindOf(value) === "TimeoutError";
}

/** True for a {@link RequestAbortedError} from any copy of `@org/tc-core`. */
export function isRequestAbortedError(value: unknown): value is RequestAbortedError {
  return kindOf(value) === "RequestAbortedError";
}

/** True for a {@link MalformedResponseError} from any copy of `@org/tc-core`. */
export function isMalformedResponseError(value: unknown): value is MalformedResponseError {
  return kindOf(value) === "MalformedResponseError";
}

/** True for a {@link ConfigurationError} from any copy of `@org/tc-core`. */
export function isConfigurationError(value: unknown): value is ConfigurationError {
  return kindOf(value) === "ConfigurationError";
}
