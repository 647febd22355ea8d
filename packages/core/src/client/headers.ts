import { ConfigurationError } from "../errors/configuration-error.js";

/** Headers the client owns: signing, routing and framing depend on them. */
const RESERVED = new Set(["authorization", "host", "content-type", "content-length"]);
/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** CR, LF and NUL would split or truncate the header block. */
const UNSAFE_VALUE = /[\r\n\0]/;

/** Header sent on every attempt with a fresh UUID, as the official SDKs do, to find a call in server logs. */
export const TRACE_ID_HEADER = "X-TC-TraceId";

/** Whether the client owns a header: any `X-TC-*`, `Authorization`, `Host`, `Content-Type`, `Content-Length`. */
export function isReservedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith("x-tc-") || RESERVED.has(lower);
}

/**
 * Checks user headers (`ClientOptions.headers`, `CallOptions.headers`, or what middleware left) and
 * returns a copy. `source` names the option in the error.
 * @throws ConfigurationError naming the first reserved or malformed header, before anything is sent.
 */
export function checkHeaders(headers: Readonly<Record<string, string>>, source: string): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const value: unknown = headers[name];
    if (!HEADER_NAME.test(name))
      throw new ConfigurationError(`${source}: ${JSON.stringify(name)} is not a valid header name`);
    if (isReservedHeader(name)) {
      throw new ConfigurationError(
        `${source}: the header ${name} is reserved (the client sets X-TC-*, Authorization, Host, Content-Type and Content-Length itself); ` +
          "use the matching client option instead (region, language, credentials, endpoint)",
      );
    }
    if (typeof value !== "string" || UNSAFE_VALUE.test(value)) {
      throw new ConfigurationError(`${source}: the value of header ${name} must be a string without CR, LF or NUL`);
    }
    copy[name] = value;
  }
  return copy;
}

/** Client headers overlaid with call headers, names compared case-insensitively (the call wins). */
export function mergeHeaders(
  base: Readonly<Record<string, string>> | undefined,
  extra: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined {
  if (extra === undefined) return base === undefined ? undefined : { ...base };
  if (base === undefined) return { ...extra };
  const merged: Record<string, string> = {};
  const overridden = new Set(Object.keys(extra).map((name) => name.toLowerCase()));
  for (const name of Object.keys(base)) if (!overridden.has(name.toLowerCase())) merged[name] = base[name]!;
  return Object.assign(merged, extra);
}
