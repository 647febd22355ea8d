import { ConfigurationError } from "../errors/configuration-error.js";
import { MalformedResponseError } from "../errors/malformed-response-error.js";
import { NetworkError } from "../errors/network-error.js";
import { TimeoutError } from "../errors/timeout-error.js";

/**
 * Socket/DNS codes that can only happen while connecting, so the server cannot have seen the request.
 * Includes undici's connect failures for the fetch transport.
 */
const CONNECT_PHASE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Whether an error code proves the request never left the client. */
export function isConnectPhaseCode(code: string): boolean {
  return CONNECT_PHASE_CODES.has(code);
}

/** The system error code of `error` or of its cause chain (undici wraps socket errors). */
export function errorCode(error: unknown): string {
  for (let current = error, depth = 0; current !== null && typeof current === "object" && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return "UNKNOWN";
}

/** A {@link NetworkError} for a socket failure, with a message naming the phase. */
export function networkFailure(cause: unknown, code: string, requestSent: boolean): NetworkError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const phase = requestSent ? "after the request was sent" : "before the request was sent";
  return new NetworkError(`Connection failed ${phase} (${code}): ${detail}`, { code, requestSent, cause });
}

/** A {@link TimeoutError} for an attempt that ran out of time. */
export function timeoutFailure(timeoutMs: number, requestSent: boolean): TimeoutError {
  const phase = requestSent ? "waiting for the response" : "connecting";
  return new TimeoutError(`Request timed out after ${timeoutMs} ms ${phase}`, { timeoutMs, requestSent });
}

export { abortFailure } from "../errors/request-aborted-error.js";

/** Default of the `maxResponseBytes` client option: far above any API 3.0 answer, far below exhausting memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** A non-retryable {@link MalformedResponseError} for a body past `maxBytes`; reading stopped there. */
export function tooLargeFailure(httpStatus: number, maxBytes: number): MalformedResponseError {
  return new MalformedResponseError(
    `HTTP ${httpStatus} with a body larger than maxResponseBytes (${maxBytes} bytes); reading stopped`,
    {
      httpStatus,
      reason: "too-large",
      excerpt: "",
    },
  );
}

/** Header values HTTP allows: no CR, LF, NUL or other control characters except tab. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Rejects a header that cannot be sent, before anything is: CR/LF in a region or token is a local
 * configuration mistake (and a header-injection vector), not a network failure. Names the header,
 * never the value, which may be a secret.
 */
export function checkHeaders(headers: Readonly<Record<string, string>>): void {
  for (const name in headers) {
    if (!HEADER_VALUE.test(headers[name]!)) {
      throw new ConfigurationError(
        `Header ${name} holds a character HTTP forbids (CR, LF or another control character); nothing was sent`,
      );
    }
  }
}
